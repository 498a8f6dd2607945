// The outbox of the MongoDB store. A claim leases one message per findOneAndUpdate: the update is
// atomic per document, so two senders never lease the same message.
import { NotFoundError } from '../../errors.js';
import type { OutboxMessage, Store } from '../ports.js';
import { DEFAULT_MESSAGE_LIMIT, leaseEnd, pageOf } from '../task-paging.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';
import { withSeq, type Atomically } from './transaction.js';
import type { OutboxDoc } from './notification-schemas.js';
import type { MessageLogDoc } from './message-log-schema.js';
import { byNewest, logEntry } from './retention.js';

/**
 * Claims up to `n` items, one atomic update each. NOTE: a failure after some were claimed returns
 * those (the caller sends them) instead of throwing them away: a half-done claim never counts an
 * attempt that is not made. The failure shows again at the next poll.
 */
export async function claimEach<T>(n: number, claimOne: () => Promise<T | null>): Promise<T[]> {
  const claimed: T[] = [];
  while (claimed.length < n) {
    let item: T | null;
    try {
      item = await claimOne();
    } catch (err) {
      if (claimed.length === 0) throw err;
      break;
    }
    if (item === null) break;
    claimed.push(item);
  }
  return claimed;
}

type Outbox = Pick<Store, 'enqueueMessages' | 'claimDueMessages' | 'markMessageSent' | 'markMessageFailed' | 'listMessages'>;

/** The fields a redacted text replaces (none without one). */
const textOf = (text: Pick<OutboxMessage, 'subject' | 'body'> | undefined) => (text ? { subject: text.subject, body: text.body } : {});

const rec = (doc: unknown) => fromDoc<OutboxMessage>(doc as Record<string, unknown> & { _id: string });

/**
 * Pending, due at `now`, and not leased (or the lease ran out ON THE SERVER'S CLOCK: `leaseExpires`
 * against `$$NOW`, so instances whose clocks differ never take over each other's live leases; a
 * missing or null `leaseExpires` compares lower than any date). Uses the (status, nextAttemptAt, seq) index.
 */
export function dueFilter(now: string) {
  return {
    status: 'pending' as const,
    nextAttemptAt: { $lte: now },
    $expr: { $lte: ['$leaseExpires', '$$NOW'] },
  };
}

/**
 * The claim's update: `lockedUntil` (the caller's now + lease, as the port reports it), the lease's
 * real end on the server's clock, one more attempt.
 */
export function leaseUpdate(lockedUntil: string, leaseMs: number, extra: Record<string, unknown> = {}) {
  return [{ $set: { ...extra, lockedUntil, leaseExpires: { $add: ['$$NOW', leaseMs] }, attempts: { $add: ['$attempts', 1] } } }];
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
      return claimEach(n, async () => {
        // leaseExpires > $$NOW after a claim, so the loop never meets the same message again
        const doc = await m.Outbox.findOneAndUpdate(dueFilter(now), leaseUpdate(lockedUntil, leaseMs), {
          sort: { nextAttemptAt: 1, seq: 1 }, returnDocument: 'after', updatePipeline: true,
        }).lean();
        return doc ? rec(doc) : null;
      });
    },
    async markMessageSent(id, at, redacted) {
      // one document, one update: the redacted text is written with the sent mark
      const r = await m.Outbox.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: at, lockedUntil: null, leaseExpires: null, ...textOf(redacted) } });
      if (r.matchedCount === 0) throw new NotFoundError();
    },
    async markMessageFailed(id, error, retryAt, redacted) {
      const set = retryAt === null ? { status: 'failed' as const } : { status: 'pending' as const, nextAttemptAt: retryAt };
      // A late failure report never reopens a message that was sent (or given up) meanwhile.
      const r = await m.Outbox.updateOne({ _id: id, status: 'pending' }, { $set: { ...set, lastError: error, lockedUntil: null, leaseExpires: null, ...textOf(redacted) } });
      if (r.matchedCount === 0 && !(await m.Outbox.exists({ _id: id }))) throw new NotFoundError();
    },
    /** The outbox and the delivery log (retention.ts), each read up to offset + limit through its index, merged. */
    async listMessages(query) {
      const { limit, offset } = pageOf(query, 'message list', DEFAULT_MESSAGE_LIMIT);
      if (limit === 0) return []; // MongoDB reads limit 0 as "no limit"
      const filter = query.userId === undefined ? {} : { userId: query.userId };
      const [docs, logged] = await Promise.all([
        m.Outbox.find(filter).sort({ createdAt: -1, seq: -1 }).limit(offset + limit).lean<OutboxDoc[]>(),
        m.MessageLog.find(filter).sort({ createdAt: -1, _id: -1 }).limit(offset + limit).lean<MessageLogDoc[]>(),
      ]);
      const listed = [...docs.map((d) => ({ seq: d.seq, createdAt: d.createdAt, message: rec(d) })),
        ...logged.map((d) => ({ seq: d._id, createdAt: d.createdAt, message: logEntry(d) }))];
      return listed.sort(byNewest).slice(offset, offset + limit).map((x) => x.message);
    },
  };
}
