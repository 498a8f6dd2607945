// One-time codes and link tokens (hash only) of the MongoDB store, and their atomic consumption.
import { NotFoundError } from '../../errors.js';
import type { Store, VerificationRecord } from '../ports.js';
import { fromDoc, toDoc } from './mapping.js';
import type { Models } from './models.js';
import type { Atomically } from './transaction.js';
import { patchUser } from './users.js';
import { numberCaseRecords, takeCodeSeq } from './sequences.js';

type Verifications = Pick<
  Store,
  'insertVerification' | 'latestVerification' | 'countVerificationsSince' | 'recordVerificationAttempt' | 'consumeVerification'
>;

const rec = (doc: unknown) => fromDoc<VerificationRecord>(doc as Record<string, unknown> & { _id: string });

export function createVerifications(atomically: Atomically, m: Models): Verifications {
  return {
    async insertVerification(v) {
      // the user's next number (the user must exist: SQLite's foreign key), written with the code
      await atomically(`verification ${v.id} exists`, async (session) => {
        await m.Verification.insertMany([{ ...toDoc(v), seq: await takeCodeSeq(m, v.userId, session) }], { session });
      });
    },
    async latestVerification(userId, purpose) {
      // the newest by createdAt; seq (the user's numbering: insertion order) breaks a tie
      const doc = await m.Verification.findOne({ userId, purpose }).sort({ createdAt: -1, seq: -1 }).lean();
      return doc ? rec(doc) : null;
    },
    async countVerificationsSince(userId, purpose, since) {
      return m.Verification.countDocuments({ userId, purpose, createdAt: { $gte: since } });
    },
    async recordVerificationAttempt(id) {
      const doc = await m.Verification.findOneAndUpdate({ _id: id }, { $inc: { attempts: 1 } }, { returnDocument: 'after' }).lean();
      if (!doc) throw new NotFoundError();
      return doc.attempts;
    },
    async consumeVerification(id, at, userPatch, audit) {
      let used = false;
      await atomically(`verification ${id}`, async (session) => {
        used = false; // the callback may run again on a transient error
        // NOTE: the condition is the "once only" guarantee; ISO-8601 UTC strings compare in time order.
        const v = await m.Verification.findOneAndUpdate(
          { _id: id, usedAt: null, expiresAt: { $gt: at } },
          { $set: { usedAt: at } },
          { session, returnDocument: 'after', projection: { userId: 1 } },
        ).lean();
        if (!v) return;
        if (userPatch) await patchUser(m, v.userId, userPatch, session); // a throw aborts the use too
        if (audit) await m.Audit.insertMany(await numberCaseRecords(m, [audit], session), { session });
        used = true;
      });
      return used;
    },
  };
}
