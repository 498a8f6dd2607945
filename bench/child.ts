// Runs one benchmark in its own process (spawned by bench/run.ts with --expose-gc) and writes its
// outcome as JSON: node --expose-gc --import tsx bench/child.ts <name> [--quick] --out <file>
import { writeFileSync } from 'node:fs';
import { isBenchName, type BenchName } from './lib/names.js';
import type { BenchOptions, BenchOutcome } from './lib/result.js';

type Run = (opts: BenchOptions) => Promise<BenchOutcome>;
// Imported on demand: the memory child must not load the HTTP harness of the other benchmarks.
const RUNS: Record<BenchName, () => Promise<Run>> = {
  state: async () => (await import('./engine-state.js')).benchEngineState,
  completion: async () => (await import('./task-completion.js')).benchTaskCompletion,
  inbox: async () => (await import('./inbox.js')).benchInbox,
  memory: async () => (await import('./memory.js')).benchMemory,
  storage: async () => (await import('./storage.js')).benchStorage,
  reports: async () => (await import('./reports.js')).benchReports,
  start: async () => (await import('./start.js')).benchStart,
  workers: async () => (await import('./workers.js')).benchWorkers,
  import: async () => (await import('./import.js')).benchImport,
};

const args = process.argv.slice(2);
const name = args[0] ?? '';
const out = args[args.indexOf('--out') + 1];
if (!isBenchName(name) || !args.includes('--out') || !out) {
  process.stderr.write('usage: bench/child.ts <name> [--quick] --out <file>\n');
  process.exit(2);
}
const outcome = await (await RUNS[name]())({ quick: args.includes('--quick') });
writeFileSync(out, JSON.stringify(outcome, null, 2));
process.exit(0); // supertest keep-alive sockets and library timers must not hold the process
