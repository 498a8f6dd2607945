// The load client of the workers benchmark, a process of its own: reads a plan (JSON file: server URL,
// concurrency, applicants at step 3), logs each applicant in and reads a CSRF token (untimed), prints
// "ready", waits for a line on stdin, then completes step 3 of every case with `concurrency` clients
// at once and prints the result as one JSON line.
// node --import tsx bench/lib/load-client.ts <plan.json>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { FormClient } from './load-client-http.js';

export interface LoadPlan {
  url: string;
  concurrency: number;
  cases: Array<{ email: string; password: string; taskId: string }>;
}

export interface LoadResult {
  completions: number;
  errors: number;
  /** e.g. "500 /tugas/…" for the first few failures */
  firstErrors: string[];
  ms: number;
  latencyMs: number[];
  /** completions per X-Alur-Worker value ('single' without a cluster) */
  byWorker: Record<string, number>;
  /** CPU time (user + system) of this client during the timed part */
  clientCpuMs: number;
}

/** Runs `jobs` with at most `n` at once. */
async function pool<T>(items: T[], n: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await job(items[next++]!);
  }));
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
const sessions: Array<{ client: FormClient; taskId: string; email: string; csrf: string }> = [];
await pool(plan.cases, plan.concurrency, async (c) => {
  const client = new FormClient(plan.url);
  await client.login(c);
  sessions.push({ client, taskId: c.taskId, email: c.email, csrf: await client.csrf(`/tugas/${c.taskId}`) });
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

const result: LoadResult = { completions: 0, errors: 0, firstErrors: [], ms: 0, latencyMs: [], byWorker: {}, clientCpuMs: 0 };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await pool(sessions, plan.concurrency, async (s) => {
  const started = performance.now();
  try {
    const res = await s.client.completeStep3(s.taskId, s.csrf, s.email);
    if (res.status === 303 && res.location?.startsWith('/kasus/')) {
      result.completions++;
      result.latencyMs.push(performance.now() - started);
      const w = res.worker ?? 'single';
      result.byWorker[w] = (result.byWorker[w] ?? 0) + 1;
    } else {
      result.errors++;
      if (result.firstErrors.length < 5) result.firstErrors.push(`${res.status} /tugas/${s.taskId} ${res.location ?? ''}`);
    }
  } catch (err) {
    result.errors++;
    if (result.firstErrors.length < 5) result.firstErrors.push(`${err instanceof Error ? err.message : String(err)} /tugas/${s.taskId}`);
  }
});
result.ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
result.clientCpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
