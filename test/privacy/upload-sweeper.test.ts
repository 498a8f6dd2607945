// Unsubmitted uploads are deleted once nobody needs them: older than the minimum age and named by
// no document, draft or session. Anything younger, or still referenced, stays.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UPLOAD_MIN_AGE_MS, UploadSweeper } from '../../src/privacy/upload-sweeper.js';
import type { Store } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { caseRecord, create, document, draft, task } from '../store/fixtures.js';

const NOW = new Date('2026-11-26T08:00:00Z');

describe('Given an uploads folder with old and new files, some still referenced', () => {
  let store: Store;
  let dir: string;
  const files = { document: randomUUID(), draft: randomUUID(), session: randomUUID(), oldOrphan: randomUUID(), newOrphan: randomUUID() };
  beforeAll(async () => {
    store = createSqliteStore({ file: ':memory:' });
    await store.init();
    dir = mkdtempSync(join(tmpdir(), 'alur-uploads-'));
    const c = caseRecord();
    const t = task(c);
    await store.applyCaseChange(create(c, { openTasks: [t], documents: [document(c, { storedName: files.document })] }));
    await store.saveDraft(draft(t.id, 'ppbj-1', { values: { _staged: [{ storedName: files.draft }] } }));
    await store.setSession({ sid: 's1', data: JSON.stringify({ staged: { [t.id]: [{ storedName: files.session }] } }), expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const old = (NOW.getTime() - UPLOAD_MIN_AGE_MS - 60_000) / 1000;
    for (const [kind, name] of Object.entries(files)) {
      writeFileSync(join(dir, name), '%PDF-1.4');
      if (kind !== 'newOrphan') utimesSync(join(dir, name), old, old);
    }
    writeFileSync(join(dir, '.keep'), '');
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when swept, then only the old file nobody references is removed, and a second sweep removes nothing', async () => {
    const logs: string[] = [];
    const sweeper = new UploadSweeper({ store, uploadDir: dir, now: () => NOW, log: (l) => logs.push(l) });
    expect(await sweeper.sweep()).toEqual([files.oldOrphan]);
    expect(existsSync(join(dir, files.oldOrphan))).toBe(false);
    for (const name of [files.document, files.draft, files.session, files.newOrphan, '.keep']) expect(existsSync(join(dir, name))).toBe(true);
    expect(logs).toEqual(['[alur] uploads: removed 1 unsubmitted file(s) older than 24 h']);
    expect(await sweeper.sweep()).toEqual([]);
  });

  test('when the uploads folder does not exist, then the sweep removes nothing and does not fail', async () => {
    expect(await new UploadSweeper({ store, uploadDir: join(dir, 'tidak-ada'), now: () => NOW }).sweep()).toEqual([]);
  });
});
