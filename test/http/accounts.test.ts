// Sign-up validation, login, rate limiting, logout, session persistence across a restart,
// language switch and security headers.
import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { $, ADMIN, csrfFrom, startTestApp, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { linkPath, newApplicant, signUp, submitSignUp } from '../helpers/ppbj.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/privacy/privacy-notice.js';

describe('Given the Daftar and Masuk pages', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when the sign-up form has errors, then each is shown next to its field and every typed value comes back', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/daftar');
    const res = await agent.post('/daftar').type('form').send({
      _csrf, displayName: 'Siti Aminah', email: 'siti@bukan-email', whatsapp: '12345', password: 'pendek', passwordConfirm: 'lain',
    });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-email').text()).toContain('Format email tidak valid');
    expect(page('#e-whatsapp').text()).toContain('Nomor WhatsApp tidak valid');
    expect(page('#e-password').text()).toContain('minimal 12 karakter');
    expect(page('#e-passwordConfirm').text()).toContain('tidak sama');
    expect(page('#f-displayName').val()).toBe('Siti Aminah');
    expect(page('#f-email').val()).toBe('siti@bukan-email');
    expect(page('#f-whatsapp').val()).toBe('12345');
    expect(page('#f-password').val()).toBeUndefined(); // passwords are never echoed
    expect(page('.error-summary a[href="#f-email"]')).toHaveLength(1);
    expect(await t.services.store.findUserByEmail('siti@bukan-email')).toBeNull();
  });

  test('when the language is switched to English, then labels and errors are in English', async () => {
    const agent = t.agent();
    const sw = await agent.get('/bahasa/en?next=/daftar');
    expect(sw.status).toBe(303);
    expect(sw.headers.location).toBe('/daftar');
    const _csrf = await csrfFrom(agent, '/daftar');
    const res = await agent.post('/daftar').type('form').send({ _csrf, email: 'x' });
    expect($(res.text)('html').attr('lang')).toBe('en');
    expect($(res.text)('#e-email').text()).toContain('Invalid email address');
    expect($(res.text)('label[for=f-whatsapp]').text()).toContain('Mobile/WhatsApp number');
    expect((await agent.get('/bahasa/id?next=//evil.example')).headers.location).toBe('/');
  });

  test('when an e-mail is already registered, then sign-up answers exactly as for a new address, and the owner (not the visitor) is told by e-mail', async () => {
    const owner = await signUp(t.agent(), newApplicant());
    const store = t.services.store;
    const daftar = async (data: Record<string, string>) => {
      const agent = t.agent();
      const _csrf = await csrfFrom(agent, '/daftar');
      const res = await agent.post('/daftar').type('form').send({ _csrf, ...data });
      return { res, page: await agent.get(String(res.headers.location)), tugas: await agent.get('/tugas') };
    };
    const fresh = await daftar({ ...newApplicant(), whatsapp: '081200000001' });
    const taken = await daftar({ ...newApplicant(), email: ` ${owner.email.toUpperCase()}`, whatsapp: '081200000002', password: 'tebakan-penyerang-1', passwordConfirm: 'tebakan-penyerang-1' });

    for (const answer of [fresh, taken]) {
      expect(answer.res.status).toBe(303);
      expect(answer.res.headers.location).toBe('/daftar/terkirim');
      expect(Boolean(answer.res.headers['set-cookie'])).toBe(Boolean(fresh.res.headers['set-cookie']));
      expect(answer.page.status).toBe(200);
      expect($(answer.page.text)('main').text()).toBe($(fresh.page.text)('main').text());
      expect(answer.tugas.status).toBe(303); // nobody is logged in by a sign-up
    }
    expect($(taken.page.text)('h1').text()).toBe('Periksa Email Anda');

    const ownerId = (await store.findUserByEmail(owner.email))!.id;
    const notice = (await store.listMessages({ userId: ownerId })).find((m) => m.kind === 'sign-up-existing');
    expect(notice).toMatchObject({ channel: 'email', to: owner.email });
    expect(notice!.body).toContain('Seseorang mencoba mendaftar');
    expect(notice!.body).toMatch(/\/lupa-kata-sandi/);
    // the number typed gets a code as after a new sign-up, one that verifies nothing
    const toNumber = (await store.listMessages({ limit: 1000 })).filter((m) => m.to === '+6281200000002');
    expect(toNumber.map((m) => m.kind)).toEqual(['verify-whatsapp']);
    expect(await store.countUsers('applicant')).toBe(2);

    const login = t.agent();
    const _csrf = await csrfFrom(login, '/masuk');
    const attempt = await login.post('/masuk').type('form').send({ _csrf, email: owner.email, password: 'tebakan-penyerang-1' });
    expect(attempt.status).toBe(401); // the owner's password is unchanged
  });

  test('when a new PPBJ logs in before opening the e-mail link, then it fails like a wrong password, with a hint; after the link it goes on to /verifikasi', async () => {
    const agent = t.agent();
    const data = await submitSignUp(agent);
    const _csrf = await csrfFrom(agent, '/masuk');
    const early = await agent.post('/masuk').type('form').send({ _csrf, email: data.email, password: data.password });
    expect(early.status).toBe(401);
    expect($(early.text)('[role=alert]').text()).toContain('Email atau kata sandi salah');
    expect($(early.text)('[role=alert]').text()).toContain('setelah email diverifikasi');

    expect((await agent.get(await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/'))).status).toBe(200);
    const later = await agent.post('/masuk').type('form').send({ _csrf: await csrfFrom(agent, '/masuk'), email: data.email, password: data.password });
    expect(later.status).toBe(303);
    expect(later.headers.location).toBe('/verifikasi');
  });

  test('when the password is wrong, then login says so and keeps the e-mail (the limits: login-limits.test.ts)', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/masuk');
    const bad = await agent.post('/masuk').type('form').send({ _csrf, email: ADMIN.email, password: 'salah-salah-salah' });
    expect(bad.status).toBe(401);
    expect($(bad.text)('[role=alert]').text()).toContain('Email atau kata sandi salah');
    expect($(bad.text)('#f-email').val()).toBe(ADMIN.email);
  });

  test('when a user logs in, then the session cookie is httpOnly/SameSite and security headers are set', async () => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/masuk');
    const res = await agent.post('/masuk').type('form').send({ _csrf, email: 'pemilik@alur.local', password: 'demo-pemilik-2026' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/proses');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/alur\.sid=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await agent.get('/proses');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-powered-by']).toBeUndefined();
  });
});

describe('Given a logged-in PPBJ', () => {
  test('when the server restarts on the same store, then the PPBJ is still logged in; after logout (POST) the session is gone', async () => {
    const first = await startTestApp();
    const agent = first.agent();
    await signUp(agent, newApplicant());
    const res = await agent.get('/tugas');
    expect(res.status).toBe(200);
    const cookie = (await agent.jar.getCookie('alur.sid', { domain: '127.0.0.1', path: '/', secure: false, script: false }))?.toValueString();
    expect(cookie).toBeTruthy();
    await first.services.store.close();

    const second = await startTestApp({ dir: first.dir });
    try {
      const again = await request(second.app).get('/tugas').set('Cookie', cookie!);
      expect(again.status).toBe(200);
      expect($(again.text)('tr.task-row').text()).toContain('Mengisi Identitas PPBJ');
      const _csrf = $(again.text)('input[name=_csrf]').first().val() as string;
      const out = await request(second.app).post('/keluar').set('Cookie', cookie!).type('form').send({ _csrf });
      expect(out.status).toBe(303);
      expect((await request(second.app).get('/tugas').set('Cookie', cookie!)).status).toBe(303);
    } finally {
      await second.close();
      const { rmSync } = await import('node:fs');
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});


describe('Given the privacy notice (UU 27/2022)', () => {
  test('when signing up without acknowledging it, then sign-up is refused; with it, the notice version is recorded', async () => {
    const t = await startTestApp();
    try {
      const agent = t.agent();
      expect($((await agent.get('/privasi')).text)('h2').text()).toContain('Dasar pemrosesan');
      const data = newApplicant();
      const _csrf = await csrfFrom(agent, '/daftar');
      const res = await agent.post('/daftar').type('form').send({ _csrf, ...data, persetujuanPrivasi: undefined });
      expect(res.status).toBe(422);
      expect($(res.text)('#e-persetujuanPrivasi').text()).toContain('Pemberitahuan Privasi');
      await signUp(agent, data);
      const user = await t.services.store.findUserByEmail(data.email);
      expect(user).toMatchObject({ privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
      expect(user!.privacyAcknowledgedAt).toBeTruthy();
    } finally {
      await t.close();
    }
  });
});
