// Durable timers of the MongoDB store. A claim leases one timer per findOneAndUpdate (atomic per
// document) with a fresh token; done-marking and release match that token, so a holder whose lease
// ran out and was taken over can no longer write. Done-marking and its effects share a transaction.
import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'mongoose';
import { ConflictError, type Store, type TimerLease, type TimerRecord } from '../ports.js';
import { DEFAULT_TASK_LIMIT, leaseEnd, pageOf } from '../task-paging.js';
import { fromDoc, toDoc } from './mapping.js';
import type { Models } from './models.js';
import { withSeq, type Atomically } from './transaction.js';
import { claimEach, dueFilter, leaseUpdate } from './outbox.js';
import { numberCaseRecords } from './sequences.js';

type Timers = Pick<Store, 'scheduleTimers' | 'claimDueTimers' | 'completeTimer' | 'releaseTimer' | 'listTimers'>;

const rec = (doc: unknown) => fromDoc<TimerRecord>(doc as Record<string, unknown> & { _id: string });

/** Pending, due at `now`, and not leased, the lease judged on the server's clock (as the outbox's dueFilter). */
export function dueTimerFilter(now: string) {
  return dueFilter(now);
}

/** Inserts the timers whose id is new; an existing id is left as it is. */
async function insertNew(m: Models, timers: TimerRecord[], session?: ClientSession): Promise<void> {
  if (!timers.length) return;
  await m.Timer.bulkWrite(
    timers.map((t) => ({ updateOne: { filter: { _id: t.id }, update: { $setOnInsert: toDoc(t) }, upsert: true } })),
    { session, ordered: true },
  );
}

const heldBy = (lease: TimerLease) => ({ _id: lease.id, leaseToken: lease.token, status: 'pending' as const });

/** The timer part of applyCaseChange, in its transaction: done-marking first, then cancel, then schedule. */
export async function applyTimerChange(
  m: Models,
  change: { firedTimer?: TimerLease & { at: string }; cancelTimers?: string[]; timers?: TimerRecord[] },
  caseId: string,
  at: string,
  session: ClientSession,
): Promise<void> {
  const fired = change.firedTimer;
  if (fired) {
    const r = await m.Timer.updateOne(heldBy(fired), { $set: { status: 'done', doneAt: fired.at, lockedUntil: null, leaseExpires: null } }, { session });
    if (r.matchedCount === 0) throw new ConflictError(`case ${caseId}: timer ${fired.id} is no longer held by this lease`);
  }
  if (change.cancelTimers?.length) {
    await m.Timer.updateMany(
      { _id: { $in: change.cancelTimers }, status: 'pending' },
      { $set: { status: 'cancelled', doneAt: at, lockedUntil: null, leaseExpires: null } },
      { session },
    );
  }
  await insertNew(m, change.timers ?? [], session);
}

/** Thrown inside a transaction to roll it back when the lease is lost; never leaves this module. */
class LeaseLost extends Error {}

export function createTimers(atomically: Atomically, m: Models): Timers {
  return {
    async scheduleTimers(timers) {
      await insertNew(m, timers);
    },
    async claimDueTimers(now, limit, leaseMs) {
      const lockedUntil = leaseEnd(now, leaseMs);
      const { limit: n } = pageOf({ limit }, 'timer claim', limit);
      return claimEach(n, async () => {
        // NOTE: equal due times are claimed by _id (SQLite: insertion order); only the fairness of one poll depends on it
        const doc = await m.Timer.findOneAndUpdate(dueTimerFilter(now), leaseUpdate(lockedUntil, leaseMs, { leaseToken: randomUUID() }), {
          sort: { nextAttemptAt: 1, _id: 1 }, returnDocument: 'after', updatePipeline: true,
        }).lean();
        return doc ? rec(doc) : null;
      });
    },
    async completeTimer(lease, at, effects = {}) {
      try {
        await atomically(`timer ${lease.id}`, async (session) => {
          const r = await m.Timer.updateOne(heldBy(lease), { $set: { status: 'done', doneAt: at, lockedUntil: null, leaseExpires: null } }, { session });
          if (r.matchedCount === 0) throw new LeaseLost();
          if (effects.audit?.length) await m.Audit.insertMany(await numberCaseRecords(m, effects.audit, session), { session });
          if (effects.outbox?.length) await m.Outbox.insertMany(effects.outbox.map(withSeq), { session });
          await insertNew(m, effects.timers ?? [], session);
        });
        return true;
      } catch (err) {
        if (err instanceof LeaseLost) return false;
        throw err;
      }
    },
    async releaseTimer(lease, at, retryAt, error) {
      const set = retryAt === null ? { status: 'failed' as const, doneAt: at } : { status: 'pending' as const, nextAttemptAt: retryAt };
      const r = await m.Timer.updateOne(heldBy(lease), { $set: { ...set, lockedUntil: null, leaseExpires: null, lastError: error } });
      return r.matchedCount > 0;
    },
    async listTimers(q) {
      const { limit, offset } = pageOf(q, 'timer list', DEFAULT_TASK_LIMIT);
      if (limit === 0) return [];
      const filter: Record<string, unknown> = {};
      for (const key of ['caseId', 'taskId', 'kind', 'status'] as const) if (q[key] !== undefined) filter[key] = q[key];
      const docs = await m.Timer.find(filter).sort({ dueAt: 1, _id: 1 }).skip(offset).limit(limit).lean();
      return docs.map(rec);
    },
  };
}
