// SQLite: an audit entry that repeats its task's or document's unchanging fields is stored without
// them (audit-compaction.ts); the contract (contract-retention.ts) proves it is read back exactly.
import { afterAll, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { AUDIT_TYPES } from '../../src/store/sqlite/audit-compaction.js';
import { unpackName } from '../../src/store/sqlite/packed-ids.js';
import { at, audit, caseRecord, create, document, task, update } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-audit-compaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Given entries of a step and an upload, When stored, Then the rows keep only what their task and document do not hold', async () => {
  const file = join(dir, 'alur.sqlite');
  const store = createSqliteStore({ file });
  await store.init();
  const c = caseRecord();
  const t = task(c);
  const d = document(c, { taskId: t.id });
  const created = audit(c, 'task.created', { taskId: t.id, data: { step: t.name, stepNo: t.stepNo, groupId: t.groupId, dueAt: t.dueAt } });
  const uploaded = audit(c, 'document.uploaded', { taskId: t.id, at: at(2), data: { field: d.field, name: d.originalName, size: d.size, sha256: d.sha256, documentId: d.id } });
  const completed = audit(c, 'task.completed', { taskId: t.id, at: at(2), data: { step: t.name, fields: { nama: 'Budi' } } });
  const other = audit(c, 'case.returned', { taskId: t.id, at: at(3), data: { step: 'Langkah lain', reasons: 'x' } });
  await store.applyCaseChange(create(c, { openTasks: [t], documents: [d], audit: [created, uploaded, completed, other] }));
  await store.close();

  const db = openDatabase(file);
  try {
    const rows = db.prepare(`SELECT ${unpackName(AUDIT_TYPES, 'type')} AS type, data, derived FROM audit ORDER BY seq`).all(); // types packed (packed-ids.ts)
    expect(rows).toEqual([
      { type: 'task.created', data: '{}', derived: 1 | 2 | 4 | 8 },
      { type: 'document.uploaded', data: JSON.stringify({ documentId: d.id }), derived: 64 | 128 | 256 | 512 },
      { type: 'task.completed', data: JSON.stringify({ fields: { nama: 'Budi' } }), derived: 1 },
      { type: 'case.returned', data: JSON.stringify(other.data), derived: null },
    ]);
  } finally {
    db.close();
  }
});

test('Given a step whose submitted values are the case\'s data under its form, When stored and the data later replaced, Then the row keeps none and the values of before are kept once', async () => {
  const file = join(dir, 'fields.sqlite');
  const store = createSqliteStore({ file });
  await store.init();
  const c = caseRecord({ data: {} });
  const t = task(c, { formKey: 'identitas' });
  const values = { nama: 'Budi', sistem: ['SPSE'] };
  const completed = audit(c, 'task.completed', { taskId: t.id, at: at(2), data: { step: t.name, fields: values, warning: 'w' } });
  await store.applyCaseChange(create({ ...c, data: { identitas: values } }, { openTasks: [t], audit: [completed] }));
  await store.applyCaseChange(update({ ...c, rev: 1 }, { data: { identitas: { nama: 'Budi S.' } } }));
  expect(await store.listAudit(c.id)).toEqual([completed]);
  await store.close();

  const db = openDatabase(file);
  try {
    expect(db.prepare('SELECT data, derived FROM audit').all()).toEqual([{ data: JSON.stringify({ warning: 'w' }), derived: 1 | 1024 }]);
    expect(db.prepare('SELECT formKey, beforeSeq, value FROM audit_fields').all()).toEqual([{ formKey: 'identitas', beforeSeq: 2, value: JSON.stringify(values) }]);
  } finally {
    db.close();
  }
});
