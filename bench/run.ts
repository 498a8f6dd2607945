// npm run bench [-- <name>...] [--quick]
// Runs the project's performance targets, each benchmark in its own child process (with
// --expose-gc, so the memory benchmark can force GC and earlier runs don't skew later ones),
// prints PASS/FAIL per target, writes bench/results/latest.json and exits 1 if any target missed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_NAMES, BENCH_TITLES, isBenchName, type BenchName } from './lib/names.js';
import type { BenchOutcome } from './lib/result.js';
import { log, round } from './lib/stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');

function parseArgs(argv: string[]): { names: BenchName[]; quick: boolean } {
  const unknown = argv.filter((a) => a !== '--quick' && !isBenchName(a));
  if (unknown.length > 0 || argv.includes('--help')) {
    log(`usage: npm run bench [-- [${BENCH_NAMES.join('|')}]... [--quick]]`);
    for (const n of BENCH_NAMES) log(`  ${n.padEnd(11)} ${BENCH_TITLES[n]}`);
    process.exit(argv.includes('--help') ? 0 : 2);
  }
  const picked = argv.filter(isBenchName);
  return { names: picked.length > 0 ? BENCH_NAMES.filter((n) => picked.includes(n)) : [...BENCH_NAMES], quick: argv.includes('--quick') };
}

function runChild(name: BenchName, quick: boolean, scratch: string): Promise<BenchOutcome> {
  const out = join(scratch, `${name}.json`);
  const execArgv = [...new Set([...process.execArgv, '--expose-gc'])];
  const args = [...execArgv, join(ROOT, 'bench', 'child.ts'), name, ...(quick ? ['--quick'] : []), '--out', out];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`exited with ${signal ?? code}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as BenchOutcome);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        resolve({
          bench: name, seconds: round((Date.now() - started) / 1000, 1), details: { error: message },
          targets: [{ id: `${name}.run`, metric: `benchmark ran to the end (${message})`, value: 0, comparison: '>=', threshold: 1, unit: '', pass: false }],
        });
      }
    });
  });
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const { names, quick } = parseArgs(process.argv.slice(2));
const startedAt = new Date();
const scratch = mkdtempSync(join(tmpdir(), 'alur-bench-run-'));
const loadBefore = loadavg().map((v) => round(v, 2));
log(`Alur benchmarks${quick ? ' (--quick)' : ''}: ${names.join(', ')} — ${cpus().length} CPUs, load average ${loadBefore.join(' ')}`);
const outcomes: BenchOutcome[] = [];
try {
  for (const [i, name] of names.entries()) {
    log(`\n[${i + 1}/${names.length}] ${name}: ${BENCH_TITLES[name]}`);
    const outcome = await runChild(name, quick, scratch);
    outcomes.push(outcome);
    log(`  (${outcome.seconds} s)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const targets = outcomes.flatMap((o) => o.targets);
const judged = targets.filter((t) => t.judged !== false);
const pass = judged.every((t) => t.pass);
const verdict = (t: (typeof targets)[number]): string => (t.judged === false ? 'info' : t.pass ? 'PASS' : 'FAIL');
log('\nTargets');
for (const t of targets) {
  log(`  ${verdict(t).padEnd(4)}  ${t.id.padEnd(20)} ${String(t.value).padStart(8)} ${t.unit.padEnd(12)} ${t.comparison} ${t.threshold}  ${t.metric}`);
}
const seconds = round((Date.now() - startedAt.getTime()) / 1000, 1);
log(`\n${pass ? 'PASS' : 'FAIL'}: ${judged.filter((t) => t.pass).length}/${judged.length} targets met in ${seconds} s${quick ? ' (--quick: small sizes, indicative only)' : ''}`);

mkdirSync(RESULTS, { recursive: true });
const summary = {
  startedAt: startedAt.toISOString(), seconds, quick, benches: names, pass,
  environment: {
    node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null,
    loadAverageBefore: loadBefore, loadAverageAfter: loadavg().map((v) => round(v, 2)),
    gitCommit: git(['rev-parse', 'HEAD']), gitDirtyFiles: git(['status', '--porcelain'])?.split('\n').filter(Boolean).length ?? null,
  },
  targets, outcomes,
};
writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
log(`wrote ${join('bench', 'results', 'latest.json')}`);
process.exitCode = pass ? 0 : 1;
