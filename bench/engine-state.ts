// Target 3: the stored engine state of a case (CaseRecord.engineState, compressed, without the
// diagram) stays ≤ 6144 bytes at every step, including after returns from step 6 to step 5.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PPBJ_PROCESS_FILE as SHIPPED_PROCESS_FILE } from '../src/packs/ppbj/process-key.js';
import { decodeState } from '../src/workflow/engine-state.js';
import { driveCase, type StateSample } from './lib/drive-case.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, mean, round } from './lib/stats.js';

const MAX_BYTES = 6144;
const RETURN_PATHS = [0, 1, 3, 5];

export async function benchEngineState(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const def = { id: 'bench-shipped', xml: readFileSync(SHIPPED_PROCESS_FILE, 'utf8') };
  const casesPerPath = opts.quick ? 2 : 10;
  const all: StateSample[] = [];
  for (const returns of RETURN_PATHS) {
    for (let i = 0; i < casesPerPath; i++) all.push(...(await driveCase(def, returns)));
    log(`  ${casesPerPath} cases with ${returns} return(s) driven to completion`);
  }
  const byLabel = new Map<string, { stored: number[]; json: number[] }>();
  for (const s of all) {
    const entry = byLabel.get(s.label) ?? { stored: [], json: [] };
    entry.stored.push(s.result.engineState.length);
    entry.json.push(Buffer.byteLength(JSON.stringify(decodeState(s.result.engineState))));
    byLabel.set(s.label, entry);
  }
  const perStep = [...byLabel].map(([label, v]) => ({
    label, samples: v.stored.length, maxStored: Math.max(...v.stored), meanStored: round(mean(v.stored), 0), maxJson: Math.max(...v.json),
  }));
  for (const s of perStep) log(`    ${s.label.padEnd(40)} stored max ${String(s.maxStored).padStart(5)} B, mean ${String(s.meanStored).padStart(5)} B (JSON ${s.maxJson} B)`);
  const sizes = all.map((s) => s.result.engineState.length);
  const max = Math.max(...sizes);
  log(`  stored engineState: max ${max} B, mean ${round(mean(sizes), 0)} B over ${sizes.length} states (target ≤ ${MAX_BYTES} B)`);
  return {
    bench: 'state',
    seconds: round((performance.now() - started) / 1000, 1),
    targets: [target('state.maxBytes', 'max stored engineState.length over all steps and return paths', max, '<=', MAX_BYTES, 'B')],
    details: { returnPaths: RETURN_PATHS, casesPerPath, states: sizes.length, maxBytes: max, meanBytes: round(mean(sizes), 0), perStep },
  };
}
