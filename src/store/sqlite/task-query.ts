// Inbox queries: TaskQuery → SQL. One prepared statement per filter combination, cached.
import type { TaskQuery, TaskRecord } from '../ports.js';
import type { Database } from './database.js';
import { taskSelect } from './statements.js';
import { byDue, byProcess, paging, processWindows, searchOf, taskSort, type ProcessCount, type TaskSort } from '../task-paging.js';

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
  // NOTE: in any order but the due time's, `+dueAt` keeps the planner on the order's index (read in
  // order, filtered on the way) instead of a due-time range that would then sort the whole result.
  const due = byDue(taskSort(q)) ? 'dueAt' : '+dueAt';
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

const DUE = 'dueAt, createdAt, id';
const DUE_DESC = 'dueAt DESC, createdAt DESC, id DESC';
// NOTE: the name orders match their indexes' NOCASE columns (tasks_step_sort, tasks_applicant_sort…)
const ORDER: Record<Exclude<TaskSort, 'process' | 'process-desc'>, string> = {
  due: DUE, age: 'createdAt, id', 'due-desc': DUE_DESC, 'age-desc': 'createdAt DESC, id DESC',
  step: `name COLLATE NOCASE, ${DUE}`, 'step-desc': `name COLLATE NOCASE DESC, ${DUE_DESC}`,
  applicant: `applicantName COLLATE NOCASE, ${DUE}`, 'applicant-desc': `applicantName COLLATE NOCASE DESC, ${DUE_DESC}`,
};

/**
 * listTasks' statement for `q`. Several groups: one arm per group, each read through the inbox index
 * in page order, merged by SQLite (MERGE (UNION ALL)): no sort of the queues, the page stops at LIMIT.
 * NOTE: a task has one group, so the arms never share a row (UNION ALL keeps every one).
 */
export function taskListSql(q: TaskQuery): string {
  const groups = groupsOf(q);
  const arms = groups === undefined || groups.length <= 1 ? [taskFilter(q).where] : groups.map((_, i) => taskFilter(q, i).where);
  const select = arms.map((where) => `SELECT ${taskSelect()} FROM tasks WHERE ${where}`).join(' UNION ALL ');
  const sort = taskSort(q);
  if (byProcess(sort)) throw new RangeError(`a '${sort}' page is read one process at a time (processWindows)`);
  return `${select} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`;
}

/**
 * The open tasks per process of `q`'s scope: one grouped count per group, each read through the
 * process inbox index in processKey order (no sort), summed.
 */
export function processCountSql(q: TaskQuery, group?: number): string {
  return `SELECT processKey, count(*) AS n FROM tasks WHERE ${taskFilter(q, group).where} GROUP BY processKey`;
}

/** A process's name as the inbox shows it: its latest version's, else its key. */
export const PROCESS_NAME_SQL = "SELECT coalesce(nullif(name, ''), processKey) FROM definitions WHERE processKey = ? ORDER BY version DESC LIMIT 1";

export function createTaskQueries(db: Database) {
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const processName = db.prepare<[string], string>(PROCESS_NAME_SQL).pluck();

  const listInOrder = (q: TaskQuery): TaskRecord[] => {
    const { limit, offset } = paging(q);
    const groups = groupsOf(q);
    if (groups?.length === 0 || limit === 0) return [];
    const sql = taskListSql(q);
    const params = groups === undefined ? taskFilter(q).params : Object.assign({}, ...groups.map((_, i) => taskFilter(q, i).params));
    return prepared(sql).all({ ...params, limit, offset }) as TaskRecord[];
  };

  const processCounts = (q: TaskQuery): ProcessCount[] => {
    const groups = groupsOf(q);
    const n = new Map<string, number>();
    for (const group of groups === undefined ? [undefined] : groups.map((_, i) => i)) {
      const rows = prepared(processCountSql(q, group)).all(taskFilter(q, group).params) as Array<{ processKey: string; n: number }>;
      for (const r of rows) n.set(r.processKey, (n.get(r.processKey) ?? 0) + r.n);
    }
    return [...n].map(([processKey, count]) => ({ processKey, name: processName.get(processKey) ?? processKey, count }));
  };

  // NOTE: one read transaction, so the counts and the pages see the same tasks
  const listByProcess = db.transaction((q: TaskQuery): TaskRecord[] => {
    if (groupsOf(q)?.length === 0 || paging(q).limit === 0) return [];
    return processWindows(q, processCounts(q)).flatMap((w) => listInOrder({ ...q, ...w }));
  });

  return {
    list(q: TaskQuery): TaskRecord[] {
      return byProcess(taskSort(q)) ? listByProcess(q) : listInOrder(q);
    },
    count(q: TaskQuery): number {
      if (groupsOf(q)?.length === 0) return 0;
      const { where, params } = taskFilter(q);
      return prepared(`SELECT count(*) FROM tasks WHERE ${where}`).pluck().get(params) as number;
    },
  };
}
