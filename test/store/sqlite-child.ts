// One "app process" for sqlite.processes.test.ts: opens the shared SQLite file, waits at a
// barrier so all children act at once, does its part, and prints one JSON line.
// Usage: node --import tsx sqlite-child.ts <mode> <file> <who> <barrierDir> [caseId taskId | rounds | now batch]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, type CaseRecord, type Store } from '../../src/store/ports.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { at, audit, task, update, user } from './fixtures.js';

const [mode, file, who, barrierDir, arg1, arg2] = process.argv.slice(2) as string[] & { length: 6 };

/** Signals ready, waits for the parent's "go" file, then spins to its start instant (≤ 50 ms). */
async function barrier(): Promise<void> {
  writeFileSync(join(barrierDir, `ready-${who}`), '');
  while (!existsSync(join(barrierDir, 'go'))) await sleep(2);
  const startAt = Number(readFileSync(join(barrierDir, 'go'), 'utf8'));
  while (Date.now() < startAt) {
    // busy-wait on purpose: every child leaves the barrier within a millisecond
  }
}

function report(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ who, ...result })}\n`);
}

async function race(store: Store, caseId: string, taskId: string): Promise<void> {
  const loaded = (await store.getCase(caseId)) as CaseRecord;
  await barrier();
  try {
    await store.applyCaseChange(
      update(loaded, { data: { winner: { who } } }, {
        completeTasks: [{ taskId, completedBy: who, completedAt: at(10) }],
        openTasks: [task(loaded, { id: `next-${who}`, name: who })],
        audit: [audit(loaded, 'task.completed', { id: `audit-${who}`, actorId: who, taskId })],
      }),
    );
    report({ result: 'won' });
  } catch (err) {
    report({ result: err instanceof ConflictError ? 'conflict' : 'error', message: String(err) });
  }
}

/** Read-modify-write `rounds` times, retrying on ConflictError: no increment may be lost. */
async function counter(store: Store, caseId: string, rounds: number): Promise<void> {
  await barrier();
  let retries = 0;
  for (let i = 0; i < rounds; i++) {
    for (;;) {
      const c = (await store.getCase(caseId)) as CaseRecord;
      const n = (c.data.counter?.n as number | undefined) ?? 0;
      try {
        await store.applyCaseChange(
          update(c, { data: { counter: { n: n + 1 } } }, { audit: [audit(c, 'case.returned', { id: `${who}-${i}`, actorId: who })] }),
        );
        break;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        retries++;
      }
    }
  }
  report({ result: 'done', retries });
}

/**
 * Claims batches of due messages until none is left; reports every id it claimed. The pause after
 * each claim (a sender delivering its batch) spreads every child's claims over the same stretch of
 * time, so the claims of all children interleave even on a busy machine.
 */
async function claim(store: Store, now: string, batch: number): Promise<void> {
  await barrier();
  const ids: string[] = [];
  for (;;) {
    const got = await store.claimDueMessages(now, batch, 60_000);
    if (got.length === 0) break;
    ids.push(...got.map((m) => m.id));
    await sleep(3);
  }
  report({ result: 'done', ids });
}

try {
  if (mode === 'migrate') {
    await barrier(); // open + WAL + migrations of all children collide on a fresh file
    const db = openDatabase(file);
    const { from } = migrate(db); // what init() does; reported so the parent sees who migrated
    db.close();
    const store = createSqliteStore({ file });
    await store.init();
    await store.insertUser(user({ id: who, email: `${who}@example.go.id` }));
    await store.close();
    report({ result: 'done', from });
  } else {
    const store = createSqliteStore({ file });
    await store.init();
    if (mode === 'race') await race(store, arg1 as string, arg2 as string);
    else if (mode === 'counter') await counter(store, arg1 as string, Number(arg2));
    else if (mode === 'claim') await claim(store, arg1 as string, Number(arg2));
    else throw new Error(`unknown mode ${mode}`);
    await store.close();
  }
} catch (err) {
  report({ result: 'error', message: String((err as Error).stack ?? err) });
  process.exitCode = 1;
}
