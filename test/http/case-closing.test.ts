// Ending a case early: the applicant withdraws it, staff close one abandoned at the applicant's step
// after ALUR_ABANDON_DAYS. Each is authorised on the server, guarded by the case's rev, audited, cancels
// the open tasks (out of every inbox and overdue count) and the pending timers, and tells the applicant.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, addPerson, csrfFrom, login, startTestApp, type TestApp } from '../helpers/app.js';
import { IDENTITY, firstTaskId, firstTaskIdOfCase, newApplicant, signUp, submitTask, take } from '../helpers/ppbj.js';

const DAY = 86_400_000;

describe('Given two PPBJ cases: one at the applicant\'s step 3, one at the office\'s step 4', () => {
  let t: TestApp;
  let admin: TestAgent;
  const cases: Record<'idle' | 'atOffice', { agent: TestAgent; caseId: string; userId: string }> = {} as never;
  const post = async (agent: TestAgent, path: string, body: Record<string, string>) => agent.post(path).type('form').send({ _csrf: await csrfFrom(agent, path), ...body });
  const revOf = async (caseId: string) => String((await t.services.store.getCase(caseId))!.rev);

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.agent();
    await login(admin, ADMIN);
    for (const key of ['idle', 'atOffice'] as const) {
      const agent = t.agent();
      const who = await signUp(agent, newApplicant());
      const userId = (await t.services.store.findUserByEmail(who.email))!.id;
      cases[key] = { agent, userId, caseId: (await t.services.store.listCasesByApplicant(userId))[0]!.id };
    }
    expect((await submitTask(cases.atOffice.agent, await firstTaskId(cases.atOffice.agent, '/tugas'), IDENTITY)).status).toBe(303);
  }, 60_000);
  afterAll(async () => t?.close());

  test('when staff open the idle case before ALUR_ABANDON_DAYS, then there is no close button and closing is refused (409), nothing changes', async () => {
    const { caseId } = cases.idle;
    expect($((await admin.get(`/kasus/${caseId}`)).text)('a.close-case')).toHaveLength(0);
    const res = await post(admin, `/kasus/${caseId}/tutup`, { rev: await revOf(caseId), reason: 'tidak dilanjutkan' });
    expect(res.status).toBe(409);
    expect((await t.services.store.getCase(caseId))!.status).toBe('running');
  });

  test('when the office holds the step, then the case is never closable, however old', async () => {
    const { caseId } = cases.atOffice;
    t.clock.now = new Date(Date.now() + 60 * DAY);
    try {
      expect((await post(admin, `/kasus/${caseId}/tutup`, { rev: await revOf(caseId), reason: 'lama' })).status).toBe(409);
    } finally {
      t.clock.now = new Date();
    }
  });

  test('when another applicant or a staff member outside the process tries, then it is refused (403) and nothing changes', async () => {
    const { caseId } = cases.idle;
    expect((await post(cases.atOffice.agent, `/kasus/${caseId}/tarik`, { rev: await revOf(caseId), reason: '' })).status).toBe(403);
    const outsider = t.agent();
    await login(outsider, await addPerson(t.services.store, 'luar', 'staff', ['seksi-lain']));
    t.clock.now = new Date(Date.now() + 60 * DAY);
    try {
      expect((await outsider.get(`/kasus/${caseId}/tutup`)).status).toBe(403);
      expect((await post(outsider, `/kasus/${caseId}/tutup`, { rev: await revOf(caseId), reason: 'lama' })).status).toBe(403);
    } finally {
      t.clock.now = new Date();
    }
    expect((await t.services.store.getCase(caseId))!.status).toBe('running');
  });

  test('when the idle step has waited 30 days, then staff close it with a reason: tasks and timers cancelled, out of the inbox and the overdue count, audited, the applicant told', async () => {
    const { caseId, userId, agent } = cases.idle;
    const step3 = await firstTaskId(agent, '/tugas');
    t.clock.now = new Date(Date.parse((await t.services.store.getTask(step3))!.createdAt) + 30 * DAY + 60_000);
    const [summaryBefore] = (await t.services.store.listProcessSummaries(t.clock.now.toISOString())).filter((s) => s.processKey === 'pendaftaran-akun-ppbj');
    expect($((await admin.get(`/kasus/${caseId}`)).text)('a.close-case').attr('href')).toBe(`/kasus/${caseId}/tutup`);
    const missing = await post(admin, `/kasus/${caseId}/tutup`, { rev: await revOf(caseId), reason: '' });
    expect(missing.status).toBe(422);
    expect($(missing.text)('#e-reason').text()).toContain('Tulis alasan penutupan.');
    const stale = await post(admin, `/kasus/${caseId}/tutup`, { rev: String(Number(await revOf(caseId)) - 1), reason: 'tidak dilanjutkan' }); // a page shown before a change
    expect(stale.status).toBe(409);

    const res = await post(admin, `/kasus/${caseId}/tutup`, { rev: await revOf(caseId), reason: 'Tidak dilanjutkan 30 hari' });
    expect([res.status, res.headers.location]).toEqual([303, `/kasus/${caseId}`]);
    expect((await t.services.store.getCase(caseId))!.status).toBe('closed');
    expect(await t.services.store.getTask(step3)).toMatchObject({ status: 'cancelled' });
    expect(await t.services.store.listTasks({ caseId, status: 'open' })).toEqual([]);
    expect(await t.services.store.listTimers({ caseId, status: 'pending' })).toEqual([]);
    const [summaryAfter] = (await t.services.store.listProcessSummaries(t.clock.now.toISOString())).filter((s) => s.processKey === 'pendaftaran-akun-ppbj');
    expect(summaryAfter!.overdueTasks).toBe(summaryBefore!.overdueTasks - 1);
    expect(summaryAfter!.runningCases).toBe(summaryBefore!.runningCases - 1);
    const closed = (await t.services.store.listAudit(caseId)).find((e) => e.type === 'case.closed');
    expect(closed).toMatchObject({ actorName: 'Admin PPE', data: { reason: 'Tidak dilanjutkan 30 hari', abandoned: true, idleDays: 30, cancelledTasks: [{ taskId: step3 }] } });
    const told = (await t.services.store.listMessages({ userId, limit: 50 })).filter((m) => m.kind === 'case-ended');
    expect(told.map((m) => m.channel).sort()).toEqual(['email', 'whatsapp']);
    const page = $((await agent.get(`/kasus/${caseId}`)).text);
    expect(page('[data-status]').attr('data-status')).toBe('status.ditutup');
    expect(page('.ended').text()).toContain('Tidak dilanjutkan 30 hari');
    expect(page('a.withdraw')).toHaveLength(0);
  });

  test('when the applicant withdraws the case at the office\'s step, then it is withdrawn at once, the staff task leaves the Kotak Masuk, and staff see why', async () => {
    const { caseId, agent } = cases.atOffice;
    t.clock.now = new Date();
    const step4 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step4);
    const page = $((await agent.get(`/kasus/${caseId}`)).text);
    expect(page('a.withdraw').attr('href')).toBe(`/kasus/${caseId}/tarik`);
    const confirm = $((await agent.get(`/kasus/${caseId}/tarik`)).text);
    expect(confirm('form.closing-form button').text().trim()).toBe('Tarik permohonan');
    const res = await post(agent, `/kasus/${caseId}/tarik`, { rev: String(confirm('input[name=rev]').val()), reason: 'Sudah tidak diperlukan' });
    expect([res.status, res.headers.location]).toEqual([303, `/kasus/${caseId}`]);
    expect((await t.services.store.getCase(caseId))!.status).toBe('withdrawn');
    expect(await t.services.store.getTask(step4)).toMatchObject({ status: 'cancelled' });
    expect($((await admin.get('/tugas')).text)(`tr.task-row[data-task="${step4}"]`)).toHaveLength(0);
    expect((await submitTask(admin, step4, { catatan: '' })).status).toBe(409);
    const staffView = $((await admin.get(`/kasus/${caseId}`)).text);
    expect(staffView('tr[data-type="case.withdrawn"]').text()).toContain('Sudah tidak diperlukan');
    const again = await post(agent, `/kasus/${caseId}/tarik`, { rev: await revOf(caseId), reason: '' });
    expect(again.status).toBe(409); // no longer running
  });
});
