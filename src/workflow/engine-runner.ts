// Runs one engine call per request: new Engine -> execute | recover(state)+resume -> act ->
// getState, then the engine is dropped. Nothing survives the call except the returned (compressed) state.
import type { Engine, Execution } from 'bpmn-engine';
import { compileDefinition, type CompiledDefinition } from './compile-definition.js';
import { compiledDefinition } from './definition-cache.js';
import { createEngine, type EngineHooks } from './engine-factory.js';
import { decodeState, encodeState } from './engine-state.js';
import { TaskNotWaitingError } from './errors.js';
import { withTimers, watchTimers } from './timer-events.js';
import type { DefinitionRef, EngineResult, WaitingTask } from './types.js';

/**
 * The work one engine call may do before it is stopped and its case fails: activity starts and
 * engine events (an automatic loop), messages of loop iterations (4-5 per iteration: a loop of
 * more than ~65 iterations, where validation allows MAX_LOOP_ITERATIONS = 50, nested loops
 * multiplied; a 50-iteration loop makes ~225) and the engine's own time (workBudget). The
 * shipped process makes at most ~20 events per call. A 1,000,000-iteration loop that slipped
 * past validation is stopped after ~20-80 ms on this (shared, 2-core) machine.
 */
export interface EngineCallLimits {
  activityStarts: number;
  events: number;
  iterationMessages: number;
  milliseconds: number;
}
export const ENGINE_CALL_LIMITS: Readonly<EngineCallLimits> = Object.freeze({ activityStarts: 300, events: 3000, iterationMessages: 300, milliseconds: 500 });

const HINT = 'an automatic loop or a loop with too many iterations?';
/** The longest pause between two engine events that counts as the engine's work (see workBudget). */
const MAX_GAP_MS = 20;

/** One call's work budget; each hook throws once the call went over a limit. */
export function workBudget(limits: Readonly<EngineCallLimits> = ENGINE_CALL_LIMITS): EngineHooks {
  // NOTE: time is the engine's own, summed between consecutive events: a gap longer than MAX_GAP_MS
  // is the engine waiting (an awaited hop in which other requests run), not working, and counts as
  // MAX_GAP_MS, so a busy server never fails a legitimate case while a runaway loop (events
  // microseconds apart) still reaches the limit. Building the engine happens before the first event.
  let last = -1;
  let engineMs = 0;
  let starts = 0;
  const counts = { event: 0, iteration: 0 };
  return {
    onActivityStart() {
      if (++starts > limits.activityStarts) throw new Error(`More than ${limits.activityStarts} activities in one step: automatic loop?`);
    },
    onStep(kind) {
      if (kind === 'event' && ++counts.event > limits.events) throw new Error(`More than ${limits.events} engine events in one step: ${HINT}`);
      if (kind === 'iteration' && ++counts.iteration > limits.iterationMessages) {
        throw new Error(`More than ${limits.iterationMessages} loop iteration messages in one step: a loop with too many iterations?`);
      }
      const now = performance.now();
      if (last >= 0) engineMs += Math.min(now - last, MAX_GAP_MS);
      last = now;
      if (engineMs > limits.milliseconds) throw new Error(`The engine ran for more than ${limits.milliseconds} ms in one step: ${HINT}`);
    },
  };
}

type Begin = (engine: Engine) => Promise<Execution>;
type Act = (execution: Execution) => void;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function waitingOf(compiled: CompiledDefinition, execution: Execution): WaitingTask[] {
  const specs = new Map(compiled.model.userTasks.map((spec) => [spec.id, spec]));
  return execution
    .getPostponed()
    .filter((api) => api.type === 'bpmn:UserTask' && specs.has(api.id))
    .map((api) => ({ elementId: api.id, spec: specs.get(api.id)! }));
}

// NOTE: the engine is not stop()ped: stop() only cancels the engine's own broker consumers and
// timers, and this engine has no armed timer (inert Timers), no services, no pending work and no
// reference from outside this call, so it is garbage once run() returns. stop() cost 9-15% of the
// CPU of every call. test/workflow/engine-teardown.test.ts checks that dropped engines are collected.
async function run(compiled: CompiledDefinition, begin: Begin, act: Act | null, previous: Buffer): Promise<EngineResult> {
  let failure: unknown = null;
  let ended = false;
  const engine = createEngine(compiled, workBudget());
  engine.on('error', (err: unknown) => (failure ??= err));
  engine.on('end', () => (ended = true));
  const timers = watchTimers(engine);
  try {
    const execution = await begin(engine);
    // NOTE: without async services or armed timers, execute/resume/signal run to the next wait
    // state synchronously, so the result can be read right away (no timer-based settling).
    if (act && !failure) act(execution);
    const waiting = failure ? [] : waitingOf(compiled, execution);
    const engineState = await engine.getState().then(encodeState, () => previous);
    if (failure) return { status: 'failed', engineState, waiting, error: messageOf(failure) };
    return withTimers({ status: ended ? 'completed' : 'running', engineState, waiting, error: null }, timers());
  } catch (err) {
    if (err instanceof TaskNotWaitingError) throw err;
    // includes a RangeError (stack overflow) surfacing as a rejection
    return { status: 'failed', engineState: previous, waiting: [], error: messageOf(failure ?? err) };
  }
}

const executeWith = (variables: Record<string, unknown>): Begin => (engine) => engine.execute({ variables });
const execute = executeWith({});
const recoverFrom = (state: Buffer): Begin => (engine) => engine.recover(decodeState(state)).resume();

function signalTask(elementId: string, form: unknown): Act {
  return (execution) => {
    const task = execution.getPostponed().find((api) => api.id === elementId && api.type === 'bpmn:UserTask');
    if (!task) throw new TaskNotWaitingError(elementId);
    task.signal({ form });
  };
}

/**
 * execute -> getState. `variables` (the start form's values: plain JSON data, persisted with the state)
 * become environment.variables, so gateway conditions can test them (`${environment.variables.x == 'ya'}`).
 */
export async function startProcess(def: DefinitionRef, variables: Record<string, unknown> = {}): Promise<EngineResult> {
  const plain = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  return run(await compiledDefinition(def), executeWith(plain), null, Buffer.alloc(0));
}

/** recover(state) -> resume -> signal(elementId, output) -> getState. Throws TaskNotWaitingError if elementId is not postponed. */
export async function completeUserTask(
  def: DefinitionRef,
  engineState: Buffer,
  elementId: string,
  output: Record<string, unknown>,
): Promise<EngineResult> {
  const form = JSON.parse(JSON.stringify(output)) as unknown; // plain JSON data only: it is persisted
  return run(await compiledDefinition(def), recoverFrom(engineState), signalTask(elementId, form), engineState);
}

/** Inspect a stored state without acting. */
export async function waitingTasks(def: DefinitionRef, engineState: Buffer): Promise<WaitingTask[]> {
  return (await run(await compiledDefinition(def), recoverFrom(engineState), null, engineState)).waiting;
}

/**
 * recover(state) -> resume -> getState: every timer due by now fires on the resume (the scheduler
 * calls this when a stored timer is due); the result says which fired and which are still pending.
 */
export async function resumeCase(def: DefinitionRef, engineState: Buffer): Promise<EngineResult> {
  return run(await compiledDefinition(def), recoverFrom(engineState), null, engineState);
}

/** TEST ONLY: starts `xml` through the same engine factory but WITHOUT definition validation. */
export async function runUnvalidatedForTest(xml: string): Promise<EngineResult> {
  return run(await compileDefinition(xml, false), execute, null, Buffer.alloc(0));
}
