// User enumeration by timing (issue 9, item 12): a login for an unknown or disabled account runs
// a password hash of the same cost as one for an existing account, so its answer is not faster.
// Counted, not timed: every scrypt derivation of the app is recorded with its cost parameter, and
// each answer must have run exactly one at the cost of a stored password (timing ratios in a unit
// test fail on a loaded machine; the count is what makes the timings equal).
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as real from 'node:crypto'; // imported before the mock below: the real module
import type { ScryptOptions } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent.js';

const costs: number[] = [];
jest.unstable_mockModule('node:crypto', () => {
  const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions, done: (err: Error | null, key: Buffer) => void) => {
    costs.push(options.N ?? options.cost ?? 0);
    real.scrypt(password, salt, keylen, options, done);
  };
  return { ...real, scrypt, default: { ...(real as unknown as { default: object }).default, scrypt } };
});
const { ADMIN, addAdmin, csrfFrom } = await import('../helpers/app.js');
const { useTestApp } = await import('../helpers/test-app.js');
type TestApp = import('../helpers/app.js').TestApp;

const STORED_COST = 2 ** 15; // what src/auth/passwords.ts hashes with
const DISABLED = { email: 'nonaktif@alur.local', password: 'demo-nonaktif-2026' };

/** The scrypt costs a request ran. */
async function hashesOf(request: () => Promise<unknown>): Promise<number[]> {
  costs.length = 0;
  await request();
  return [...costs];
}

beforeEach(() => { costs.length = 0; });

describe('Given an existing, a disabled and an unknown account', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    await addAdmin(t.services.store, DISABLED, 'admin-disabled');
    await t.services.store.updateUser('admin-disabled', { status: 'disabled' });
  });

  const login = async (agent: TestAgent, _csrf: string, email: string) => {
    const res = await agent.post('/masuk').type('form').send({ _csrf, email, password: 'salah-salah-salah' });
    expect(res.status).toBe(401);
  };

  test('when each gets a wrong password, then each answer runs one password hash of the stored cost (the unknown and disabled ones as slow as the existing one)', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/masuk');
    await login(agent, _csrf, 'pemanasan@alur.local'); // the dummy hash is made once, on first use
    // Before the fix: [32768] against [] (no hash without a usable account).
    expect(await hashesOf(() => login(agent, _csrf, ADMIN.email))).toEqual([STORED_COST]);
    expect(await hashesOf(() => login(agent, _csrf, 'tidak-ada@alur.local'))).toEqual([STORED_COST]);
    expect(await hashesOf(() => login(agent, _csrf, DISABLED.email))).toEqual([STORED_COST]);
  });
});

describe('Given a registered address and new ones', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when sign-ups name them, then the registered one runs the same password hash as a new one', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/daftar');
    const form = (email: string) => ({ _csrf, displayName: 'Budi', email, whatsapp: '081234567890', password: 'kata-sandi-rahasia-1', passwordConfirm: 'kata-sandi-rahasia-1', persetujuanPrivasi: 'ya' });
    const signUp = async (email: string) => {
      const res = await agent.post('/daftar').type('form').send(form(email));
      expect(res.headers.location).toBe('/daftar/terkirim');
    };
    const fresh = await hashesOf(() => signUp('terdaftar@kalbarprov.go.id')); // now registered
    expect(fresh).toEqual([STORED_COST]);
    // Before: [] for the registered address (refused before hashing).
    expect(await hashesOf(() => signUp('terdaftar@kalbarprov.go.id'))).toEqual(fresh);
  });
});
