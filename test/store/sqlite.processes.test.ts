// Several real OS processes on one SQLite file, as when two app instances share a database:
// migrations at start-up, a race on one rev, many read-modify-writes with no lost update, and
// outbox senders claiming at once.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseRecord } from '../../src/store/ports.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { at, caseRecord, create, message, task } from './fixtures.js';

const CHILD = fileURLToPath(new URL('./sqlite-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'alur-sqlite-procs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ChildResult {
  who: string;
  result: 'won' | 'conflict' | 'done' | 'error';
  message?: string;
  retries?: number;
  from?: number;
  ids?: string[];
}

/** Starts one child per name, releases them together once all are ready, collects their reports. */
async function runChildren(name: string, mode: string, names: string[], file: string, extra: string[] = []): Promise<ChildResult[]> {
  const barrierDir = join(dir, `barrier-${name}`);
  mkdirSync(barrierDir, { recursive: true });
  const env = { ...process.env, NODE_OPTIONS: '' }; // not jest's --experimental-vm-modules
  const runs = names.map(
    (who) =>
      new Promise<ChildResult>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, file, who, barrierDir, ...extra], { cwd: ROOT, env });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
          try {
            resolve(JSON.parse(out.trim()) as ChildResult);
          } catch {
            reject(new Error(`child ${who} exited ${code}: ${out}\n${err}`));
          }
        });
      }),
  );
  const deadline = Date.now() + 45_000;
  while (readdirSync(barrierDir).filter((f) => f.startsWith('ready-')).length < names.length) {
    if (Date.now() > deadline) throw new Error('children did not get ready in 45 s');
    await sleep(10);
  }
  writeFileSync(join(barrierDir, 'go'), String(Date.now() + 50));
  return Promise.all(runs);
}

const NAMES = ['p1', 'p2', 'p3', 'p4'];
/** Child processes start slowly on a busy 2-core machine (tsx compiles on start). */
const SLOW = 60_000;

describe('SQLite shared by several OS processes', () => {
  test('Given a fresh file, When four processes start at once, Then migrations run once and all work', async () => {
    const file = join(dir, 'fresh', 'alur.sqlite');
    const results = await runChildren('migrate', 'migrate', NAMES, file);
    expect(results.map((r) => r.result)).toEqual(['done', 'done', 'done', 'done']);
    const froms = results.map((r) => r.from ?? -1).sort((x, y) => x - y);
    expect(froms).toEqual([0, MIGRATIONS.length, MIGRATIONS.length, MIGRATIONS.length]); // one migrated

    const store = createSqliteStore({ file });
    await store.init();
    expect(await store.countUsers()).toBe(4);
    await store.close();
  }, SLOW);

  test('Given four processes loaded rev 1, When all complete the same task at once, Then exactly one wins', async () => {
    const file = join(dir, 'race', 'alur.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const c = caseRecord();
    const t = task(c);
    await store.applyCaseChange(create(c, { openTasks: [t] }));

    const results = await runChildren('race', 'race', NAMES, file, [c.id, t.id]);
    const winners = results.filter((r) => r.result === 'won');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.result === 'conflict')).toHaveLength(3); // no SQLITE_BUSY, no other error

    const winner = winners[0]!.who;
    const after = (await store.getCase(c.id)) as CaseRecord;
    expect(after.rev).toBe(2);
    expect(after.data).toEqual({ winner: { who: winner } });
    expect((await store.getTask(t.id))?.completedBy).toBe(winner);
    expect((await store.listTasks({ caseId: c.id })).map((x) => x.id)).toEqual([`next-${winner}`]);
    expect((await store.listAudit(c.id)).map((e) => e.id).filter((id) => id.startsWith('audit-p'))).toEqual([`audit-${winner}`]);
    await store.close();
  }, SLOW);

  test('When three processes each increment one case 40 times (retrying conflicts), Then no update is lost', async () => {
    const file = join(dir, 'counter', 'alur.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const c = caseRecord({ data: { counter: { n: 0 } } });
    await store.applyCaseChange(create(c));

    const rounds = 40;
    const names = ['q1', 'q2', 'q3'];
    const results = await runChildren('counter', 'counter', names, file, [c.id, String(rounds)]);
    expect(results.map((r) => r.result)).toEqual(['done', 'done', 'done']);

    const after = (await store.getCase(c.id)) as CaseRecord;
    expect(after.data.counter).toEqual({ n: names.length * rounds });
    expect(after.rev).toBe(1 + names.length * rounds);
    expect(await store.listAudit(c.id)).toHaveLength(1 + names.length * rounds);
    const retries = results.reduce((sum, r) => sum + (r.retries ?? 0), 0);
    console.info(`SQLite multi-process counter: ${names.length}×${rounds} updates, ${retries} conflicts retried`);
    await store.close();
  }, SLOW);

  test('When four sender processes claim the outbox at once, Then every message is claimed exactly once', async () => {
    const file = join(dir, 'outbox', 'alur.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const messages = Array.from({ length: 240 }, (_, i) => message({ nextAttemptAt: at(i % 7) }));
    await store.enqueueMessages(messages);

    const results = await runChildren('claim', 'claim', NAMES, file, [at(10), '2']);
    expect(results.map((r) => r.result)).toEqual(['done', 'done', 'done', 'done']);
    const claimed = results.flatMap((r) => r.ids ?? []);
    expect(new Set(claimed).size).toBe(claimed.length); // no message leased by two processes
    expect([...claimed].sort()).toEqual(messages.map((m) => m.id).sort());
    expect(results.filter((r) => (r.ids?.length ?? 0) > 0).length).toBeGreaterThanOrEqual(2); // they did compete

    const stored = await store.listMessages({ limit: 1000 });
    expect(stored.every((m) => m.attempts === 1 && m.lockedUntil === at(11))).toBe(true);
    console.info(`SQLite multi-process outbox claim: ${results.map((r) => `${r.who}=${r.ids?.length}`).join(' ')}`);
    await store.close();
  }, SLOW);
});
