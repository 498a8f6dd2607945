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

const SORTS: readonly TaskSort[] = ['due', 'age', 'due-desc', 'age-desc'];

/**
 * The order of a task query: 'due' (default) = dueAt, createdAt, id; 'age' = createdAt, id
 * (oldest first); 'due-desc' and 'age-desc' the same orders reversed (an index read backwards).
 * The id makes the order total, so paging never skips or repeats a task.
 */
export function taskSort(q: TaskQuery): TaskSort {
  const sort = q.sort ?? 'due';
  if (!SORTS.includes(sort)) throw new RangeError(`task query sort must be one of ${SORTS.join(', ')}: ${String(sort)}`);
  return sort;
}

/** Whether the order starts with createdAt (the age indexes serve it). */
export const byAge = (sort: TaskSort): boolean => sort === 'age' || sort === 'age-desc';

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
