// The development mailbox (GET /kotak-surat) by instance mode: every message in development, only
// the reader's own in test, no page at all in production; so a password reset requested for someone
// else is never readable by the process owner outside development.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, login, OWNER, startTestApp, type TestApp } from '../helpers/app.js';
import { newApplicant, signUp, signUpUnverified } from '../helpers/ppbj.js';
import { mailboxScope, type MailboxScope } from '../../src/notifications/mailbox-scope.js';

function withApp(mailbox: MailboxScope): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp({ mailbox });
  });
  afterAll(async () => t?.close());
  return () => t!;
}

async function requestPasswordReset(agent: TestAgent, email: string): Promise<void> {
  const _csrf = await csrfFrom(agent, '/lupa-kata-sandi');
  expect((await agent.post('/lupa-kata-sandi').type('form').send({ _csrf, email })).status).toBe(303);
}

test('the scope follows NODE_ENV: development lists everyone, test only the reader, production has no mailbox', () => {
  expect([mailboxScope('development'), mailboxScope('test'), mailboxScope('production')]).toEqual(['everyone', 'own', 'off']);
});

describe('Given a development instance (NODE_ENV=development)', () => {
  const app = withApp('everyone');

  test('when the process owner opens the mailbox, then every message is listed newest first with its delivery state; others are refused', async () => {
    const t = app();
    await signUp(t.agent(), newApplicant());
    const data = await signUpUnverified(t.agent(), newApplicant());
    const owner = t.agent();
    await login(owner, OWNER);
    const page = $((await owner.get('/kotak-surat')).text);
    const rows = page('li.message');
    expect(rows.length).toBeGreaterThan(2);
    const first = rows.first();
    expect(first.attr('data-kind')).toBe('verify-whatsapp'); // the newest: the last sign-up's code, written after its e-mail link
    expect(first.attr('data-status')).toBe('pending');
    expect(first.find('.body').text()).toMatch(/\d{6}/);
    expect(first.find('.user').text()).toBe(data.email);
    expect(first.find('.attempts').text()).toContain('0');
    expect(page('.own-only')).toHaveLength(0);
    const ids = rows.map((_, el) => page(el).attr('data-id')).get();
    expect(ids).toEqual((await t.services.store.listMessages({ limit: 50 })).map((m) => m.id));

    const ppbj = t.agent();
    await signUp(ppbj, newApplicant());
    expect((await ppbj.get('/kotak-surat')).status).toBe(403);
    const admin = t.agent();
    await login(admin, ADMIN);
    expect((await admin.get('/kotak-surat')).status).toBe(403);
    expect((await t.agent().get('/kotak-surat')).status).toBe(303);
  });
});

describe('Given a test instance (NODE_ENV=test)', () => {
  const app = withApp(mailboxScope('test'));

  test('when someone asks a password reset for the Admin PPE and a PPBJ signs up, then the process owner sees neither, only their own messages', async () => {
    const t = app();
    await requestPasswordReset(t.agent(), ADMIN.email);
    await signUpUnverified(t.agent(), newApplicant());
    await requestPasswordReset(t.agent(), OWNER.email);
    const adminReset = (await t.services.store.listMessages({ limit: 100 })).find((m) => m.kind === 'password-reset' && m.to === ADMIN.email)!;
    const resetLink = /https?:\/\/\S+/.exec(adminReset.body)![0];

    const owner = t.agent();
    await login(owner, OWNER);
    const res = await owner.get('/kotak-surat');
    expect(res.status).toBe(200);
    const page = $(res.text);
    expect(page('li.message').map((_, el) => `${page(el).attr('data-kind')}:${page(el).attr('data-to')}`).get()).toEqual([`password-reset:${OWNER.email}`]);
    expect(res.text).not.toContain(resetLink);
    expect(res.text).not.toContain(ADMIN.email);
    expect(page('.own-only').text()).toContain('Hanya pesan yang ditujukan kepada Anda');
  });
});

describe('Given a production instance (mailbox off)', () => {
  const app = withApp(mailboxScope('production'));

  test('when anyone, the process owner included, asks for the mailbox, then it does not exist (404)', async () => {
    const t = app();
    await requestPasswordReset(t.agent(), ADMIN.email);
    const owner = t.agent();
    await login(owner, OWNER);
    expect((await owner.get('/kotak-surat')).status).toBe(404);
    expect((await t.agent().get('/kotak-surat')).status).toBe(404);
  });

  test('when the process owner opens a page, then the navigation offers no link to the missing mailbox', async () => {
    const owner = app().agent();
    await login(owner, OWNER);
    const page = $((await owner.get('/proses')).text);
    expect(page('nav a[href="/proses"]').length).toBe(1);
    expect(page('a[href="/kotak-surat"]').length).toBe(0);
  });
});
