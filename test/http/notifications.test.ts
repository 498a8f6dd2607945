// Notifications written to the outbox in the same transaction as the change that causes them:
// a new task in the Admin PPE queue (every Admin PPE, e-mail), a return at step 6 and the
// activation (the PPBJ, e-mail and WhatsApp). The development mailbox page: mailbox.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { addAdmin, ADMIN, ADMIN2, csrfFrom, login, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { INFORMATION, identityOf, PDF, caseAtInformation, firstTaskId, firstTaskIdOfCase, newApplicant, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';
import { ConflictError, type OutboxMessage } from '../../src/store/ports.js';

describe('Given a PPBJ and two Admin PPE', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    await addAdmin(t.services.store, ADMIN2, 'admin-2');
  });

  const messagesOfCase = async (caseId: string, kind?: string): Promise<OutboxMessage[]> =>
    (await t.services.store.listMessages({ limit: 1000 })).filter((m) => m.caseId === caseId && (!kind || m.kind === kind));

  test('when the identity is submitted twice at once, then one change wins and every Admin PPE gets exactly one "task created" e-mail', async () => {
    const ppbj = t.agent();
    const data = await signUp(ppbj, newApplicant());
    const user = (await t.services.store.findUserByEmail(data.email))!;
    const caseId = (await t.services.store.listCasesByApplicant(user.id))[0]!.id;
    expect(await messagesOfCase(caseId, 'task-created')).toHaveLength(0);

    const taskId = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    const _csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    const send = () => ppbj.post(`/tugas/${taskId}`).type('form').send({ _csrf, ...identityOf(user) }); // the account's verified contacts
    expect((await Promise.all([send(), send()])).map((r) => r.status).sort()).toEqual([303, 409]);

    const created = await messagesOfCase(caseId, 'task-created');
    expect(created.map((m) => m.to).sort()).toEqual([ADMIN.email, ADMIN2.email].sort());
    for (const m of created) {
      expect(m).toMatchObject({ channel: 'email', status: 'pending', attempts: 0 });
      expect(m.subject).toContain('Melakukan Verifikasi');
      expect(m.body).toContain(data.displayName);
      expect(m.body).toContain('http://127.0.0.1:3000/kotak-masuk');
      expect(m.body).toContain('— English —');
    }
  });

  test('when a case change conflicts, then none of its messages are written', async () => {
    const data = await signUp(t.agent(), newApplicant());
    const user = (await t.services.store.findUserByEmail(data.email))!;
    const c = (await t.services.store.listCasesByApplicant(user.id))[0]!;
    const at = t.clock.now.toISOString();
    const message: OutboxMessage = {
      id: randomUUID(), kind: 'task-created', channel: 'email', to: ADMIN.email, subject: 's', body: 'b', userId: null, caseId: c.id,
      createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at, lockedUntil: null, lastError: null, sentAt: null,
    };
    await expect(t.services.store.applyCaseChange({ expectedRev: c.rev - 1, case: { ...c, rev: c.rev }, outbox: [message], audit: [] }))
      .rejects.toBeInstanceOf(ConflictError);
    expect((await t.services.store.listMessages({ limit: 1000 })).some((m) => m.id === message.id)).toBe(false);
  });

  test('when step 6 returns the information and later the account is activated, then the PPBJ gets both by e-mail and WhatsApp', async () => {
    const admin = t.agent();
    await login(admin, ADMIN);
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const c = (await t.services.store.getCase(caseId))!;
    const applicant = (await t.services.store.getUser(c.applicantId))!;
    expect((await submitWithFile(ppbj, taskId, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);

    const step6 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step6);
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'sk-tidak-terbaca', alasan: 'SK tidak terbaca, mohon pindai ulang.' })).status).toBe(303);
    const returned = await messagesOfCase(caseId, 'case-returned');
    expect(returned.map((m) => `${m.channel}:${m.to}`).sort()).toEqual([`email:${applicant.email}`, `whatsapp:${applicant.whatsapp}`]);
    for (const m of returned) {
      expect(m.userId).toBe(applicant.id);
      expect(m.body).toContain('SK tidak terbaca, mohon pindai ulang.');
      expect(m.body).toContain('— English —');
    }
    expect(returned.find((m) => m.channel === 'email')!.subject).toContain('dikembalikan');

    const again = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    expect((await submitWithFile(ppbj, again, { ...INFORMATION, nomorSk: '027/124/BPBJ/2026' })).status).toBe(303);
    const step6b = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step6b);
    expect((await submitTask(admin, step6b, { lengkap: 'ya', alasan: '' })).status).toBe(303);
    const step7 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step7);
    expect((await submitTask(admin, step7, { sistem: ['SiRUP', 'SPSE'] })).status).toBe(303);

    const activated = await messagesOfCase(caseId, 'account-activated');
    expect(activated.map((m) => m.channel).sort()).toEqual(['email', 'whatsapp']);
    for (const m of activated) expect(m.body).toContain('SiRUP, SPSE');
    expect(activated.find((m) => m.channel === 'email')!.body).toContain(`/kasus/${caseId}`);
    // every queue step (4, 6, 6 again, 7) went to both Admin PPE
    expect(await messagesOfCase(caseId, 'task-created')).toHaveLength(8);
  });
});
