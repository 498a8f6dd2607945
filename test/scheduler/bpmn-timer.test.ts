// BPMN timer events run through the store-backed scheduler, never an in-memory setTimeout: a
// version of the shipped process with a PT1S timer on step 3 is deployed (validation accepts
// boundary and intermediate duration timers), a case is started through CaseService, the timer is
// stored as a scheduler entry in the same change, and when it is due the scheduler recovers the
// case, lets the engine fire it on resume, and saves with the rev check.
import { describe, expect, jest, test } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { bpmnTimerHandler } from '../../src/scheduler/bpmn-timer-handler.js';
import { TimerScheduler } from '../../src/scheduler/timer-scheduler.js';
import type { Store, UserRecord } from '../../src/store/ports.js';
import { actorOf, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { identityOf, newApplicant } from '../helpers/ppbj.js';
import { shippedWithTimer } from './timer-fixtures.js';
import { ppbjSignUp } from '../../src/packs/ppbj/sign-up-service.js';

describe('Given the shipped process with a PT1S timer on step 3 "Mengisi Identitas PPBJ"', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  }, 60_000);

  const store = () => t.services.store;
  const tick = () => (t.clock.now = new Date());
  const scheduler = () => new TimerScheduler({ store: store(), handlers: t.services.compliance.timerHandlers, now: () => new Date() });

  async function startCase(kind: 'reminder' | 'deadline'): Promise<{ user: UserRecord; caseId: string }> {
    tick();
    await t.services.definitions.deploy(shippedWithTimer(kind), null, `timer ${kind}`);
    const registered = await ppbjSignUp(t.services).register(newApplicant(), async (p) => `plain:${p}`);
    await store().updateUser(registered.id, { emailVerifiedAt: t.clock.now.toISOString(), whatsappVerifiedAt: t.clock.now.toISOString() });
    const user = (await store().getUser(registered.id))!;
    return { user, caseId: (await store().listCasesByApplicant(user.id))[0]!.id };
  }
  const bpmnTimers = (caseId: string) => store().listTimers({ caseId, kind: 'bpmn.timer' });
  const auditTypes = async (caseId: string) => (await store().listAudit(caseId)).map((e) => e.type);
  /** Waits (real time: the engine's clock) until every pending BPMN timer of the case is due. */
  async function untilDue(caseId: string): Promise<void> {
    const pending = (await bpmnTimers(caseId)).filter((x) => x.status === 'pending');
    const wait = Math.max(...pending.map((x) => Date.parse(x.dueAt))) - Date.now() + 50;
    if (wait > 0) await sleep(wait);
  }

  test('when the case starts, then the timer is a pending scheduler entry written with the case, and no timer is armed in memory', async () => {
    const spy = jest.spyOn(globalThis, 'setTimeout');
    const before = Date.now();
    const { caseId } = await startCase('reminder');
    const timers = await bpmnTimers(caseId);
    expect(timers).toEqual([expect.objectContaining({ status: 'pending', kind: 'bpmn.timer', data: expect.objectContaining({ elementId: 'PengingatIdentitas' }) })]);
    expect(Date.parse(timers[0]!.dueAt)).toBeGreaterThanOrEqual(before + 900);
    expect(Date.parse(timers[0]!.dueAt)).toBeLessThan(Date.now() + 1100);
    expect(spy.mock.calls.filter(([, delay]) => delay === 1000)).toEqual([]);
    spy.mockRestore();
  });

  test('when a non-interrupting reminder is due, then the scheduler fires it once: audited, the task stays open, the case saved with a new rev', async () => {
    const { caseId } = await startCase('reminder');
    const [task] = await store().listTasks({ caseId });
    const rev = (await store().getCase(caseId))!.rev;
    await scheduler().runDue();
    expect(await bpmnTimers(caseId)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]); // not due yet: not even claimed

    await untilDue(caseId);
    expect(await scheduler().runDue()).toMatchObject({ failed: 0, retried: 0 });

    expect(await bpmnTimers(caseId)).toEqual([expect.objectContaining({ status: 'done' })]);
    const fired = (await store().listAudit(caseId)).filter((e) => e.type === 'timer.fired');
    expect(fired).toEqual([expect.objectContaining({ actorId: null, data: expect.objectContaining({ elementId: 'PengingatIdentitas' }) })]);
    expect(await store().listTasks({ caseId })).toEqual([task]); // same open task, not re-created
    const c = (await store().getCase(caseId))!;
    expect(c.rev).toBe(rev + 1);
    expect((await scheduler().runDue()).done).toBe(0); // fires once
    expect((await store().getCase(caseId))!.rev).toBe(rev + 1);

    tick(); // the task can still be completed, and the case moves on
    await t.services.cases.completeTask(task!.id, await actorOf(store(), (await store().getUser(c.applicantId))!), identityOf((await store().getUser(c.applicantId))!));
    expect((await store().listTasks({ caseId })).map((x) => x.elementId)).toEqual(['MelakukanVerifikasi']);
  });

  test('when an interrupting deadline is due, then the task is cancelled, the case waits on the intermediate timer, which then ends it', async () => {
    const { caseId } = await startCase('deadline');
    const [task] = await store().listTasks({ caseId });
    await untilDue(caseId);
    await scheduler().runDue();

    expect(await store().getTask(task!.id)).toMatchObject({ status: 'cancelled', completedBy: null });
    expect(await store().listTasks({ caseId })).toEqual([]);
    expect(await store().listTimers({ caseId, kind: 'sla.overdue' })).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    const timers = await bpmnTimers(caseId);
    expect(timers.map((x) => [x.data.elementId, x.status])).toEqual([['BatasIdentitas', 'done'], ['Tunggu', 'pending']]);
    expect((await store().getCase(caseId))!.status).toBe('running');

    await untilDue(caseId);
    await scheduler().runDue();
    expect((await store().getCase(caseId))!.status).toBe('completed');
    expect(await auditTypes(caseId)).toEqual(expect.arrayContaining(['timer.fired', 'task.cancelled', 'case.completed']));
    expect((await store().listAudit(caseId)).filter((e) => e.type === 'timer.fired').map((e) => e.data.elementId)).toEqual(['BatasIdentitas', 'Tunggu']);
  });

  test('when the task is completed before its timer, then the timer entry is cancelled in the same change and never fires', async () => {
    const { user, caseId } = await startCase('deadline');
    const [task] = await store().listTasks({ caseId });
    tick();
    await t.services.cases.completeTask(task!.id, await actorOf(store(), user), identityOf(user));
    expect(await bpmnTimers(caseId)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    await sleep(1100);
    await scheduler().runDue();
    expect(await bpmnTimers(caseId)).toEqual([expect.objectContaining({ status: 'cancelled', attempts: 0 })]);
    expect(await auditTypes(caseId)).not.toContain('timer.fired');
  });

  test('when a user acts on the case after the timer is due but before the scheduler, then the engine fires it on that resume, once', async () => {
    const { user, caseId } = await startCase('reminder');
    const [task] = await store().listTasks({ caseId });
    await untilDue(caseId);
    tick();
    await t.services.cases.completeTask(task!.id, await actorOf(store(), user), identityOf(user));
    expect((await store().listAudit(caseId)).filter((e) => e.type === 'timer.fired').map((e) => e.data.elementId)).toEqual(['PengingatIdentitas']);
    expect(await bpmnTimers(caseId)).toEqual([expect.objectContaining({ status: 'cancelled' })]); // consumed by that change
    await scheduler().runDue();
    expect((await store().listAudit(caseId)).filter((e) => e.type === 'timer.fired')).toHaveLength(1);
  });

  test('when another change to the case wins the rev while the timer fires, then the timer is retried, not lost, and fires once', async () => {
    const { caseId } = await startCase('reminder');
    await untilDue(caseId);
    const rev = (await store().getCase(caseId))!.rev;
    // a store whose first read of the case is followed at once by another request's change
    let raced = false;
    const racing: Store = {
      ...store(),
      async getCase(id) {
        const c = await store().getCase(id);
        if (c && !raced) {
          raced = true;
          await store().applyCaseChange({ expectedRev: c.rev, case: { ...c, rev: c.rev + 1, updatedAt: new Date().toISOString() }, audit: [] });
        }
        return c;
      },
    };
    const { definitions, compliance } = t.services;
    const handler = bpmnTimerHandler({ store: racing, definitions, timing: compliance.timing });
    const first = new TimerScheduler({ store: store(), handlers: { 'bpmn.timer': handler }, now: () => new Date() });
    expect(await first.runDue()).toMatchObject({ retried: 1, failed: 0 });
    const [entry] = await bpmnTimers(caseId);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await store().getCase(caseId))!.rev).toBe(rev + 1); // only the other change was written

    const later = new TimerScheduler({ store: store(), handlers: compliance.timerHandlers, now: () => new Date(Date.parse(entry!.nextAttemptAt) + 1) });
    await later.runDue();
    expect(await bpmnTimers(caseId)).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
    expect((await store().getCase(caseId))!.rev).toBe(rev + 2);
    expect((await store().listAudit(caseId)).filter((e) => e.type === 'timer.fired')).toHaveLength(1);
  });
});
