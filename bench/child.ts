// Runs one benchmark in its own process (spawned by bench/run.ts with --expose-gc) and writes its
// outcome as JSON: node --expose-gc --import tsx bench/child.ts <name> [--quick] --out <file>
import { writeFileSync } from 'node:fs';
import { benchEngineState } from './engine-state.js';
import { benchInbox } from './inbox.js';
import { benchMemory } from './memory.js';
import { benchTaskCompletion } from './task-completion.js';
import { isBenchName, type BenchName } from './lib/names.js';
import type { BenchOptions, BenchOutcome } from './lib/result.js';

const RUNS: Record<BenchName, (opts: BenchOptions) => Promise<BenchOutcome>> = {
  state: benchEngineState,
  completion: benchTaskCompletion,
  inbox: benchInbox,
  memory: benchMemory,
};

const args = process.argv.slice(2);
const name = args[0] ?? '';
const out = args[args.indexOf('--out') + 1];
if (!isBenchName(name) || !args.includes('--out') || !out) {
  process.stderr.write('usage: bench/child.ts <name> [--quick] --out <file>\n');
  process.exit(2);
}
const outcome = await RUNS[name]({ quick: args.includes('--quick') });
writeFileSync(out, JSON.stringify(outcome, null, 2));
process.exit(0); // supertest keep-alive sockets and library timers must not hold the process
