// A task's completedAt is kept as ms and its completedBy UUID in 16 bytes (src/store/sqlite/task-packed.ts): tasks
// closed now and tasks of before (upgrade) are stored packed and read back as the text they were.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { prepareStatements } from '../../src/store/sqlite/statements.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { TaskRecord } from '../../src/store/ports.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-task-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OFFICER = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const SETUP = `
  INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'applicant', 'h', 'active', 't');
  INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt)
    VALUES ('c1', 'd1', 'p', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't');`;
const task = (id: string, over: Partial<TaskRecord> = {}): TaskRecord => ({
  id, caseId: 'c1', processKey: 'p', applicantId: 'u1', applicantName: 'Budi', elementId: 'e', name: 'n', stepNo: 1, groupId: 'g', formKey: 'f',
  assigneeId: null, status: 'open', createdAt: '2026-01-01T00:00:00.000Z', dueAt: '2026-01-02T00:00:00.000Z', timeStandard: 'PT1H',
  completedAt: null, completedBy: null, searchText: 'budi', ...over,
});
const TYPES = "SELECT id, typeof(completedAt) AS at, typeof(completedBy) AS by FROM tasks ORDER BY id";

describe('SQLite tasks: completedAt and completedBy packed', () => {
  test('Given open tasks, When one is completed and one is inserted completed, Then both are stored packed and read back as written', async () => {
    const file = join(dir, 'write.sqlite');
    const db = openDatabase(file);
    migrate(db);
    db.exec(SETUP);
    const st = prepareStatements(db);
    st.insertTask.run(task('t1'));
    st.insertTask.run(task('t2', { status: 'completed', completedAt: '2026-01-01T05:06:07.089Z', completedBy: 'u1' }));
    expect(st.completeTask.run({ id: 't1', caseId: 'c1', status: 'completed', completedAt: '2026-01-01T03:04:05.678Z', completedBy: OFFICER }).changes).toBe(1);
    st.insertTask.run(task('t3'));
    expect(db.prepare(TYPES).all()).toEqual([{ id: 't1', at: 'integer', by: 'blob' }, { id: 't2', at: 'integer', by: 'text' }, { id: 't3', at: 'null', by: 'null' }]);
    db.close();
    const store = createSqliteStore({ file });
    await store.init();
    try {
      expect(await store.getTask('t1')).toEqual(task('t1', { status: 'completed', completedAt: '2026-01-01T03:04:05.678Z', completedBy: OFFICER, searchText: '' }));
      expect((await store.listTasks({ caseId: 'c1', status: 'completed', limit: 10 })).map((t) => [t.id, t.completedAt, t.completedBy])).toEqual([
        ['t1', '2026-01-01T03:04:05.678Z', OFFICER], ['t2', '2026-01-01T05:06:07.089Z', 'u1'],
      ]);
    } finally {
      await store.close();
    }
  });

  test('Given closed tasks of before (text), When the store is upgraded, Then a UUID and an ISO time with ms are packed, other values kept, and each reads the same', async () => {
    const file = join(dir, 'upgrade.sqlite');
    const db = openDatabase(file);
    const at = MIGRATIONS.findIndex((m) => m.includes('ALTER TABLE tasks ADD COLUMN packedAt'));
    expect(at).toBeGreaterThan(0);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec(SETUP);
    const insert = db.prepare('INSERT INTO tasks (id, caseId, processKey, applicantId, applicantName, elementId, name, stepNo, groupId, formKey, status, createdAt, dueAt, timeStandard, completedAt, completedBy) ' +
      "VALUES (?, 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', ?, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'PT1H', ?, ?)");
    insert.run('t1', 'completed', '2026-01-01T03:04:05.678Z', OFFICER);
    insert.run('t2', 'cancelled', '2026-01-01T03:04:05Z', 'admin');
    insert.run('t3', 'open', null, null);
    db.close();
    const store = createSqliteStore({ file });
    await store.init();
    try {
      const read = await Promise.all(['t1', 't2', 't3'].map(async (id) => { const t = (await store.getTask(id))!; return [t.status, t.completedAt, t.completedBy]; }));
      expect(read).toEqual([['completed', '2026-01-01T03:04:05.678Z', OFFICER], ['cancelled', '2026-01-01T03:04:05Z', 'admin'], ['open', null, null]]);
    } finally {
      await store.close();
    }
    const after = openDatabase(file);
    try {
      expect(after.prepare(TYPES).all()).toEqual([{ id: 't1', at: 'integer', by: 'blob' }, { id: 't2', at: 'text', by: 'text' }, { id: 't3', at: 'null', by: 'null' }]);
    } finally {
      after.close();
    }
  });
});
