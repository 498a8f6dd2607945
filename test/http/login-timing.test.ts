// User enumeration by timing (issue 9, item 12): a login for an unknown or disabled account runs
// a password hash of the same cost as one for an existing account, so its answer is not faster.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { ADMIN, addAdmin, csrfFrom, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';

const DISABLED = { email: 'nonaktif@alur.local', password: 'demo-nonaktif-2026' };

async function loginMs(agent: TestAgent, _csrf: string, email: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await agent.post('/masuk').type('form').send({ _csrf, email, password: 'salah-salah-salah' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(res.status).toBe(401);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('Given an existing, a disabled and an unknown account', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    await addAdmin(t.services.store, DISABLED, 'admin-disabled');
    await t.services.store.updateUser('admin-disabled', { status: 'disabled' });
  });

  test('when each gets wrong passwords, then the unknown and the disabled ones answer about as slowly as the existing one (a hash runs for each)', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/masuk');
    await loginMs(agent, _csrf, 'pemanasan@alur.local'); // warm-up
    const times: Record<'existing' | 'unknown' | 'disabled', number[]> = { existing: [], unknown: [], disabled: [] };
    for (let i = 0; i < 5; i++) {
      times.existing.push(await loginMs(agent, _csrf, ADMIN.email));
      times.unknown.push(await loginMs(agent, _csrf, `tidak-ada-${i}@alur.local`));
      times.disabled.push(await loginMs(agent, _csrf, DISABLED.email));
    }
    const existing = median(times.existing);
    // Before the fix: about 3 ms against about 100 ms (ratio 0.03). A hash for each brings it near 1.
    expect(median(times.unknown) / existing).toBeGreaterThan(0.5);
    expect(median(times.disabled) / existing).toBeGreaterThan(0.5);
  }, 30_000);
});

describe('Given a registered address and new ones', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when sign-ups name them, then the registered one answers about as slowly as a new one (its password is hashed too)', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/daftar');
    const form = (email: string) => ({ _csrf, displayName: 'Budi', email, whatsapp: '081234567890', password: 'kata-sandi-rahasia-1', passwordConfirm: 'kata-sandi-rahasia-1', persetujuanPrivasi: 'ya' });
    const signUpMs = async (email: string) => {
      const started = process.hrtime.bigint();
      const res = await agent.post('/daftar').type('form').send(form(email));
      expect(res.headers.location).toBe('/daftar/terkirim');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await signUpMs('terdaftar@kalbarprov.go.id'); // now registered (and the warm-up)
    const times: Record<'fresh' | 'taken', number[]> = { fresh: [], taken: [] };
    for (let i = 0; i < 5; i++) {
      times.fresh.push(await signUpMs(`baru-${i}@kalbarprov.go.id`));
      times.taken.push(await signUpMs('terdaftar@kalbarprov.go.id'));
    }
    // Before: about 3 ms (refused before hashing) against about 100 ms.
    expect(median(times.taken) / median(times.fresh)).toBeGreaterThan(0.5);
  }, 30_000);
});
