// The one way the MongoDB store writes several documents atomically: a multi-document transaction.
// NOTE: MongoDB transactions need a replica set (a single-node one is fine: `mongod --replSet rs0`
// then `rs.initiate()`) or a sharded cluster; on a standalone server every write here fails.
import { Types, type ClientSession, type Connection } from 'mongoose';
import { StoreUnavailableError } from '../../errors.js';
import { DEFAULT_MONGO_TIMEOUTS } from './connection.js';
import { ConflictError, type OutboxMessage } from '../ports.js';
import { isDuplicateKey, toDoc } from './mapping.js';

/** The options of every transaction: snapshot reads, a majority commit bounded by `limitMs`. */
export function transactionOptions(limitMs: number) {
  return {
    readConcern: { level: 'snapshot' },
    writeConcern: { w: 'majority', wtimeoutMS: limitMs },
    maxCommitTimeMS: limitMs,
  } as const;
}

export type Atomically = (what: string, work: (session: ClientSession) => Promise<void>) => Promise<void>;

/**
 * Runs `work` in a transaction; a duplicate key anywhere in it is a conflict. The driver retries a
 * transaction for up to 120 s and ignores `timeoutMS`, so an attempt that would start after
 * `limitMs` throws instead (a non-transient error ends the driver's retry loop): a 503, not a hang.
 */
export function createAtomically(conn: Connection, limitMs = DEFAULT_MONGO_TIMEOUTS.operationMs): Atomically {
  const options = transactionOptions(limitMs);
  return async (what, work) => {
    const deadline = Date.now() + limitMs;
    try {
      // connection.transaction retries the whole callback on TransientTransactionError
      // (e.g. a WriteConflict with a concurrent writer); the retry then meets the rev check.
      await conn.transaction(async (session) => {
        if (Date.now() > deadline) throw new StoreUnavailableError(`${what}: transaction not committed within ${limitMs} ms`);
        await work(session);
      }, options);
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError(`${what}: ${(err as Error).message}`);
      throw err;
    }
  };
}

/**
 * Adds the outbox's ordering key; ObjectIds made in one process increase in creation order (only the
 * fairness of a claim and the order of a list depend on it; sequences.ts numbers what must be exact).
 */
export const withSeq = (r: OutboxMessage) => ({
  ...toDoc(r),
  seq: new Types.ObjectId(),
});
