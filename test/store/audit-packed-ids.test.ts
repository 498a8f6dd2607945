// SQLite: the audit keeps a UUID id (its own, its case's, actor's, task's) in 16 bytes, any other id as
// text, an ISO time as ms, a type as its number (packed-ids.ts); a store of the previous schema upgrades in place and lists every entry as before.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, MissingReferenceError } from '../../src/store/ports.js';
import { AUDIT_PACKED_IDS_MIGRATION } from '../../src/store/sqlite/audit-compaction.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { at, audit, caseRecord, create, task } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-audit-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const UUID = ['0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b', '7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8', 'ffffffff-0000-4000-8000-000000000001'];

describe('SQLite audit ids packed', () => {
  test('Given entries of UUID and other ids, When stored and listed, Then each is as written; a UUID takes 16 bytes, other ids stay text', async () => {
    const file = join(dir, 'new.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const c = caseRecord({ id: UUID[0]! });
    const t = { ...task(c), id: UUID[1]! };
    const events = [
      audit(c, 'case.started', { id: UUID[2]!, actorId: UUID[1]!, actorName: 'Budi', data: { n: 1 } }),
      audit(c, 'task.taken', { id: 'audit-plain', at: at(2), actorId: 'demo-dewi', actorName: 'Dewi', taskId: t.id, data: { step: t.name } }),
      audit(c, 'data.exported', { id: UUID[0]!.toUpperCase(), at: at(3) }), // upper case: not canonical, kept as text
      audit(c, 'timer.fired', { id: 'audit-odd-time', at: '2026-12-31T23:59:59Z' }), // a time without ms, a type listed: time kept as text
    ];
    try {
      await store.applyCaseChange(create(c, { openTasks: [t], audit: events }));
      expect(await store.listAudit(c.id)).toEqual(events);
      expect(await store.listAuditOfCases([c.id], ['task.taken'])).toEqual([events[1]]);
      const open = await store.listOpenReportTasks({ processKey: c.processKey, caseCreatedBefore: '2100-01-01T00:00:00.000Z', limit: 10 });
      expect(open.map((o) => [o.task.id, o.takenAt])).toEqual([[t.id, events[1]!.at]]); // the report's first take, through packed ids
      await expect(store.appendAudit([{ ...events[1]!, at: at(4) }])).rejects.toBeInstanceOf(ConflictError); // id still unique
      await expect(store.appendAudit([{ ...events[2]!, id: 'audit-2', caseId: UUID[2]! }])).rejects.toBeInstanceOf(MissingReferenceError); // no such case
    } finally {
      await store.close();
    }
    const db = openDatabase(file);
    try {
      const rows = db.prepare('SELECT typeof(id) AS id, length(id) AS n, typeof(caseId) AS caseId, typeof(actorId) AS actorId, typeof(taskId) AS taskId, at, type FROM audit ORDER BY seq').all();
      expect(rows).toEqual([
        { id: 'blob', n: 16, caseId: 'blob', actorId: 'blob', taskId: 'null', at: Date.parse(at(1)), type: 1 },
        { id: 'text', n: 11, caseId: 'blob', actorId: 'text', taskId: 'blob', at: Date.parse(at(2)), type: 3 },
        { id: 'text', n: 36, caseId: 'blob', actorId: 'null', taskId: 'null', at: Date.parse(at(3)), type: 13 },
        { id: 'text', n: 14, caseId: 'blob', actorId: 'null', taskId: 'null', at: '2026-12-31T23:59:59Z', type: 17 },
      ]);
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  test('Given audit rows of the previous schema, When the store starts, Then they are packed and listed exactly as before', async () => {
    const file = join(dir, 'old.sqlite');
    const db = openDatabase(file);
    migrate(db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(AUDIT_PACKED_IDS_MIGRATION)));
    db.exec(`
      INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'applicant', 'h', 'active', 't');
      INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt)
        VALUES ('${UUID[0]}', 'd1', 'p', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't'), ('case-2', 'd1', 'p', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't');
      INSERT INTO audit (id, caseId, at, actorId, actorName, type, taskId, data, derived) VALUES
        ('${UUID[1]}', '${UUID[0]}', '2026-11-01T01:00:00.000Z', '${UUID[2]}', 'Budi', 'case.started', NULL, '{"n":1}', NULL),
        ('a-2', '${UUID[0]}', '2026-11-01T01:00:00.000Z', NULL, NULL, 'task.overdue', '${UUID[2]}', '{"reminded":[]}', NULL),
        ('${UUID[2]}', 'case-2', '2026-11-01T02:00:00.000Z', 'u1', 'Budi', 'case.withdrawn', NULL, '{}', NULL);
    `);
    db.close();

    const store = createSqliteStore({ file });
    await store.init();
    try {
      const base = { actorName: null, actorId: null, taskId: null };
      expect(await store.listAudit(UUID[0]!)).toEqual([
        { ...base, id: UUID[1], caseId: UUID[0], at: '2026-11-01T01:00:00.000Z', actorId: UUID[2], actorName: 'Budi', type: 'case.started', data: { n: 1 } },
        { ...base, id: 'a-2', caseId: UUID[0], at: '2026-11-01T01:00:00.000Z', type: 'task.overdue', taskId: UUID[2], data: { reminded: [] } },
      ]);
      expect(await store.listAudit('case-2')).toEqual([
        { ...base, id: UUID[2], caseId: 'case-2', at: '2026-11-01T02:00:00.000Z', actorId: 'u1', actorName: 'Budi', type: 'case.withdrawn', data: {} },
      ]);
    } finally {
      await store.close();
    }
  });
});
