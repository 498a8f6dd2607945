// The store-backed timer scheduler: each timer fires once even with several instances on one store,
// a timer due while no instance ran fires after a restart, a lease of a crashed instance is taken
// over (and the crashed holder can no longer write), and handler errors retry with backoff.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store, TimerRecord } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { retryDelay, TimerScheduler, type TimerHandler } from '../../src/scheduler/timer-scheduler.js';
import { message, timer } from '../store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `db-${++n}`, 'alur.sqlite');
const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

async function open(file: string): Promise<Store> {
  const store = createSqliteStore({ file });
  await store.init();
  return store;
}

/** A handler whose effect is one outbox message per firing (caseId = the timer id), written with the done-marking. */
function countingHandler(store: Store, who: string, pause: () => Promise<void> = async () => undefined): TimerHandler {
  return async (t, { lease, now }) => {
    await pause();
    const ok = await store.completeTimer(lease, now.toISOString(), { outbox: [message({ kind: 'fired', caseId: t.id, to: who })] });
    return ok ? 'done' : 'lost';
  };
}

/** How often each timer's effect was written. */
async function firings(store: Store): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await store.listMessages({ limit: 10_000 })) if (m.kind === 'fired') counts.set(m.caseId!, (counts.get(m.caseId!) ?? 0) + 1);
  return counts;
}

describe('Given two scheduler instances on one SQLite file', () => {
  test('when both run at once over 40 due timers, then every timer fires exactly once and is done', async () => {
    const file = freshFile();
    const [a, b] = [await open(file), await open(file)];
    const timers = Array.from({ length: 40 }, (_, i) => timer({ kind: 'test', dueAt: at(i % 5).toISOString() }));
    await a.scheduleTimers(timers);
    const jitter = () => sleep(Math.random() * 3);
    const one = new TimerScheduler({ store: a, handlers: { test: countingHandler(a, 'a', jitter) }, now: () => at(10), batch: 3 });
    const two = new TimerScheduler({ store: b, handlers: { test: countingHandler(b, 'b', jitter) }, now: () => at(10), batch: 3 });

    const [ta, tb] = await Promise.all([one.runDue(), two.runDue()]);

    expect(ta.done + tb.done).toBe(40);
    expect(ta.done > 0 && tb.done > 0).toBe(true); // both instances took part
    expect(ta.lost + tb.lost + ta.failed + tb.failed).toBe(0);
    const counts = await firings(a);
    expect([...counts.keys()].sort()).toEqual(timers.map((t) => t.id).sort());
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(await a.listTimers({ status: 'pending' })).toEqual([]);
    expect(await one.runDue()).toEqual({ done: 0, lost: 0, retried: 0, failed: 0 }); // nothing fires twice
    await Promise.all([a.close(), b.close()]);
  });

  test('when a timer is not due yet, then neither instance fires it until its time', async () => {
    const store = await open(freshFile());
    const t = timer({ kind: 'test', dueAt: at(60).toISOString() });
    await store.scheduleTimers([t]);
    let now = at(59);
    const s = new TimerScheduler({ store, handlers: { test: countingHandler(store, 'a') }, now: () => now });
    expect((await s.runDue()).done).toBe(0);
    now = at(60);
    expect((await s.runDue()).done).toBe(1);
    await store.close();
  });
});

describe('Given a timer due while no instance was running', () => {
  test('when an instance starts after the due time, then its first poll fires the timer once', async () => {
    const file = freshFile();
    const before = await open(file);
    await before.scheduleTimers([timer({ id: 'due-in-downtime', kind: 'test', dueAt: at(30).toISOString() })]);
    const s1 = new TimerScheduler({ store: before, handlers: { test: countingHandler(before, 'before') }, now: () => at(10) });
    expect((await s1.runDue()).done).toBe(0); // not due while the first instance ran
    await before.close(); // downtime: nothing runs, nothing is armed in memory

    const after = await open(file);
    const s2 = new TimerScheduler({ store: after, handlers: { test: countingHandler(after, 'after') }, now: () => at(3600), intervalMs: 20 });
    s2.start();
    for (let i = 0; i < 200 && (await after.listTimers({ status: 'done' })).length === 0; i++) await sleep(10);
    await s2.stop();
    expect(await firings(after)).toEqual(new Map([['due-in-downtime', 1]]));
    expect(await after.listTimers({})).toEqual([expect.objectContaining({ id: 'due-in-downtime', status: 'done', doneAt: at(3600).toISOString() })]);
    await after.close();
  });
});

describe('Given an instance that claimed a timer and stalled (or died) in its handler', () => {
  test('when its lease runs out, then another instance fires the timer, and the stalled holder can no longer write', async () => {
    const file = freshFile();
    const [a, b] = [await open(file), await open(file)];
    await a.scheduleTimers([timer({ id: 'leased', kind: 'test', dueAt: at(0).toISOString() })]);
    let resume: () => void = () => undefined;
    const stalled = new Promise<void>((r) => (resume = r));
    const s1 = new TimerScheduler({ store: a, handlers: { test: countingHandler(a, 'a', () => stalled) }, now: () => at(1), leaseMs: 30_000 });
    const running = s1.runDue();
    for (let i = 0; i < 100 && !(await a.listTimers({}))[0]?.leaseToken; i++) await sleep(5);

    let now = at(20);
    const s2 = new TimerScheduler({ store: b, handlers: { test: countingHandler(b, 'b') }, now: () => now, leaseMs: 30_000 });
    expect((await s2.runDue()).done).toBe(0); // the lease holds until at(31)
    now = at(31);
    expect((await s2.runDue()).done).toBe(1);

    resume(); // the first instance wakes up and tries to finish with its old token
    expect(await running).toEqual({ done: 0, lost: 1, retried: 0, failed: 0 });
    expect(await firings(a)).toEqual(new Map([['leased', 1]]));
    expect((await a.listMessages({}))[0]?.to).toBe('b');
    await Promise.all([a.close(), b.close()]);
  });
});

describe('Given handlers that fail or ask to wait', () => {
  test('an error retries with backoff and gives up after maxAttempts; an unknown kind is given up at once; retryAt re-queues', async () => {
    const store = await open(freshFile());
    const errors: string[] = [];
    let now = at(0);
    const boom: TimerHandler = async () => {
      throw new Error('transport down');
    };
    const later: TimerHandler = async () => ({ retryAt: at(500).toISOString() });
    await store.scheduleTimers([timer({ id: 'boom', kind: 'boom', dueAt: at(0).toISOString() }), timer({ id: 'odd', kind: 'nobody-handles-this', dueAt: at(0).toISOString() }), timer({ id: 'later', kind: 'later', dueAt: at(0).toISOString() })]);
    const s = new TimerScheduler({ store, handlers: { boom, later }, now: () => now, maxAttempts: 2, log: (l) => errors.push(l) });

    expect(await s.runDue()).toEqual({ done: 0, lost: 0, retried: 2, failed: 1 });
    const byId = async (id: string) => (await store.listTimers({})).find((t) => t.id === id) as TimerRecord;
    expect(await byId('odd')).toMatchObject({ status: 'failed', lastError: 'no handler for timer kind "nobody-handles-this"' });
    expect(await byId('boom')).toMatchObject({ status: 'pending', nextAttemptAt: at(retryDelay(1) / 1000).toISOString(), lastError: 'transport down' });
    expect(await byId('later')).toMatchObject({ status: 'pending', nextAttemptAt: at(500).toISOString(), lastError: null });

    now = at(5);
    expect(await s.runDue()).toEqual({ done: 0, lost: 0, retried: 0, failed: 1 }); // second attempt = maxAttempts
    expect(await byId('boom')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(errors.some((l) => l.includes('given up'))).toBe(true);
    expect([retryDelay(1), retryDelay(2), retryDelay(30)]).toEqual([5_000, 10_000, 600_000]);
    await store.close();
  });
});
