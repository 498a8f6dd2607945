// Inbox queries of the MongoDB store: TaskQuery → filter and sort.
import type { QueryFilter } from 'mongoose';
import type { TaskQuery } from '../ports.js';
import { searchOf, taskSort, type TaskSort } from '../task-paging.js';
import type { TaskDoc } from './schemas.js';

/**
 * `assigneeId: null` means unassigned only, undefined means any; status defaults to 'open'.
 * NOTE: `groupIds: []` matches nothing: callers answer it without asking the server.
 */
export function taskFilter(q: TaskQuery): QueryFilter<TaskDoc> {
  const f: QueryFilter<TaskDoc> = { status: q.status ?? 'open' };
  const groups = q.groupIds === undefined ? undefined : [...new Set(q.groupIds)].sort();
  // one group: an equality; several: $in, one index range each, merged in page order (SORT_MERGE)
  if (groups !== undefined) f.groupId = groups.length === 1 ? groups[0] : { $in: groups };
  if (q.assigneeId !== undefined) f.assigneeId = q.assigneeId; // null = unassigned only
  if (q.applicantId !== undefined) f.applicantId = q.applicantId;
  if (q.caseId !== undefined) f.caseId = q.caseId;
  if (q.processKey !== undefined) f.processKey = q.processKey;
  if (q.elementId !== undefined) f.elementId = q.elementId;
  // ISO-8601 UTC strings compare in time order, so a due-time range needs no date parsing.
  if (q.dueBefore !== undefined || q.dueFrom !== undefined) {
    f.dueAt = {
      ...(q.dueBefore !== undefined && { $lt: q.dueBefore }),
      ...(q.dueFrom !== undefined && { $gte: q.dueFrom }),
    };
  }
  const search = searchOf(q);
  if (search !== undefined) f.searchText = { $regex: escapeRegex(search.toLowerCase()), $options: 'i' };
  return f;
}

/** Every regular-expression metacharacter escaped, so the text matches literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// the reversed orders walk the same compound indexes backwards
const SORT: Record<TaskSort, Record<string, 1 | -1>> = {
  due: { dueAt: 1, createdAt: 1, _id: 1 },
  age: { createdAt: 1, _id: 1 },
  'due-desc': { dueAt: -1, createdAt: -1, _id: -1 },
  'age-desc': { createdAt: -1, _id: -1 },
};

export function taskOrder(q: TaskQuery): Record<string, 1 | -1> {
  return SORT[taskSort(q)];
}
