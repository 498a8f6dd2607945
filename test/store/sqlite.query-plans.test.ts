// SQLite indexes and the plans of the hot queries: the inbox, the outbox claim, verification lookups.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openDatabase, type Database } from '../../src/store/sqlite/database.js';
import { migrate } from '../../src/store/sqlite/migrations.js';
import { DUE_SQL } from '../../src/store/sqlite/outbox.js';
import { DUE_TIMERS_SQL } from '../../src/store/sqlite/timers.js';
import { taskFilter } from '../../src/store/sqlite/task-query.js';
import type { TaskQuery } from '../../src/store/ports.js';

let db: Database;
beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterAll(() => {
  db.close();
});

const cols = (index: string) => db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(index);
const plan = (sql: string, params: Record<string, unknown> = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((p) => p.detail).join(' | ');
/** The plan of listTasks' statement for `q` (the filter the store builds, ordered by due time). */
const taskPlan = (q: TaskQuery) => {
  const { where, params } = taskFilter(q);
  return plan(`SELECT * FROM tasks WHERE ${where} ORDER BY dueAt, createdAt, id LIMIT 50`, params);
};

describe('SQLite inbox indexes', () => {
  test('The inbox indexes exist', () => {
    expect(cols('tasks_inbox')).toEqual(['status', 'role', 'assigneeId', 'dueAt']);
    expect(cols('tasks_step')).toEqual(['status', 'role', 'elementId', 'dueAt']);
    expect(cols('tasks_applicant')).toEqual(['applicantId', 'status']);
    expect(cols('tasks_case')).toEqual(['caseId']);
    const queue = plan("SELECT * FROM tasks WHERE status = 'open' AND role = 'ppbj' AND assigneeId IS NULL ORDER BY dueAt");
    expect(queue).toMatch(/USING INDEX tasks_inbox/);
  });

  test.each<[string, TaskQuery, RegExp]>([
    ['the shared queue', { role: 'admin-ppe', assigneeId: null }, /tasks_inbox \(status=\? AND role=\? AND assigneeId=\?\)/],
    ['my tasks, overdue', { role: 'admin-ppe', assigneeId: 'a1', dueBefore: 'x' }, /tasks_inbox \(status=\? AND role=\? AND assigneeId=\? AND dueAt<\?\)/],
    ['queue + search', { role: 'admin-ppe', assigneeId: null, search: 'budi' }, /tasks_inbox \(status=\? AND role=\? AND assigneeId=\?\)/],
    ['one step, any assignee', { role: 'admin-ppe', elementId: 'verifikasi' }, /tasks_step \(status=\? AND role=\? AND elementId=\?\)/],
    ['one step, due window', { role: 'admin-ppe', elementId: 'v', dueFrom: 'a', dueBefore: 'b' }, /tasks_step \(status=\? AND role=\? AND elementId=\? AND dueAt>\? AND dueAt<\?\)/],
    ["an applicant's tasks", { applicantId: 'p1' }, /tasks_applicant/],
  ])('%s uses an index', (_label, q, want) => {
    expect(taskPlan(q)).toMatch(want);
    expect(taskPlan(q)).not.toMatch(/SCAN tasks/);
  });
});

describe('SQLite outbox and verification indexes', () => {
  test('the claim reads due pending messages through outbox_due, in order, without sorting', () => {
    expect(cols('outbox_due')).toEqual(['status', 'nextAttemptAt']);
    const claim = plan(DUE_SQL, { now: 'x', limit: 5 });
    expect(claim).toMatch(/USING INDEX outbox_due \(status=\? AND nextAttemptAt<\?\)/);
    expect(claim).not.toMatch(/TEMP B-TREE/);
  });

  test("a user's messages use outbox_user", () => {
    expect(cols('outbox_user')).toEqual(['userId', 'createdAt']);
    expect(plan("SELECT * FROM outbox WHERE userId = 'u' ORDER BY createdAt DESC, seq DESC LIMIT 5")).toMatch(/USING INDEX outbox_user/);
  });

  test('latest and count-since of a user and purpose use verifications_user', () => {
    expect(cols('verifications_user')).toEqual(['userId', 'purpose', 'createdAt']);
    const latest = plan("SELECT * FROM verifications WHERE userId = 'u' AND purpose = 'email' ORDER BY createdAt DESC, seq DESC LIMIT 1");
    expect(latest).toMatch(/USING INDEX verifications_user/);
    const count = plan("SELECT count(*) FROM verifications WHERE userId = 'u' AND purpose = 'email' AND createdAt >= 'x'");
    expect(count).toMatch(/USING COVERING INDEX verifications_user \(userId=\? AND purpose=\? AND createdAt>\?\)/);
  });

  test('drafts are found (and deleted) by their primary key (taskId, userId)', () => {
    expect(plan("DELETE FROM drafts WHERE taskId = 't'")).toMatch(/USING COVERING INDEX sqlite_autoindex_drafts_1 \(taskId=\?\)/);
  });
});

describe('SQLite timer and report indexes', () => {
  test('the timer claim reads due pending timers through timers_due, in order, without sorting', () => {
    expect(cols('timers_due')).toEqual(['status', 'nextAttemptAt']);
    const claim = plan(DUE_TIMERS_SQL, { now: 'x', limit: 5 });
    expect(claim).toMatch(/USING INDEX timers_due \(status=\? AND nextAttemptAt<\?\)/);
    expect(claim).not.toMatch(/TEMP B-TREE/);
    expect(plan("SELECT * FROM timers WHERE caseId = 'c' AND status = 'pending'")).toMatch(/USING INDEX timers_case/);
  });

  test('report reads: the tasks and audit of a list of cases use the case indexes', () => {
    expect(plan("SELECT * FROM tasks WHERE caseId IN (SELECT value FROM json_each('[\"a\"]'))")).toMatch(/USING INDEX tasks_case \(caseId=\?\)/);
    expect(plan("SELECT * FROM audit WHERE caseId IN (SELECT value FROM json_each('[\"a\"]')) AND type IN (SELECT value FROM json_each('[\"t\"]'))")).toMatch(/USING INDEX audit_case \(caseId=\?\)/);
    expect(cols('cases_process')).toEqual(['processKey', 'createdAt']);
    expect(plan("SELECT * FROM cases WHERE processKey = 'p' AND createdAt < 'x'")).toMatch(/USING INDEX cases_process/);
  });
});
