// The first staff accounts (the core's process owner, the PPBJ pack's Admin PPE): a password never
// reaches the log (issue 9: secrets never in logs).
import { describe, expect, test } from '@jest/globals';
import { ensureStaffAccounts, DEMO_PASSWORDS } from '../../src/auth/staff-accounts.js';
import { verifyPassword } from '../../src/auth/passwords.js';
import { loadConfig } from '../../src/config.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PPBJ_PACK } from '../../src/packs/ppbj/pack.js';

async function seedWith(env: Record<string, string>) {
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const logged: string[] = [];
  const config = loadConfig(env);
  await ensureStaffAccounts(store, config, (line) => logged.push(line));
  await PPBJ_PACK.seedDemo!({ store, config, log: (line) => logged.push(line), now: () => new Date() });
  return { store, log: logged.join('\n') };
}

describe('Given an empty store', () => {
  test('when production starts without staff passwords, then the accounts exist with random passwords that no log line shows', async () => {
    const { store, log } = await seedWith({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    const admin = await store.findUserByEmail('admin@alur.local');
    expect(admin?.status).toBe('active');
    expect(log).toContain('Lupa kata sandi');
    // the log holds no password-like word: nothing that verifies against the stored hash
    for (const word of log.split(/[\s:()]+/).filter((w) => w.length >= 12)) {
      expect(await verifyPassword(word, admin!.passwordHash)).toBe(false);
    }
    expect(log).not.toMatch(/password: \S/);
    await store.close();
  });

  test('when development starts, then the demo password works and is named, not printed', async () => {
    const { store, log } = await seedWith({ NODE_ENV: 'development' });
    const owner = await store.findUserByEmail('pemilik@alur.local');
    expect(await verifyPassword(DEMO_PASSWORDS['process-owner'], owner!.passwordHash)).toBe(true);
    expect(log).not.toContain(DEMO_PASSWORDS['process-owner']);
    await store.close();
  });

  test('when the core seeds alone, then only the process owner exists; the pack adds the Admin PPE in its group', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    await store.init();
    const config = loadConfig({ NODE_ENV: 'development' });
    await ensureStaffAccounts(store, config, () => undefined);
    expect([await store.countUsers('process-owner'), await store.countUsers('staff')]).toEqual([1, 0]);
    await PPBJ_PACK.seedDemo!({ store, config, log: () => undefined, now: () => new Date() });
    const admin = await store.findUserByEmail('admin@alur.local');
    expect(await store.listUserGroups(admin!.id)).toEqual(['admin-ppe']);
    await store.close();
  });
});
