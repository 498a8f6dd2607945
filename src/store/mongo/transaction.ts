// The one way the MongoDB store writes several documents atomically: a multi-document transaction.
// NOTE: MongoDB transactions need a replica set (a single-node one is fine: `mongod --replSet rs0`
// then `rs.initiate()`) or a sharded cluster; on a standalone server every write here fails.
import { Types, type ClientSession, type Connection } from 'mongoose';
import { ConflictError, type AuditEvent, type DocumentRecord, type OutboxMessage, type VerificationRecord } from '../ports.js';
import { isDuplicateKey, toDoc } from './mapping.js';

const TRANSACTION = { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } } as const;

export type Atomically = (what: string, work: (session: ClientSession) => Promise<void>) => Promise<void>;

/** Runs `work` in a transaction; a duplicate key anywhere in it is a conflict. */
export function createAtomically(conn: Connection): Atomically {
  return async (what, work) => {
    try {
      // connection.transaction retries the whole callback on TransientTransactionError
      // (e.g. a WriteConflict with a concurrent writer); the retry then meets the rev check.
      await conn.transaction(work, TRANSACTION);
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError(`${what}: ${(err as Error).message}`);
      throw err;
    }
  };
}

/** Adds the ordering key; ObjectIds made in one process increase in creation order. */
export const withSeq = <R extends AuditEvent | DocumentRecord | OutboxMessage | VerificationRecord>(r: R) => ({
  ...toDoc(r),
  seq: new Types.ObjectId(),
});
