// Target 5: one process runs 10,000 cases through sign-up (CaseService.register, contacts verified
// through VerificationService) and step 3 (CaseService.completeTask) on a temp SQLite store. Memory
// is sampled every 200 cases, after a forced GC and a short settle. Targets: RSS at the end < 300 MB,
// and the least-squares slope of the V8 heap used over the second half of the run ≤ 2 MB per 1,000
// cases (no steady growth of what the app keeps; RSS also holds freed pages the allocator has not
// returned yet, and swings by tens of MB between samples: its slope is reported, not judged).
// Needs --expose-gc (bench/run.ts passes it).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { applicantAtStep3, IDENTITY } from './lib/applicant.js';
import { startBenchServices } from './lib/bench-services.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, mb, round, slope } from './lib/stats.js';

const MAX_RSS_MB = 300;
const MAX_SLOPE_MB_PER_1K = 2;
/**
 * Pause between the forced GC and reading RSS: V8 hands freed pages back to the OS from background
 * tasks, so RSS read right after gc() is ~70 MB higher than 250 ms later (measured on the compiled app).
 */
const SETTLE_MS = 300;

export interface MemorySample {
  cases: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  seconds: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Runs `total` cases, sampling every `every` cases and printing every `printEvery`. */
export async function runCases(total: number, every: number, printEvery: number): Promise<MemorySample[]> {
  const started = performance.now();
  const bench = await startBenchServices();
  const { cases } = bench.services;
  const samples: MemorySample[] = [];
  const sample = async (n: number): Promise<void> => {
    gc?.();
    await sleep(SETTLE_MS);
    const m = process.memoryUsage();
    const s = { cases: n, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), seconds: round((performance.now() - started) / 1000, 1) };
    samples.push(s);
    if (n % printEvery === 0) log(`    ${String(n).padStart(6)} cases: RSS ${s.rssMb} MB, heap used ${s.heapUsedMb} / total ${s.heapTotalMb} MB, external ${s.externalMb} MB (${s.seconds} s)`);
  };
  try {
    await sample(0);
    for (let i = 1; i <= total; i++) {
      const { user, taskId } = await applicantAtStep3(bench.services);
      await cases.completeTask(taskId, user, { ...IDENTITY, email: user.email }); // the account's verified address
      if (i % every === 0) await sample(i);
    }
  } finally {
    await bench.close();
  }
  return samples;
}

/** RSS by kind from /proc/self/status (Linux): anonymous (heaps, malloc), file-backed (code), shared; null elsewhere. */
function rssBreakdown(): Record<string, number> | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { anonymous: round(kb('RssAnon') / 1024, 1), file: round(kb('RssFile') / 1024, 1), shared: round(kb('RssShmem') / 1024, 1), threads: Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN) };
  } catch {
    return null;
  }
}

export async function benchMemory(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const total = opts.quick ? 600 : 10_000;
  const printEvery = opts.quick ? 100 : 1_000;
  if (!gc) log('  NOTE: no --expose-gc: RSS is sampled without a forced GC');
  const samples = await runCases(total, printEvery / 5, printEvery);
  const last = samples.filter((s) => s.cases >= total / 2);
  const perK = (pick: (s: MemorySample) => number): number => slope(last.map((s) => s.cases / 1000), last.map(pick));
  const rssSlope = perK((s) => s.rssMb);
  const heapSlope = perK((s) => s.heapUsedMb);
  const endRss = samples.at(-1)!.rssMb;
  const maxRss = Math.max(...samples.map((s) => s.rssMb));
  // where the committed V8 heap sits at the end (after GC): size vs used per space
  const spaces = getHeapSpaceStatistics()
    .map((sp) => ({ space: sp.space_name, sizeMb: mb(sp.space_size), usedMb: mb(sp.space_used_size) }))
    .filter((sp) => sp.sizeMb >= 1);
  log(`  V8 heap spaces (size/used MB): ${spaces.map((sp) => `${sp.space} ${sp.sizeMb}/${sp.usedMb}`).join(', ')}`);
  log(`  RSS at end ${endRss} MB (max ${maxRss} MB; target < ${MAX_RSS_MB}); slope over the last ${total / 2} cases: ` +
    `heap used ${round(heapSlope, 2)} MB/1k (target ≤ ${MAX_SLOPE_MB_PER_1K}), RSS ${round(rssSlope, 2)} MB/1k (info)`);
  const rss = rssBreakdown();
  if (rss) log(`  RSS at end by kind (MB): ${Object.entries(rss).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return {
    bench: 'memory',
    seconds: round((performance.now() - started) / 1000, 1),
    targets: [
      target('memory.rssEnd', `RSS after ${total} cases`, endRss, '<', MAX_RSS_MB, 'MB'),
      // 300 cases after start-up say nothing about steady growth: reported, not judged, in --quick
      { ...target('memory.heapSlope', `heap used slope over the last ${total / 2} cases`, round(heapSlope, 2), '<=', MAX_SLOPE_MB_PER_1K, 'MB/1k cases'), judged: !opts.quick },
      { ...target('memory.rssSlope', `RSS slope over the last ${total / 2} cases (info: freed pages come and go)`, round(rssSlope, 2), '<=', MAX_SLOPE_MB_PER_1K, 'MB/1k cases'), judged: false },
    ],
    details: {
      cases: total, sampleEvery: printEvery / 5, settleMs: SETTLE_MS, gcForced: Boolean(gc), maxRssMb: maxRss, heapUsedSlopeMbPer1k: round(heapSlope, 2), rssSlopeMbPer1k: round(rssSlope, 2), rssAtEnd: rss, heapSpacesAtEnd: spaces,
      samples: samples.filter((s) => s.cases % printEvery === 0),
    },
  };
}
