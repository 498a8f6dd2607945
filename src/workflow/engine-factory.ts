// The one place an Engine is constructed, fail-closed: no scripts, allow-list expressions, no
// services, inert timers (nothing is ever armed in memory), and the extension that exposes a
// completed user task's form output to gateway conditions.
import { Engine } from 'bpmn-engine';
import { Timers, type Extension, type IScripts } from 'bpmn-elements';
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

export interface EngineHooks {
  /** bounds the synchronous work of one call (guards against automatic loops) */
  onActivityStart(): void;
}

export function createEngine(name: string, serializedSource: string, hooks: EngineHooks): Engine {
  const stepGuard = extension((activity) => activity.on('start', () => hooks.onActivityStart()));
  return new Engine({
    name,
    sourceContext: deserializeForEngine(serializedSource),
    moddleOptions,
    scripts: noScripts as IScripts,
    expressions: SafeExpressions(),
    services: {},
    timers: inertTimers(),
    extensions: { userTaskOutput, stepGuard },
    settings: { disableTrackState: true },
  });
}
