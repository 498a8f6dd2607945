// ALUR_WORKERS=2: one primary, two worker processes sharing the port (node:cluster) and one SQLite
// file. Cases are completed over new connections, so both workers complete some; a killed worker is
// replaced; stopping the primary stops every worker.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { applicantAtStep3, IDENTITY, type Applicant } from '../../bench/lib/applicant.js';
import { bootstrap, createServices, type Services } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FormClient } from '../../bench/lib/load-client-http.js';
import { PROJECT_DIR, startServer, type ServerProcess } from '../helpers/server-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function workersIn(output: string): Map<number, number> {
  return new Map([...output.matchAll(/worker (\d+) \(pid (\d+)\) listening/g)].map((m) => [Number(m[1]), Number(m[2])]));
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Given Alur started with ALUR_WORKERS=2 on one SQLite file', () => {
  let server: ServerProcess;
  let services: Services;
  beforeAll(async () => {
    server = await startServer({ env: { NODE_ENV: 'development', ALUR_WORKERS: '2', ALUR_LIMIT_LOGIN_IP: '1000/15m' }, startupTimeoutMs: 60_000 });
    await waitFor('both workers', () => (workersIn(server.output().stdout).size === 2 ? true : undefined));
    // a third process on the same file makes the applicants (sign-up, contacts proved): as a bench does
    services = createServices(createSqliteStore({ file: join(server.dataDir, 'alur.sqlite') }));
    await services.store.init();
  }, 90_000);
  afterAll(async () => {
    await services?.store.close();
    await server?.stop();
  }, 30_000);

  test('when six applicants complete step 3 over new connections, then both workers completed some and every case moved on once', async () => {
    const applicants: Applicant[] = [];
    for (let i = 0; i < 6; i++) applicants.push(await applicantAtStep3(services));

    const people = [];
    for (const a of applicants) {
      const person = new FormClient(server.url, { newConnections: true });
      await person.login(a.data);
      people.push({ person, taskId: a.taskId, email: a.data.email, csrf: await person.csrf(`/tugas/${a.taskId}`) });
    }
    // one after the other on new connections: the primary hands them to the workers in turn
    const completedBy: Array<string | null> = [];
    for (const { person, taskId, email, csrf } of people) {
      const done = await person.completeStep3(taskId, csrf, email);
      expect({ status: done.status, location: done.location }).toEqual({ status: 303, location: expect.stringMatching(/^\/kasus\//) });
      completedBy.push(done.worker);
    }

    expect(new Set(completedBy)).toEqual(new Set(['1', '2']));
    for (const a of applicants) {
      const tasks = await services.store.listTasks({ applicantId: a.user.id, groupIds: ['admin-ppe'] });
      expect(tasks.map((t) => t.elementId)).toEqual(['MelakukanVerifikasi']);
      const caseId = tasks[0]!.caseId;
      const audit = await services.store.listAudit(caseId);
      expect(audit.filter((e) => e.type === 'task.completed' && e.taskId === a.taskId)).toHaveLength(1);
    }
  }, 120_000);

  test('when a worker is killed, then the primary starts another that answers; stopping the primary stops every worker', async () => {
    const before = workersIn(server.output().stdout);
    process.kill(before.get(1)!, 'SIGKILL');
    const replacement = await waitFor('a third worker', () => workersIn(server.output().stdout).get(3));
    expect(server.output().stdout).toMatch(/worker 1 \(pid \d+\) exited with signal SIGKILL: starting another/);

    const seen = new Set<string | null>();
    for (let i = 0; i < 10 && seen.size < 2; i++) {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      seen.add(res.headers.get('x-alur-worker'));
    }
    expect(seen).toEqual(new Set(['2', '3']));

    await server.stop(); // SIGTERM to the primary
    expect(alive(server.pid)).toBe(false);
    await waitFor('the workers to end', () => (alive(before.get(2)!) || alive(replacement) ? undefined : true), 10_000);
  }, 90_000);
});

describe('Given ALUR_WORKERS=2 and a port another program holds', () => {
  test('when Alur starts, then the primary stops with exit code 1, naming the worker that could not listen', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'alur-workers-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH, NODE_ENV: 'test', ALUR_WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', ALUR_DATA_DIR: dir, ALUR_UPLOAD_DIR: join(dir, 'uploads'), SESSION_SECRET: 'x'.repeat(40) },
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      expect(out).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(out).toMatch(/worker 1 \(pid \d+\) exited with code 1 before it listened: stopping/);
    } finally {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('Given a SQLite store and another connection (another worker) holding its write lock', () => {
  test('when a task is completed meanwhile, then the event loop keeps running while it waits, and the change is written once the lock is free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alur-lock-'));
    const config = loadConfig({ NODE_ENV: 'test', ALUR_DATA_DIR: dir, ALUR_UPLOAD_DIR: join(dir, 'uploads') });
    const services = createServices(createSqliteStore({ file: config.sqliteFile }));
    const other = new Database(config.sqliteFile);
    let ticker: NodeJS.Timeout | undefined;
    try {
      await bootstrap(services, config, () => undefined);
      const { user, taskId } = await applicantAtStep3(services);
      other.exec('BEGIN IMMEDIATE');
      let ticks = 0;
      ticker = setInterval(() => ticks++, 5);
      let settled = false;
      const completing = services.cases.completeTask(taskId, user, { ...IDENTITY, email: user.email }).finally(() => (settled = true));
      await sleep(300);
      const whileLocked = { settled, ticked: ticks > 20 }; // 300 ms of a 5 ms timer: the loop was not held
      other.exec('COMMIT');
      await completing;
      expect(whileLocked).toEqual({ settled: false, ticked: true });
      expect((await services.store.listTasks({ applicantId: user.id, groupIds: ['admin-ppe'] })).map((t) => t.elementId)).toEqual(['MelakukanVerifikasi']);
    } finally {
      clearInterval(ticker);
      other.close();
      await services.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
