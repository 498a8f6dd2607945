// The PPBJ pack's staff on an empty store: one Admin PPE (role staff, member of group 'admin-ppe'),
// from ALUR_ADMIN_EMAIL / ALUR_ADMIN_PASSWORD, else the README's demo password outside production.
import { seedStaffAccount } from '../../auth/staff-accounts.js';
import type { PackSeedContext } from '../pack.js';

export const ADMIN_PPE_GROUP = { id: 'admin-ppe', name: 'Admin PPE' } as const;
export const ADMIN_PPE_DEMO_PASSWORD = 'demo-admin-ppe-2026';

export async function seedPpbjDemo({ store, config, log }: PackSeedContext): Promise<void> {
  await seedStaffAccount(store, config, log, {
    role: 'staff', email: config.admin.email, password: config.admin.password, displayName: 'Admin PPE',
    demoPassword: ADMIN_PPE_DEMO_PASSWORD, groups: [ADMIN_PPE_GROUP],
  });
}
