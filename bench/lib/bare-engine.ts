// Baseline for the task-completion target: the bare bpmn-engine loop of
// /work/shared/notes/bpmn-engine.md §3/§8 on the shipped process, one operation =
// JSON.parse(state) → new Engine → recover → resume → signal → getState → JSON.stringify → stop.
// Two configurations: `safe` = the security options src/workflow/engine-factory.ts passes
// (pre-serialised source context, no scripts, allow-list expressions, inert timers, no state
// tracking), without the app's extensions and without the app's own savings (one shared source
// context per version, a silent Logger, no stop()): the loop stays the notes' bare loop;
// `default` = a default Engine on the shipped XML (state carries the diagram).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Engine, type BpmnEngineOptions } from 'bpmn-engine';
import type { IScripts } from 'bpmn-elements';
import { PPBJ_PROCESS_FILE as SHIPPED_PROCESS_FILE } from '../../src/packs/ppbj/process-key.js';
import { compileDefinition } from '../../src/workflow/compile-definition.js';
import { inertTimers, noScripts } from '../../src/workflow/engine-factory.js';
import { deserializeForEngine, moddleOptions } from '../../src/workflow/moddle.js';
import { SafeExpressions } from '../../src/workflow/safe-expressions.js';

export type BareMode = 'safe' | 'default';

const PROCESS_KEY = 'pendaftaran-akun-ppbj';
const FIRST = 'MembuatAkun';
const TARGET = 'MengisiIdentitas';

export interface BareEngineLoop {
  mode: BareMode;
  /** size of the JSON state the loop recovers from (waiting at step 3) */
  stateBytes: number;
  /** runs `n` operations back to back; returns the elapsed milliseconds */
  run(n: number): Promise<number>;
}

export async function bareEngineLoop(mode: BareMode): Promise<BareEngineLoop> {
  const xml = readFileSync(SHIPPED_PROCESS_FILE, 'utf8');
  const { sourceContext } = await compileDefinition(xml);
  const options = (): BpmnEngineOptions =>
    mode === 'default'
      ? { name: PROCESS_KEY, moddleOptions }
      : {
          name: PROCESS_KEY,
          sourceContext: deserializeForEngine(sourceContext),
          moddleOptions,
          scripts: noScripts as IScripts,
          expressions: SafeExpressions(),
          services: {},
          timers: inertTimers(),
          settings: { disableTrackState: true },
        } as BpmnEngineOptions;

  // The state waiting at step 3, as the app has it after sign-up (the safe mode drops the diagram).
  const first = new Engine(mode === 'default' ? { ...options(), source: xml } : options());
  const execution = await first.execute();
  signal(execution, FIRST);
  const full = await first.getState();
  await stop(first);
  const state = mode === 'default' ? full : { ...full, definitions: full.definitions.map(({ source: _s, ...d }) => d) };
  const json = JSON.stringify(state);

  const once = async (): Promise<void> => {
    const engine = new Engine(options());
    const resumed = await engine.recover(JSON.parse(json)).resume();
    signal(resumed, TARGET, { form: {} });
    const next = await engine.getState();
    if (JSON.stringify(next).length === 0) throw new Error('empty state');
    await stop(engine);
  };

  return {
    mode,
    stateBytes: Buffer.byteLength(json),
    async run(n) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await once();
      return performance.now() - t0;
    },
  };
}

type Postponed = { id: string; type: string; signal(message?: unknown): void };

function signal(execution: { getPostponed(): Postponed[] }, elementId: string, message: unknown = {}): void {
  const task = execution.getPostponed().find((a) => a.id === elementId && a.type === 'bpmn:UserTask');
  if (!task) throw new Error(`${elementId} is not waiting`);
  task.signal(message);
}

async function stop(engine: Engine): Promise<void> {
  if (engine.state === 'running') await engine.stop();
}
