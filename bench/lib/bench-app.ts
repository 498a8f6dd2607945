// The real app in-process on a temp-file SQLite store, behind a tiny http server that records the
// server time of every request (request start → response 'finish'), driven with supertest agents.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/app.js';
import type { Services } from '../../src/composition.js';
import type { Config } from '../../src/config.js';
import { startBenchServices } from './bench-services.js';

export { cheapHash, startBenchServices } from './bench-services.js';

export type Agent = TestAgent;

export interface BenchApp {
  services: Services;
  config: Config;
  dir: string;
  /** http://127.0.0.1:<port> of the timing server. */
  url: string;
  agent(): Agent;
  /** Server time of the request sent with header `x-bench-id: id` (waits a few turns for 'finish'). */
  serverMs(id: string): Promise<number>;
  close(): Promise<void>;
}

export const BENCH_ID = 'x-bench-id';

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
    url,
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
