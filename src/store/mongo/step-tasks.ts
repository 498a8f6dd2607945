// The open tasks at one step of one process, for the MongoDB store (the process view). Tasks do not
// carry their process: the pipeline reads the step's open tasks through the {status, elementId,
// dueAt, createdAt, _id} index in page order, then keeps those whose case (by _id) is of the process.
import type { PipelineStage } from 'mongoose';
import type { StepTaskQuery, Store, TaskRecord } from '../ports.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';

function pipeline(m: Models, q: StepTaskQuery): PipelineStage[] {
  return [
    { $match: { status: 'open', elementId: q.elementId, ...(q.dueBefore !== undefined && { dueAt: { $lt: q.dueBefore } }) } },
    { $sort: { dueAt: 1, createdAt: 1, _id: 1 } },
    {
      $lookup: {
        from: m.Case.collection.name, localField: 'caseId', foreignField: '_id', as: 'of',
        pipeline: [{ $match: { processKey: q.processKey } }, { $project: { _id: 1 } }],
      },
    },
    { $match: { 'of.0': { $exists: true } } },
    { $project: { of: 0 } },
  ];
}

export function createStepTasks(m: Models): Pick<Store, 'listStepTasks' | 'countStepTasks'> {
  return {
    async listStepTasks(q) {
      const limit = q.limit ?? 200;
      if (limit <= 0) return [];
      const docs = await m.Task.aggregate<Record<string, unknown> & { _id: string }>([...pipeline(m, q), { $limit: limit }]);
      return docs.map((d) => fromDoc<TaskRecord>(d));
    },
    async countStepTasks(q) {
      const [row] = await m.Task.aggregate<{ n: number }>([...pipeline(m, q), { $count: 'n' }]);
      return row?.n ?? 0;
    },
  };
}
