// Two real OS processes, as two app instances on one SQLite file: both fire timers at once and each
// timer's effect is written exactly once; an instance killed (SIGKILL) while holding leases leaves
// them to expire, and a surviving instance fires those timers once the leases run out.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TimerScheduler } from '../../src/scheduler/timer-scheduler.js';
import { message, timer } from '../store/fixtures.js';

const CHILD = fileURLToPath(new URL('./scheduler-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'alur-scheduler-procs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ChildReport {
  who: string;
  result: 'claimed' | 'done';
  fired?: string[];
}

/** Starts one child per name, releases them together, returns each child's last report line. */
async function runChildren(name: string, mode: string, names: string[], file: string): Promise<ChildReport[]> {
  const barrierDir = join(dir, `barrier-${name}`);
  mkdirSync(barrierDir, { recursive: true });
  const env = { ...process.env, NODE_OPTIONS: '' };
  const runs = names.map(
    (who) =>
      new Promise<ChildReport>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, file, who, barrierDir], { cwd: ROOT, env });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('error', reject);
        child.on('close', (code, signal) => {
          const last = out.trim().split('\n').at(-1) ?? '';
          try {
            resolve(JSON.parse(last) as ChildReport);
          } catch {
            reject(new Error(`child ${who} exited ${code ?? signal}: ${out}\n${err}`));
          }
        });
      }),
  );
  const deadline = Date.now() + 45_000;
  while (readdirSync(barrierDir).filter((f) => f.startsWith('ready-')).length < names.length) {
    if (Date.now() > deadline) throw new Error('children did not get ready in 45 s');
    await sleep(10);
  }
  writeFileSync(join(barrierDir, 'go'), '');
  return Promise.all(runs);
}

describe('Given two app processes running schedulers on one SQLite file', () => {
  test('when 60 due timers are fired by both at once, then each timer is fired exactly once', async () => {
    const file = join(dir, 'fire', 'alur.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const past = new Date(Date.now() - 60_000).toISOString();
    const timers = Array.from({ length: 60 }, () => timer({ kind: 'test', dueAt: past }));
    await store.scheduleTimers(timers);

    const reports = await runChildren('fire', 'fire', ['p1', 'p2'], file);

    const fired = reports.flatMap((r) => r.fired ?? []);
    expect(fired.sort()).toEqual(timers.map((t) => t.id).sort());
    const effects = (await store.listMessages({ limit: 1000 })).map((m) => m.caseId);
    expect(effects.sort()).toEqual(timers.map((t) => t.id).sort()); // one effect per timer, none twice
    expect(await store.listTimers({ status: 'pending' })).toEqual([]);
    console.info(`timers fired per process: ${reports.map((r) => `${r.who}=${r.fired?.length}`).join(' ')}`);
    await store.close();
  }, 90_000);

  test('when a process is killed while holding timer leases, then a live instance fires them after the lease expires', async () => {
    const file = join(dir, 'crash', 'alur.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const past = new Date(Date.now() - 1000).toISOString();
    await store.scheduleTimers([timer({ id: 'orphan-1', kind: 'test', dueAt: past }), timer({ id: 'orphan-2', kind: 'test', dueAt: past })]);

    const [report] = await runChildren('crash', 'crash', ['doomed'], file);
    expect(report?.result).toBe('claimed');
    const leased = await store.listTimers({});
    expect(leased.every((t) => t.status === 'pending' && t.leaseToken && t.lockedUntil! > new Date().toISOString())).toBe(true);

    const fire = async (t: { id: string }, { lease, now }: { lease: { id: string; token: string }; now: Date }) =>
      ((await store.completeTimer(lease, now.toISOString(), { outbox: [message({ kind: 'fired', caseId: t.id })] })) ? 'done' : 'lost') as 'done' | 'lost';
    const soon = new TimerScheduler({ store, handlers: { test: fire } });
    expect((await soon.runDue()).done).toBe(0); // leases of the dead process still hold
    const afterLease = new TimerScheduler({ store, handlers: { test: fire }, now: () => new Date(Date.now() + 61_000) });
    expect((await afterLease.runDue()).done).toBe(2);
    expect((await store.listMessages({})).map((m) => m.caseId).sort()).toEqual(['orphan-1', 'orphan-2']);
    expect((await store.listTimers({})).map((t) => [t.status, t.attempts])).toEqual([['done', 2], ['done', 2]]);
    await store.close();
  }, 90_000);
});
