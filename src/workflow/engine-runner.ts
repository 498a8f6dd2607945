// Runs one engine call per request: new Engine -> execute | recover(state)+resume -> act ->
// getState, then the engine is dropped. Nothing survives the call except the returned (compressed) state.
import type { Engine, Execution } from 'bpmn-engine';
import { compileDefinition, type CompiledDefinition } from './compile-definition.js';
import { compiledDefinition } from './definition-cache.js';
import { createEngine } from './engine-factory.js';
import { decodeState, encodeState } from './engine-state.js';
import { TaskNotWaitingError } from './errors.js';
import { withTimers, watchTimers } from './timer-events.js';
import type { DefinitionRef, EngineResult, WaitingTask } from './types.js';

/** Activity starts allowed in one call; far above any human step, far below a stack overflow. */
const MAX_ACTIVITY_STARTS = 300;

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
  let starts = 0;
  const engine = createEngine(compiled, {
    onActivityStart() {
      if (++starts > MAX_ACTIVITY_STARTS) throw new Error(`More than ${MAX_ACTIVITY_STARTS} activities in one step: automatic loop?`);
    },
  });
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

const execute: Begin = (engine) => engine.execute();
const recoverFrom = (state: Buffer): Begin => (engine) => engine.recover(decodeState(state)).resume();

function signalTask(elementId: string, form: unknown): Act {
  return (execution) => {
    const task = execution.getPostponed().find((api) => api.id === elementId && api.type === 'bpmn:UserTask');
    if (!task) throw new TaskNotWaitingError(elementId);
    task.signal({ form });
  };
}

export async function startProcess(def: DefinitionRef): Promise<EngineResult> {
  return run(await compiledDefinition(def), execute, null, Buffer.alloc(0));
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
