// Writes of the report facts in the MongoDB store: facts a case change brings (in its transaction),
// facts computed afterwards for the backlog, and the backlog of cases whose facts are missing.
// NOTE: facts are written with $setOnInsert upserts: a fact already recorded is kept, and no
// duplicate key can abort the transaction it is part of.
import type { ClientSession } from 'mongoose';
import type { CaseChange, CaseFacts, Store, TaskFacts } from '../ports.js';
import type { Models } from './models.js';
import type { Atomically } from './transaction.js';

const whole = (ms: number | null, what: string): void => {
  if (ms !== null && !Number.isSafeInteger(ms)) throw new RangeError(`${what} must be a whole number of ms: ${ms}`);
};

function taskDoc(f: TaskFacts) {
  for (const k of ['elapsedMs', 'waitMs', 'handlingMs', 'standardMs'] as const) whole(f[k], k);
  const { taskId, ...rest } = f;
  return { _id: taskId, ...rest };
}

function caseDoc(c: CaseFacts) {
  for (const k of ['totalMs', 'agencyMs', 'applicantMs', 'standardMs'] as const) whole(c[k], k);
  const { caseId, ...rest } = c;
  return { _id: caseId, ...rest };
}

/** An upsert that inserts `doc` if its _id is new and leaves a recorded one as it is (the filter gives the _id). */
const insertIfNew = <D extends { _id: string }>({ _id, ...rest }: D) => ({ updateOne: { filter: { _id }, update: { $setOnInsert: rest }, upsert: true } });

async function record(m: Models, tasks: TaskFacts[], cases: CaseFacts[], session: ClientSession): Promise<void> {
  if (tasks.length) await m.TaskFact.bulkWrite(tasks.map(taskDoc).map(insertIfNew), { session, ordered: true });
  if (cases.length) await m.CaseFact.bulkWrite(cases.map(caseDoc).map(insertIfNew), { session, ordered: true });
}

/** Inside applyCaseChange's transaction: the change's facts, and the backlog for what came without them. */
export async function recordChangeFacts(m: Models, change: CaseChange, session: ClientSession): Promise<void> {
  const facts = change.facts;
  await record(m, facts?.tasks ?? [], facts?.case ? [facts.case] : [], session);
  const given = new Set((facts?.tasks ?? []).map((f) => f.taskId));
  const missing = new Set<string>([
    ...(change.completeTasks ?? []).filter((t) => (t.status ?? 'completed') === 'completed' && !given.has(t.taskId)).map(() => change.case.id),
    ...(change.openTasks ?? []).filter((t) => t.status === 'completed' && !given.has(t.id)).map((t) => t.caseId),
  ]);
  if (change.case.status === 'completed' && !facts?.case) missing.add(change.case.id);
  if (missing.size) {
    await m.ReportBacklog.bulkWrite([...missing].map((caseId) => ({ updateOne: { filter: { _id: caseId }, update: { $inc: { mark: 1 } }, upsert: true } })), { session, ordered: true });
  }
}

export function createReportFactsWrites(m: Models, atomically: Atomically): Pick<Store, 'listReportBacklog' | 'saveReportFacts'> {
  return {
    async listReportBacklog(limit) {
      if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`backlog limit must be an integer >= 0: ${limit}`);
      if (limit === 0) return [];
      const docs = await m.ReportBacklog.find({}).sort({ _id: 1 }).limit(limit).lean();
      return docs.map((d) => ({ caseId: d._id, mark: d.mark }));
    },
    async saveReportFacts(batch) {
      await atomically('report facts', async (session) => {
        await record(m, batch.tasks, batch.cases, session);
        if (batch.done.length) {
          await m.ReportBacklog.bulkWrite(batch.done.map((d) => ({ deleteOne: { filter: { _id: d.caseId, mark: d.mark } } })), { session, ordered: true });
        }
      });
    },
  };
}

/**
 * Migration '9-task-facts': every case that has a completed task, or ended, goes on the report
 * backlog (the app computes its facts: it needs the working calendar). Idempotent: a case already
 * on the backlog is only listed again, and the app keeps facts already recorded.
 */
export async function backlogCasesOfBefore(models: Models): Promise<void> {
  const BATCH = 500;
  const enqueue = async (ids: string[]) => {
    if (ids.length) await models.ReportBacklog.bulkWrite(ids.map((caseId) => ({ updateOne: { filter: { _id: caseId }, update: { $inc: { mark: 1 } }, upsert: true } })), { ordered: false });
  };
  for (let after = ''; ;) {
    const page = await models.Case.find({ _id: { $gt: after }, status: 'completed' }, { _id: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
    if (page.length === 0) break;
    await enqueue(page.map((c) => c._id));
    after = page[page.length - 1]!._id;
  }
  // cases still running (or closed) that have completed tasks: one pass over the completed tasks' case ids
  const running = await models.Task.aggregate<{ _id: string }>([{ $match: { status: 'completed' } }, { $group: { _id: '$caseId' } }]).allowDiskUse(true);
  for (let i = 0; i < running.length; i += BATCH) await enqueue(running.slice(i, i + BATCH).map((c) => c._id));
}
