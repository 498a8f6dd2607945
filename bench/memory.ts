// Target 4: one process runs 10,000 cases through sign-up (CaseService.register) and step 3
// (CaseService.completeTask) on a temp SQLite store; RSS is sampled every 1,000 cases after a
// forced GC. RSS at the end must stay < 300 MB, and the RSS slope over the last half of the run
// must stay ≤ 2 MB per 1,000 cases (no steady growth). Needs --expose-gc (bench/run.ts passes it).
import { performance } from 'node:perf_hooks';
import { IDENTITY, newApplicant } from '../test/helpers/ppbj.js';
import { cheapHash, startBenchServices } from './lib/bench-app.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, mb, round, slope } from './lib/stats.js';

const MAX_RSS_MB = 300;
const MAX_SLOPE_MB_PER_1K = 2;

interface Sample {
  cases: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  seconds: number;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export async function benchMemory(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const total = opts.quick ? 600 : 10_000;
  const every = opts.quick ? 100 : 1_000;
  const gcAvailable = typeof (globalThis as { gc?: unknown }).gc === 'function';
  if (!gcAvailable) log('  NOTE: no --expose-gc: RSS is sampled without a forced GC');
  const bench = await startBenchServices();
  const { cases, store } = bench.services;
  const samples: Sample[] = [];
  const sample = (n: number): void => {
    collect();
    const m = process.memoryUsage();
    samples.push({ cases: n, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), seconds: round((performance.now() - started) / 1000, 1) });
    const s = samples.at(-1)!;
    log(`    ${String(n).padStart(6)} cases: RSS ${s.rssMb} MB, heap used ${s.heapUsedMb} / total ${s.heapTotalMb} MB, external ${s.externalMb} MB (${s.seconds} s)`);
  };
  try {
    sample(0);
    for (let i = 1; i <= total; i++) {
      const applicant = newApplicant();
      const user = await cases.register(applicant, async (p) => cheapHash(p));
      const [task] = await store.listTasks({ applicantId: user.id, role: 'ppbj' });
      if (!task) throw new Error(`no open task for ${user.email}`);
      await cases.completeTask(task.id, user, IDENTITY);
      if (i % every === 0) sample(i);
    }
  } finally {
    await bench.close();
  }
  const last = samples.filter((s) => s.cases >= total / 2);
  const perK = (ys: number[]): number => slope(last.map((s) => s.cases / 1000), ys);
  const rssSlope = perK(last.map((s) => s.rssMb));
  const heapSlope = perK(last.map((s) => s.heapUsedMb));
  const endRss = samples.at(-1)!.rssMb;
  log(`  RSS at end ${endRss} MB (target < ${MAX_RSS_MB}); slope over the last ${total / 2} cases: RSS ${round(rssSlope, 2)} MB/1k, heap ${round(heapSlope, 2)} MB/1k (target ≤ ${MAX_SLOPE_MB_PER_1K})`);
  return {
    bench: 'memory',
    seconds: round((performance.now() - started) / 1000, 1),
    targets: [
      target('memory.rssEnd', `RSS after ${total} cases`, endRss, '<', MAX_RSS_MB, 'MB'),
      target('memory.rssSlope', `RSS slope over the last ${total / 2} cases`, round(rssSlope, 2), '<=', MAX_SLOPE_MB_PER_1K, 'MB/1k cases'),
    ],
    details: { cases: total, sampleEvery: every, gcForced: gcAvailable, heapSlopeMbPer1k: round(heapSlope, 2), samples },
  };
}
