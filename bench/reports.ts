// Target 1 of issue 14: on 100,000 cases over 12 months, every report of a process (/laporan, Tabel 7,
// the JSON for the diagram and the CSV exports) answers with server time p95 <= 300 ms over 20
// requests each, and no other request waits more than 50 ms behind a report: GET /healthz is sent
// every 10 ms while the reports run and its round trip (same process: it includes any blocking of
// the event loop) must stay <= 50 ms. Before every measured request a case completes with its facts
// (the office at work), so each report reads what changed; the first request of each report
// (nothing cached yet in the store's report reader) is printed apart.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { OWNER, login } from '../test/helpers/app.js';
import { PPBJ_PROCESS_KEY as KEY } from '../src/packs/ppbj/process-key.js';
import { CSV_PART_ROWS } from '../src/compliance/report-service.js';
import { BENCH_ID, startBenchApp, startBenchServices, type Agent, type BenchApp } from './lib/bench-app.js';
import { officeAtWork, seedReportCases, type ReportSeedPlan } from './lib/report-seed.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, percentile, round } from './lib/stats.js';

const MAX_P95_MS = 300;
const MAX_BLOCKED_MS = 50;
const PING_EVERY_MS = 10;
const ADMINS = ['Admin Satu', 'Admin Dua', 'Admin Tiga', 'Admin Empat'];
const REPORTS = [
  { id: 'page', path: `/laporan?proses=${KEY}`, label: 'GET /laporan (6 months)' },
  { id: 'tabel7', path: `/laporan/tabel-7?proses=${KEY}`, label: 'GET /laporan/tabel-7 (semester)' },
  { id: 'tabel7csv', path: `/laporan/tabel-7.csv?proses=${KEY}`, label: 'GET /laporan/tabel-7.csv' },
  { id: 'json', path: `/laporan/kepatuhan.json?proses=${KEY}`, label: 'GET /laporan/kepatuhan.json' },
  { id: 'steps', path: `/laporan/unduh/langkah.csv?proses=${KEY}`, label: 'GET /laporan/unduh/langkah.csv' },
  { id: 'cases', path: `/laporan/unduh/kasus.csv?proses=${KEY}`, label: 'GET /laporan/unduh/kasus.csv (part 1: 2,000 rows)' },
  { id: 'tasks', path: `/laporan/unduh/tugas.csv?proses=${KEY}`, label: 'GET /laporan/unduh/tugas.csv (part 1: 2,000 rows)' },
] as const;

let seq = 0;
async function get(app: BenchApp, agent: Agent, path: string): Promise<{ server: number; text: string; link: string | undefined }> {
  const id = `report-${++seq}`;
  const res = await agent.get(path).set(BENCH_ID, id);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return { server: await app.serverMs(id), text: res.text, link: res.headers.link as string | undefined };
}

/** Seeds in tmpfs, then copies the checkpointed file to a temp folder on disk, where the app runs. */
async function seededDir(plan: ReportSeedPlan): Promise<{ dir: string; seconds: number; megabytes: number }> {
  const fast = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const seedDir = mkdtempSync(join(fast, 'alur-report-seed-'));
  const t0 = performance.now();
  try {
    const seeding = await startBenchServices({ dir: seedDir });
    const { store } = seeding.services;
    const owner = (await store.findUserByEmail(OWNER.email))!;
    const admins = ADMINS.map((displayName, i) => ({
      ...owner, id: `bench-admin-${i + 1}`, email: `bench-admin-${i + 1}@alur.local`, role: 'staff' as const, displayName,
    }));
    for (const a of admins) await store.insertUser(a);
    log(`  seeding ${plan.cases} cases over ${plan.months} months (Store.applyCaseChange, then saveReportFacts per 1,000) in ${fast}`);
    await seedReportCases(seeding.services, plan, admins.map((a) => a.id), (done) => {
      if (done % 10_000 === 0 || done === plan.cases) log(`    ${done}/${plan.cases} cases (${round((performance.now() - t0) / 1000, 1)} s)`);
    });
    await seeding.close();
    const dir = mkdtempSync(join(tmpdir(), 'alur-bench-'));
    const file = seeding.config.sqliteFile;
    for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(dir, `alur.sqlite${suffix}`));
    return { dir, seconds: round((performance.now() - t0) / 1000, 1), megabytes: round(statSync(join(dir, 'alur.sqlite')).size / 1048576, 1) };
  } finally {
    rmSync(seedDir, { recursive: true, force: true });
  }
}

/**
 * GET /healthz every PING_EVERY_MS on its own connection; each round trip in ms with its send time.
 * `settle()` waits (bounded) until no ping is in flight, so the next phase starts with none waiting.
 */
function startPinger(url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const pings: Array<{ sentAt: number; ms: number }> = [];
  let inFlight = 0;
  const timer = setInterval(() => {
    if (inFlight >= 4) return; // never more than a few waiting: the next tick measures the wait anyway
    inFlight++;
    const t0 = performance.now();
    http.get(`${url}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        pings.push({ sentAt: t0, ms: performance.now() - t0 });
        inFlight--;
      });
    }).on('error', () => inFlight--);
  }, PING_EVERY_MS);
  return {
    pings,
    async settle() {
      await sleep(PING_EVERY_MS);
      for (let i = 0; i < 100 && inFlight > 0; i++) await sleep(2);
    },
    stop() {
      clearInterval(timer);
      agent.destroy();
    },
  };
}

const summary = (v: number[]) => ({ p50: round(percentile(v, 50)), p95: round(percentile(v, 95)), max: round(Math.max(...v)) });

export async function benchReports(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const plan: ReportSeedPlan = { cases: opts.quick ? 10_000 : 100_000, months: 12, runningShare: 0.01 };
  const requests = 20;
  const seeded = await seededDir(plan);
  const app = await startBenchApp({ dir: seeded.dir });
  try {
    const agent = app.agent();
    await login(agent, OWNER);
    log(`  seeded in ${seeded.seconds} s (${seeded.megabytes} MB); ${requests} requests per report after one warm-up each`);
    const parts = await get(app, agent, REPORTS[5].path);
    const rows = parts.text.trimEnd().split('\r\n').length - 1;
    const full = rows === CSV_PART_ROWS && parts.link?.includes('halaman=2');
    if (!full) throw new Error(`kasus.csv part 1 has ${rows} rows (next part: ${parts.link ?? 'none'}), expected ${CSV_PART_ROWS} and a next part`);
    const cold: Record<string, number> = {};
    for (const r of REPORTS) cold[r.id] = round((await get(app, agent, r.path)).server); // the first: nothing cached in the report reader
    log(`  first request of each (cold): ${REPORTS.map((r) => `${r.id} ${cold[r.id]} ms`).join(', ')}`);

    // NOTE: the seeding's store (closed, same process) leaves garbage behind: collected now, so a major
    // collection of the bench's setup is not timed as a report's block
    // the office keeps working: a case completes (with its facts) before every report request, so no
    // report is served from figures computed before it. That write is the bench's (in process, not a
    // report): pings sent while a report runs are the target's, those sent around the write are shown apart
    const work = await officeAtWork(app.services, ADMINS.map((_, i) => `bench-admin-${i + 1}`));
    (globalThis as { gc?: () => void }).gc?.();
    const pinger = startPinger(baseUrl(agent));
    const server: Record<string, number[]> = Object.fromEntries(REPORTS.map((r) => [r.id, [] as number[]]));
    const windows: Array<[number, number]> = [];
    let written = 0;
    for (let i = 0; i < requests; i++) {
      for (const r of REPORTS) {
        await work(++written, 20 * 60);
        await pinger.settle();
        const start = performance.now();
        server[r.id]!.push((await get(app, agent, r.path)).server);
        windows.push([start, performance.now()]);
        await pinger.settle();
      }
    }
    pinger.stop();
    const during = (p: { sentAt: number }) => windows.some(([a, b]) => p.sentAt >= a && p.sentAt <= b);
    const inReports = pinger.pings.filter(during).map((p) => p.ms);
    const aside = pinger.pings.filter((p) => !during(p)).map((p) => p.ms);

    const targets = REPORTS.map((r) => {
      const s = summary(server[r.id]!);
      log(`  ${r.label}: server p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms`);
      return target(`reports.${r.id}.p95`, `${r.label} server time p95`, s.p95, '<=', MAX_P95_MS, 'ms');
    });
    const pings = summary(inReports);
    const others = summary(aside);
    log(`  GET /healthz every ${PING_EVERY_MS} ms while reports run: ${inReports.length} answered, p50 ${pings.p50} ms, p95 ${pings.p95} ms, max ${pings.max} ms`);
    log(`  GET /healthz around the office's case completions (not a report; shown only): ${aside.length} answered, p95 ${others.p95} ms, max ${others.max} ms`);
    targets.push(target('reports.blocked.max', 'longest GET /healthz round trip while reports run', pings.max, '<=', MAX_BLOCKED_MS, 'ms'));
    return {
      bench: 'reports',
      seconds: round((performance.now() - started) / 1000, 1),
      targets,
      details: {
        plan, seedSeconds: seeded.seconds, databaseMb: seeded.megabytes, requestsPerReport: requests, coldMs: cold,
        serverMs: Object.fromEntries(REPORTS.map((r) => [r.path, summary(server[r.id]!)])),
        healthz: { ...pings, count: inReports.length },
        healthzAroundCompletions: { ...others, count: aside.length },
      },
    };
  } finally {
    await app.close();
    rmSync(seeded.dir, { recursive: true, force: true });
  }
}

/** The listening server's base URL: the one the supertest agent was made with (bench-app.ts). */
function baseUrl(agent: Agent): string {
  const url = (agent as unknown as { app?: unknown }).app;
  if (typeof url !== 'string' || !url.startsWith('http://')) throw new Error('the bench agent has no base URL');
  return url;
}
