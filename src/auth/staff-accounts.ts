// On an empty store: the process owner (the core's only seeded account); a process pack seeds its own
// demo staff with seedStaffAccount. Passwords come from the environment; in development the
// documented demo passwords; in production without them a random password that nobody sees (never
// logged): the person sets their own with "Lupa kata sandi", whose link reaches them by e-mail
// (production refuses to start without SMTP).
import { randomUUID } from 'node:crypto';
import type { UserRecord } from '../store/ports.js';
import type { Config } from '../config.js';
import { ConflictError, type Role, type Store } from '../store/ports.js';
import { generatePassword, hashPassword } from './passwords.js';
import { UNVERIFIED } from './user-defaults.js';

export const DEMO_PASSWORDS = { 'process-owner': 'demo-pemilik-2026' } as const;

export interface StaffSeed {
  role: Extract<Role, 'staff' | 'process-owner'>;
  email: string;
  password: string | null; // from the environment
  displayName: string;
  demoPassword: string; // used outside production when no password is set
  groups?: ReadonlyArray<{ id: string; name: string }>; // joined (and created if missing)
}

async function joinGroups(store: Store, user: UserRecord, groups: NonNullable<StaffSeed['groups']>): Promise<void> {
  const at = new Date().toISOString();
  for (const group of groups) {
    if (!(await store.getGroup(group.id))) await store.upsertGroups([group], at);
    await store.changeMembership({
      userId: user.id, groupId: group.id, add: true, at,
      audit: { id: randomUUID(), userId: user.id, at, actorId: null, actorName: null, type: 'staff.group-added', data: { groupId: group.id } },
    });
  }
}

/** Creates the account unless the store has a user of its role (another instance may race: one wins). */
export async function seedStaffAccount(store: Store, config: Pick<Config, 'env'>, log: (line: string) => void, seed: StaffSeed): Promise<void> {
  if ((await store.countUsers(seed.role)) > 0) return;
  const demo = config.env !== 'production' ? seed.demoPassword : null;
  const password = seed.password ?? demo ?? generatePassword();
  const user: UserRecord = {
    id: randomUUID(), email: seed.email, whatsapp: null, displayName: seed.displayName, role: seed.role,
    passwordHash: await hashPassword(password), status: 'active', createdAt: new Date().toISOString(),
    ...UNVERIFIED,
  };
  try {
    await store.insertUser(user);
  } catch (err) {
    if (err instanceof ConflictError) return; // another instance seeded it first
    throw err;
  }
  if (seed.groups?.length) await joinGroups(store, user, seed.groups);
  if (seed.password) return;
  log(demo
    ? `[alur] created ${seed.role} account ${seed.email} with the demo password of the README (development mode)`
    : `[alur] created ${seed.role} account ${seed.email} with a random password that is never shown: set it with "Lupa kata sandi" (/lupa-kata-sandi), which e-mails a link to ${seed.email}`);
}

export async function ensureStaffAccounts(store: Store, config: Config, log: (line: string) => void): Promise<void> {
  await seedStaffAccount(store, config, log, {
    role: 'process-owner', email: config.owner.email, password: config.owner.password, displayName: 'Pemilik Proses',
    demoPassword: DEMO_PASSWORDS['process-owner'],
  });
}
