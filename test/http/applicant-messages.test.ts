// Messages to the applicant through the outbox: their turn again after the office's step (PPBJ: step 5
// after the verification at step 4), a reminder when their own step has waited ALUR_APPLICANT_REMINDER_DAYS
// (a durable timer, cancelled when the step is done), and the end of a case.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { TimerScheduler } from '../../src/scheduler/timer-scheduler.js';
import type { OutboxMessage } from '../../src/store/ports.js';
import { ADMIN, addPerson, csrfFrom, login, startTestApp, type TestApp } from '../helpers/app.js';
import { IDENTITY, INFORMATION, PDF, firstTaskId, firstTaskIdOfCase, newApplicant, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

const DAY = 86_400_000;

describe('Given a PPBJ whose identity waits for the verification at step 4', () => {
  let t: TestApp;
  let ppbj: TestAgent;
  let admin: TestAgent;
  let caseId: string;
  let userId: string;
  const messages = async (kind: string): Promise<OutboxMessage[]> => (await t.services.store.listMessages({ userId, limit: 200 })).filter((m) => m.kind === kind);
  const runTimersAt = (at: Date) => new TimerScheduler({ store: t.services.store, handlers: t.services.compliance.timerHandlers, now: () => at }).runDue();

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.agent();
    await login(admin, ADMIN);
    ppbj = t.agent();
    const who = await signUp(ppbj, newApplicant());
    userId = (await t.services.store.findUserByEmail(who.email))!.id;
    caseId = (await t.services.store.listCasesByApplicant(userId))[0]!.id;
    expect((await submitTask(ppbj, await firstTaskId(ppbj, '/tugas'), IDENTITY)).status).toBe(303);
  }, 60_000);
  afterAll(async () => t?.close());

  test('when the Admin PPE verifies, then the PPBJ is told by e-mail and WhatsApp that step 5 is theirs, with the number and a link to it', async () => {
    const step4 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step4);
    expect((await submitTask(admin, step4, { sesuai: 'ya' })).status).toBe(303);
    const step5 = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    const turn = await messages('applicant-turn');
    expect(turn.map((m) => m.channel).sort()).toEqual(['email', 'whatsapp']);
    const number = (await t.services.store.getCase(caseId))!.caseNumber!;
    for (const m of turn) {
      expect(m.body).toContain('Melengkapi Informasi PPBJ');
      expect(m.body).toContain(number);
      expect(m.body).toContain(`/tugas/${step5}`);
      expect(m.caseId).toBe(caseId);
    }
    expect(turn.find((m) => m.channel === 'email')!.subject).toContain('Giliran Anda');
  });

  test('when step 5 waits three days, then one reminder goes out by e-mail and WhatsApp; it is not sent twice', async () => {
    const step5 = await t.services.store.getTask(await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ'));
    await runTimersAt(new Date(Date.parse(step5!.createdAt) + 3 * DAY - 60_000));
    expect(await messages('applicant-reminder')).toEqual([]);
    await runTimersAt(new Date(Date.parse(step5!.createdAt) + 3 * DAY + 60_000));
    const reminders = await messages('applicant-reminder');
    expect(reminders.map((m) => m.channel).sort()).toEqual(['email', 'whatsapp']);
    expect(reminders[0]!.body).toContain('3 hari');
    await runTimersAt(new Date(Date.parse(step5!.createdAt) + 4 * DAY));
    expect(await messages('applicant-reminder')).toHaveLength(2);
  });

  test('when the PPBJ completes a step before its reminder is due, then its reminder timer is cancelled', async () => {
    const step5 = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    const [pending] = await t.services.store.listTimers({ taskId: step5, kind: 'applicant.reminder' });
    expect(pending).toMatchObject({ kind: 'applicant.reminder', status: 'done' }); // fired above
    // step 6 returns it: a new step 5 opens with its own reminder, which the submission cancels
    const step6 = async () => {
      const id = await firstTaskIdOfCase(admin, caseId);
      await take(admin, id);
      return id;
    };
    expect((await submitWithFile(ppbj, step5, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    expect((await submitTask(admin, await step6(), { lengkap: 'tidak', alasanKode: 'sk-tidak-terbaca', alasan: '' })).status).toBe(303);
    const again = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    expect((await t.services.store.listTimers({ taskId: again, kind: 'applicant.reminder' }))[0]).toMatchObject({ kind: 'applicant.reminder', status: 'pending' });
    expect(await messages('applicant-turn')).toHaveLength(2); // a return is told by its own message, not as "your turn"
    expect((await submitWithFile(ppbj, again, INFORMATION)).status).toBe(303);
    expect((await t.services.store.listTimers({ taskId: again, kind: 'applicant.reminder' }))[0]).toMatchObject({ kind: 'applicant.reminder', status: 'cancelled' });
  });
});

describe('Given a public service whose last step is the front desk\'s', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  test('when the applicant starts it, then no "your turn" message; when the case ends, then the applicant is told by e-mail with the number and a link to the end page (PPBJ\'s activation is its own message)', async () => {
    t = await startTestApp();
    await t.services.definitions.deploy(readFileSync(new URL('fixtures/layanan-surat-keterangan.bpmn', import.meta.url), 'utf8'), null, 'layanan publik');
    const warga = await addPerson(t.services.store, 'warga', 'applicant');
    const loket = await addPerson(t.services.store, 'loket', 'staff', ['petugas-loket']);
    const applicant = t.agent();
    await login(applicant, warga);
    const frontDesk = t.agent();
    await login(frontDesk, loket);
    const start = '/layanan/surat-keterangan/mulai';
    const res = await applicant.post(start).type('form').send({ _csrf: await csrfFrom(applicant, start), alamat: 'Jl. Merdeka 1', lamaTinggal: '12' });
    const caseId = res.headers.location!.replace('/kasus/', '').replace('/terkirim', '');
    const told = async (kind: string) => (await t.services.store.listMessages({ userId: warga.id, limit: 50 })).filter((m) => m.kind === kind);
    expect(await told('applicant-turn')).toEqual([]); // their own start opened their step: no "your turn" message
    expect((await submitTask(applicant, await firstTaskIdOfCase(applicant, caseId), { nik: '6171052609860003' })).status).toBe(303);
    const last = await firstTaskIdOfCase(frontDesk, caseId);
    await take(frontDesk, last);
    expect((await submitTask(frontDesk, last, { catatan: 'Lengkap' })).status).toBe(303);
    const c = (await t.services.store.getCase(caseId))!;
    expect(c.status).toBe('completed');
    const ended = (await t.services.store.listMessages({ userId: warga.id, limit: 50 })).filter((m) => m.kind === 'case-ended');
    expect(ended.map((m) => m.channel)).toEqual(['email']); // this applicant has no WhatsApp number
    expect(ended[0]!.subject).toContain(`Permohonan Anda selesai ${c.caseNumber}`);
    expect(ended[0]!.body).toContain(`/kasus/${caseId}`);
    expect(c.caseNumber).toMatch(/^SKD-\d{4}-000001$/); // no pack: the initials of "Surat Keterangan Domisili"
  });
});
