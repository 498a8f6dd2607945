// Target 2: on a store with 100,000 cases and 20,000 open tasks, the Admin PPE inbox pages
// GET /kotak-masuk (Antrian: unassigned Admin PPE tasks, first page of 50) and GET /tugas (tasks
// held by the admin) answer with server time p95 ≤ 30 ms (request start → response 'finish',
// measured by the wrapping http server; the supertest client is not counted).
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN, login } from '../test/helpers/app.js';
import { BENCH_ID, cheapHash, startBenchApp, startBenchServices, type Agent, type BenchApp } from './lib/bench-app.js';
import { seedCases, type SeedPlan } from './lib/inbox-seed.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, mb, percentile, round } from './lib/stats.js';

const MAX_P95_MS = 30;
const PAGE_SIZE = 50;
const PAGES = [
  { id: 'queue', path: '/kotak-masuk', label: 'GET /kotak-masuk (Antrian)' },
  { id: 'mine', path: '/tugas', label: 'GET /tugas (Tugas Saya, admin)' },
  // the inbox's sortable columns, the other way round (read backwards on the same indexes)
  { id: 'queueLatestDue', path: '/kotak-masuk?urut=batas-akhir', label: 'GET /kotak-masuk?urut=batas-akhir (Antrian, latest due first)' },
  { id: 'queueNewest', path: '/kotak-masuk?urut=terbaru', label: 'GET /kotak-masuk?urut=terbaru (Antrian, newest first)' },
  // by process (one process at a time, from counts per process), step and applicant name (NOCASE indexes)
  { id: 'queueByProcess', path: '/kotak-masuk?urut=proses', label: 'GET /kotak-masuk?urut=proses (Antrian, process A–Z)' },
  { id: 'queueByProcessPage10', path: '/kotak-masuk?urut=proses-turun&halaman=10', label: 'GET /kotak-masuk?urut=proses-turun&halaman=10 (Antrian, process Z–A, page 10)' },
  { id: 'queueByStep', path: '/kotak-masuk?urut=langkah-turun', label: 'GET /kotak-masuk?urut=langkah-turun (Antrian, step Z–A)' },
  { id: 'queueByApplicant', path: '/kotak-masuk?urut=pemohon', label: 'GET /kotak-masuk?urut=pemohon (Antrian, applicant A–Z)' },
  { id: 'mineByApplicant', path: '/tugas?urut=pemohon-turun', label: 'GET /tugas?urut=pemohon-turun (Tugas Saya, applicant Z–A)' },
] as const;

/** The task rows of an inbox page. */
const taskRows = (html: string): number => (html.match(/<tr class="[^"]*\btask-row\b/g) ?? []).length;

let seq = 0;
async function get(app: BenchApp, agent: Agent, path: string): Promise<{ server: number; client: number; text: string }> {
  const id = `get-${++seq}`;
  const t0 = performance.now();
  const res = await agent.get(path).set(BENCH_ID, id);
  const client = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return { server: await app.serverMs(id), client, text: res.text };
}

/**
 * Seeds in a tmpfs folder (/dev/shm: one commit per case costs no disk I/O there), then copies the
 * checkpointed file to a temp folder on disk, where the app runs.
 */
async function seededDir(plan: SeedPlan): Promise<{ dir: string; seconds: number; megabytes: number }> {
  const fast = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const seedDir = mkdtempSync(join(fast, 'alur-seed-'));
  const t0 = performance.now();
  try {
    const seeding = await startBenchServices({ dir: seedDir });
    const { store } = seeding.services;
    const admin = await store.findUserByEmail(ADMIN.email);
    if (!admin) throw new Error('no demo admin account');
    const other = { ...admin, id: `${admin.id}-2`, email: 'admin2@alur.local', displayName: 'Admin PPE 2' };
    await store.insertUser(other);
    log(`  seeding ${plan.cases} cases (${plan.openTasks} open tasks) through Store.applyCaseChange in ${fast}`);
    await seedCases(seeding.services, plan, { adminId: admin.id, otherAdminId: other.id }, cheapHash('kata-sandi-rahasia-1'), (done) =>
      log(`    ${done}/${plan.cases} cases (${round((performance.now() - t0) / 1000, 1)} s)`));
    await seeding.close(); // last connection: SQLite checkpoints the WAL into the main file
    const dir = mkdtempSync(join(tmpdir(), 'alur-bench-'));
    const file = seeding.config.sqliteFile;
    for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(dir, `alur.sqlite${suffix}`));
    const { size } = statSync(join(dir, 'alur.sqlite'));
    return { dir, seconds: round((performance.now() - t0) / 1000, 1), megabytes: round(size / 1048576, 1) };
  } finally {
    rmSync(seedDir, { recursive: true, force: true });
  }
}

const summary = (v: number[]) => ({ p50: round(percentile(v, 50)), p95: round(percentile(v, 95)), p99: round(percentile(v, 99)), max: round(Math.max(...v)) });

export async function benchInbox(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const plan: SeedPlan = opts.quick
    ? { cases: 10_000, openTasks: 2_000, mineTasks: 150, otherTasks: 100, failedCases: 5 }
    : { cases: 100_000, openTasks: 20_000, mineTasks: 150, otherTasks: 600, failedCases: 10 };
  const requests = opts.quick ? 50 : 300;
  const warm = opts.quick ? 10 : 30;
  const seeded = await seededDir(plan);
  const app = await startBenchApp({ dir: seeded.dir });
  try {
    const queued = await app.services.store.countTasks({ groupIds: ['admin-ppe'], assigneeId: null });
    log(`  seeded in ${seeded.seconds} s (${seeded.megabytes} MB); ${queued} tasks in the Antrian; ${requests} requests per page after ${warm} warm-up`);
    const agent = app.agent();
    await login(agent, ADMIN);
    for (const page of PAGES) {
      const rows = taskRows((await get(app, agent, page.path)).text);
      if (rows !== PAGE_SIZE) throw new Error(`${page.path} shows ${rows} task rows, expected ${PAGE_SIZE}`);
    }
    const rssBefore = mb(process.memoryUsage().rss);
    for (let i = 0; i < warm; i++) for (const page of PAGES) await get(app, agent, page.path);
    const server: Record<string, number[]> = Object.fromEntries(PAGES.map((p) => [p.id, []]));
    const client: Record<string, number[]> = Object.fromEntries(PAGES.map((p) => [p.id, []]));
    for (let i = 0; i < requests; i++) {
      for (const page of PAGES) {
        const r = await get(app, agent, page.path);
        server[page.id]!.push(r.server);
        client[page.id]!.push(r.client);
      }
    }
    const rssAfter = mb(process.memoryUsage().rss);
    log(`  process RSS ${rssBefore} MB before the requests, ${rssAfter} MB after them (info)`);
    const targets = PAGES.map((page) => {
      const s = summary(server[page.id]!);
      log(`  ${page.label}: server p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms (client round trip p95 ${summary(client[page.id]!).p95} ms)`);
      return target(`inbox.${page.id}.p95`, `${page.label} server time p95`, s.p95, '<=', MAX_P95_MS, 'ms');
    });
    return {
      bench: 'inbox',
      seconds: round((performance.now() - started) / 1000, 1),
      targets,
      details: {
        plan, rssMb: { beforeRequests: rssBefore, afterRequests: rssAfter }, seedSeconds: seeded.seconds, databaseMb: seeded.megabytes, queuedTasks: queued, requestsPerPage: requests, warmUp: warm,
        serverMs: Object.fromEntries(PAGES.map((p) => [p.path, summary(server[p.id]!)])),
        clientMs: Object.fromEntries(PAGES.map((p) => [p.path, summary(client[p.id]!)])),
      },
    };
  } finally {
    await app.close();
    rmSync(seeded.dir, { recursive: true, force: true });
  }
}
