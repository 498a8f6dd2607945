// UserPatch → one UPDATE of the users table, shared by updateUser and consumeVerification.
import type { UserPatch } from '../ports.js';
import { patchEntries } from '../user-patch.js';
import { NotFoundError } from '../../errors.js';
import type { Database } from './database.js';

export function createUserPatcher(db: Database) {
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const exists = db.prepare<[string], number>('SELECT 1 FROM users WHERE id = ?').pluck();

  /** Applies `patch` to user `id`; NotFoundError if there is no such user. Call inside a transaction if it must be atomic. */
  return function patchUser(id: string, patch: UserPatch): void {
    const entries = patchEntries(patch);
    if (entries.length === 0) {
      if (exists.get(id) === undefined) throw new NotFoundError();
      return;
    }
    const sql = `UPDATE users SET ${entries.map(([k]) => `${k} = @${k}`).join(', ')} WHERE id = @id`;
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    if (stmt.run({ ...Object.fromEntries(entries), id }).changes === 0) throw new NotFoundError();
  };
}
