// "Lupa kata sandi": no account enumeration, a single-use link that expires after 1 hour, the
// ≥ 12 characters rule with confirmation, and login with the new password afterwards.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, csrfFrom, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { linkPath, newApplicant, signUp, submitSignUp } from '../helpers/ppbj.js';

const NEW_PASSWORD = 'kata-sandi-baru-2026';

describe('Given a registered PPBJ who forgot the password', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  const requestLink = async (agent: TestAgent, email: string) => {
    const _csrf = await csrfFrom(agent, '/lupa-kata-sandi');
    return agent.post('/lupa-kata-sandi').type('form').send({ _csrf, email });
  };
  const setPassword = async (agent: TestAgent, path: string, password: string, passwordConfirm = password) => {
    const _csrf = await csrfFrom(agent, '/lupa-kata-sandi');
    return agent.post(path).type('form').send({ _csrf, password, passwordConfirm });
  };
  const loginStatus = async (email: string, password: string) => {
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/masuk');
    return (await agent.post('/masuk').type('form').send({ _csrf, email, password })).status;
  };
  const resetMessages = async () => (await t.services.store.listMessages({ limit: 1000 })).filter((m) => m.kind === 'password-reset');

  test('when the login page is shown, then it links to "Lupa kata sandi?"', async () => {
    const page = $((await t.agent().get('/masuk')).text);
    expect(page('a[href="/lupa-kata-sandi"]').text()).toContain('Lupa kata sandi');
  });

  test('when a link is requested for a registered and for an unknown e-mail, then both get the same answer and only the registered one gets a message', async () => {
    const data = await signUp(t.agent(), newApplicant());
    const before = (await resetMessages()).length;
    const known = await requestLink(t.agent(), data.email.toUpperCase());
    const unknown = await requestLink(t.agent(), 'tidak.ada@kalbarprov.go.id');
    expect([known.status, unknown.status]).toEqual([303, 303]);
    expect(known.headers.location).toBe(unknown.headers.location);
    const a = $((await t.agent().get(known.headers.location!)).text)('main').text();
    const b = $((await t.agent().get(unknown.headers.location!)).text)('main').text();
    expect(a).toBe(b);
    expect(a).toContain('Jika email tersebut terdaftar');
    const sent = (await resetMessages()).slice(0, (await resetMessages()).length - before);
    expect(sent.map((m) => m.to)).toEqual([data.email]);
    expect(sent[0]!.body).toContain('/atur-ulang-kata-sandi/');
  });

  test('when the e-mail is malformed, then the form says so and keeps the typed value', async () => {
    const res = await requestLink(t.agent(), 'bukan-email');
    expect(res.status).toBe(422);
    expect($(res.text)('#e-email').text()).toContain('Format email tidak valid');
    expect($(res.text)('#f-email').val()).toBe('bukan-email');
  });

  test('when the link is used, then the new password needs 12 characters and a matching confirmation; afterwards only the new password logs in, older sessions are ended and the link is dead', async () => {
    const oldSession = t.agent();
    const data = await signUp(oldSession, newApplicant());
    expect((await oldSession.get('/tugas')).status).toBe(200);
    await requestLink(t.agent(), data.email);
    const path = await linkPath(t.services.store, data.email, 'password-reset', '/atur-ulang-kata-sandi/');
    const form = $((await t.agent().get(path)).text);
    expect(form('form[action] input[type=password]')).toHaveLength(2);

    const agent = t.agent();
    const short = await setPassword(agent, path, 'pendek');
    expect(short.status).toBe(422);
    expect($(short.text)('#e-password').text()).toContain('minimal 12 karakter');
    expect($(short.text)('#f-password').val()).toBeUndefined(); // never echoed
    const mismatch = await setPassword(agent, path, NEW_PASSWORD, 'kata-sandi-lain-2026');
    expect(mismatch.status).toBe(422);
    expect($(mismatch.text)('#e-passwordConfirm').text()).toContain('tidak sama');

    const ok = await setPassword(agent, path, NEW_PASSWORD);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/masuk');
    expect($((await agent.get('/masuk')).text)('main .flash').text()).toContain('Kata sandi berhasil diubah');
    expect(await loginStatus(data.email, NEW_PASSWORD)).toBe(303);
    expect(await loginStatus(data.email, data.password)).toBe(401);
    const ended = await oldSession.get('/tugas'); // the session from before the reset is over
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toMatch(/^\/masuk/);

    const reused = await t.agent().get(path);
    expect(reused.status).toBe(410);
    expect($(reused.text)('main').text()).toContain('sudah dipakai');
    expect((await setPassword(t.agent(), path, 'kata-sandi-ketiga-2026')).status).toBe(410);
    expect(await loginStatus(data.email, 'kata-sandi-ketiga-2026')).toBe(401);
  });

  test('when a new PPBJ lost the sign-up e-mail, then a password reset proves the address as well: login works and goes on to /verifikasi', async () => {
    const data = await submitSignUp(t.agent(), newApplicant());
    expect(await loginStatus(data.email, data.password)).toBe(401); // the e-mail is not proved yet
    await requestLink(t.agent(), data.email);
    const path = await linkPath(t.services.store, data.email, 'password-reset', '/atur-ulang-kata-sandi/');
    expect((await setPassword(t.agent(), path, NEW_PASSWORD)).status).toBe(303);
    expect((await t.services.store.findUserByEmail(data.email))!.emailVerifiedAt).toBe(t.clock.now.toISOString());
    const agent = t.agent();
    const _csrf = await csrfFrom(agent, '/masuk');
    const res = await agent.post('/masuk').type('form').send({ _csrf, email: data.email, password: NEW_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/verifikasi');
  });

  test('when the link is opened after 1 hour, then it is refused and the password stays the same', async () => {
    const data = await signUp(t.agent(), newApplicant());
    await requestLink(t.agent(), data.email);
    const path = await linkPath(t.services.store, data.email, 'password-reset', '/atur-ulang-kata-sandi/');
    t.clock.now = new Date(t.clock.now.getTime() + 60 * 60_000 + 1000);
    const expired = await t.agent().get(path);
    expect(expired.status).toBe(410);
    expect($(expired.text)('main').text()).toContain('kedaluwarsa');
    expect($(expired.text)('a[href="/lupa-kata-sandi"]')).toHaveLength(1);
    expect((await setPassword(t.agent(), path, NEW_PASSWORD)).status).toBe(410);
    expect(await loginStatus(data.email, data.password)).toBe(303);
  });

  test('when links are requested again and again, then at most 3 are sent per 15 minutes, the answer never changes, and only the newest works', async () => {
    const data = await signUp(t.agent(), newApplicant());
    const user = (await t.services.store.findUserByEmail(data.email))!;
    const paths: string[] = [];
    for (let i = 0; i < 4; i++) {
      expect((await requestLink(t.agent(), data.email)).status).toBe(303);
      paths.push(await linkPath(t.services.store, data.email, 'password-reset', '/atur-ulang-kata-sandi/'));
    }
    const mine = (await t.services.store.listMessages({ userId: user.id })).filter((m) => m.kind === 'password-reset');
    expect(mine).toHaveLength(3);
    expect((await t.agent().get(paths[0]!)).status).toBe(404);
    expect((await t.agent().get(paths[3]!)).status).toBe(200);
    expect((await t.agent().get('/atur-ulang-kata-sandi/rusak')).status).toBe(404);
  });
});
