// On an empty store: one Admin PPE (role staff, member of the PPBJ demo group 'admin-ppe') and one
// process owner. Passwords come from the environment; in
// development the documented demo passwords; in production without them a random password that
// nobody sees (never logged): the person sets their own with "Lupa kata sandi", whose link reaches
// them by e-mail (production refuses to start without SMTP).
import { randomUUID } from 'node:crypto';
import type { UserRecord } from '../store/ports.js';
import type { Config } from '../config.js';
import { ConflictError, type Role, type Store } from '../store/ports.js';
import { generatePassword, hashPassword } from './passwords.js';
import { UNVERIFIED } from './user-defaults.js';

export const DEMO_PASSWORDS = { staff: 'demo-admin-ppe-2026', 'process-owner': 'demo-pemilik-2026' } as const;

/** PPBJ demo data: the seeded staff member's group (created if missing). */
export const SEEDED_STAFF_GROUP = { id: 'admin-ppe', name: 'Admin PPE' } as const;

interface StaffSeed {
  role: Extract<Role, 'staff' | 'process-owner'>;
  email: string;
  password: string | null;
  displayName: string;
}

async function joinSeededGroup(store: Store, user: UserRecord): Promise<void> {
  const at = new Date().toISOString();
  if (!(await store.getGroup(SEEDED_STAFF_GROUP.id))) await store.upsertGroups([SEEDED_STAFF_GROUP], at);
  await store.changeMembership({
    userId: user.id, groupId: SEEDED_STAFF_GROUP.id, add: true, at,
    audit: { id: randomUUID(), userId: user.id, at, actorId: null, actorName: null, type: 'staff.group-added', data: { groupId: SEEDED_STAFF_GROUP.id } },
  });
}

export async function ensureStaffAccounts(store: Store, config: Config, log: (line: string) => void): Promise<void> {
  const seeds: StaffSeed[] = [
    { role: 'staff', email: config.admin.email, password: config.admin.password, displayName: 'Admin PPE' },
    { role: 'process-owner', email: config.owner.email, password: config.owner.password, displayName: 'Pemilik Proses' },
  ];
  for (const seed of seeds) {
    if ((await store.countUsers(seed.role)) > 0) continue;
    const demo = config.env !== 'production' ? DEMO_PASSWORDS[seed.role] : null;
    const password = seed.password ?? demo ?? generatePassword();
    const user: UserRecord = {
      id: randomUUID(), email: seed.email, whatsapp: null, displayName: seed.displayName, role: seed.role,
      passwordHash: await hashPassword(password), status: 'active', createdAt: new Date().toISOString(),
      ...UNVERIFIED,
    };
    try {
      await store.insertUser(user);
    } catch (err) {
      if (err instanceof ConflictError) continue; // another instance seeded it first
      throw err;
    }
    if (seed.role === 'staff') await joinSeededGroup(store, user);
    if (seed.password) continue;
    log(demo
      ? `[alur] created ${seed.role} account ${seed.email} with the demo password of the README (development mode)`
      : `[alur] created ${seed.role} account ${seed.email} with a random password that is never shown: set it with "Lupa kata sandi" (/lupa-kata-sandi), which e-mails a link to ${seed.email}`);
  }
}
