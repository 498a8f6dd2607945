// Issue 14, target 2: bytes of the SQLite store per case. Seeds N cases with `npm run seed:demo`
// (six months of history through the app's services, in a child process on a fresh data folder),
// runs the retention job as if 31 days had passed (message texts past the retention period, finished
// timers, used codes, expired sessions), checkpoints the WAL, VACUUMs, and reads the bytes of each
// table with its indexes (SQLite's dbstat). Target: file bytes / cases ≤ 12 KB.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { RetentionJob, type RetentionCounts } from '../src/scheduler/retention-job.js';
import { measureStore, type StoreBytes } from '../src/store/sqlite/retention-stats.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, round } from './lib/stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_BYTES_PER_CASE = 12 * 1024;
const MIN_COMPLETED_SHARE = 0.9;
const DAY_MS = 86_400_000;

function seed(cases: number, dir: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', ALUR_DATA_DIR: join(dir, 'data'), ALUR_UPLOAD_DIR: join(dir, 'uploads') };
  for (const name of ['MONGODB_URI', 'ALUR_SQLITE_FILE', 'ALUR_ADMIN_PASSWORD', 'ALUR_OWNER_PASSWORD']) delete env[name];
  const args = ['--import', 'tsx', join(ROOT, 'bench', 'seed-demo.ts'), `--cases=${cases}`, '--months=6'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (/^\[seed\] (done|\d+ cases)/.test(line)) log(`  ${line}`);
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed:demo exited with ${code}`))));
  });
}

/** Runs the job until nothing is left (a run stops after bounded batches), as of `now`. */
async function retain(file: string, now: Date): Promise<RetentionCounts & { runs: number }> {
  const store = createSqliteStore({ file });
  await store.init();
  const job = new RetentionJob({ store, messageRetentionDays: 30 });
  const total = { messages: 0, secrets: 0, sessions: 0, verifications: 0, timers: 0, rateLimits: 0, more: false, runs: 0 };
  try {
    for (;;) {
      const counts = await job.run(now);
      total.runs++;
      for (const k of ['messages', 'secrets', 'sessions', 'verifications', 'timers', 'rateLimits'] as const) total[k] += counts[k];
      if (!counts.more) return total;
    }
  } finally {
    await store.close();
  }
}

const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;

function table(before: StoreBytes, after: StoreBytes, cases: number): Array<Record<string, number | string>> {
  const names = [...new Set([...(before.tables ?? []), ...(after.tables ?? [])].map((t) => t.table))];
  const find = (s: StoreBytes, name: string) => s.tables?.find((t) => t.table === name) ?? { rows: 0, tableBytes: 0, indexBytes: 0 };
  const rows = names.map((name) => {
    const [b, a] = [find(before, name), find(after, name)];
    return {
      table: name, rowsBefore: b.rows, rowsAfter: a.rows, bytesBefore: b.tableBytes + b.indexBytes, bytesAfter: a.tableBytes + a.indexBytes,
      indexBytesAfter: a.indexBytes, perCaseBefore: round((b.tableBytes + b.indexBytes) / cases, 0), perCaseAfter: round((a.tableBytes + a.indexBytes) / cases, 0),
    };
  });
  return rows.sort((x, y) => Number(y.bytesAfter) - Number(x.bytesAfter) || Number(y.bytesBefore) - Number(x.bytesBefore));
}

export async function benchStorage(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const cases = opts.quick ? 1000 : 5000;
  const dir = mkdtempSync(join(tmpdir(), 'alur-bench-storage-'));
  const file = join(dir, 'data', 'alur.sqlite');
  try {
    log(`  seeding ${cases} cases over 6 months with seed:demo (a child process)`);
    await seed(cases, dir);
    const before = measureStore(file);
    if (!before.tables) log('  NOTE: this SQLite has no dbstat: only the file size is measured');
    const removed = await retain(file, new Date(Date.now() + 31 * DAY_MS));
    const after = measureStore(file);
    const total = Object.values(after.cases).reduce((a, b) => a + b, 0);
    const completed = after.cases.completed ?? 0;
    const rows = table(before, after, total);
    log(`  retention as of 31 days later (${removed.runs} runs): ${removed.messages} message texts, ${removed.secrets} secret texts, ${removed.timers} timers, ` +
      `${removed.verifications} codes, ${removed.sessions} sessions, ${removed.rateLimits} rate-limit windows removed`);
    log(`  ${'table (with its indexes)'.padEnd(24)} ${'rows'.padStart(15)} ${'bytes per case'.padStart(17)} ${'of which indexes'.padStart(17)}`);
    for (const r of rows) {
      if (Number(r.bytesBefore) + Number(r.bytesAfter) < 8192) continue;
      log(`  ${String(r.table).padEnd(24)} ${`${r.rowsBefore} → ${r.rowsAfter}`.padStart(15)} ${`${r.perCaseBefore} → ${r.perCaseAfter}`.padStart(17)} ${String(round(Number(r.indexBytesAfter) / total, 0)).padStart(17)}`);
    }
    const perCase = round(after.fileBytes / total, 0);
    log(`  file: ${kb(before.fileBytes)} → ${kb(after.fileBytes)} for ${total} cases (${completed} completed): ${round(before.fileBytes / total / 1024, 2)} → ${round(perCase / 1024, 2)} KB per case (target ≤ 12 KB)`);
    return {
      bench: 'storage',
      seconds: round((performance.now() - started) / 1000, 1),
      targets: [
        target('storage.bytesPerCase', 'SQLite file bytes per case after retention (31 days later), WAL checkpointed, VACUUMed', perCase, '<=', MAX_BYTES_PER_CASE, 'B'),
        // NOTE: a seed whose cases stop early (a form the demo no longer fills right) measures a lighter store: that is no pass
        target('storage.completedShare', 'share of the seeded cases that ran to their end (seed:demo leaves the newest open)', round(completed / total, 3), '>=', MIN_COMPLETED_SHARE),
      ],
      details: {
        cases: total, casesByStatus: after.cases, fileBytesBefore: before.fileBytes, fileBytesAfter: after.fileBytes, pageSize: after.pageSize,
        bytesPerCaseBefore: round(before.fileBytes / total, 0), bytesPerCompletedCase: completed ? round(after.fileBytes / completed, 0) : null, removed, tables: rows,
      },
    };
  } finally {
    // NOTE: ALUR_BENCH_KEEP=1 leaves the measured store for a look at its rows (the path is logged)
    if (process.env.ALUR_BENCH_KEEP === '1') log(`  kept: ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
