// Contacts stay verified: a PPBJ who types another e-mail or WhatsApp number in the identity form than
// their account's verified one is sent a link to the new contact, and step 3 does not count until it is
// proved; the link replaces the account's contact (audited), a tampered link does nothing.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, startTestApp, type TestApp } from '../helpers/app.js';
import { IDENTITY, firstTaskId, latestMessage, newApplicant, signUp, submitTask } from '../helpers/ppbj.js';

const linkIn = (body: string): string => /https?:\/\/[^/\s]+(\/verifikasi\/kontak\/[^\s]+)/.exec(body)![1]!;

describe('Given a PPBJ with a verified e-mail and WhatsApp at step 3', () => {
  let t: TestApp;
  let ppbj: TestAgent;
  let email: string;
  let userId: string;
  let taskId: string;
  const NEW_EMAIL = 'budi.baru@kalbarprov.go.id';
  const NEW_WA = '+6281299998888';

  beforeAll(async () => {
    t = await startTestApp();
    ppbj = t.agent();
    const who = await signUp(ppbj, newApplicant());
    email = who.email;
    userId = (await t.services.store.findUserByEmail(email))!.id;
    taskId = await firstTaskId(ppbj, '/tugas');
  }, 60_000);
  afterAll(async () => t?.close());

  test('when the form names another e-mail and number, then it is refused on both fields (422, values kept), a link goes to each new contact, and the account is unchanged', async () => {
    const res = await submitTask(ppbj, taskId, { ...IDENTITY, email: NEW_EMAIL, whatsapp: '0812 9999 8888' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#f-email').val()).toBe(NEW_EMAIL);
    expect(page('main').text()).toContain('Kami mengirim tautan verifikasi ke alamat ini');
    expect(page('main').text()).toContain('Kami mengirim tautan verifikasi lewat WhatsApp ke nomor ini');
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
    const user = (await t.services.store.getUser(userId))!;
    expect([user.email, user.whatsapp]).toEqual([email, '+6281234567890']);
    const sent = (await t.services.store.listMessages({ userId, limit: 50 })).filter((m) => m.kind === 'verify-contact-change');
    expect(sent.map((m) => [m.channel, m.to]).sort()).toEqual([['email', NEW_EMAIL], ['whatsapp', NEW_WA]]);
  });

  test('when the link\'s contact is swapped for another address, then nothing changes (404)', async () => {
    const link = linkIn((await latestMessage(t.services.store, email, 'verify-contact-change')).body);
    const forged = link.replace(/ke=[^&]+/, `ke=${encodeURIComponent('penyerang@contoh.id')}`);
    expect(forged).not.toBe(link);
    expect((await t.agent().get(forged)).status).toBe(404);
    expect((await t.services.store.getUser(userId))!.email).toBe(email);
  });

  test('when the new e-mail\'s link is opened, then it becomes the account\'s e-mail, proved now and audited; the step then counts with it', async () => {
    const messages = (await t.services.store.listMessages({ userId, limit: 50 })).filter((m) => m.kind === 'verify-contact-change' && m.channel === 'email');
    const res = await t.agent().get(linkIn(messages[0]!.body));
    expect(res.status).toBe(200);
    expect($(res.text)('.new-contact').text()).toBe(NEW_EMAIL);
    const user = (await t.services.store.getUser(userId))!;
    expect(user.email).toBe(NEW_EMAIL);
    expect(user.emailVerifiedAt).not.toBeNull();
    const audit = await t.services.store.listAudit((await t.services.store.listCasesByApplicant(userId))[0]!.id);
    expect(audit.find((e) => e.type === 'contact.verified' && e.data.changed === true)).toMatchObject({ data: { channel: 'email' } });
    expect((await t.agent().get(linkIn(messages[0]!.body))).status).toBe(410); // used once
    expect((await submitTask(ppbj, taskId, { ...IDENTITY, email: NEW_EMAIL, whatsapp: '+6281234567890' })).status).toBe(303);
  });
});
