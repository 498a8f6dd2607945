// Paging rules of TaskQuery, shared by every store adapter.
import type { TaskQuery } from './ports.js';

export const DEFAULT_TASK_LIMIT = 50;

export function paging(q: TaskQuery): { limit: number; offset: number } {
  const limit = q.limit ?? DEFAULT_TASK_LIMIT;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`task query limit must be an integer >= 0: ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`task query offset must be an integer >= 0: ${offset}`);
  return { limit, offset };
}
