// A plain applicant account (/akun/daftar): no process is started; the e-mail link proves the
// address, then the login goes on to `next` (e.g. a service's start form from "Mulai"). Same
// protections as the PPBJ sign-up: one answer whether or not the address has an account, limits, CSRF.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, login, startTestApp, type TestApp } from '../helpers/app.js';
import { linkPath } from '../helpers/ppbj.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/privacy/privacy-notice.js';
import type { RateLimitSettings } from '../../src/auth/rate-limits.js';

const NEXT = '/layanan/contoh/mulai';
const HOUR = 60 * 60_000;

let counter = 0;
function visitor(extra: Record<string, string> = {}) {
  counter += 1;
  return {
    displayName: `Siti Aminah ${counter}`,
    email: `siti${counter}.${Date.now()}@contoh.go.id`,
    whatsapp: '',
    password: 'kata-sandi-rahasia-2',
    passwordConfirm: 'kata-sandi-rahasia-2',
    persetujuanPrivasi: 'ya',
    ...extra,
  };
}

let t: TestApp;
const extraApps: TestApp[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const a of [t, ...extraApps]) await a?.close();
});

async function limitedApp(limits: Partial<RateLimitSettings>): Promise<TestApp> {
  const a = await startTestApp({ limits });
  extraApps.push(a);
  return a;
}

/** Posts the form read from `formPath` (its CSRF token and hidden `next`) with `data`. */
async function submit(agent: TestAgent, data: Record<string, string>, formPath = '/akun/daftar') {
  const page = $((await agent.get(formPath)).text);
  const hidden = { _csrf: String(page('form[action="/akun/daftar"] input[name=_csrf]').val()), next: String(page('form[action="/akun/daftar"] input[name=next]').val() ?? '') };
  return agent.post('/akun/daftar').type('form').send({ ...hidden, ...data });
}

/** Logs in through the login page at `loginPath` (its hidden `next` included), as a browser does. */
async function logInFrom(agent: TestAgent, loginPath: string, who: { email: string; password: string }) {
  const page = $((await agent.get(loginPath)).text);
  const form = { _csrf: String(page('input[name=_csrf]').val()), next: String(page('input[name=next]').val() ?? '') };
  return agent.post('/masuk').type('form').send({ ...form, email: who.email, password: who.password });
}

const messagesTo = async (app: TestApp, to: string) => (await app.services.store.listMessages({ limit: 1000 })).filter((m) => m.to === to);

describe('Given a visitor who came from "Mulai" of a service (login page with next)', () => {
  test('when they follow "Buat akun", sign up, open the e-mail link and log in, then they land on the service start form and no case was started', async () => {
    // Given: the login page offers the account sign-up, carrying next
    const agent = t.agent();
    const loginPage = $((await agent.get(`/masuk?next=${encodeURIComponent(NEXT)}`)).text);
    const href = loginPage('a[href^="/akun/daftar"]').attr('href');
    expect(href).toBe(`/akun/daftar?next=${encodeURIComponent(NEXT)}`);

    // When: they sign up from that page
    const data = visitor();
    const res = await submit(agent, data, href!);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/akun/daftar/terkirim?next=${encodeURIComponent(NEXT)}`);
    const sent = $((await agent.get(res.headers.location!)).text);
    expect(sent('[data-sign-up="account-sent"]').length).toBe(1);
    const loginHref = sent('a.login').attr('href')!;
    expect(loginHref).toBe(`/masuk?next=${encodeURIComponent(NEXT)}`);

    // Then: an active applicant with the e-mail unproved, the privacy notice acknowledged, no case
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect(user).toMatchObject({ role: 'applicant', status: 'active', displayName: data.displayName, whatsapp: null, emailVerifiedAt: null, privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
    expect(user.privacyAcknowledgedAt).not.toBeNull();
    expect(await t.services.store.listCasesByApplicant(user.id)).toEqual([]);
    expect((await messagesTo(t, data.email)).map((m) => m.kind)).toEqual(['verify-email']);

    // no login before the e-mail is proved
    expect((await logInFrom(t.agent(), loginHref, data)).status).toBe(401);

    // When: the link (carrying next) is opened, then its Masuk link carries next and the login lands on next
    const linkTo = await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/');
    expect(linkTo.endsWith(`?next=${encodeURIComponent(NEXT)}`)).toBe(true);
    const link = await agent.get(linkTo);
    expect(link.status).toBe(200);
    expect($(link.text)('[data-outcome]').attr('data-outcome')).toBe('verified');
    expect($(link.text)('main a[href^="/masuk"]').attr('href')).toBe(`/masuk?next=${encodeURIComponent(NEXT)}`);
    const loggedIn = await logInFrom(agent, $(link.text)('main a[href^="/masuk"]').attr('href')!, data);
    expect(loggedIn.status).toBe(303);
    expect(loggedIn.headers.location).toBe(NEXT);
    expect(await t.services.store.listCasesByApplicant(user.id)).toEqual([]);
  });
});

describe('Given an applicant who is logged in when they open the e-mail link carrying next', () => {
  test('when the link is opened, then the address is proved and they are sent on to next; a next that is not a local path is dropped', async () => {
    const data = visitor();
    await submit(t.agent(), data, `/akun/daftar?next=${encodeURIComponent(NEXT)}`);
    const user = (await t.services.store.findUserByEmail(data.email))!;
    await t.services.store.updateUser(user.id, { emailVerifiedAt: new Date().toISOString() }); // proved before (an older link)
    const agent = t.agent();
    expect((await logInFrom(agent, '/masuk', data)).status).toBe(303);
    await t.services.store.updateUser(user.id, { emailVerifiedAt: null });
    const linkTo = await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/');
    const res = await agent.get(linkTo);
    expect([res.status, res.headers.location]).toEqual([303, NEXT]);
    expect((await t.services.store.getUser(user.id))!.emailVerifiedAt).not.toBeNull();
    const evil = await t.agent().get(linkTo.replace(/\?next=.*$/, `?next=${encodeURIComponent('//jahat.example/x')}`));
    expect($(evil.text)('main a[href^="/masuk"]').attr('href')).toBe('/masuk');
  });
});

describe('Given the optional WhatsApp number', () => {
  test('when a number is given in any spelling, then it is stored as +62…, a code is sent to it, and a login without next goes on to /verifikasi', async () => {
    const data = visitor({ whatsapp: '0812-3456-7001' });
    expect((await submit(t.agent(), data)).status).toBe(303);
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect(user.whatsapp).toBe('+6281234567001');
    expect((await messagesTo(t, '+6281234567001')).map((m) => m.kind)).toEqual(['verify-whatsapp']);

    const agent = t.agent();
    await agent.get(await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/'));
    const res = await logInFrom(agent, '/masuk', data);
    expect(res.headers.location).toBe('/verifikasi');
  });

  test('when no number is given, then a login without next lands on Tugas Saya', async () => {
    const data = visitor();
    expect((await submit(t.agent(), data)).status).toBe(303);
    const agent = t.agent();
    await agent.get(await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/'));
    expect((await logInFrom(agent, '/masuk', data)).headers.location).toBe('/tugas');
  });
});

describe('Given an address that already has an account', () => {
  test('when someone signs up with it again (other spelling, other password), then the answer is the same, no second account is made, the password is unchanged and the owner is told', async () => {
    const first = visitor();
    const firstRes = await submit(t.agent(), first);
    const owner = (await t.services.store.findUserByEmail(first.email))!;
    const applicants = await t.services.store.countUsers('applicant');

    const again = visitor({ email: `  ${first.email.toUpperCase()} `, displayName: 'Orang Lain', password: 'kata-sandi-lain-99', passwordConfirm: 'kata-sandi-lain-99' });
    const res = await submit(t.agent(), again);

    expect(res.status).toBe(firstRes.status);
    expect(res.headers.location).toBe(firstRes.headers.location);
    expect(await t.services.store.countUsers('applicant')).toBe(applicants);
    expect(await t.services.store.findUserByEmail(first.email)).toEqual(owner);
    expect((await messagesTo(t, first.email)).map((m) => m.kind).sort()).toEqual(['sign-up-existing', 'verify-email']);
  });

  test('when the repeated sign-up names a WhatsApp number, then that number gets a code like a new sign-up\'s, and without a number none is sent', async () => {
    const first = visitor();
    await submit(t.agent(), first);
    const whatsappMessages = async () => (await t.services.store.listMessages({ limit: 1000 })).filter((m) => m.channel === 'whatsapp').length;
    const before = await whatsappMessages();
    await submit(t.agent(), first);
    expect(await whatsappMessages()).toBe(before);
    await submit(t.agent(), { ...first, whatsapp: '081234567002' });
    expect((await messagesTo(t, '+6281234567002')).map((m) => m.kind)).toEqual(['verify-whatsapp']);
  });
});

describe('Given bad input', () => {
  test('when every field is wrong, then 422 names each field, keeps every typed value (never the passwords) and next, and creates and sends nothing', async () => {
    const before = (await t.services.store.listMessages({ limit: 1000 })).length;
    const typed = { displayName: 'x'.repeat(201), email: 'bukan-email', whatsapp: '12345', password: 'pendek', passwordConfirm: 'lain', persetujuanPrivasi: '' };
    const res = await submit(t.agent(), typed, `/akun/daftar?next=${encodeURIComponent(NEXT)}`);
    expect(res.status).toBe(422);
    const page = $(res.text);
    for (const f of ['displayName', 'email', 'whatsapp', 'password', 'passwordConfirm', 'persetujuanPrivasi']) expect(page(`#e-${f}`).text()).not.toBe('');
    expect(page('#e-email').text()).toContain('Format email tidak valid');
    expect(page('#f-displayName').val()).toBe(typed.displayName);
    expect(page('#f-email').val()).toBe(typed.email);
    expect(page('#f-whatsapp').val()).toBe(typed.whatsapp);
    expect(page('#f-password').val()).toBeFalsy();
    expect(page('#f-passwordConfirm').val()).toBeFalsy();
    expect(page('input[name=next]').val()).toBe(NEXT);
    expect(await t.services.store.findUserByEmail('bukan-email')).toBeNull();
    expect((await t.services.store.listMessages({ limit: 1000 })).length).toBe(before);
  });

  test('when the address has an account but another field is wrong, then the answer is the same 422 as for a new address', async () => {
    const first = visitor();
    await submit(t.agent(), first);
    const res = await submit(t.agent(), { ...first, passwordConfirm: 'tidak-sama-xx' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-email').length).toBe(0);
    expect(page('#e-passwordConfirm').text()).toContain('Kata sandi tidak sama');
  });

  test('when next is not a local path or is oversized, then it is dropped', async () => {
    for (const bad of ['//jahat.example/x', 'https://jahat.example/', `/${'a'.repeat(600)}`]) {
      const page = $((await t.agent().get(`/akun/daftar?next=${encodeURIComponent(bad)}`)).text);
      expect(page('input[name=next]').length).toBe(0);
      expect(page('a.login').attr('href')).toBe('/masuk');
    }
    const res = await submit(t.agent(), { ...visitor(), next: '//jahat.example/x' });
    expect(res.headers.location).toBe('/akun/daftar/terkirim');
  });

  test('when the CSRF token is missing, then the sign-up is refused and no account is made', async () => {
    const data = visitor();
    const agent = t.agent();
    await agent.get('/akun/daftar');
    const res = await agent.post('/akun/daftar').type('form').send(data);
    expect(res.status).toBe(403);
    expect(await t.services.store.findUserByEmail(data.email)).toBeNull();
  });
});

describe('Given sign-up limits', () => {
  test('when one client signs up more often than its limit, then the next is refused with 429 in Indonesian, keeps the typed values but no password, and creates and sends nothing', async () => {
    const a = await limitedApp({ signUpIp: { limit: 2, windowMs: HOUR } });
    for (let i = 0; i < 2; i++) expect((await submit(a.agent(), visitor())).status).toBe(303);
    const before = (await a.services.store.listMessages({ limit: 1000 })).length;

    const data = visitor({ whatsapp: '081234567003' });
    const res = await submit(a.agent(), data);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const page = $(res.text);
    expect(page('[role=alert]').text()).toContain('Terlalu banyak pendaftaran');
    expect(page('#f-email').val()).toBe(data.email);
    expect(page('#f-whatsapp').val()).toBe(data.whatsapp);
    expect(page('#f-password').val()).toBeFalsy();
    expect(await a.services.store.findUserByEmail(data.email)).toBeNull();
    expect((await a.services.store.listMessages({ limit: 1000 })).length).toBe(before);
  });

  test('when one address is named more often than its limit, then the next sign-up naming it is refused with 429 and nothing more is sent to it', async () => {
    const a = await limitedApp({ signUpContact: { limit: 2, windowMs: HOUR } });
    const data = visitor();
    expect((await submit(a.agent(), data)).status).toBe(303);
    expect((await submit(a.agent(), data)).status).toBe(303);
    const sent = (await messagesTo(a, data.email)).length;
    expect((await submit(a.agent(), { ...data, email: data.email.toUpperCase() })).status).toBe(429);
    expect((await messagesTo(a, data.email)).length).toBe(sent);
  });

  test('when the daily message cap of an address is spent, then a sign-up naming it is refused with 429', async () => {
    const a = await limitedApp({ messagesContact: { limit: 1, windowMs: 24 * HOUR } });
    const data = visitor();
    expect((await submit(a.agent(), data)).status).toBe(303);
    expect((await submit(a.agent(), data)).status).toBe(429);
  });
});

describe('Given a logged-in user', () => {
  test('when staff or an applicant open or post the account sign-up, then they are sent to their home page and nothing is made', async () => {
    const admin = t.agent();
    await login(admin, ADMIN);
    const res = await admin.get('/akun/daftar');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/kotak-masuk');

    const data = visitor();
    await submit(t.agent(), data);
    const applicant = t.agent();
    await applicant.get(await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/'));
    await login(applicant, data);
    expect((await applicant.get('/akun/daftar')).headers.location).toBe('/tugas');
    const other = visitor();
    const _csrf = await csrfFrom(applicant, '/tugas');
    const posted = await applicant.post('/akun/daftar').type('form').send({ _csrf, ...other });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe('/tugas');
    expect(await t.services.store.findUserByEmail(other.email)).toBeNull();
  });
});
