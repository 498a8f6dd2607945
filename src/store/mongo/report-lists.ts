// The reports' paged lists in the MongoDB store: completed tasks and ended cases of a period with
// their facts, and the open tasks of a process (with their case's version).
import { MAX_FACTS_PAGE, MAX_OPEN_REPORT_TASKS, type FactsPageQuery, type Store, type TaskFacts, type TaskRecord } from '../ports.js';
import { pageOf } from '../task-paging.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';

type Lean = Record<string, unknown> & { _id: string };
const iso = (at: string): string => new Date(at).toISOString();

function page(q: FactsPageQuery, what: string): { limit: number; offset: number } {
  const p = pageOf(q, what, MAX_FACTS_PAGE);
  if (p.limit > MAX_FACTS_PAGE) throw new RangeError(`${what} limit must be at most ${MAX_FACTS_PAGE}: ${p.limit}`);
  return p;
}

export function createReportLists(m: Models): Pick<Store, 'listTaskFacts' | 'listCaseFacts' | 'listOpenReportTasks'> {
  return {
    async listTaskFacts(q) {
      const { limit, offset } = page(q, 'task facts');
      if (limit === 0) return [];
      const facts = await m.TaskFact.find({ processKey: q.processKey, completedAt: { $gte: iso(q.from), $lt: iso(q.to) } })
        .sort({ processKey: 1, elementId: 1, completedAt: 1, _id: 1 }).skip(offset).limit(limit).lean();
      const tasks = new Map((await m.Task.find({ _id: { $in: facts.map((f) => f._id) } }).lean()).map((t) => [t._id, fromDoc<TaskRecord>(t as unknown as Lean)]));
      return facts.flatMap((f) => {
        const task = tasks.get(f._id);
        if (!task) return [];
        const { _id, ...rest } = f;
        return [{ task, facts: { taskId: _id, ...rest, returnReasons: rest.returnReasons ?? null, previousAt: rest.previousAt ?? null, previousCaseReturns: rest.previousCaseReturns ?? null } satisfies TaskFacts }];
      });
    },

    async listCaseFacts(q) {
      const { limit, offset } = page(q, 'case facts');
      if (limit === 0) return [];
      const facts = await m.CaseFact.find({ processKey: q.processKey, endedAt: { $gte: iso(q.from), $lt: iso(q.to) } })
        .sort({ processKey: 1, endedAt: 1, _id: 1 }).skip(offset).limit(limit).lean();
      const cases = new Map((await m.Case.find({ _id: { $in: facts.map((f) => f._id) } }, { applicantName: 1, definitionVersion: 1 }).lean()).map((c) => [c._id, c]));
      return facts.flatMap(({ _id, ...f }) => {
        const c = cases.get(_id);
        return c ? [{ caseId: _id, ...f, applicantName: c.applicantName, definitionVersion: c.definitionVersion }] : [];
      });
    },

    async listOpenReportTasks(q) {
      const { limit } = pageOf({ limit: q.limit }, 'open report tasks', MAX_OPEN_REPORT_TASKS);
      if (limit > MAX_OPEN_REPORT_TASKS) throw new RangeError(`open report tasks limit must be at most ${MAX_OPEN_REPORT_TASKS}: ${limit}`);
      if (limit === 0) return [];
      const docs = await m.Task.aggregate<Lean & { c: { definitionId: string }; taken: Array<{ at: string }> }>([
        { $match: { status: 'open', processKey: q.processKey } },
        { $sort: { createdAt: 1, _id: 1 } },
        { $lookup: { from: m.Case.collection.name, localField: 'caseId', foreignField: '_id', as: 'c', pipeline: [{ $project: { createdAt: 1, definitionId: 1 } }] } },
        { $unwind: '$c' },
        { $match: { 'c.createdAt': { $lt: iso(q.caseCreatedBefore) } } },
        { $limit: limit },
        {
          $lookup: {
            // NOTE: joined on caseId (the audit index's first key; MongoDB 5+ takes localField with a
            // pipeline), the task and type filtered among the case's few entries
            from: m.Audit.collection.name, as: 'taken', localField: 'caseId', foreignField: 'caseId', let: { taskId: '$_id' },
            pipeline: [
              { $match: { type: 'task.taken', $expr: { $eq: ['$taskId', '$$taskId'] } } },
              { $sort: { at: 1 } }, { $limit: 1 }, { $project: { at: 1 } },
            ],
          },
        },
      ]);
      return docs.map(({ c, taken, ...task }) => ({ task: fromDoc<TaskRecord>(task as Lean), definitionId: c.definitionId, takenAt: taken[0]?.at ?? null }));
    },
  };
}
