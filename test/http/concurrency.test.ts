// Two people (or two clicks) acting on one task at once: exactly one wins, the other is told the
// task was already handled, and nothing is written twice.
import { describe, expect, test } from '@jest/globals';
import { $, addAdmin, ADMIN, ADMIN2, csrfFrom, login, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { IDENTITY, firstTaskId, newApplicant, signUp } from '../helpers/ppbj.js';

describe('Given a PPBJ with the identity form open', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when the same form is submitted twice at once (double click), then the step completes once and the second gets 409', async () => {
    const ppbj = t.agent();
    const applicant = await signUp(ppbj, newApplicant());
    const taskId = await firstTaskId(ppbj, '/tugas');
    const _csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    const send = () => ppbj.post(`/tugas/${taskId}`).type('form').send({ _csrf, ...IDENTITY, email: applicant.email }); // the account's own e-mail
    const statuses = (await Promise.all([send(), send()])).map((r) => r.status).sort();
    expect(statuses).toEqual([303, 409]);
    const late = await send(); // the back button, later
    expect(late.status).toBe(409);
    expect($(late.text)('main').text()).toContain('sudah ditangani');

    const user = await t.services.store.findUserByEmail(applicant.email);
    const caseId = (await t.services.store.listCasesByApplicant(user!.id))[0]!.id;
    const audit = await t.services.store.listAudit(caseId);
    expect(audit.filter((e) => e.type === 'task.completed' && e.taskId === taskId)).toHaveLength(1);
    const open = await t.services.store.listTasks({ caseId, status: 'open' });
    expect(open.map((x) => x.name)).toEqual(['Melakukan Verifikasi']);
    expect((await t.services.store.getCase(caseId))!.rev).toBe(2);
  });

  test('when two Admin PPE take the same task at once, then one holds it and the other is refused', async () => {
    await addAdmin(t.services.store, ADMIN2, 'admin-2');
    const [a1, a2] = [t.agent(), t.agent()];
    await Promise.all([login(a1, ADMIN), login(a2, ADMIN2)]);
    const taskId = await firstTaskId(a1, '/kotak-masuk');
    const [c1, c2] = await Promise.all([csrfFrom(a1, '/kotak-masuk'), csrfFrom(a2, '/kotak-masuk')]);
    const results = await Promise.all([
      a1.post(`/tugas/${taskId}/ambil`).type('form').send({ _csrf: c1 }),
      a2.post(`/tugas/${taskId}/ambil`).type('form').send({ _csrf: c2 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const task = await t.services.store.getTask(taskId);
    expect(['admin-2', (await t.services.store.findUserByEmail(ADMIN.email))!.id]).toContain(task!.assigneeId);
    const taken = (await t.services.store.listAudit(task!.caseId)).filter((e) => e.type === 'task.taken');
    expect(taken).toHaveLength(1);
    expect(taken[0]!.actorId).toBe(task!.assigneeId);
  });
});
