// SOP step 2 "e-Mail Aktif" and "Nomor Whatsapp Aktif": the e-mail link and the WhatsApp code
// sent at sign-up, their limits (expiry, single use, wrong guesses, resends), and the rule that
// step 3 is refused until both are verified. A PPBJ logs in once the e-mail link proved the address.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { $, csrfFrom, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { IDENTITY, firstTaskId, latestMessage, linkPath, newApplicant, signUpUnverified, submitSignUp, submitTask, whatsappCode } from '../helpers/ppbj.js';
import { login } from '../helpers/app.js';

const MINUTE = 60_000;

describe('Given a PPBJ who has just signed up', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  const later = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };
  const enterCode = async (agent: ReturnType<TestApp['agent']>, code: string) => {
    const _csrf = await csrfFrom(agent, '/verifikasi');
    return agent.post('/verifikasi/whatsapp').type('form').send({ _csrf, code });
  };
  const resend = async (agent: ReturnType<TestApp['agent']>, channel: string) => {
    const _csrf = await csrfFrom(agent, '/verifikasi');
    return agent.post('/verifikasi/kirim-ulang').type('form').send({ _csrf, channel });
  };

  test('when the sign-up completes, then the visitor is asked to check their e-mail and one link and one 6-digit code are sent, stored as hashes only; after the link and a login the verification page waits for the code', async () => {
    const agent = t.agent();
    const data = newApplicant();
    const _csrf = await csrfFrom(agent, '/daftar');
    const res = await agent.post('/daftar').type('form').send({ _csrf, ...data });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/daftar/terkirim');
    const sent = $((await agent.get('/daftar/terkirim')).text);
    expect(sent('h1').text()).toBe('Periksa Email Anda');
    expect(sent('main').text()).toContain('Buka tautan di email tersebut');

    const store = t.services.store;
    const user = (await store.findUserByEmail(data.email))!;
    const mail = await latestMessage(store, data.email, 'verify-email');
    const wa = await latestMessage(store, data.email, 'verify-whatsapp');
    expect(mail).toMatchObject({ channel: 'email', to: data.email, status: 'pending', attempts: 0, userId: user.id });
    expect(wa).toMatchObject({ channel: 'whatsapp', to: '+6281234567890', subject: null });
    expect(mail.body).toContain('— English —');
    const path = await linkPath(store, data.email, 'verify-email', '/verifikasi/email/');
    const secret = decodeURIComponent(path.split('/').pop()!).split('.').pop()!;
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const code = await whatsappCode(store, data.email);
    expect(code).toMatch(/^\d{6}$/);

    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const emailRec = (await store.latestVerification(user.id, 'email'))!;
    const waRec = (await store.latestVerification(user.id, 'whatsapp'))!;
    expect(emailRec.codeHash).toBe(sha(secret));
    expect(waRec.codeHash).toBe(sha(code));
    expect(Date.parse(emailRec.expiresAt) - Date.parse(emailRec.createdAt)).toBe(24 * 60 * MINUTE);
    expect(Date.parse(waRec.expiresAt) - Date.parse(waRec.createdAt)).toBe(10 * MINUTE);

    expect((await agent.get(path)).status).toBe(200);
    await login(agent, data);
    const page = $((await agent.get('/verifikasi')).text);
    expect(page('[data-channel=email] [data-state]').attr('data-state')).toBe('verified');
    expect(page('[data-channel=whatsapp] [data-state]').attr('data-state')).toBe('pending');
    expect(page('[data-channel=whatsapp] h2').text()).toContain('+6281234567890');
    expect(page('form[action="/verifikasi/whatsapp"] input[name=code]')).toHaveLength(1);
    expect(page('form[action="/verifikasi/kirim-ulang"] input[name=channel]').map((_, el) => page(el).val()).get()).toEqual(['whatsapp']);
  });

  test('when step 3 is submitted before the WhatsApp number is verified, then it is refused with what is missing, the typed values kept, and a link to /verifikasi', async () => {
    const agent = t.agent();
    const data = await signUpUnverified(agent);
    const inbox = $((await agent.get('/tugas')).text);
    expect(inbox('.contact-notice [data-missing]').map((_, el) => inbox(el).attr('data-missing')).get()).toEqual(['whatsapp']);
    expect(inbox('.contact-notice a[href="/verifikasi"]')).toHaveLength(1);

    const step3 = await firstTaskId(agent, '/tugas', 'Mengisi Identitas PPBJ');
    const taskPage = $((await agent.get(`/tugas/${step3}`)).text);
    expect(taskPage('.contact-notice a[href="/verifikasi"]').text()).toContain('Verifikasi Kontak');

    const refused = await submitTask(agent, step3, IDENTITY);
    expect(refused.status).toBe(422);
    const page = $(refused.text);
    expect(page('#e-email')).toHaveLength(0);
    expect(page('#e-whatsapp').text()).toContain('belum diverifikasi');
    expect(page('#f-nip').val()).toBe(IDENTITY.nip);
    expect(page('.contact-notice a[href="/verifikasi"]')).toHaveLength(1);

    const done = await enterCode(agent, await whatsappCode(t.services.store, data.email));
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/tugas');
    expect($((await agent.get('/tugas')).text)('.contact-notice')).toHaveLength(0);
    expect((await submitTask(agent, step3, IDENTITY)).status).toBe(303);
  });

  test('when the WhatsApp code is entered after 10 minutes, then it is refused as expired; a resent code works once', async () => {
    const agent = t.agent();
    const data = await signUpUnverified(agent);
    const old = await whatsappCode(t.services.store, data.email);
    later(10 * MINUTE + 1000);
    const expired = await enterCode(agent, old);
    expect(expired.status).toBe(422);
    expect($(expired.text)('#e-code').text()).toContain('kedaluwarsa');
    expect($(expired.text)('#f-code').val()).toBe(old);

    expect((await resend(agent, 'whatsapp')).status).toBe(303);
    const fresh = await whatsappCode(t.services.store, data.email);
    const ok = await enterCode(agent, fresh);
    expect(ok.status).toBe(303);
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect(user.whatsappVerifiedAt).toBe(t.clock.now.toISOString());

    // the used code again: nothing changes (no second verification, no second audit entry)
    later(MINUTE);
    const again = await enterCode(agent, fresh);
    expect(again.status).toBe(303);
    expect((await t.services.store.findUserByEmail(data.email))!.whatsappVerifiedAt).toBe(user.whatsappVerifiedAt);
    expect((await t.services.store.latestVerification(user.id, 'whatsapp'))!.usedAt).toBe(user.whatsappVerifiedAt);
    const caseId = (await t.services.store.listCasesByApplicant(user.id))[0]!.id;
    const verified = (await t.services.store.listAudit(caseId)).filter((e) => e.type === 'contact.verified');
    expect(verified.map((e) => e.data)).toEqual([{ channel: 'email' }, { channel: 'whatsapp' }]);
  });

  test('when a code is replaced by a resend, then the old code is refused', async () => {
    const agent = t.agent();
    const data = await signUpUnverified(agent);
    const first = await whatsappCode(t.services.store, data.email);
    expect((await resend(agent, 'whatsapp')).status).toBe(303);
    const second = await whatsappCode(t.services.store, data.email);
    expect(second).not.toBe(first); // (a 1-in-a-million chance of the same random code)
    const refused = await enterCode(agent, first);
    expect(refused.status).toBe(422);
    expect($(refused.text)('#e-code').text()).toContain('Kode salah');
    expect((await enterCode(agent, second)).status).toBe(303);
  });

  test('when a wrong code is entered five times, then the code is locked, even for the right code, until a new one is sent', async () => {
    const agent = t.agent();
    const data = await signUpUnverified(agent);
    const code = await whatsappCode(t.services.store, data.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const res = await enterCode(agent, wrong);
      expect(res.status).toBe(422);
      expect($(res.text)('#e-code').text()).toContain('Kode salah');
    }
    const fifth = await enterCode(agent, wrong);
    expect(fifth.status).toBe(429);
    expect($(fifth.text)('#e-code').text()).toContain('Terlalu banyak percobaan');
    const right = await enterCode(agent, code);
    expect(right.status).toBe(429);
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect(user.whatsappVerifiedAt).toBeNull();
    expect((await t.services.store.latestVerification(user.id, 'whatsapp'))!.attempts).toBe(5);

    expect((await resend(agent, 'whatsapp')).status).toBe(303);
    expect((await enterCode(agent, await whatsappCode(t.services.store, data.email))).status).toBe(303);
  });

  test('when a code is not 6 digits, then it is refused before any guess is counted', async () => {
    const agent = t.agent();
    const data = await signUpUnverified(agent);
    const res = await enterCode(agent, '12ab');
    expect(res.status).toBe(422);
    expect($(res.text)('#e-code').text()).toContain('6 digit');
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect((await t.services.store.latestVerification(user.id, 'whatsapp'))!.attempts).toBe(0);
  });

  test('when "Kirim ulang" is pressed a third time within 15 minutes, then it is refused (3 codes per purpose per 15 minutes); later it works again', async () => {
    const agent = t.agent();
    const data = await signUpUnverified(agent);
    const first = await resend(agent, 'whatsapp');
    expect(first.status).toBe(303);
    expect($((await agent.get('/verifikasi')).text)('main .flash').text()).toContain('Kode verifikasi baru');
    expect((await resend(agent, 'whatsapp')).status).toBe(303);
    const limited = await resend(agent, 'whatsapp');
    expect(limited.status).toBe(429);
    expect($(limited.text)('#e-resend-whatsapp').text()).toContain('Batas kirim ulang');

    const user = (await t.services.store.findUserByEmail(data.email))!;
    const codes = (await t.services.store.listMessages({ userId: user.id })).filter((m) => m.kind === 'verify-whatsapp');
    expect(codes).toHaveLength(3);

    later(15 * MINUTE + 1000);
    expect((await resend(agent, 'whatsapp')).status).toBe(303);
    expect((await resend(agent, 'email')).status).toBe(303); // already verified: nothing is sent
    expect((await t.services.store.listMessages({ userId: user.id })).filter((m) => m.kind === 'verify-email')).toHaveLength(1);
  });

  test('when "Kirim ulang" is posted without the CSRF token, then it is refused', async () => {
    const agent = t.agent();
    await signUpUnverified(agent);
    expect((await agent.post('/verifikasi/kirim-ulang').type('form').send({ channel: 'email' })).status).toBe(403);
  });
});

describe('Given the e-mail verification link', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when it is opened without a login, then the e-mail is verified and audited on the case; the link works once', async () => {
    const data = await submitSignUp(t.agent());
    const path = await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/');
    const visitor = t.agent();
    const res = await visitor.get(path);
    expect(res.status).toBe(200);
    expect($(res.text)('[data-outcome]').attr('data-outcome')).toBe('verified');
    expect($(res.text)('main').text()).toContain('Email Anda terverifikasi');
    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect(user.emailVerifiedAt).toBe(t.clock.now.toISOString());
    const caseId = (await t.services.store.listCasesByApplicant(user.id))[0]!.id;
    const audit = (await t.services.store.listAudit(caseId)).filter((e) => e.type === 'contact.verified');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, data: { channel: 'email' } });

    const again = await t.agent().get(path);
    expect(again.status).toBe(410);
    expect($(again.text)('main').text()).toContain('sudah dipakai');
    expect((await t.services.store.listAudit(caseId)).filter((e) => e.type === 'contact.verified')).toHaveLength(1);
  });

  test('when it is opened, then its page leads to Masuk, and the login goes on to the verification page with the e-mail verified', async () => {
    const agent = t.agent();
    const data = await submitSignUp(agent);
    const res = await agent.get(await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/'));
    expect(res.status).toBe(200);
    expect($(res.text)('main a[href="/masuk"]')).toHaveLength(1);
    const _csrf = await csrfFrom(agent, '/masuk');
    const loggedIn = await agent.post('/masuk').type('form').send({ _csrf, email: data.email, password: data.password });
    expect(loggedIn.headers.location).toBe('/verifikasi');
    const page = $((await agent.get('/verifikasi')).text);
    expect(page('[data-channel=email] [data-state]').attr('data-state')).toBe('verified');
    expect(page('[data-channel=whatsapp] [data-state]').attr('data-state')).toBe('pending');
  });

  test('when it is opened after 24 hours, or tampered with, or replaced by a newer link, then it is refused; an expired one points to password reset, which proves the address too', async () => {
    const data = await submitSignUp(t.agent());
    const first = await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/');
    const tampered = first.replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await t.agent().get(tampered)).status).toBe(404);
    expect((await t.agent().get('/verifikasi/email/not-a-token')).status).toBe(404);

    t.clock.now = new Date(t.clock.now.getTime() + 24 * 3600 * 1000 + 1000);
    const expired = await t.agent().get(first);
    expect(expired.status).toBe(410);
    expect($(expired.text)('main').text()).toContain('kedaluwarsa');
    expect($(expired.text)('main').text()).toContain('Lupa kata sandi');

    const user = (await t.services.store.findUserByEmail(data.email))!;
    expect(await t.services.verification.resend(user, 'email')).toBe('sent');
    const second = await linkPath(t.services.store, data.email, 'verify-email', '/verifikasi/email/');
    expect(second).not.toBe(first);
    expect((await t.agent().get(first)).status).toBe(404); // superseded
    expect((await t.agent().get(second)).status).toBe(200);
    expect((await t.services.store.findUserByEmail(data.email))!.emailVerifiedAt).not.toBeNull();
  });
});
