// Sign-up and message limits (issue 9, item 8): sign-ups per client and per named contact, a daily
// cap of messages per address or number (sign-ups, "Kirim ulang" and password reset share it), and
// password-reset requests per client; all kept in the store. A refused form keeps what was typed.
import { afterAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { newApplicant, signUpUnverified } from '../helpers/ppbj.js';
import type { RateLimitSettings } from '../../src/auth/rate-limits.js';

const HOUR = 60 * 60_000;
const rule = (limit: number, windowMs = HOUR) => ({ limit, windowMs });

const apps: TestApp[] = [];
async function app(limits: Partial<RateLimitSettings>): Promise<TestApp> {
  const t = await startTestApp({ limits });
  apps.push(t);
  return t;
}
afterAll(async () => {
  for (const t of apps) await t.close();
});

async function daftar(agent: TestAgent, data: Record<string, string>) {
  const _csrf = await csrfFrom(agent, '/daftar');
  return agent.post('/daftar').type('form').send({ _csrf, ...data });
}

/** Every outbox message of the app (newest first). */
const outbox = (t: TestApp) => t.services.store.listMessages({ limit: 1000 });

describe('Given sign-up limits', () => {
  test('when one client signs up more often than its limit (3 per hour), then the 4th is refused with 429 in Indonesian, keeps the typed values but no password, and creates and sends nothing', async () => {
    const t = await app({ signUpIp: rule(3) });
    for (let i = 0; i < 3; i++) expect((await daftar(t.agent(), { ...newApplicant(), whatsapp: `08123456780${i}` })).status).toBe(303);
    const before = (await outbox(t)).length;

    const data = { ...newApplicant(), whatsapp: '081234567899' };
    const res = await daftar(t.agent(), data);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const page = $(res.text);
    expect(page('[role=alert]').text()).toContain('Terlalu banyak pendaftaran dari perangkat ini');
    expect(page('#f-displayName').val()).toBe(data.displayName);
    expect(page('#f-email').val()).toBe(data.email);
    expect(page('#f-whatsapp').val()).toBe(data.whatsapp);
    expect(page('#f-password').val()).toBeFalsy();
    expect(await t.services.store.findUserByEmail(data.email)).toBeNull();
    expect(await outbox(t)).toHaveLength(before);
  });

  test('when sign-ups name one WhatsApp number more often than its limit (2 per hour), then the 3rd is refused whatever e-mail and spelling it uses, and no message goes to that number', async () => {
    const t = await app({ signUpContact: rule(2) });
    expect((await daftar(t.agent(), { ...newApplicant(), whatsapp: '081299990001' })).status).toBe(303);
    expect((await daftar(t.agent(), { ...newApplicant(), whatsapp: '+62 812-9999-0001' })).status).toBe(303);
    const toNumber = async () => (await outbox(t)).filter((m) => m.to === '+6281299990001').length;
    expect(await toNumber()).toBe(2);

    const res = await daftar(t.agent(), { ...newApplicant(), whatsapp: '6281299990001' });
    expect(res.status).toBe(429);
    expect(await toNumber()).toBe(2);
    expect((await daftar(t.agent(), { ...newApplicant(), whatsapp: '081299990002' })).status).toBe(303); // another number is free
  });

  test('when the sign-up form has errors in its contacts, then nothing is counted and the form is answered 422 as before', async () => {
    const t = await app({ signUpIp: rule(1) });
    for (let i = 0; i < 3; i++) expect((await daftar(t.agent(), { ...newApplicant(), whatsapp: '12345' })).status).toBe(422);
    expect((await daftar(t.agent(), newApplicant())).status).toBe(303);
  });
});

describe('Given the daily message cap per address or number', () => {
  test('when "Kirim ulang" would pass the cap of 2 messages a day to the number, then it is refused with 429 and a clear message, and no code is sent', async () => {
    const t = await app({ messagesContact: rule(2, 24 * HOUR) });
    const agent = t.agent();
    const data = await signUpUnverified(agent, { ...newApplicant(), whatsapp: '081277770001' }); // message 1
    const resend = async () => {
      const _csrf = await csrfFrom(agent, '/verifikasi');
      return agent.post('/verifikasi/kirim-ulang').type('form').send({ _csrf, channel: 'whatsapp' });
    };
    expect((await resend()).status).toBe(303); // message 2
    const capped = await resend();
    expect(capped.status).toBe(429);
    expect($(capped.text)('#e-resend-whatsapp').text()).toContain('Batas pesan harian');
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect((await t.services.store.listMessages({ userId: user.id })).filter((m) => m.kind === 'verify-whatsapp')).toHaveLength(2);

    // the cap belongs to the number, not the account: a new sign-up naming it is refused too, in English on the English page
    const english = t.agent();
    await english.get('/bahasa/en');
    const refused = await daftar(english, { ...newApplicant(), whatsapp: '081277770001' });
    expect(refused.status).toBe(429);
    expect($(refused.text)('[role=alert]').text()).toMatch(/^Too many sign-ups from this device or with this e-mail\/WhatsApp number\. Try again in (23|24) hours\.$/);
  });

  test('when password reset is asked for more often than the address cap (1 a day), then only one link is sent and the answer looks the same', async () => {
    const t = await app({ messagesContact: rule(1, 24 * HOUR) });
    for (let i = 0; i < 3; i++) {
      const agent = t.agent();
      const _csrf = await csrfFrom(agent, '/lupa-kata-sandi');
      const res = await agent.post('/lupa-kata-sandi').type('form').send({ _csrf, email: ` ${ADMIN.email.toUpperCase()} ` });
      expect(res.status).toBe(303);
    }
    expect((await outbox(t)).filter((m) => m.kind === 'password-reset')).toHaveLength(1);
  });
});

describe('Given the password-reset limit per client', () => {
  test('when one client asks more often than its limit (2 per 15 minutes), then it is refused with 429 and keeps the typed e-mail', async () => {
    const t = await app({ resetIp: rule(2, 15 * 60_000) });
    const ask = async (email: string) => {
      const agent = t.agent();
      const _csrf = await csrfFrom(agent, '/lupa-kata-sandi');
      return agent.post('/lupa-kata-sandi').type('form').send({ _csrf, email });
    };
    expect((await ask('a@alur.local')).status).toBe(303);
    expect((await ask('b@alur.local')).status).toBe(303);
    const refused = await ask('c@alur.local');
    expect(refused.status).toBe(429);
    expect($(refused.text)('body').text()).toContain('Terlalu banyak permintaan. Coba lagi dalam 15 menit.');
    expect($(refused.text)('input[name=email]').val()).toBe('c@alur.local');
  });
});
