// A case's tasks are found by their case alone (tasks_case), the open ones also in due order (tasks_case_open,
// partial): a store of before gets both on upgrade and reads a case's open and closed tasks as before.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-task-case-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite: the case indexes of tasks on upgrade', () => {
  test("Given a store of before with a case's open and closed tasks, When the store starts, Then the slim indexes hold them and a case's tasks read in due order", async () => {
    const file = join(dir, 'alur.sqlite');
    const db = openDatabase(file);
    const at = MIGRATIONS.findIndex((m) => m.includes('CREATE INDEX tasks_case_open'));
    expect(at).toBeGreaterThan(0);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec(`
      INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'applicant', 'h', 'active', 't');
      INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt)
        VALUES ('c1', 'd1', 'p', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, 't', 't');
      INSERT INTO tasks (id, caseId, processKey, applicantId, applicantName, elementId, name, stepNo, groupId, formKey, status, createdAt, dueAt, timeStandard)
        VALUES ('t1', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'completed', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 'PT1H'),
               ('t2', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'completed', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'PT1H'),
               ('t3', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'open', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z', 'PT1H'),
               ('t4', 'c1', 'p', 'u1', 'Budi', 'e', 'n', 1, 'g', 'f', 'open', '2026-01-01T00:00:00.000Z', '2026-01-04T00:00:00.000Z', 'PT1H');
    `);
    db.close();

    const store = createSqliteStore({ file });
    await store.init();
    try {
      expect((await store.listTasks({ caseId: 'c1', status: 'open', limit: 10 })).map((t) => t.id)).toEqual(['t4', 't3']);
      expect((await store.listTasks({ caseId: 'c1', status: 'completed', limit: 10 })).map((t) => t.id)).toEqual(['t2', 't1']);
    } finally {
      await store.close();
    }
    const after = openDatabase(file);
    try {
      const entries = (index: string) => after.prepare(`SELECT count(*) FROM tasks INDEXED BY ${index} WHERE caseId = 'c1'${index === 'tasks_case_open' ? " AND status = 'open'" : ''}`).pluck().get();
      expect(after.prepare('SELECT name FROM pragma_index_info(?)').pluck().all('tasks_case')).toEqual(['caseId']);
      expect(entries('tasks_case')).toBe(4);
      expect(entries('tasks_case_open')).toBe(2);
    } finally {
      after.close();
    }
  });
});
