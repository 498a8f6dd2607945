// The outbox of the MongoDB store. A claim leases one message per findOneAndUpdate: the update is
// atomic per document, so two senders never lease the same message.
import { NotFoundError } from '../../errors.js';
import type { OutboxMessage, Store } from '../ports.js';
import { DEFAULT_MESSAGE_LIMIT, leaseEnd, pageOf } from '../task-paging.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';
import { withSeq, type Atomically } from './transaction.js';

type Outbox = Pick<Store, 'enqueueMessages' | 'claimDueMessages' | 'markMessageSent' | 'markMessageFailed' | 'listMessages'>;

const rec = (doc: unknown) => fromDoc<OutboxMessage>(doc as Record<string, unknown> & { _id: string });

/** Pending, due at `now`, and not leased (or the lease ran out). Uses the (status, nextAttemptAt) index. */
export function dueFilter(now: string) {
  return {
    status: 'pending' as const,
    nextAttemptAt: { $lte: now },
    $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }],
  };
}

export function createOutbox(atomically: Atomically, m: Models): Outbox {
  return {
    async enqueueMessages(messages) {
      if (messages.length === 0) return;
      await atomically('outbox message exists', async (session) => {
        await m.Outbox.insertMany(messages.map(withSeq), { session });
      });
    },
    async claimDueMessages(now, limit, leaseMs) {
      const lockedUntil = leaseEnd(now, leaseMs);
      const { limit: n } = pageOf({ limit }, 'claim', limit);
      const claimed: OutboxMessage[] = [];
      // lockedUntil > now after a claim, so the loop never meets the same message again
      while (claimed.length < n) {
        const doc = await m.Outbox.findOneAndUpdate(
          dueFilter(now),
          { $set: { lockedUntil }, $inc: { attempts: 1 } },
          { sort: { nextAttemptAt: 1, seq: 1 }, returnDocument: 'after' },
        ).lean();
        if (!doc) break;
        claimed.push(rec(doc));
      }
      return claimed;
    },
    async markMessageSent(id, at) {
      const r = await m.Outbox.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: at, lockedUntil: null } });
      if (r.matchedCount === 0) throw new NotFoundError();
    },
    async markMessageFailed(id, error, retryAt) {
      const set = retryAt === null ? { status: 'failed' as const } : { status: 'pending' as const, nextAttemptAt: retryAt };
      // A late failure report never reopens a message that was sent (or given up) meanwhile.
      const r = await m.Outbox.updateOne({ _id: id, status: 'pending' }, { $set: { ...set, lastError: error, lockedUntil: null } });
      if (r.matchedCount === 0 && !(await m.Outbox.exists({ _id: id }))) throw new NotFoundError();
    },
    async listMessages(query) {
      const { limit, offset } = pageOf(query, 'message list', DEFAULT_MESSAGE_LIMIT);
      if (limit === 0) return []; // MongoDB reads limit 0 as "no limit"
      const filter = query.userId === undefined ? {} : { userId: query.userId };
      const docs = await m.Outbox.find(filter).sort({ createdAt: -1, seq: -1 }).skip(offset).limit(limit).lean();
      return docs.map(rec);
    },
  };
}
