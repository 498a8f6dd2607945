// User reads and changes of the MongoDB store beyond insert/lookup: listing by role and UserPatch.
import type { ClientSession } from 'mongoose';
import { NotFoundError } from '../../errors.js';
import type { Store, UserPatch, UserRecord } from '../ports.js';
import { fromDoc, uniqueOrConflict } from './mapping.js';
import { patchEntries } from '../user-patch.js';
import type { Models } from './models.js';
import type { Atomically } from './transaction.js';

/** The `$set` of a patch (see patchEntries: unset fields are left as they are, unknown ones refused). */
export function patchSet(patch: UserPatch): Record<string, unknown> {
  return Object.fromEntries(patchEntries(patch));
}

/** Applies `patch` to user `id` (in `session`, if given); NotFoundError if there is no such user. */
export async function patchUser(m: Models, id: string, patch: UserPatch, session?: ClientSession): Promise<void> {
  const set = patchSet(patch);
  if (Object.keys(set).length === 0) {
    if (!(await m.User.exists({ _id: id }).session(session ?? null))) throw new NotFoundError();
    return;
  }
  // runValidators: updateOne does not validate otherwise (null displayName, unknown status)
  const r = await m.User.updateOne({ _id: id }, { $set: set }, { session, runValidators: true });
  if (r.matchedCount === 0) throw new NotFoundError();
  // a membership keeps its user's name (a group's members are read in name order): atomic in `session`
  if (typeof set.displayName === 'string') await m.Membership.updateMany({ userId: id }, { $set: { displayName: set.displayName } }, { session });
  // an applicant's open tasks carry their name (the inbox sorts by it): SQLite's tasks_applicant_name trigger
  if (typeof set.displayName === 'string') await m.Task.updateMany({ applicantId: id, status: 'open' }, { $set: { applicantName: set.displayName } }, { session });
}

export function createUsers(atomically: Atomically, m: Models): Pick<Store, 'listUsersByRole' | 'updateUser'> {
  return {
    async listUsersByRole(role) {
      // NOTE: the default (binary) collation: byte order, the same order SQLite's BINARY gives.
      const docs = await m.User.find({ role }).sort({ displayName: 1, _id: 1 }).lean();
      return docs.map((d) => fromDoc<UserRecord>(d as unknown as Record<string, unknown> & { _id: string }));
    },
    async updateUser(id, patch) {
      // a new name is also its memberships' (one transaction); no (or an invalid) name: one update, validated before any I/O
      // a new e-mail taken by another account: ConflictError (the unique index)
      if (typeof patch.displayName !== 'string') return uniqueOrConflict(`user ${id}`, () => patchUser(m, id, patch));
      await atomically('user change', (session) => patchUser(m, id, patch, session));
    },
  };
}
