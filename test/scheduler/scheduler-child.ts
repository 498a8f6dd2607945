// One app instance for scheduler.processes.test.ts: opens the shared SQLite file and runs a
// TimerScheduler. Modes: "fire" runs until no timer is due and reports the ids it fired;
// "crash" claims timers, then kills itself (SIGKILL) in the middle of the handler.
// Usage: node --import tsx scheduler-child.ts <mode> <file> <who> <barrierDir>
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TimerScheduler, type TimerHandler } from '../../src/scheduler/timer-scheduler.js';
import { message } from '../store/fixtures.js';

const [mode, file, who, barrierDir] = process.argv.slice(2) as [string, string, string, string];
const store = createSqliteStore({ file });
await store.init();
writeFileSync(join(barrierDir, `ready-${who}`), '');
while (!existsSync(join(barrierDir, 'go'))) await sleep(2);

const fired: string[] = [];
/** The effect of a timer: one outbox message naming the timer, written with the done-marking. */
const fire: TimerHandler = async (timer, { lease, now }) => {
  await sleep(Math.random() * 4); // a handler takes a moment: claims of both instances interleave
  const ok = await store.completeTimer(lease, now.toISOString(), { outbox: [message({ id: randomUUID(), kind: 'fired', caseId: timer.id, to: who })] });
  if (ok) fired.push(timer.id);
  return ok ? 'done' : 'lost';
};
const hang: TimerHandler = async () => {
  process.stdout.write(`${JSON.stringify({ who, result: 'claimed' })}\n`);
  process.kill(process.pid, 'SIGKILL'); // the instance dies holding the lease
  return new Promise(() => undefined);
};

const scheduler = new TimerScheduler({ store, handlers: { test: mode === 'crash' ? hang : fire }, batch: 3, leaseMs: 60_000 });
for (;;) {
  const tick = await scheduler.runDue();
  if (tick.done + tick.lost + tick.retried + tick.failed === 0) break;
}
await store.close();
process.stdout.write(`${JSON.stringify({ who, result: 'done', fired })}\n`);
