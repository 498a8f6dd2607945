// The one place an Engine is constructed, fail-closed: no scripts, allow-list expressions, no
// services, inert timers (nothing is ever armed in memory), a silent logger, and the extension that
// exposes a completed user task's form output to gateway conditions.
import { Engine } from 'bpmn-engine';
import { Timers, type Extension, type IScripts } from 'bpmn-elements';
import type { CompiledDefinition } from './compile-definition.js';
import { deserializeForEngine, moddleOptions } from './moddle.js';
import { SafeExpressions } from './safe-expressions.js';

type ScriptCallback = (err: Error | null, result?: unknown) => void;
const refuse = { execute: (_scope: unknown, callback: ScriptCallback) => callback(new Error('Scripts are disabled on this server')) };

/** What our extensions use of a bpmn-elements activity and of its event api. */
interface ActivityEventApi {
  content: { output?: unknown };
  environment: { output: Record<string, unknown> };
}
interface ExtendedActivity {
  id: string;
  type: string;
  behaviour?: { loopCharacteristics?: unknown };
  broker: EventBroker;
  on(event: 'start' | 'end', listener: (api: ActivityEventApi) => void): void;
}
// NOTE: an extension returning anything truthy must be an { activate, deactivate } object: return nothing.
const extension = (init: (activity: ExtendedActivity) => void): Extension =>
  ((activity: ExtendedActivity) => void init(activity)) as unknown as Extension;

/**
 * Refuses every script. NOTE: returning nothing for a condition that has a `language` would make
 * bpmn-elements read its body as an expression, i.e. a non-empty string, i.e. truthy: so only a
 * language-less sequence-flow condition may fall through to the (safe) expression handler.
 */
export const noScripts = {
  register: (): undefined => undefined,
  getScript: (language: string | undefined, element: { id: string; type?: string }) =>
    language || element.type !== 'bpmn:SequenceFlow' ? refuse : undefined,
};

/** Timers whose setTimeout arms nothing: a due timer fires only on a later resume. */
export const inertTimers = (): Timers =>
  new Timers({ setTimeout: (() => null) as unknown as typeof setTimeout, clearTimeout: () => undefined });

/** Signal payload `{ form }` of a user task -> process `environment.output[taskId]`. */
const userTaskOutput = extension((activity) => {
  if (activity.type !== 'bpmn:UserTask') return;
  activity.on('end', (api) => {
    const form = (api.content.output as { form?: unknown } | undefined)?.form;
    if (form !== undefined) api.environment.output[activity.id] = form;
  });
});

const silent = (): undefined => undefined;
const SILENT_LOGGER = Object.freeze({ debug: silent, error: silent, warn: silent });
/**
 * NOTE: bpmn-engine's default Logger makes three `debug` instances per element and per engine call
 * (each one probing whether stderr is a TTY): ~2% of a task completion's CPU for logs nobody reads.
 * Engine errors still reach the runner through the engine's `error` event.
 */
export const silentLogger = (): typeof SILENT_LOGGER => SILENT_LOGGER;

export interface EngineHooks {
  /** every activity start of the call (guards against automatic loops); a throw aborts the call */
  onActivityStart(): void;
  /** every engine event (`event`) and every message of a looping activity's iterations (`iteration`); a throw aborts the call */
  onStep(kind: 'event' | 'iteration'): void;
}

interface EventBroker {
  subscribeTmp(exchange: string, pattern: string, onMessage: (routingKey: string) => void, options: { noAck: true; priority?: number }): { queueName: string };
  bindQueue(queueName: string, exchange: string, pattern: string): unknown;
}

/**
 * Counts the iterations of looping activities: a multi-instance or standard loop runs all its
 * iterations inside the activity, on the activity's own broker, and the engine's broker sees only
 * the activity's one start and end. Only looping activities get this subscription.
 */
const loopSteps = (hooks: EngineHooks): Extension =>
  extension((activity) => {
    if (!activity.behaviour?.loopCharacteristics) return;
    activity.broker.subscribeTmp('execution', '#', () => hooks.onStep('iteration'), { noAck: true, priority: 10_000 });
  });

type SourceContext = ReturnType<typeof deserializeForEngine>;
const sourceContexts = new WeakMap<CompiledDefinition, SourceContext>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * The engine's source context of a compiled definition, deserialised once and shared by every
 * engine of that version (it lives as long as the definition cache keeps the definition).
 * NOTE: bpmn-engine/bpmn-elements only read it (each engine builds its own activities from it);
 * it is deep-frozen so that a library change that writes to it fails loudly instead of leaking one
 * case's data into another. getState() embeds its serialize(), the whole diagram as JSON, which
 * the stored state leaves out anyway: serialize() returns nothing, so getState() skips that work.
 */
function sourceContextOf(compiled: CompiledDefinition): SourceContext {
  let context = sourceContexts.get(compiled);
  if (!context) {
    context = deserializeForEngine(compiled.sourceContext);
    Object.defineProperty(context, 'serialize', { value: (): undefined => undefined });
    deepFreeze(context);
    sourceContexts.set(compiled, context);
  }
  return context;
}

export function createEngine(compiled: CompiledDefinition, hooks: EngineHooks): Engine {
  const engine = new Engine({
    name: compiled.model.processKey,
    sourceContext: sourceContextOf(compiled),
    moddleOptions,
    scripts: noScripts as IScripts,
    expressions: SafeExpressions(),
    services: {},
    timers: inertTimers(),
    extensions: { userTaskOutput, loopSteps: loopSteps(hooks) },
    settings: { disableTrackState: true },
    Logger: silentLogger,
  });
  // NOTE: every activity's events are republished on the engine's broker, so one subscription
  // here sees every event; a per-activity extension would add a queue and consumer to each of
  // them on every call (~2% of a call's CPU). A throw here aborts the run as it would there.
  // Never bind `engine.#`: the engine emits its 'error' only when nobody takes `engine.error`.
  const broker = engine.broker as unknown as EventBroker;
  const { queueName } = broker.subscribeTmp('event', 'activity.#', (routingKey) => {
    hooks.onStep('event');
    if (routingKey === 'activity.start') hooks.onActivityStart();
  }, { noAck: true });
  for (const pattern of ['flow.#', 'process.#', 'definition.#']) broker.bindQueue(queueName, 'event', pattern);
  return engine;
}
