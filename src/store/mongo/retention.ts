// Retention of the MongoDB store: message texts deleted after the retention period (each message
// moves to `message_log`, its delivery log entry, in one transaction) and bounded purges of expired
// sessions, used or expired codes, finished timers and ended rate-limit windows (sessions and windows
// also have TTL indexes; a purge here just does the TTL monitor's work now). Each call reads at most
// `limit` documents through an index, then deletes those by _id.
import type { Types } from 'mongoose';
import type { OutboxMessage, Store } from '../ports.js';
import { maskRecipient } from '../recipient-mask.js';
import { pageOf } from '../task-paging.js';
import type { MessageLogDoc } from './message-log-schema.js';
import type { Models } from './models.js';
import type { OutboxDoc } from './notification-schemas.js';
import type { Atomically } from './transaction.js';

type Retention = Pick<Store, 'compactMessages' | 'purgeSessions' | 'purgeVerifications' | 'purgeTimers' | 'purgeRateLimits'>;

const FINISHED = ['sent', 'failed'] as const;
const TIMER_FINISHED = ['done', 'cancelled', 'failed'] as const;
/** Pages of finished timers one purgeTimers call reads at most (BPMN timers of running cases are skipped). */
const TIMER_PAGES = 10;

const date = (at: string, what: string): Date => {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a date: ${at}`);
  return d;
};
const batch = (limit: number) => pageOf({ limit }, 'purge', limit).limit;

/** A delivery log entry as listMessages returns it. */
export function logEntry(d: MessageLogDoc): OutboxMessage {
  return {
    id: `log:${d._id.toHexString()}`, kind: d.kind, channel: d.channel, to: d.to, subject: null, body: '', userId: d.userId ?? null, caseId: null,
    createdAt: d.createdAt, status: d.status, attempts: d.attempts, nextAttemptAt: d.createdAt, lockedUntil: null, lastError: d.lastError ?? null,
    sentAt: d.sentAt ?? null, textDeleted: true,
  };
}

const toLog = (d: OutboxDoc): MessageLogDoc => ({
  _id: d.seq, kind: d.kind, channel: d.channel, to: maskRecipient(d.to), userId: d.userId, status: d.status as MessageLogDoc['status'],
  attempts: d.attempts, createdAt: d.createdAt, sentAt: d.sentAt, lastError: d.lastError,
});

export function createRetention(atomically: Atomically, m: Models): Retention {
  const deleteIds = async (model: { deleteMany(filter: object): Promise<{ deletedCount: number }> }, ids: unknown[]) =>
    ids.length ? (await model.deleteMany({ _id: { $in: ids } })).deletedCount : 0;

  return {
    async compactMessages(before, limit, kinds) {
      date(before, 'retention cutoff');
      const n = pageOf({ limit }, 'compaction', limit).limit;
      if (n === 0 || kinds?.length === 0) return 0;
      const due = (kind?: string) =>
        m.Outbox.find({ ...(kind === undefined ? {} : { kind }), status: { $in: FINISHED }, createdAt: { $lt: before } }, { _id: 1 })
          .sort({ createdAt: 1 }).limit(n).lean();
      const found = kinds === undefined ? await due() : (await Promise.all(kinds.map(due))).flat();
      const ids = found.slice(0, n).map((d) => d._id);
      if (!ids.length) return 0;
      let moved = 0;
      await atomically('message log entry exists', async (session) => {
        // re-read in the transaction: only what is still finished moves
        const docs = await m.Outbox.find({ _id: { $in: ids }, status: { $in: FINISHED } }, null, { session }).lean<OutboxDoc[]>();
        if (!docs.length) return;
        await m.MessageLog.insertMany(docs.map(toLog), { session });
        moved = (await m.Outbox.deleteMany({ _id: { $in: docs.map((d) => d._id) } }, { session })).deletedCount;
      });
      return moved;
    },
    async purgeSessions(now, limit) {
      const docs = await m.Session.find({ expiresDate: { $lte: date(now, 'purge time') } }, { _id: 1 }).sort({ expiresDate: 1 }).limit(batch(limit)).lean();
      return deleteIds(m.Session, docs.map((d) => d._id));
    },
    async purgeRateLimits(now, limit) {
      const docs = await m.RateLimit.find({ resetAt: { $lte: date(now, 'purge time') } }, { _id: 1 }).sort({ resetAt: 1 }).limit(batch(limit)).lean();
      return deleteIds(m.RateLimit, docs.map((d) => d._id));
    },
    async purgeVerifications(before, limit) {
      date(before, 'purge cutoff');
      const n = batch(limit);
      const expired = await m.Verification.find({ expiresAt: { $lt: before } }, { _id: 1 }).sort({ expiresAt: 1 }).limit(n).lean();
      const used = expired.length < n ? await m.Verification.find({ usedAt: { $lt: before } }, { _id: 1 }).sort({ usedAt: 1 }).limit(n - expired.length).lean() : [];
      return deleteIds(m.Verification, [...new Set([...expired, ...used].map((d) => d._id))]);
    },
    async purgeTimers(before, limit) {
      date(before, 'purge cutoff');
      const n = batch(limit);
      const gone: string[] = [];
      let after: { doneAt: string; id: string } | null = null;
      for (let page = 0; page < TIMER_PAGES && gone.length < n; page++) {
        const from: object = after ? { $or: [{ doneAt: { $gt: after.doneAt } }, { doneAt: after.doneAt, _id: { $gt: after.id } }] } : {};
        const docs = await m.Timer.find({ status: { $in: TIMER_FINISHED }, doneAt: { $lt: before }, ...from }, { _id: 1, caseId: 1, taskId: 1, doneAt: 1 })
          .sort({ doneAt: 1, _id: 1 }).limit(n - gone.length).lean();
        if (!docs.length) break;
        // a BPMN timer (no task) of a case that still runs stays: the engine may report it again
        const bpmnCases = [...new Set(docs.filter((d) => d.taskId == null && d.caseId != null).map((d) => d.caseId as string))];
        const running = new Set(bpmnCases.length ? (await m.Case.find({ _id: { $in: bpmnCases }, status: 'running' }, { _id: 1 }).lean()).map((c) => c._id) : []);
        gone.push(...docs.filter((d) => !(d.taskId == null && d.caseId != null && running.has(d.caseId))).map((d) => d._id));
        const last = docs[docs.length - 1]!;
        after = { doneAt: last.doneAt as string, id: last._id };
      }
      return deleteIds(m.Timer, gone);
    },
  };
}

/** The ordering key of a listed outbox document or log entry: newest first, insertion order for a tie. */
export const byNewest = (a: { createdAt: string; seq: Types.ObjectId }, b: { createdAt: string; seq: Types.ObjectId }) =>
  b.createdAt.localeCompare(a.createdAt) || b.seq.toHexString().localeCompare(a.seq.toHexString());
