// Groups (from deployed models) and memberships for the MongoDB store: a membership change is
// conditional and audited in one transaction; a group's members are read in name order through
// memberships' (groupId, displayName, userId) index, their records then by _id.
import type { ClientSession } from 'mongoose';
import { MissingReferenceError, type GroupRecord, type Store, type UserRecord } from '../ports.js';
import { pageOf } from '../task-paging.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';
import { withSeq } from './staff.js';
import type { Atomically } from './transaction.js';

type Groups = Pick<Store, 'upsertGroups' | 'getGroup' | 'listGroups' | 'changeMembership' | 'listUserGroups' | 'listGroupMembers' | 'countActiveMembers'>;
type Lean = Record<string, unknown> & { _id: string };

/** Thrown inside the transaction to roll it back: there was nothing to change. */
class Unchanged extends Error {}

export function createGroups(atomically: Atomically, m: Models): Groups {
  const displayNameOf = async (userId: string, session: ClientSession): Promise<string> => {
    const user = await m.User.findOne({ _id: userId }, { displayName: 1 }).session(session).lean();
    if (!user) throw new MissingReferenceError(`user ${userId} does not exist`);
    return user.displayName;
  };

  return {
    async upsertGroups(groups, at) {
      if (groups.length === 0) return;
      // each group created if missing, then renamed if its name differs (updatedAt: when it was renamed)
      await m.Group.bulkWrite(
        groups.flatMap((g) => [
          { updateOne: { filter: { _id: g.id }, update: { $setOnInsert: { name: g.name, createdAt: at, updatedAt: at } }, upsert: true } },
          { updateOne: { filter: { _id: g.id, name: { $ne: g.name } }, update: { $set: { name: g.name, updatedAt: at } } } },
        ]),
        { ordered: true },
      );
    },
    async getGroup(id) {
      const doc = await m.Group.findById(id).lean();
      return doc ? fromDoc<GroupRecord>(doc as unknown as Lean) : null;
    },
    async listGroups(limit = 500) {
      const n = pageOf({ limit }, 'group list', 500).limit;
      if (n === 0) return []; // MongoDB reads limit 0 as "no limit"
      const docs = await m.Group.find({}).sort({ _id: 1 }).limit(n).lean();
      return docs.map((d) => fromDoc<GroupRecord>(d as unknown as Lean));
    },
    async changeMembership(c) {
      try {
        await atomically('membership change', async (session) => {
          const displayName = await displayNameOf(c.userId, session);
          if (!(await m.Group.exists({ _id: c.groupId }).session(session))) throw new MissingReferenceError(`group ${c.groupId} does not exist`);
          const key = { userId: c.userId, groupId: c.groupId };
          const changed = c.add
            ? (await m.Membership.updateOne(key, { $setOnInsert: { ...key, displayName, createdAt: c.at } }, { upsert: true, session })).upsertedCount === 1
            : (await m.Membership.deleteOne(key, { session })).deletedCount === 1;
          if (!changed) throw new Unchanged();
          await m.StaffAudit.insertMany([withSeq(c.audit)], { session }); // its user exists: read above
        });
        return true;
      } catch (err) {
        if (err instanceof Unchanged) return false;
        throw err;
      }
    },
    async listUserGroups(userId) {
      const docs = await m.Membership.find({ userId }, { groupId: 1 }).sort({ groupId: 1 }).lean();
      return docs.map((d) => d.groupId);
    },
    async listGroupMembers(groupId, limit = 500) {
      const n = pageOf({ limit }, 'group members', 500).limit;
      if (n === 0) return [];
      const members = await m.Membership.find({ groupId }, { userId: 1 }).sort({ displayName: 1, userId: 1 }).limit(n).lean();
      if (members.length === 0) return [];
      const users = await m.User.find({ _id: { $in: members.map((x) => x.userId) } }).lean();
      const byId = new Map(users.map((u) => [u._id, fromDoc<UserRecord>(u as unknown as Lean)]));
      return members.flatMap((x) => byId.get(x.userId) ?? []);
    },
    async countActiveMembers(groupIds) {
      const ids = [...new Set(groupIds)];
      const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
      if (ids.length === 0) return out;
      const members = await m.Membership.find({ groupId: { $in: ids } }, { userId: 1, groupId: 1 }).lean();
      if (members.length === 0) return out;
      const active = await m.User.find({ _id: { $in: [...new Set(members.map((x) => x.userId))] }, status: 'active' }, { _id: 1 }).lean();
      const isActive = new Set(active.map((u) => u._id));
      for (const x of members) if (isActive.has(x.userId)) out[x.groupId]! += 1;
      return out;
    },
  };
}
