// SQLite indexes and the plans of the hot queries: the inbox, the outbox claim, verification lookups.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openDatabase, type Database } from '../../src/store/sqlite/database.js';
import { migrate } from '../../src/store/sqlite/migrations.js';
import { prepare } from '../../src/store/sqlite/prepare.js';
import { appTaskQueries } from './app-queries.js';
import { DUE_SQL } from '../../src/store/sqlite/outbox.js';
import { DUE_TIMERS_SQL } from '../../src/store/sqlite/timers.js';
import { PROCESS_NAME_SQL, processCountSql, taskFilter, taskListSql } from '../../src/store/sqlite/task-query.js';
import { COUNT_STEP_TASKS_DUE_SQL, COUNT_STEP_TASKS_SQL, STEP_TASKS_DUE_SQL, STEP_TASKS_SQL } from '../../src/store/sqlite/step-tasks.js';
import { DRAFT_KEYS_SQL, LATEST_SUMMARY_SQL, OVERDUE_TASKS_SQL, PROCESS_KEYS_SQL, RUNNING_CASES_SQL } from '../../src/store/sqlite/process-summaries.js';
import { ACTIVE_MEMBERS, GROUP_MEMBERS, LIST_GROUPS, USER_GROUPS } from '../../src/store/sqlite/groups.js';
import { ACTIVE_OF_ROLE, COUNT_ROLE, STAFF_AUDIT_BY_AT, STAFF_AUDIT_BY_USER, USERS_OF_ROLE_PAGE } from '../../src/store/sqlite/staff.js';
import type { TaskQuery } from '../../src/store/ports.js';
import { AUDIT_ID_IN_CASE_SQL } from '../../src/store/sqlite/audit-compaction.js';

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
/**
 * The plan of listTasks' statement for `q` (the one the store builds, with its order and page).
 * NOTE: status is bound to 'open', as the inboxes ask: their indexes cover open tasks only, and SQLite
 * plans a partial index for the value bound.
 */
const taskPlan = (q: TaskQuery) => {
  const sql = taskListSql(q);
  const value = (name: string) => (name === 'limit' ? 50 : name === 'offset' ? 0 : name === 'status' ? (q.status ?? 'open') : 'x');
  return plan(sql, Object.fromEntries(Array.from(sql.matchAll(/@(\w+)/g), (m) => [m[1], value(m[1] as string)])));
};

describe('The audit entry id', () => {
  test('has no index of its own (about 640 bytes a case): a duplicate in its case is found through audit_case', () => {
    expect(db.prepare("SELECT count(*) FROM pragma_index_list('audit') WHERE name <> 'audit_case'").pluck().get()).toBe(0);
    expect(plan(AUDIT_ID_IN_CASE_SQL, { caseId: '6d1c4a5e-0b7c-4c61-9a43-5b0a1f2f3e4d', id: '0f3c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c' })).toMatch(/SEARCH audit USING INDEX audit_case \(caseId=\?\)/);
  });
});

describe('SQLite inbox indexes', () => {
  test('The inbox indexes exist', () => {
    expect(cols('tasks_inbox')).toEqual(['status', 'groupId', 'assigneeId', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_age')).toEqual(['status', 'groupId', 'assigneeId', 'createdAt', 'id']);
    expect(cols('tasks_step')).toEqual(['status', 'elementId', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_applicant')).toEqual(['applicantId', 'status', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_case')).toEqual(['caseId']);
    expect(cols('tasks_case_open')).toEqual(['caseId', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_inbox_process')).toEqual(['status', 'groupId', 'assigneeId', 'processKey', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_age_process')).toEqual(['status', 'groupId', 'assigneeId', 'processKey', 'createdAt', 'id']);
    const queue = plan("SELECT * FROM tasks WHERE status = 'open' AND groupId = 'pemohon' AND assigneeId IS NULL ORDER BY dueAt");
    expect(queue).toMatch(/USING INDEX tasks_inbox/);
  });

  test.each<[string, TaskQuery, RegExp]>([
    ['the shared queue', { groupIds: ['admin-ppe'], assigneeId: null }, /tasks_inbox \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['my tasks, overdue', { groupIds: ['admin-ppe'], assigneeId: 'a1', dueBefore: 'x' }, /tasks_inbox \(status=\? AND groupId=\? AND assigneeId=\? AND dueAt<\?\)/],
    ['queue + search', { groupIds: ['admin-ppe'], assigneeId: null, search: 'budi' }, /tasks_inbox \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['one step, any assignee', { elementId: 'verifikasi' }, /tasks_step \(status=\? AND elementId=\?\)/],
    ['one step, due window', { elementId: 'v', dueFrom: 'a', dueBefore: 'b' }, /tasks_step \(status=\? AND elementId=\? AND dueAt>\? AND dueAt<\?\)/],
    ["an applicant's tasks", { applicantId: 'p1' }, /tasks_applicant/],
    ['the queue of one process', { groupIds: ['admin-ppe'], assigneeId: null, processKey: 'p' }, /tasks_inbox_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\?\)/],
    ['my tasks of one process, overdue', { groupIds: ['admin-ppe'], assigneeId: 'a1', processKey: 'p', dueBefore: 'x' }, /tasks_inbox_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\? AND dueAt<\?\)/],
    // the planner may seek on the step instead (as selective, same page order)
    ['a step of one process in the queue', { groupIds: ['admin-ppe'], assigneeId: null, processKey: 'p', elementId: 'v' }, /tasks_(inbox_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\?\)|step \(status=\? AND elementId=\?\))/],
    // the inbox's columns sort both ways: the reversed orders read the same indexes backwards
    ['the queue, latest due first', { groupIds: ['admin-ppe'], assigneeId: null, sort: 'due-desc' }, /tasks_inbox \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['the queue, newest first', { groupIds: ['admin-ppe'], assigneeId: null, sort: 'age-desc' }, /tasks_age \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['my tasks of one process, newest first, overdue', { groupIds: ['admin-ppe'], assigneeId: 'a1', processKey: 'p', sort: 'age-desc', dueBefore: 'x' }, /tasks_age_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\?\)/],
    ['one step, latest due first', { elementId: 'v', sort: 'due-desc' }, /tasks_step \(status=\? AND elementId=\?\)/],
    // by step or applicant name (NOCASE), ties by due time: partial indexes of open tasks, read in order
    ['the queue by step', { groupIds: ['admin-ppe'], assigneeId: null, sort: 'step' }, /tasks_step_sort \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['my tasks by step, reversed, overdue', { groupIds: ['admin-ppe'], assigneeId: 'a1', sort: 'step-desc', dueBefore: 'x' }, /tasks_step_sort \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['the queue of one process by step', { groupIds: ['admin-ppe'], assigneeId: null, processKey: 'p', sort: 'step' }, /tasks_step_sort_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\?\)/],
    ['the queue by applicant, searched', { groupIds: ['admin-ppe'], assigneeId: null, sort: 'applicant', search: 'budi' }, /tasks_applicant_sort \(status=\? AND groupId=\? AND assigneeId=\?\)/],
    ['my tasks of one process by applicant, reversed', { groupIds: ['admin-ppe'], assigneeId: 'a1', processKey: 'p', sort: 'applicant-desc' }, /tasks_applicant_sort_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\?\)/],
    ["a case's open tasks", { caseId: 'c', status: 'open' }, /tasks_case_open \(caseId=\?\)/],
  ])('%s uses an index', (_label, q, want) => {
    expect(taskPlan(q)).toMatch(want);
    expect(taskPlan(q)).not.toMatch(/SCAN tasks|TEMP B-TREE/);
  });

  test('Given a member of two groups, When their queue is read, Then each group is one range of the inbox index in page order, merged without a sort', () => {
    const both = taskPlan({ groupIds: ['kepala-seksi', 'admin-ppe'], assigneeId: null });
    expect(both).toMatch(/^MERGE \(UNION ALL\) \| LEFT \| SEARCH tasks USING INDEX tasks_inbox \(status=\? AND groupId=\? AND assigneeId=\?\) \| RIGHT \| SEARCH tasks USING INDEX tasks_inbox \(status=\? AND groupId=\? AND assigneeId=\?\)$/);
    const byAge = taskPlan({ groupIds: ['a', 'b', 'c'], assigneeId: 'u', processKey: 'p', sort: 'age' });
    expect(byAge.match(/SEARCH tasks USING INDEX tasks_age_process \(status=\? AND groupId=\? AND assigneeId=\? AND processKey=\?\)/g)).toHaveLength(3);
    expect(byAge).not.toMatch(/SCAN tasks|TEMP B-TREE/);
    const newest = taskPlan({ groupIds: ['a', 'b'], assigneeId: null, sort: 'age-desc' });
    expect(newest).toMatch(/^MERGE \(UNION ALL\)/);
    expect(newest).not.toMatch(/SCAN tasks|TEMP B-TREE/);
    // the count of several groups: one seek per group in the same index
    const { where, params } = taskFilter({ groupIds: ['a', 'b'], assigneeId: null });
    expect(plan(`SELECT count(*) FROM tasks WHERE ${where}`, params)).toMatch(/SEARCH tasks USING COVERING INDEX tasks_\w+ \(status=\? AND groupId=\? AND assigneeId=\?\)/);
  });
});

describe("SQLite: a case's tasks", () => {
  test("Given a case, When its closed tasks are read, Then the case index finds them (every task, its case alone) and they are put in order: a case's steps are few", () => {
    const done = taskPlan({ caseId: 'c', status: 'completed', limit: 1000 });
    expect(done).toMatch(/^SEARCH tasks USING INDEX tasks_case \(caseId=\?\)/);
    expect(done).not.toMatch(/SCAN tasks/);
    // the open ones only are also kept in due order (a partial index: closed tasks, most of the table, are not in it)
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'tasks_case_open'").pluck().get() as string;
    expect(sql).toMatch(/WHERE status = 'open'$/);
  });
});

describe('SQLite inbox sorted by name', () => {
  test('The name-sort indexes cover open tasks only, their names NOCASE', () => {
    expect(cols('tasks_step_sort')).toEqual(['status', 'groupId', 'assigneeId', 'name', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_step_sort_process')).toEqual(['status', 'groupId', 'assigneeId', 'processKey', 'name', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_applicant_sort')).toEqual(['status', 'groupId', 'assigneeId', 'applicantName', 'dueAt', 'createdAt', 'id']);
    expect(cols('tasks_applicant_sort_process')).toEqual(['status', 'groupId', 'assigneeId', 'processKey', 'applicantName', 'dueAt', 'createdAt', 'id']);
    for (const index of ['tasks_step_sort', 'tasks_step_sort_process', 'tasks_applicant_sort', 'tasks_applicant_sort_process']) {
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(index) as string;
      expect(sql).toMatch(/COLLATE NOCASE, dueAt, createdAt, id\) WHERE status = 'open'$/);
    }
  });

  test('Given a member of two groups, When their queue is sorted by applicant, Then each group is one range read in order, merged without a sort', () => {
    const both = taskPlan({ groupIds: ['kepala-seksi', 'admin-ppe'], assigneeId: null, sort: 'applicant-desc' });
    expect(both).toMatch(/^MERGE \(UNION ALL\) \| LEFT \| SEARCH tasks USING INDEX tasks_applicant_sort \(status=\? AND groupId=\? AND assigneeId=\?\) \| RIGHT \| SEARCH tasks USING INDEX tasks_applicant_sort /);
  });

  test('by process: the counts per process of a group are read in processKey order from an index alone, each name by (processKey, version)', () => {
    for (const q of [{ groupIds: ['a'], assigneeId: null }, { groupIds: ['a'], assigneeId: 'u', dueBefore: 'x', search: 'budi' }] as TaskQuery[]) {
      const counts = plan(processCountSql({ ...q, sort: 'process' }, 0), { ...taskFilter({ ...q, sort: 'process' }, 0).params });
      expect(counts).toMatch(/SEARCH tasks USING (COVERING )?INDEX tasks_(age|inbox)_process \(status=\? AND groupId=\? AND assigneeId=\?\)/);
      expect(counts).not.toMatch(/TEMP B-TREE|SCAN/);
    }
    expect(plan(PROCESS_NAME_SQL.replace('?', "'p'"))).toMatch(/USING INDEX sqlite_autoindex_definitions_2 \(processKey=\?\)/);
    expect(() => taskListSql({ sort: 'process' })).toThrow(RangeError);
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

describe('SQLite process catalogue indexes (src/definitions)', () => {
  test('running cases and their overdue open tasks of one process are counted from indexes alone', () => {
    expect(cols('cases_running')).toEqual(['status', 'processKey', 'id']);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'cases_running'").pluck().get()).toMatch(/WHERE status = 'running'$/); // ended cases, most of the table, are not in it
    expect(plan(RUNNING_CASES_SQL.replace('?', "'p'"))).toMatch(/USING COVERING INDEX cases_running \(status=\? AND processKey=\?\)/);
    const overdue = plan(OVERDUE_TASKS_SQL, { now: 'x', processKey: 'p' });
    expect(overdue).toMatch(/USING COVERING INDEX cases_running \(status=\? AND processKey=\?\)/);
    expect(overdue).toMatch(/USING COVERING INDEX tasks_case_open \(caseId=\? AND dueAt<\?\)/);
  });

  test('the open tasks of one step of one process are read through tasks_step in page order, each case by its key', () => {
    for (const sql of [STEP_TASKS_SQL, STEP_TASKS_DUE_SQL, COUNT_STEP_TASKS_SQL, COUNT_STEP_TASKS_DUE_SQL]) {
      const p = plan(sql, { processKey: 'p', elementId: 'e', dueBefore: 'x', limit: 20 });
      expect(p).toMatch(/SEARCH t USING (COVERING )?INDEX tasks_step \(status=\? AND elementId=\?/);
      expect(p).toMatch(/SEARCH c USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/);
      expect(p).not.toMatch(/TEMP B-TREE|SCAN/);
    }
  });

  test('the process keys and the latest version of each are read through the (processKey, version) index', () => {
    expect(plan(PROCESS_KEYS_SQL.replace('?', '50'))).toMatch(/USING COVERING INDEX sqlite_autoindex_definitions_2/);
    expect(plan(LATEST_SUMMARY_SQL.replace('?', "'p'"))).toMatch(/USING INDEX sqlite_autoindex_definitions_2 \(processKey=\?\)/);
    expect(plan(DRAFT_KEYS_SQL.replace('?', '50'))).toMatch(/USING INDEX sqlite_autoindex_process_drafts_1/);
  });
});

/** Every statement the store prepares: the fixed ones at init, the inbox ones for each query shape of the app. */
function everyStatement(): { db: Database; sqls: string[] } {
  const d = openDatabase(':memory:');
  migrate(d);
  const sqls: string[] = [];
  const original = d.prepare.bind(d);
  Object.assign(d, {
    prepare: (sql: string) => {
      sqls.push(sql);
      return original(sql);
    },
  });
  const p = prepare(d);
  for (const q of appTaskQueries()) {
    p.tasks.list(q);
    p.tasks.count(q);
  }
  p.timers.listTimers({ caseId: 'c1' });
  p.timers.listTimers({ caseId: 'c1', status: 'pending' });
  return { db: d, sqls: [...new Set(sqls)] };
}

/**
 * The plan of `sql` with every parameter bound to null, except a task status: 'open' (the partial
 * inbox indexes are planned for the status bound; the app reads other statuses of one case only).
 */
function planOf(d: Database, sql: string): string[] {
  const stmt = d.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = [...new Set(Array.from(sql.matchAll(/[@$:]([A-Za-z_]\w*)/g), (m) => m[1] as string))];
  const rows = (named.length
    ? stmt.all(Object.fromEntries(named.map((n) => [n, n === 'status' && /FROM tasks/.test(sql) ? 'open' : null])))
    : stmt.all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null))) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

describe('SQLite: every statement of the store is served by an index', () => {
  const { db: d, sqls } = everyStatement();
  afterAll(() => {
    d.close();
  });
  /** Whole-table reads that are meant: a count of every user (a covering index, no rows read). */
  // and the report backlog and the delivery log read a page at a time in key order (WITHOUT ROWID tables: the key is the index)
  const ALLOWED = [/^SCAN users USING COVERING INDEX/, /^SCAN CONSTANT ROW$/, /^SCAN json_each VIRTUAL TABLE/, /^SCAN report_backlog$/, /^SCAN message_log$/];

  test('the capture found the statements (fixed and per inbox shape)', () => {
    expect(sqls.length).toBeGreaterThan(60);
  });

  test.each(sqls.filter((sql) => /^\s*(SELECT|UPDATE|DELETE|WITH)/i.test(sql) || /ON CONFLICT|RETURNING/i.test(sql)).map((sql) => [sql]))('%s', (sql) => {
    const plan = planOf(d, sql);
    // the rows of a given list of cases (reports) are read through the case index, then put in order
    const listOfCases = /WHERE (a\.)?caseId IN \(SELECT (value|\(CASE WHEN value GLOB .*?) FROM json_each/.test(sql); // ids packed or not
    // a page read in index order stops at its LIMIT: that scan is the plan wanted
    const paged = /\bLIMIT\b/.test(sql);
    const scanOk = (line: string) => ALLOWED.some((ok) => ok.test(line)) || (paged && /^SCAN \w+ USING (COVERING )?INDEX/.test(line));
    const bad = plan.filter((line) => (/^SCAN /.test(line) && !scanOk(line)) || (/USE TEMP B-TREE/.test(line) && !listOfCases));
    expect({ sql, bad }).toEqual({ sql, bad: [] });
  });
});

describe('SQLite group indexes (memberships)', () => {
  test("a group's members are read in name order, each user by its key; a user's groups and a group's active members from indexes", () => {
    expect(cols('memberships_group')).toEqual(['groupId', 'displayName', 'userId']);
    const members = plan(GROUP_MEMBERS.replace('?', "'g'").replace('?', '50'));
    expect(members).toMatch(/SEARCH m USING (COVERING )?INDEX memberships_group \(groupId=\?\)/);
    expect(members).toMatch(/SEARCH u USING INDEX sqlite_autoindex_users_1 \(id=\?\)/);
    expect(members).not.toMatch(/TEMP B-TREE|SCAN/);
    expect(plan(USER_GROUPS.replace('?', "'u'"))).toMatch(/SEARCH memberships USING PRIMARY KEY \(userId=\?\)/);
    expect(plan(USER_GROUPS.replace('?', "'u'"))).not.toMatch(/TEMP B-TREE/);
    expect(plan(ACTIVE_MEMBERS.replace('?', "'g'"))).toMatch(/SEARCH m USING COVERING INDEX memberships_group \(groupId=\?\)/);
    expect(plan(LIST_GROUPS.replace('?', '50'))).toMatch(/SCAN groups USING INDEX sqlite_autoindex_groups_1/);
  });

  test('a display name changed on the user is the one its memberships sort by (trigger)', () => {
    db.prepare("INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('m1', 'm1@x.id', 'Lama', 'staff', 'h', 'active', 'now')").run();
    db.prepare("INSERT INTO groups (id, name, createdAt, updatedAt) VALUES ('g1', 'G', 'now', 'now')").run();
    db.prepare("INSERT INTO memberships (userId, groupId, displayName) VALUES ('m1', 'g1', 'Lama')").run();
    db.prepare("UPDATE users SET displayName = 'Baru' WHERE id = 'm1'").run();
    expect(db.prepare("SELECT displayName FROM memberships WHERE userId = 'm1'").pluck().get()).toBe('Baru');
  });
});

describe('SQLite staff administration indexes (src/staff)', () => {
  test('the staff list reads each role through users_role in order, and counts it from the index alone', () => {
    expect(cols('users_role')).toEqual(['role', 'displayName', 'id']);
    const page = plan(USERS_OF_ROLE_PAGE, { role: 'staff', limit: 25, offset: 0 });
    expect(page).toMatch(/USING INDEX users_role \(role=\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE|SCAN users/);
    expect(plan(COUNT_ROLE.replace('?', "'staff'"))).toMatch(/USING COVERING INDEX users_role \(role=\?\)/);
    expect(plan(ACTIVE_OF_ROLE.replace('?', "'process-owner'"))).toMatch(/USING INDEX users_role \(role=\?\)/);
  });

  test('the staff log, whole or of one account, is read newest first through its indexes without sorting', () => {
    expect(cols('staff_audit_at')).toEqual(['at', 'seq']);
    expect(cols('staff_audit_user')).toEqual(['userId', 'at', 'seq']);
    const all = plan(STAFF_AUDIT_BY_AT, { limit: 20, offset: 0 });
    expect(all).toMatch(/SCAN staff_audit USING INDEX staff_audit_at/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const one = plan(STAFF_AUDIT_BY_USER, { userId: 'u', limit: 20, offset: 0 });
    expect(one).toMatch(/USING INDEX staff_audit_user \(userId=\?\)/);
    expect(one).not.toMatch(/TEMP B-TREE/);
  });

  test('the staff log refuses UPDATE and DELETE (append-only, like the case audit)', () => {
    db.prepare("INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('s', 's@x.id', 'S', 'staff', 'h', 'active', 'now')").run();
    db.prepare("INSERT INTO staff_audit (id, userId, at, type, data) VALUES ('e', 's', 'now', 'staff.invited', '{}')").run();
    expect(() => db.prepare("UPDATE staff_audit SET type = 'x'").run()).toThrow('audit is append-only');
    expect(() => db.prepare('DELETE FROM staff_audit').run()).toThrow('audit is append-only');
  });
});
