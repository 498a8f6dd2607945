// Paging, ordering and lease rules of the port, shared by every store adapter: TaskQuery paging and
// sort, listMessages paging, and the lease of claimDueMessages.
import type { TaskQuery } from './ports.js';

export const DEFAULT_TASK_LIMIT = 50;
/** listMessages has no documented default; it uses the inbox's. */
export const DEFAULT_MESSAGE_LIMIT = DEFAULT_TASK_LIMIT;

export interface Page {
  limit?: number;
  offset?: number;
}

/** Checks limit / offset (integers >= 0) and applies the defaults. */
export function pageOf(q: Page, what: string, defaultLimit: number): { limit: number; offset: number } {
  const limit = q.limit ?? defaultLimit;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`${what} limit must be an integer >= 0: ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`${what} offset must be an integer >= 0: ${offset}`);
  return { limit, offset };
}

export function paging(q: TaskQuery): { limit: number; offset: number } {
  return pageOf(q, 'task query', DEFAULT_TASK_LIMIT);
}

export type TaskSort = NonNullable<TaskQuery['sort']>;

const SORTS: readonly TaskSort[] = [
  'due', 'age', 'due-desc', 'age-desc', 'process', 'process-desc', 'step', 'step-desc', 'applicant', 'applicant-desc',
];

/**
 * The order of a task query: 'due' (default) = dueAt, createdAt, id; 'age' = createdAt, id
 * (oldest first); 'process' = process name, 'step' = step name, 'applicant' = applicant name (each
 * case-insensitive, ties in the 'due' order); the '-desc' sorts the same orders reversed (an index
 * read backwards). The id makes the order total, so paging never skips or repeats a task.
 */
export function taskSort(q: TaskQuery): TaskSort {
  const sort = q.sort ?? 'due';
  if (!SORTS.includes(sort)) throw new RangeError(`task query sort must be one of ${SORTS.join(', ')}: ${String(sort)}`);
  return sort;
}

/** Whether the order starts with dueAt (a due-time filter may then seek the same index). */
export const byDue = (sort: TaskSort): boolean => sort === 'due' || sort === 'due-desc';

/** Whether the order is by process name (read one process at a time: processWindows). */
export const byProcess = (sort: TaskSort): sort is 'process' | 'process-desc' => sort === 'process' || sort === 'process-desc';

export const descending = (sort: TaskSort): boolean => sort.endsWith('-desc');

/**
 * Case-insensitive text order shared by the adapters' name sorts: ASCII letters folded, the rest
 * by code unit (SQLite's NOCASE; MongoDB's name indexes fold case by their collation).
 */
export function compareFolded(a: string, b: string): number {
  const fa = a.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const fb = b.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** The open tasks of one process in a query's scope, and the name the process is sorted by. */
export interface ProcessCount {
  processKey: string;
  name: string; // its latest version's name (the key when it has none)
  count: number;
}

/** One read of a process-sorted page: the tasks of one process, in the 'due' order (or reversed). */
export interface ProcessWindow {
  processKey: string;
  sort: 'due' | 'due-desc';
  offset: number;
  limit: number;
}

/**
 * The reads that make up one page of a 'process' / 'process-desc' query: processes by name (then
 * key), each process's tasks in the 'due' order, the page's offset walked over the counts. Each
 * read is an inbox query of one process (served by the process indexes, groups merged).
 */
export function processWindows(q: TaskQuery, counts: readonly ProcessCount[]): ProcessWindow[] {
  const { limit, offset } = paging(q);
  const desc = descending(taskSort(q));
  const ordered = [...counts].sort((a, b) => compareFolded(a.name, b.name) || (a.processKey < b.processKey ? -1 : a.processKey > b.processKey ? 1 : 0));
  if (desc) ordered.reverse();
  const windows: ProcessWindow[] = [];
  let skip = offset;
  let need = limit;
  for (const p of ordered) {
    if (need === 0) break;
    if (skip >= p.count) {
      skip -= p.count;
      continue;
    }
    const take = Math.min(need, p.count - skip);
    windows.push({ processKey: p.processKey, sort: desc ? 'due-desc' : 'due', offset: skip, limit: take });
    need -= take;
    skip = 0;
  }
  return windows;
}

/** now + leaseMs as ISO-8601 (claimDueMessages); the lease must be a whole number of ms >= 1. */
export function leaseEnd(now: string, leaseMs: number): string {
  const ms = Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`claim time is not a date: ${now}`);
  if (!Number.isInteger(leaseMs) || leaseMs < 1) throw new RangeError(`lease must be an integer >= 1 ms: ${leaseMs}`);
  return new Date(ms + leaseMs).toISOString();
}

/**
 * The inbox search text both adapters match, or undefined for none: control characters (C0, DEL)
 * are dropped, since no searchText holds them and MongoDB refuses a NUL inside a pattern.
 */
export function searchOf(q: TaskQuery): string | undefined {
  if (q.search === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const text = q.search.replace(/[\u0000-\u001f\u007f]/g, '');
  return text === '' ? undefined : text;
}
