// Store contract, part 10: durable timers. Scheduled idempotently (with a case change or alone),
// claimed with a lease token (never one timer to two claimers), then done with their effects, or
// released, only by the token's holder; a lost lease writes nothing.
import { describe, expect, test } from '@jest/globals';
import type { TimerRecord } from '../../src/store/ports.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, message, timer, update } from './fixtures.js';

const MINUTE = 60_000;

export function timersContract(store: GetStore): void {
  const ids = (list: TimerRecord[]) => list.map((t) => t.id);
  const one = async (id: string) => (await store().listTimers({ limit: 1000 })).find((t) => t.id === id);

  describe('timers: schedule and list', () => {
    test('Scheduling an existing id keeps the first; lists filter by case, task, kind and status, by due time', async () => {
      const a = timer({ dueAt: at(30), caseId: 'case-a', taskId: 'task-1' });
      const b = timer({ dueAt: at(20), caseId: 'case-a', kind: 'bpmn.timer', data: { elementId: 'remind', nested: { x: [1, null] } } });
      const c = timer({ dueAt: at(25), caseId: 'case-b' });
      await store().scheduleTimers([a, b]);
      await store().scheduleTimers([c, { ...a, dueAt: at(99), data: { changed: true } }]);
      await store().scheduleTimers([]);

      expect(await store().listTimers({})).toEqual([b, c, a]);
      expect(await store().listTimers({ caseId: 'case-a' })).toEqual([b, a]);
      expect(ids(await store().listTimers({ taskId: 'task-1' }))).toEqual([a.id]);
      expect(ids(await store().listTimers({ kind: 'bpmn.timer' }))).toEqual([b.id]);
      expect(await store().listTimers({ status: 'done' })).toEqual([]);
      expect(ids(await store().listTimers({ limit: 1, offset: 1 }))).toEqual([c.id]);
    });
  });

  describe('timers: claim, complete, release', () => {
    test('Only pending timers due at `now` are claimed, in due order, each with its own token and a lease', async () => {
      const [x, y, later, done] = [timer({ dueAt: at(5) }), timer({ dueAt: at(3) }), timer({ dueAt: at(11) }), timer({ dueAt: at(1), status: 'done', doneAt: at(2) })];
      await store().scheduleTimers([x, y, later, done]);

      const claimed = await store().claimDueTimers(at(10), 10, 5 * MINUTE);
      expect(ids(claimed)).toEqual([y.id, x.id]);
      expect(claimed.map((t) => [t.attempts, t.lockedUntil])).toEqual([[1, at(15)], [1, at(15)]]);
      expect(new Set(claimed.map((t) => t.leaseToken)).size).toBe(2);
      expect(claimed.every((t) => typeof t.leaseToken === 'string' && t.leaseToken.length >= 16)).toBe(true);
      expect(await store().claimDueTimers(at(10), 10, 5 * MINUTE)).toEqual([]); // leased
      expect(await store().claimDueTimers(at(10), 0, 5 * MINUTE)).toEqual([]);
      expect(await one(x.id)).toEqual(claimed[1]);
    });

    test('When a lease runs out (real time: the store\'s clock), Then another claimer gets the timer with a new token, and the old token can no longer finish it', async () => {
      const t = timer({ dueAt: at(0) });
      await store().scheduleTimers([t]);
      const lease = 1000;
      const [first] = await store().claimDueTimers(new Date().toISOString(), 1, lease);
      expect(await store().claimDueTimers(new Date().toISOString(), 1, lease)).toEqual([]); // still held
      await new Promise((r) => setTimeout(r, lease + 100));
      const [second] = await store().claimDueTimers(new Date().toISOString(), 1, lease); // the lease ended: free again
      expect(second?.attempts).toBe(2);
      expect(second?.leaseToken).not.toBe(first?.leaseToken);

      const c = caseRecord();
      await store().applyCaseChange(create(c));
      const late = { audit: [audit(c, 'task.overdue', { at: at(3) })], outbox: [message({ kind: 'task-overdue' })] };
      expect(await store().completeTimer({ id: t.id, token: first!.leaseToken! }, at(3), late)).toBe(false);
      expect(await store().releaseTimer({ id: t.id, token: first!.leaseToken! }, at(3), at(9), 'late')).toBe(false);
      expect((await store().listAudit(c.id)).map((e) => e.type)).toEqual(['case.started']);
      expect(await store().listMessages({})).toEqual([]);

      expect(await store().completeTimer({ id: t.id, token: second!.leaseToken! }, at(3), late)).toBe(true);
      expect(await one(t.id)).toMatchObject({ status: 'done', doneAt: at(3), lockedUntil: null, attempts: 2 });
      expect((await store().listAudit(c.id)).map((e) => e.type)).toEqual(['case.started', 'task.overdue']);
      expect(await store().listMessages({})).toEqual(late.outbox);
      // done once: the same token cannot do it twice, and a done timer is never claimed again
      expect(await store().completeTimer({ id: t.id, token: second!.leaseToken! }, at(4), late)).toBe(false);
      expect(await store().claimDueTimers(at(100), 10, MINUTE)).toEqual([]);
    });

    test('completeTimer may schedule follow-up timers; releasing retries later or gives up', async () => {
      const [a, b] = [timer({ dueAt: at(0) }), timer({ dueAt: at(0) })];
      await store().scheduleTimers([a, b]);
      const [ca, cb] = await store().claimDueTimers(at(1), 2, MINUTE);
      const follow = timer({ dueAt: at(50) });
      expect(await store().completeTimer({ id: ca!.id, token: ca!.leaseToken! }, at(1), { timers: [follow] })).toBe(true);
      expect(await one(follow.id)).toEqual(follow);

      expect(await store().releaseTimer({ id: cb!.id, token: cb!.leaseToken! }, at(1), at(7), 'case busy')).toBe(true);
      expect(await one(cb!.id)).toMatchObject({ status: 'pending', nextAttemptAt: at(7), dueAt: at(0), lockedUntil: null, lastError: 'case busy', doneAt: null });
      expect(await store().claimDueTimers(at(6), 10, MINUTE)).toEqual([]);
      const [again] = await store().claimDueTimers(at(7), 10, MINUTE);
      expect(again).toMatchObject({ id: cb!.id, attempts: 2 });
      expect(await store().releaseTimer({ id: again!.id, token: again!.leaseToken! }, at(8), null, 'gave up')).toBe(true);
      expect(await one(cb!.id)).toMatchObject({ status: 'failed', doneAt: at(8), lastError: 'gave up' });
      expect(await store().claimDueTimers(at(100), 10, MINUTE)).toEqual(expect.not.arrayContaining([expect.objectContaining({ id: cb!.id })]));
    });

    test('When several claimers claim at once, Then no timer is claimed twice and all are claimed', async () => {
      const batch = Array.from({ length: 12 }, (_, i) => timer({ dueAt: at(i % 4) }));
      await store().scheduleTimers(batch);
      const claims = await Promise.all([1, 2, 3].map(() => store().claimDueTimers(at(5), 5, MINUTE)));
      const all = claims.flatMap(ids);
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(ids(batch).sort());
    });
  });

  describe('timers: with a case change', () => {
    test('A change schedules and cancels timers with the case; a conflicting change writes none of it', async () => {
      const c = caseRecord();
      const [sla, other, done] = [timer({ caseId: c.id, id: `sla:${c.id}` }), timer({ caseId: c.id }), timer({ caseId: c.id, status: 'done', doneAt: at(1) })];
      await store().applyCaseChange(create(c, { timers: [sla, other, done] }));
      expect(ids(await store().listTimers({ caseId: c.id, status: 'pending' })).sort()).toEqual([sla.id, other.id].sort());

      const next = timer({ caseId: c.id, dueAt: at(40) });
      await store().applyCaseChange(update(c, { updatedAt: at(5) }, { timers: [next, { ...other, dueAt: at(1) }], cancelTimers: [sla.id, done.id, 'unknown'] }));
      expect(await one(sla.id)).toMatchObject({ status: 'cancelled', doneAt: at(5) });
      expect(await one(done.id)).toMatchObject({ status: 'done', doneAt: at(1) });
      expect(await one(other.id)).toEqual(other);

      const stale = update(c, { status: 'failed' }, { timers: [timer({ caseId: c.id })], cancelTimers: [other.id] });
      await expectConflict(store().applyCaseChange(stale));
      expect(ids(await store().listTimers({ caseId: c.id, status: 'pending' })).sort()).toEqual([other.id, next.id].sort());
    });

    test('A change that is the effect of a claimed timer marks it done; with a lost lease it is a conflict and writes nothing', async () => {
      const c = caseRecord();
      const t = timer({ caseId: c.id, kind: 'bpmn.timer', dueAt: at(0) });
      await store().applyCaseChange(create(c, { timers: [t] }));
      const [held] = await store().claimDueTimers(at(1), 1, MINUTE);
      const [taken] = await store().claimDueTimers(at(3), 1, MINUTE); // the first lease ran out

      const fromFirst = update(c, { updatedAt: at(3) }, { firedTimer: { id: t.id, token: held!.leaseToken!, at: at(3) }, audit: [audit(c, 'timer.fired')] });
      await expectConflict(store().applyCaseChange(fromFirst));
      expect((await store().getCase(c.id))?.rev).toBe(1);
      expect((await store().listAudit(c.id)).map((e) => e.type)).toEqual(['case.started']);

      const fromSecond = update(c, { updatedAt: at(4) }, { firedTimer: { id: t.id, token: taken!.leaseToken!, at: at(4) }, audit: [audit(c, 'timer.fired')] });
      await store().applyCaseChange(fromSecond);
      expect(await one(t.id)).toMatchObject({ status: 'done', doneAt: at(4) });
      expect((await store().getCase(c.id))?.rev).toBe(2);
    });
  });
}
