// BPMN timer events seen during one engine call. Engine timers are never armed in memory (inert
// Timers): the call reports which timers are pending (to be stored as scheduler entries), which
// ended (fired, discarded with their task, or cancelled), and which fired. A timer's key is its
// execution id, which the stored state keeps across recover/resume.
// NOTE: the timers ride beside an EngineResult (timersOf), so its shape stays as callers know it.
import type { Engine } from 'bpmn-engine';
import type { EngineResult } from './types.js';

export interface EngineTimer {
  key: string; // execution id of the timer event definition
  elementId: string; // the timer event (boundary or intermediate catch)
  expireAt: string; // ISO-8601 UTC: when the engine fires it on a resume
}

export interface EngineTimers {
  pending: EngineTimer[];
  /** Keys seen in this call that are pending no more. */
  ended: string[];
  fired: Array<{ key: string; elementId: string }>;
}

export const NO_TIMERS: EngineTimers = Object.freeze({ pending: [], ended: [], fired: [] });

const TIMERS = new WeakMap<EngineResult, EngineTimers>();

export function withTimers(result: EngineResult, timers: EngineTimers): EngineResult {
  TIMERS.set(result, timers);
  return result;
}

/** The timers of the engine call that returned `result` (none for a failed call). */
export function timersOf(result: EngineResult): EngineTimers {
  return TIMERS.get(result) ?? NO_TIMERS;
}

interface TimerMessage {
  content: { id: string; executionId: string; state?: string };
}
interface TimerRef {
  owner: { id?: string; executionId?: string; expireAt?: string | Date } | null;
  expireAt: Date;
}

/** Starts watching `engine` (call before recover/execute); the returned function reads the result. */
export function watchTimers(engine: Engine): () => EngineTimers {
  const seen = new Map<string, string>();
  const fired: EngineTimers['fired'] = [];
  const broker = engine.broker as unknown as {
    subscribeTmp(exchange: string, pattern: string, fn: (key: string, msg: TimerMessage) => void, opts: { noAck: boolean }): void;
  };
  broker.subscribeTmp('event', 'activity.timer', (_key, { content }) => seen.set(content.executionId, content.id), { noAck: true });
  broker.subscribeTmp(
    'event',
    'activity.timeout',
    (_key, { content }) => {
      if (content.state === 'timeout') fired.push({ key: content.executionId, elementId: content.id });
    },
    { noAck: true },
  );
  return () => {
    const executing = (engine.environment as unknown as { timers: { executing: TimerRef[] } }).timers.executing;
    const pending = executing
      .filter((ref) => ref.owner?.executionId && ref.owner.id)
      .map((ref) => ({
        key: ref.owner!.executionId!,
        elementId: ref.owner!.id!,
        expireAt: new Date(ref.owner!.expireAt ?? ref.expireAt).toISOString(),
      }));
    const open = new Set(pending.map((t) => t.key));
    return { pending, ended: [...seen.keys()].filter((key) => !open.has(key)), fired };
  };
}
