// SLA timers: each open task gets one at its due time, written with the change that opens it and
// cancelled with the change that closes it. When it fires, the task is marked Terlambat (audit),
// its holder (or role, or the applicant) is reminded and, if the version says so, the step is
import { actorOf, ADMIN, joinGroups, OWNER } from '../helpers/app.js';
// skips nights, weekends and holidays.
import { describe, expect, test } from '@jest/globals';
import { TimerScheduler } from '../../src/scheduler/timer-scheduler.js';
import { PPBJ_PROCESS_KEY as SHIPPED_PROCESS_KEY } from '../../src/packs/ppbj/process-key.js';
import { type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { completeStep, openTask, signUpAt, staff, wib } from './drive.js';

describe('Given the shipped process on calendar time, with step 4 escalated to the group "pimpinan" (the process owner is its member)', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    const def = await t.services.definitions.latest(SHIPPED_PROCESS_KEY);
    await joinGroups(t.services.store, (await t.services.store.findUserByEmail(OWNER.email))!.id, ['pimpinan']);
    await t.services.compliance.settings.saveProcessSettings(def.id, { timeBasis: 'calendar', escalateTo: { MelakukanVerifikasi: 'pimpinan' } }, null);
  }, 60_000);

  const store = () => t.services.store;
  const runAt = (at: Date) => new TimerScheduler({ store: store(), handlers: t.services.compliance.timerHandlers, now: () => at }).runDue();
  const slaOf = async (taskId: string) => (await store().listTimers({ taskId }))[0];

  test('when a task opens, then its SLA timer is due at the task\'s dueAt; when it closes, the timer is cancelled in the same change', async () => {
    const { user, caseId } = await signUpAt(t, wib('2026-11-23T09:00'));
    const step3 = await openTask(t, caseId, 'MengisiIdentitas');
    expect(step3.dueAt).toBe(wib('2026-11-23T09:15').toISOString());
    expect(await slaOf(step3.id)).toMatchObject({ kind: 'sla.overdue', status: 'pending', dueAt: step3.dueAt, caseId });

    await completeStep(t, caseId, 'MengisiIdentitas', user, wib('2026-11-23T09:05'));
    expect(await slaOf(step3.id)).toMatchObject({ status: 'cancelled', doneAt: wib('2026-11-23T09:05').toISOString() });
    const step4 = await openTask(t, caseId, 'MelakukanVerifikasi');
    expect(await slaOf(step4.id)).toMatchObject({ status: 'pending', dueAt: wib('2026-11-23T09:20').toISOString() });

    await runAt(wib('2026-11-23T12:00')); // step 3 was done in time: nothing fires for it
    expect((await store().listAudit(caseId)).filter((e) => e.type === 'task.overdue').map((e) => e.taskId)).toEqual([step4.id]);
  });

  test('when an Admin PPE step passes its standard, then it is marked Terlambat, its holder is reminded and the owner is told, once', async () => {
    const { admin, owner } = await staff(t);
    const { user, caseId } = await signUpAt(t, wib('2026-11-24T09:00'), 'Siti Terlambat');
    await completeStep(t, caseId, 'MengisiIdentitas', user, wib('2026-11-24T09:05'));
    const step4 = await openTask(t, caseId, 'MelakukanVerifikasi');
    t.clock.now = wib('2026-11-24T09:10');
    await t.services.assignments.take(step4.id, await actorOf(t.services.store, admin));
    const sentBefore = (await store().listMessages({ limit: 1000 })).length;

    expect((await runAt(wib('2026-11-24T09:19'))).done).toBe(0); // due at 09.20
    await runAt(wib('2026-11-24T09:21'));

    const audit = (await store().listAudit(caseId)).filter((e) => e.type === 'task.overdue' || e.type === 'task.escalated');
    expect(audit.map((e) => [e.type, e.taskId, e.at])).toEqual([
      ['task.overdue', step4.id, wib('2026-11-24T09:21').toISOString()],
      ['task.escalated', step4.id, wib('2026-11-24T09:21').toISOString()],
    ]);
    expect(audit[0]!.data).toMatchObject({ step: 'Melakukan Verifikasi', stepNo: 4, dueAt: step4.dueAt, timeStandard: 'PT15M', reminded: [admin.id] });
    expect(audit[1]!.data).toMatchObject({ to: 'pimpinan', notified: [owner.id] });
    const messages = (await store().listMessages({ limit: 1000 })).filter((m) => m.caseId === caseId && m.kind.startsWith('task-'));
    const overdue = messages.filter((m) => m.kind === 'task-overdue');
    const escalated = messages.filter((m) => m.kind === 'task-escalated');
    expect(overdue.map((m) => [m.to, m.channel])).toEqual([[admin.email, 'email']]);
    expect(overdue[0]!.subject).toBe('Terlambat: Melakukan Verifikasi (Siti Terlambat) / Overdue: Melakukan Verifikasi (Siti Terlambat)');
    expect(overdue[0]!.body).toContain('Mutu Baku Waktu SOP (15 menit)');
    expect(overdue[0]!.body).toContain(`/tugas/${step4.id}`);
    expect(escalated.map((m) => [m.to, m.channel])).toEqual([[owner.email, 'email']]);
    expect(escalated[0]!.body).toContain(`Pemegang: ${admin.displayName}`);
    expect(escalated[0]!.body).toContain(`/kasus/${caseId}`);
    expect((await store().listMessages({ limit: 1000 })).length).toBe(sentBefore + 2);

    expect((await runAt(wib('2026-11-24T12:00'))).done).toBe(0); // once only
    expect((await store().listAudit(caseId)).filter((e) => e.type === 'task.overdue')).toHaveLength(1);
  });

  test('when a PPBJ step passes its standard, then the applicant is reminded by e-mail and WhatsApp, and nobody is escalated to', async () => {
    const { user, caseId } = await signUpAt(t, wib('2026-11-25T10:00'), 'Budi Lambat');
    const step3 = await openTask(t, caseId, 'MengisiIdentitas');
    await runAt(wib('2026-11-25T10:16'));
    const audit = (await store().listAudit(caseId)).filter((e) => e.type.startsWith('task.overdue') || e.type === 'task.escalated');
    expect(audit.map((e) => [e.type, e.taskId])).toEqual([['task.overdue', step3.id]]);
    const messages = (await store().listMessages({ userId: user.id, limit: 100 })).filter((m) => m.kind === 'task-overdue');
    expect(messages.map((m) => [m.channel, m.to]).sort()).toEqual([['email', user.email], ['whatsapp', user.whatsapp]]);
    expect(messages.every((m) => m.body.includes('/tugas'))).toBe(true);
  });

  test('when nobody holds an overdue Admin PPE step, then every active Admin PPE is reminded', async () => {
    const { admin } = await staff(t);
    const { user, caseId } = await signUpAt(t, wib('2026-11-26T08:00'));
    await completeStep(t, caseId, 'MengisiIdentitas', user, wib('2026-11-26T08:01'));
    await runAt(wib('2026-11-26T08:17'));
    const overdue = (await store().listMessages({ limit: 1000 })).filter((m) => m.caseId === caseId && m.kind === 'task-overdue');
    expect(overdue.map((m) => m.userId)).toEqual([admin.id]);
    expect(overdue[0]!.body).toContain('/kotak-masuk');
  });
});

describe('Given a version that counts working time (Mon–Fri 07.30–16.00 WIB, Monday 30 November a holiday)', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    const def = await t.services.definitions.latest(SHIPPED_PROCESS_KEY);
    await t.services.compliance.settings.saveProcessSettings(def.id, { timeBasis: 'working', escalateTo: {} }, null);
    const { hours, timeZone } = await t.services.compliance.settings.calendarSpec();
    await t.services.compliance.settings.saveCalendar({ timeZone, hours, holidays: [{ date: '2026-11-30', name: 'Cuti bersama' }] }, null);
  }, 60_000);

  test('when step 3 is done on Friday at 15.55, then step 4 is due Tuesday 07.40, and its SLA timer does not fire over the weekend', async () => {
    const { user, caseId } = await signUpAt(t, wib('2026-11-27T15:50'));
    await completeStep(t, caseId, 'MengisiIdentitas', user, wib('2026-11-27T15:55'));
    const step4 = await openTask(t, caseId, 'MelakukanVerifikasi');
    const due = wib('2026-12-01T07:40').toISOString();
    expect(step4.dueAt).toBe(due);
    expect((await t.services.store.listAudit(caseId)).find((e) => e.type === 'task.created' && e.taskId === step4.id)?.data.dueAt).toBe(due);
    expect((await t.services.store.listTimers({ taskId: step4.id }))[0]?.dueAt).toBe(due);

    const run = (at: Date) => new TimerScheduler({ store: t.services.store, handlers: t.services.compliance.timerHandlers, now: () => at }).runDue();
    await run(wib('2026-11-30T12:00'));
    expect((await t.services.store.listAudit(caseId)).filter((e) => e.type === 'task.overdue')).toEqual([]);
    await run(wib('2026-12-01T07:41'));
    expect((await t.services.store.listAudit(caseId)).filter((e) => e.type === 'task.overdue')).toHaveLength(1);
  });
});
