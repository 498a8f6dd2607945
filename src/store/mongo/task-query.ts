// Inbox queries of the MongoDB store: TaskQuery → filter, sort and collation; a page sorted by process.
import type { mongo, QueryFilter } from 'mongoose';

type CollationOptions = mongo.CollationOptions;
import type { TaskQuery, TaskRecord } from '../ports.js';
import { byProcess, paging, processWindows, searchOf, taskSort, type ProcessCount, type TaskSort } from '../task-paging.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';
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
const DUE = { dueAt: 1, createdAt: 1, _id: 1 } as const;
const DUE_DESC = { dueAt: -1, createdAt: -1, _id: -1 } as const;
const SORT: Record<Exclude<TaskSort, 'process' | 'process-desc'>, Record<string, 1 | -1>> = {
  due: DUE,
  age: { createdAt: 1, _id: 1 },
  'due-desc': DUE_DESC,
  'age-desc': { createdAt: -1, _id: -1 },
  step: { name: 1, ...DUE },
  'step-desc': { name: -1, ...DUE_DESC },
  applicant: { applicantName: 1, ...DUE },
  'applicant-desc': { applicantName: -1, ...DUE_DESC },
};

/**
 * The collation of the name orders: case-insensitive (strength 2), that of their indexes (schemas.ts:
 * a query uses an index with a collation only when it asks for the same one).
 * NOTE: it also applies to the query's equalities (status, groupId, …): ids and keys differ by more than case.
 */
export const FOLDED: CollationOptions = { locale: 'en', strength: 2 };

export function taskOrder(q: TaskQuery): Record<string, 1 | -1> {
  const sort = taskSort(q);
  if (byProcess(sort)) throw new RangeError(`a '${sort}' page is read one process at a time (processWindows)`);
  return SORT[sort];
}

export function taskCollation(q: TaskQuery): CollationOptions | undefined {
  const sort = taskSort(q);
  return sort.startsWith('step') || sort.startsWith('applicant') ? FOLDED : undefined;
}

async function listInOrder(m: Models, q: TaskQuery): Promise<TaskRecord[]> {
  const { limit, offset } = paging(q);
  if (limit === 0 || q.groupIds?.length === 0) return []; // MongoDB reads limit 0 as "no limit"
  const find = m.Task.find(taskFilter(q)).sort(taskOrder(q)).skip(offset).limit(limit);
  const collation = taskCollation(q);
  const docs = await (collation ? find.collation(collation) : find).lean();
  return docs.map((d) => fromDoc<TaskRecord>(d as unknown as Record<string, unknown> & { _id: string }));
}

/** The open tasks per process of `q`'s scope (read through the inbox indexes), with each process's latest name. */
async function processCounts(m: Models, q: TaskQuery): Promise<ProcessCount[]> {
  const rows = await m.Task.aggregate<{ _id: string; n: number }>([{ $match: taskFilter(q) }, { $group: { _id: '$processKey', n: { $sum: 1 } } }]);
  return Promise.all(rows.map(async (r) => {
    const latest = await m.Definition.findOne({ processKey: r._id }, { name: 1 }).sort({ version: -1 }).lean();
    return { processKey: r._id, name: latest?.name || r._id, count: r.n };
  }));
}

/**
 * listTasks: in the query's order; by process, one process at a time (task-paging.ts processWindows).
 * NOTE: the counts and the pages are separate reads (no snapshot): a task taken in between may leave
 * the page one short, as offset paging does anyway.
 */
export async function listTasks(m: Models, q: TaskQuery): Promise<TaskRecord[]> {
  if (!byProcess(taskSort(q))) return listInOrder(m, q);
  if (paging(q).limit === 0 || q.groupIds?.length === 0) return [];
  const pages = [];
  for (const w of processWindows(q, await processCounts(m, q))) pages.push(await listInOrder(m, { ...q, ...w }));
  return pages.flat();
}
