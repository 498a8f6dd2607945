// Login rate limits (issue 9, item 2): one counter per account whatever the spelling of the
// address, kept in the store (shared by app instances, kept over a restart), a per-client cap
// across accounts, and successful logins that do not count.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, OWNER, csrfFrom, startTestApp, type TestApp } from '../helpers/app.js';
import type { RateLimitSettings } from '../../src/auth/rate-limits.js';

const MIN = 60_000;
const rule = (limit: number, windowMs = 15 * MIN) => ({ limit, windowMs });

async function tryLogin(agent: TestAgent, email: string, password: string) {
  const _csrf = await csrfFrom(agent, '/masuk');
  return agent.post('/masuk').type('form').send({ _csrf, email, password });
}

const apps: TestApp[] = [];
async function app(limits: Partial<RateLimitSettings>, dir?: string): Promise<TestApp> {
  const t = await startTestApp({ limits, dir });
  apps.push(t);
  return t;
}
afterAll(async () => {
  for (const t of apps) await t.close().catch(() => undefined);
});

describe('Given the login limit of 10 attempts per account and client in 15 minutes', () => {
  test('when 10 wrong passwords come with the address spelled 10 ways (spaces, tab, case, full-width), then the right password is refused with 429 in Indonesian, Retry-After and the typed e-mail kept', async () => {
    const t = await app({ login: rule(10) });
    const agent = t.agent();
    const spellings = [
      ' admin@alur.local', 'admin@alur.local ', '\tadmin@alur.local', 'admin@alur.local\t', 'ADMIN@alur.local',
      ' Admin@Alur.Local ', 'ａｄｍｉｎ@alur.local', '\u00a0admin@alur.local', 'admin@alur.local\n', 'admin@ALUR.LOCAL',
    ];
    for (const email of spellings) expect((await tryLogin(agent, email, 'salah-salah-salah')).status).toBe(401);

    const limited = await tryLogin(agent, ' admin@alur.local', ADMIN.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect($(limited.text)('[role=alert]').text()).toContain('Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.');
    expect($(limited.text)('#f-email').val()).toBe(' admin@alur.local');
    expect((await tryLogin(t.agent(), OWNER.email, OWNER.password)).status).toBe(303); // another account is not affected
  });

  test('when the right password comes with a spaced, upper-case address, then it logs in, and earlier failures of this client are forgotten', async () => {
    const t = await app({ login: rule(3) });
    const agent = t.agent();
    for (let i = 0; i < 2; i++) expect((await tryLogin(agent, ADMIN.email, 'salah-salah-salah')).status).toBe(401);
    const ok = await tryLogin(agent, '  Admin@Alur.Local\t', ADMIN.password);
    expect(ok.status).toBe(303);
    for (let i = 0; i < 3; i++) expect((await tryLogin(t.agent(), ADMIN.email, 'salah-salah-salah')).status).toBe(401);
    expect((await tryLogin(t.agent(), ADMIN.email, 'salah-salah-salah')).status).toBe(429);
  });

  test('when two app instances share one store file and then one restarts, then their failures add up and the refusal survives the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alur-login-limit-'));
    try {
      const limits = { login: rule(4) };
      const a = await app(limits, dir);
      const b = await app(limits, dir);
      expect((await tryLogin(a.agent(), ADMIN.email, 'salah-1-salah')).status).toBe(401);
      expect((await tryLogin(b.agent(), ADMIN.email, 'salah-2-salah')).status).toBe(401);
      expect((await tryLogin(a.agent(), ADMIN.email, 'salah-3-salah')).status).toBe(401);
      expect((await tryLogin(b.agent(), ADMIN.email, 'salah-4-salah')).status).toBe(401);
      expect((await tryLogin(a.agent(), ADMIN.email, ADMIN.password)).status).toBe(429);
      expect((await tryLogin(b.agent(), ADMIN.email, ADMIN.password)).status).toBe(429);

      await a.close();
      await b.close();
      const restarted = await app(limits, dir);
      expect((await tryLogin(restarted.agent(), ADMIN.email, ADMIN.password)).status).toBe(429);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Given the per-client cap across accounts and the per-account cap across clients', () => {
  test('when one client fails on 5 different accounts (cap 5), then its next login is refused even on an untouched account with the right password', async () => {
    const t = await app({ loginIp: rule(5) });
    for (let i = 0; i < 5; i++) expect((await tryLogin(t.agent(), `tebak${i}@alur.local`, 'salah-salah-salah')).status).toBe(401);
    const refused = await tryLogin(t.agent(), OWNER.email, OWNER.password);
    expect(refused.status).toBe(429);
    expect($(refused.text)('[role=alert]').text()).toContain('Terlalu banyak percobaan masuk');
  });

  test('when the same client logs in successfully more often than the cap, then it is never refused (successes do not count)', async () => {
    const t = await app({ loginIp: rule(3), loginAccount: rule(3) });
    for (let i = 0; i < 6; i++) expect((await tryLogin(t.agent(), ADMIN.email, ADMIN.password)).status).toBe(303);
    for (let i = 0; i < 3; i++) expect((await tryLogin(t.agent(), ADMIN.email, 'salah-salah-salah')).status).toBe(401);
    expect((await tryLogin(t.agent(), ADMIN.email, ADMIN.password)).status).toBe(429);
  });

  test('when an account gets more failures than its cap across clients, then it is refused while other accounts still log in', async () => {
    const t = await app({ loginAccount: rule(3, 60 * MIN) });
    for (let i = 0; i < 3; i++) expect((await tryLogin(t.agent(), ADMIN.email, 'salah-salah-salah')).status).toBe(401);
    const refused = await tryLogin(t.agent(), ADMIN.email, ADMIN.password);
    expect(refused.status).toBe(429);
    expect($(refused.text)('[role=alert]').text()).toContain('Coba lagi dalam 60 menit');
    expect((await tryLogin(t.agent(), OWNER.email, OWNER.password)).status).toBe(303);
  });
});

async function logout(agent: TestAgent): Promise<void> {
  expect((await agent.post('/keluar').type('form').send({ _csrf: await csrfFrom(agent, '/privasi') })).status).toBe(303);
}

describe('Given an account whose limit across clients is spent by someone else (review: lockout of the owner)', () => {
  test('when its owner logs in from a device that logged in to it before, then they get in; fresh clients and other accounts\' devices stay refused', async () => {
    const t = await app({ loginAccount: rule(3, 60 * MIN), login: rule(3) });
    const ownersPhone = t.agent();
    expect((await tryLogin(ownersPhone, OWNER.email, OWNER.password)).status).toBe(303); // the device becomes known
    await logout(ownersPhone);

    for (let i = 0; i < 3; i++) expect((await tryLogin(t.agent(), OWNER.email, 'salah-salah-salah')).status).toBe(401);
    expect((await tryLogin(t.agent(), OWNER.email, OWNER.password)).status).toBe(429); // a new client: refused

    expect((await tryLogin(ownersPhone, ` ${OWNER.email.toUpperCase()}`, OWNER.password)).status).toBe(303);
    await logout(ownersPhone);
    expect((await tryLogin(ownersPhone, ADMIN.email, ADMIN.password)).status).toBe(303); // another account: its own limits
  });

  test('when a known device guesses wrong, then it has a limit of its own', async () => {
    const t = await app({ login: rule(3) });
    const device = t.agent();
    expect((await tryLogin(device, ADMIN.email, ADMIN.password)).status).toBe(303);
    await logout(device);
    for (let i = 0; i < 3; i++) expect((await tryLogin(device, ADMIN.email, 'salah-salah-salah')).status).toBe(401);
    expect((await tryLogin(device, ADMIN.email, ADMIN.password)).status).toBe(429);
  });

  test('when the device cookie is forged or names another account, then it counts as a fresh client', async () => {
    const t = await app({ loginAccount: rule(2, 60 * MIN) });
    for (let i = 0; i < 2; i++) expect((await tryLogin(t.agent(), ADMIN.email, 'salah-salah-salah')).status).toBe(401);
    const forged = t.agent();
    await forged.get('/masuk').set('Cookie', 'alur.perangkat=abc.def');
    const res = await forged.post('/masuk').set('Cookie', 'alur.perangkat=abc.def').type('form')
      .send({ _csrf: await csrfFrom(forged, '/masuk'), email: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(429);
  });
});
