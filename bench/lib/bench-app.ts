// The real app in-process on a temp-file SQLite store, behind a tiny http server that records the
// server time of every request (request start → response 'finish'), driven with supertest agents.
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/app.js';
import { bootstrap, createServices, createStore, type Services } from '../../src/composition.js';
import { loadConfig, type Config } from '../../src/config.js';

export type Agent = TestAgent;

export interface BenchApp {
  services: Services;
  config: Config;
  dir: string;
  agent(): Agent;
  /** Server time of the request sent with header `x-bench-id: id` (waits a few turns for 'finish'). */
  serverMs(id: string): Promise<number>;
  close(): Promise<void>;
}

export const BENCH_ID = 'x-bench-id';

export interface BenchServices {
  services: Services;
  config: Config;
  dir: string;
  /** Closes the store; removes the folder unless the caller passed it in. */
  close(): Promise<void>;
}

/** Store (SQLite via createStore) and services in `dir` (default: a new temp folder), bootstrapped like a start. */
export async function startBenchServices(opts: { dir?: string } = {}): Promise<BenchServices> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'alur-bench-'));
  const config = loadConfig({ NODE_ENV: 'development', ALUR_DATA_DIR: dir, ALUR_UPLOAD_DIR: join(dir, 'uploads') });
  mkdirSync(config.uploadDir, { recursive: true });
  const services = createServices(createStore({ mongoUri: null, sqliteFile: config.sqliteFile }));
  await bootstrap(services, config, () => undefined);
  return {
    services, config, dir,
    async close() {
      await services.store.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Services plus the app behind a timing http server. */
export async function startBenchApp(opts: { dir?: string } = {}): Promise<BenchApp> {
  const base = await startBenchServices(opts);
  const { services, config, dir } = base;
  const app = createApp(services, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-00',
    secureCookies: false,
    trustProxy: null,
    uploadDir: config.uploadDir,
    log: (line) => process.stderr.write(`${line}\n`),
  });

  const timings = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const t0 = performance.now();
    const id = req.headers[BENCH_ID];
    if (typeof id === 'string') res.once('finish', () => timings.set(id, performance.now() - t0));
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    services,
    config,
    dir,
    agent: () => request.agent(url),
    async serverMs(id) {
      for (let i = 0; i < 10 && !timings.has(id); i++) await tick();
      const ms = timings.get(id);
      if (ms === undefined) throw new Error(`no server timing for request ${id}`);
      timings.delete(id);
      return ms;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await base.close();
    },
  };
}

/**
 * A password hash in the app's own format (scrypt$N$r$p$salt$hash) with a tiny cost, so that the
 * thousands of bench applicants can log in over HTTP without 100 ms of scrypt each. The login path
 * is the real one (verifyPassword reads N from the stored hash); staff accounts keep the real cost.
 */
export function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16, r: 8, p: 1 });
  return ['scrypt', 16, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
