// What an ended case or a closed task no longer needs is not kept (src/store/ended-case.ts, TaskRecord.searchText): a store
// of before empties the engine state of its ended cases and the search text of its closed tasks on upgrade.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mongoose from 'mongoose';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MONGO_MIGRATIONS } from '../../src/store/mongo/migrations.js';
import type { Models } from '../../src/store/mongo/models.js';
import { recordingStore } from './mongo-recorder.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-ended-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STATUSES = ['running', 'completed', 'failed', 'withdrawn', 'closed'];

describe('SQLite: ended cases of before lose their engine state on upgrade', () => {
  test('Given cases of every status with a state, When the store starts, Then only running and failed ones keep it', async () => {
    const file = join(dir, 'alur.sqlite');
    const db = openDatabase(file);
    const at = MIGRATIONS.findIndex((m) => m.includes("UPDATE cases SET engineState = x''"));
    expect(at).toBeGreaterThan(0);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec("INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'applicant', 'h', 'active', 't')");
    const insert = db.prepare("INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt) VALUES (?, 'd1', 'p', 1, 'u1', 'Budi', ?, ?, '{}', 1, 't', 't')");
    for (const s of STATUSES) insert.run(`case-${s}`, s, Buffer.from(`state of ${s}`));
    db.close();

    const store = createSqliteStore({ file });
    await store.init();
    try {
      const states = await Promise.all(STATUSES.map(async (s) => (await store.getCase(`case-${s}`))!.engineState.toString()));
      expect(states).toEqual(['state of running', '', 'state of failed', '', '']);
    } finally {
      await store.close();
    }
  });
});

describe('MongoDB: migration 12-ended-case-state (no server: the recorded command)', () => {
  test('It empties the state of completed, withdrawn and closed cases whose state is not empty yet, in one update', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '12-ended-case-state')!;
    expect(migration).toBeDefined();
    const { calls, conn } = recordingStore(() => undefined);
    const models = Object.fromEntries(conn.modelNames().map((n) => [n, (conn as mongoose.Connection).model(n)])) as unknown as Models;
    await migration.run(models);
    const updates = calls.filter((c) => c.collection === 'cases' && c.method === 'updateMany');
    expect(updates).toHaveLength(1);
    // an empty Buffer is written (and compared) as empty binary data: '' in JSON; a non-empty one would not be
    expect(JSON.parse(JSON.stringify(updates[0]!.args.slice(0, 2)))).toEqual([
      { status: { $in: ['completed', 'withdrawn', 'closed'] }, engineState: { $ne: '' } },
      { $set: { engineState: '' } },
    ]);
  });
});

describe('Tasks no longer open keep no search text (inboxes search open tasks)', () => {
  test('SQLite: Given tasks of before with search text, When the store starts, Then only the open one keeps it', async () => {
    const file = join(dir, 'tasks.sqlite');
    const db = openDatabase(file);
    const at = MIGRATIONS.findIndex((m) => m.includes("UPDATE tasks SET searchText = ''"));
    expect(at).toBeGreaterThan(0);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec(`
      INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'applicant', 'h', 'active', 't');
      INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt)
        VALUES ('c1', 'd1', 'p', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't');
      INSERT INTO tasks (id, caseId, processKey, applicantId, applicantName, elementId, name, stepNo, groupId, formKey, status, createdAt, dueAt, timeStandard, searchText)
        VALUES ('t1', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'open', 't', 'd', 'PT1H', 'budi 1988'),
               ('t2', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'completed', 't', 'd', 'PT1H', 'budi 1988'),
               ('t3', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'cancelled', 't', 'd', 'PT1H', 'budi 1988');
    `);
    db.close();
    const store = createSqliteStore({ file });
    await store.init();
    try {
      expect(await Promise.all(['t1', 't2', 't3'].map(async (id) => (await store.getTask(id))!.searchText))).toEqual(['budi 1988', '', '']);
    } finally {
      await store.close();
    }
  });

  test('MongoDB: migration 13-closed-task-search empties the search text of tasks not open, in one update', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '13-closed-task-search')!;
    expect(migration).toBeDefined();
    const { calls, conn } = recordingStore(() => undefined);
    await migration.run(Object.fromEntries(conn.modelNames().map((n) => [n, (conn as mongoose.Connection).model(n)])) as unknown as Models);
    const updates = calls.filter((c) => c.collection === 'tasks' && c.method === 'updateMany');
    expect(updates.map((u) => u.args.slice(0, 2))).toEqual([[{ status: { $ne: 'open' }, searchText: { $ne: '' } }, { $set: { searchText: '' } }]]);
  });
});
