// Inbox queries: TaskQuery → SQL. One prepared statement per filter combination, cached.
import type { TaskQuery, TaskRecord } from '../ports.js';
import type { Database } from './database.js';
import { TASK_COLUMNS } from './statements.js';
import { byAge, paging, searchOf, taskSort, type TaskSort } from '../task-paging.js';

type Params = Record<string, string | number>;
type Filter = { where: string; params: Params };

/** The distinct group ids asked, sorted (one statement per number of groups); undefined = any group. */
export function groupsOf(q: TaskQuery): string[] | undefined {
  return q.groupIds === undefined ? undefined : [...new Set(q.groupIds)].sort();
}

/**
 * Builds the WHERE clause; `assigneeId: null` means unassigned only, undefined means any. With
 * `group` (an index into groupsOf(q)), the clause names that one group: each group's tasks are one
 * index range in page order (listTasks merges them); without it, several groups are an IN list (counts).
 */
export function taskFilter(q: TaskQuery, group?: number): Filter {
  const clauses = ['status = @status'];
  const params: Params = { status: q.status ?? 'open' };
  const groups = groupsOf(q);
  if (groups !== undefined && group !== undefined) {
    clauses.push(`groupId = @g${group}`);
    params[`g${group}`] = groups[group] as string;
  } else if (groups !== undefined) {
    clauses.push(groups.length === 1 ? 'groupId = @g0' : `groupId IN (${groups.map((_, i) => `@g${i}`).join(', ')})`);
    groups.forEach((g, i) => (params[`g${i}`] = g));
  }
  if (q.assigneeId === null) clauses.push('assigneeId IS NULL');
  else if (q.assigneeId !== undefined) {
    clauses.push('assigneeId = @assigneeId');
    params.assigneeId = q.assigneeId;
  }
  if (q.applicantId !== undefined) {
    clauses.push('applicantId = @applicantId');
    params.applicantId = q.applicantId;
  }
  if (q.caseId !== undefined) {
    clauses.push('caseId = @caseId');
    params.caseId = q.caseId;
  }
  if (q.processKey !== undefined) {
    clauses.push('processKey = @processKey');
    params.processKey = q.processKey;
  }
  if (q.elementId !== undefined) {
    clauses.push('elementId = @elementId');
    params.elementId = q.elementId;
  }
  // ISO-8601 UTC strings compare in time order, so a due-time range needs no date parsing.
  // NOTE: oldest first (age), `+dueAt` keeps the planner on tasks_age (read in order, filtered on
  // the way) instead of a due-time range that would then sort the whole result.
  const due = byAge(taskSort(q)) ? '+dueAt' : 'dueAt';
  if (q.dueBefore !== undefined) {
    clauses.push(`${due} < @dueBefore`);
    params.dueBefore = q.dueBefore;
  }
  if (q.dueFrom !== undefined) {
    clauses.push(`${due} >= @dueFrom`);
    params.dueFrom = q.dueFrom;
  }
  const search = searchOf(q);
  if (search !== undefined) {
    // NOTE: a leading % cannot use an index; it only scans the rows the other filters leave.
    clauses.push("searchText LIKE '%' || lower(@search) || '%' ESCAPE '\\'");
    params.search = escapeLike(search.toLowerCase());
  }
  return { where: clauses.join(' AND '), params };
}

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '\'`: the text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

const ORDER: Record<TaskSort, string> = {
  due: 'dueAt, createdAt, id', age: 'createdAt, id',
  'due-desc': 'dueAt DESC, createdAt DESC, id DESC', 'age-desc': 'createdAt DESC, id DESC',
};

/**
 * listTasks' statement for `q`. Several groups: one arm per group, each read through the inbox index
 * in page order, merged by SQLite (MERGE (UNION ALL)): no sort of the queues, the page stops at LIMIT.
 * NOTE: a task has one group, so the arms never share a row (UNION ALL keeps every one).
 */
export function taskListSql(q: TaskQuery): string {
  const groups = groupsOf(q);
  const arms = groups === undefined || groups.length <= 1 ? [taskFilter(q).where] : groups.map((_, i) => taskFilter(q, i).where);
  const select = arms.map((where) => `SELECT ${TASK_COLUMNS.join(', ')} FROM tasks WHERE ${where}`).join(' UNION ALL ');
  return `${select} ORDER BY ${ORDER[taskSort(q)]} LIMIT @limit OFFSET @offset`;
}

export function createTaskQueries(db: Database) {
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  return {
    list(q: TaskQuery): TaskRecord[] {
      const { limit, offset } = paging(q);
      const groups = groupsOf(q);
      if (groups?.length === 0 || limit === 0) return [];
      const sql = taskListSql(q);
      const params = groups === undefined ? taskFilter(q).params : Object.assign({}, ...groups.map((_, i) => taskFilter(q, i).params));
      return prepared(sql).all({ ...params, limit, offset }) as TaskRecord[];
    },
    count(q: TaskQuery): number {
      if (groupsOf(q)?.length === 0) return 0;
      const { where, params } = taskFilter(q);
      return prepared(`SELECT count(*) FROM tasks WHERE ${where}`).pluck().get(params) as number;
    },
  };
}
