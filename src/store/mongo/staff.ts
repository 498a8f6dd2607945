// Staff administration in the MongoDB store: a page of users of some roles, a status change that is
// conditional and audited in one transaction, and the append-only staff audit log.
import { Types, type ClientSession } from 'mongoose';
import type { StaffAuditEvent, Store, UserRecord, UserStatusChangeResult } from '../ports.js';
import { pageOf } from '../task-paging.js';
import { assertUsersExist } from './integrity.js';
import { fromDoc, toDoc } from './mapping.js';
import type { Models } from './models.js';
import type { Atomically } from './transaction.js';

type Staff = Pick<Store, 'listUsersPage' | 'changeUserStatus' | 'appendStaffAudit' | 'listStaffAudit'>;
type Lean = Record<string, unknown> & { _id: string };

/** Thrown inside the transaction to roll it back with an answer. */
class Outcome extends Error {
  constructor(readonly result: UserStatusChangeResult) {
    super(result);
  }
}

export const withSeq = (e: StaffAuditEvent) => ({ ...toDoc(e), seq: new Types.ObjectId() });

export function createStaff(atomically: Atomically, m: Models): Staff {
  const insertAudit = async (events: StaffAuditEvent[], session: ClientSession) => {
    await assertUsersExist(m, events.map((e) => e.userId), session); // as SQLite's foreign key
    await m.StaffAudit.insertMany(events.map(withSeq), { session });
  };

  return {
    async listUsersPage(q) {
      const { limit, offset } = pageOf(q, 'user page', 50);
      if (limit === 0) return []; // MongoDB reads limit 0 as "no limit"
      // NOTE: the default (binary) collation: byte order, the same order SQLite's BINARY gives.
      const docs = await m.User.find({ role: { $in: [...new Set(q.roles)] } })
        .sort({ role: 1, displayName: 1, _id: 1 }).skip(offset).limit(limit).lean();
      return docs.map((d) => fromDoc<UserRecord>(d as unknown as Lean));
    },

    async changeUserStatus(c) {
      try {
        await atomically('staff status change', async (session) => {
          // two changes guarded by one role both write its counter, so one of them is retried after the
          // other commits and sees its result (snapshot isolation alone would let both pass the check)
          if (c.keepOneActive) {
            await m.Counter.updateOne({ _id: `active-guard:${c.keepOneActive}` }, { $inc: { value: 1 } }, { upsert: true, session });
          }
          const r = await m.User.updateOne({ _id: c.userId, status: c.from }, { $set: { status: c.to } }, { session, runValidators: true });
          if (r.matchedCount !== 1) throw new Outcome('stale');
          if (c.keepOneActive && !(await m.User.exists({ role: c.keepOneActive, status: 'active' }).session(session))) throw new Outcome('last');
          await insertAudit([c.audit], session);
        });
        return 'changed';
      } catch (err) {
        if (err instanceof Outcome) return err.result;
        throw err;
      }
    },

    async appendStaffAudit(events) {
      if (events.length === 0) return;
      await atomically('staff audit event exists', (session) => insertAudit(events, session));
    },

    async listStaffAudit(q) {
      const { limit, offset } = pageOf(q, 'staff audit', 50);
      if (limit === 0) return [];
      const filter = q.userId === undefined ? {} : { userId: q.userId };
      const docs = await m.StaffAudit.find(filter).sort({ at: -1, seq: -1 }).skip(offset).limit(limit).lean();
      return docs.map((d) => fromDoc<StaffAuditEvent>(d as unknown as Lean));
    },
  };
}
