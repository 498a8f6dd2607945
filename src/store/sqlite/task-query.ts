// Inbox queries: TaskQuery → SQL. One prepared statement per filter combination, cached.
import type { TaskQuery, TaskRecord } from '../ports.js';
import type { Database } from './database.js';
import { TASK_COLUMNS } from './statements.js';
import { paging, searchOf, taskSort, type TaskSort } from '../task-paging.js';

type Params = Record<string, string | number>;
type Filter = { where: string; params: Params };

/** Builds the WHERE clause; `assigneeId: null` means unassigned only, undefined means any. */
export function taskFilter(q: TaskQuery): Filter {
  const clauses = ['status = @status'];
  const params: Params = { status: q.status ?? 'open' };
  if (q.role !== undefined) {
    clauses.push('role = @role');
    params.role = q.role;
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
  const due = taskSort(q) === 'age' ? '+dueAt' : 'dueAt';
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

const ORDER: Record<TaskSort, string> = { due: 'dueAt, createdAt, id', age: 'createdAt, id' };

export function createTaskQueries(db: Database) {
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  return {
    list(q: TaskQuery): TaskRecord[] {
      const { where, params } = taskFilter(q);
      const sql =
        `SELECT ${TASK_COLUMNS.join(', ')} FROM tasks WHERE ${where} ` +
        `ORDER BY ${ORDER[taskSort(q)]} LIMIT @limit OFFSET @offset`;
      return prepared(sql).all({ ...params, ...paging(q) }) as TaskRecord[];
    },
    count(q: TaskQuery): number {
      const { where, params } = taskFilter(q);
      return prepared(`SELECT count(*) FROM tasks WHERE ${where}`).pluck().get(params) as number;
    },
  };
}
