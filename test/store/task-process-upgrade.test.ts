// Tasks carry their case's process (the inbox's process filter): an existing store gains the field
// in place, SQLite through its appended migration, MongoDB through its recorded one-off migration.
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
import { cursorOf, recordingStore } from './mongo-recorder.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-task-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite: a store made by the previous schema upgrades in place', () => {
  test('Given tasks of two processes written before tasks carried their process, When the store starts, Then each task has its case\'s process and the process filter finds it', async () => {
    const file = join(dir, 'alur.sqlite');
    const db = openDatabase(file);
    migrate(db, MIGRATIONS.slice(0, 10)); // the schema before tasks carried their process (and before groups)
    db.exec(`
      INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'ppbj', 'h', 'active', 't');
      INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt)
        VALUES ('c1', 'd1', 'pendaftaran-akun-ppbj', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't'),
               ('c2', 'd2', 'izin-cuti', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't');
      INSERT INTO tasks (id, caseId, applicantId, applicantName, elementId, name, stepNo, role, formKey, status, createdAt, dueAt, timeStandard, searchText)
        VALUES ('t1', 'c1', 'u1', 'Budi', 'e', 'n', 1, 'admin-ppe', 'f', 'open', 't', '2026-01-01', 'PT1H', 'budi'),
               ('t2', 'c2', 'u1', 'Budi', 'e', 'n', 1, 'admin-ppe', 'f', 'open', 't', '2026-01-02', 'PT1H', 'budi');
    `);
    db.close();

    const store = createSqliteStore({ file });
    await store.init();
    try {
      expect((await store.getTask('t1'))?.processKey).toBe('pendaftaran-akun-ppbj');
      expect((await store.getTask('t2'))?.processKey).toBe('izin-cuti');
      const queue = { groupIds: ['admin-ppe'], assigneeId: null };
      expect((await store.listTasks({ ...queue, processKey: 'izin-cuti' })).map((t) => t.id)).toEqual(['t2']);
      expect(await store.countTasks({ ...queue, processKey: 'pendaftaran-akun-ppbj', elementId: 'e' })).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('MongoDB: migration 7-task-process-key (no server: the recorded commands)', () => {
  const modelsOf = (conn: mongoose.Connection) => Object.fromEntries(conn.modelNames().map((n) => [n, conn.model(n)])) as unknown as Models;

  test('Given tasks without a process, When it runs, Then each page of tasks gets its cases\' keys (read by id), each only while still unset', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '7-task-process-key')!;
    expect(migration).toBeDefined();
    const pages = [[{ _id: 't1', caseId: 'c1' }, { _id: 't2', caseId: 'c2' }, { _id: 't3', caseId: 'c1' }]];
    const { calls, conn } = recordingStore((call) => {
      if (call.collection === 'tasks' && call.method === 'find') return cursorOf(pages.shift() ?? []);
      if (call.collection === 'cases' && call.method === 'find') return cursorOf([{ _id: 'c1', processKey: 'pendaftaran-akun-ppbj' }, { _id: 'c2', processKey: 'izin-cuti' }]);
      return undefined;
    });
    await migration.run(modelsOf(conn));
    const unset = { processKey: { $exists: false } };
    expect(calls.filter((c) => c.collection === 'tasks' && c.method === 'find').map((c) => c.args[0])).toEqual([unset, unset]);
    expect(calls.find((c) => c.collection === 'cases' && c.method === 'find')?.args[0]).toEqual({ _id: { $in: ['c1', 'c2'] } });
    expect(calls.find((c) => c.collection === 'tasks' && c.method === 'bulkWrite')?.args[0]).toEqual([
      { updateOne: { filter: { _id: 't1', ...unset }, update: { $set: { processKey: 'pendaftaran-akun-ppbj' } } } },
      { updateOne: { filter: { _id: 't2', ...unset }, update: { $set: { processKey: 'izin-cuti' } } } },
      { updateOne: { filter: { _id: 't3', ...unset }, update: { $set: { processKey: 'pendaftaran-akun-ppbj' } } } },
    ]);
  });
});
