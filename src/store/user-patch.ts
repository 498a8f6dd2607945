// Which UserPatch fields are set, shared by every store adapter.
import type { UserPatch } from './ports.js';

/** Every field a UserPatch may set; the compiler insists the list stays complete. */
const PATCHABLE: Record<keyof UserPatch, true> = {
  displayName: true,
  email: true, // a proved contact change (src/notifications/contact-change.ts)
  whatsapp: true,
  passwordHash: true,
  status: true,
  emailVerifiedAt: true,
  whatsappVerifiedAt: true,
};

/**
 * The fields of `patch` that are set (an `undefined` value means "leave as is"), sorted by name.
 * Anything else (e.g. `role` smuggled in past the type) is refused, not silently written or ignored.
 */
export function patchEntries(patch: UserPatch): Array<[keyof UserPatch, unknown]> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  for (const [key] of entries) {
    if (!Object.hasOwn(PATCHABLE, key)) throw new Error(`user field ${key} cannot be changed`);
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : 1)) as Array<[keyof UserPatch, unknown]>;
}
