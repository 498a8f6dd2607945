// User reads and changes of the MongoDB store beyond insert/lookup: listing by role and UserPatch.
import type { ClientSession } from 'mongoose';
import { NotFoundError } from '../../errors.js';
import type { Store, UserPatch, UserRecord } from '../ports.js';
import { fromDoc } from './mapping.js';
import type { Models } from './models.js';

/** Every field a UserPatch may set; the compiler insists the list stays complete. */
const PATCHABLE: Record<keyof UserPatch, true> = {
  displayName: true,
  whatsapp: true,
  passwordHash: true,
  status: true,
  emailVerifiedAt: true,
  whatsappVerifiedAt: true,
};

/**
 * The `$set` of a patch: fields whose value is `undefined` are left as they are; any other field
 * (e.g. `email` smuggled in past the type) is refused, not silently written or dropped.
 */
export function patchSet(patch: UserPatch): Record<string, unknown> {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  for (const key of Object.keys(set)) {
    if (!Object.hasOwn(PATCHABLE, key)) throw new Error(`user field ${key} cannot be changed`);
  }
  return set;
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
}

export function createUsers(m: Models): Pick<Store, 'listUsersByRole' | 'updateUser'> {
  return {
    async listUsersByRole(role) {
      // NOTE: the default (binary) collation: byte order, the same order SQLite's BINARY gives.
      const docs = await m.User.find({ role }).sort({ displayName: 1, _id: 1 }).lean();
      return docs.map((d) => fromDoc<UserRecord>(d as unknown as Record<string, unknown> & { _id: string }));
    },
    async updateUser(id, patch) {
      await patchUser(m, id, patch);
    },
  };
}
