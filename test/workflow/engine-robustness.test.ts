// The engine runner never leaves timers armed, never throws for a broken case, and keeps the
// stored state free of the diagram.
import { describe, test, expect, jest, afterEach } from '@jest/globals';
import { Engine } from 'bpmn-engine'; // only for the control run with the engine's default timers
import { completeUserTask, startProcess, waitingTasks } from '../../src/workflow/index.js';
import { decodeState, encodeState } from '../../src/workflow/engine-state.js';
import { definition, fixtureXml, shippedXml } from './helpers.js';

const activeTimeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
/** Delays passed to the global setTimeout (what bpmn-elements' default Timers would use). */
function spyTimeouts(): number[] {
  const delays: number[] = [];
  const original = globalThis.setTimeout;
  jest.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, delay?: number) => {
    delays.push(delay ?? 0);
    return original(fn, delay);
  }) as typeof setTimeout);
  return delays;
}
afterEach(() => {
  jest.restoreAllMocks();
});

describe('engine runner robustness', () => {
  test('Given bpmn-engine with its default timers (control), when a PT1S reminder starts, then a real timer is armed', async () => {
    const delays = spyTimeouts();
    const engine = new Engine({ source: fixtureXml('reminder-timer.bpmn') });
    await engine.execute();
    expect(delays).toEqual([expect.any(Number)]);
    expect(delays[0]).toBeGreaterThan(900);
    await engine.stop();
  });

  test('Given a user task with a PT1S reminder, when the case starts and resumes, then no timer is ever armed', async () => {
    const def = definition(fixtureXml('reminder-timer.bpmn'));
    const delays = spyTimeouts();
    const before = activeTimeouts();
    const started = await startProcess(def);
    expect(started.waiting.map((t) => t.elementId)).toEqual(['review']);
    expect(await waitingTasks(def, started.engineState)).toHaveLength(1);
    const completed = await completeUserTask(def, started.engineState, 'review', { ok: true });
    expect(completed.status).toBe('completed');
    expect(delays).toEqual([]);
    expect(activeTimeouts()).toBeLessThanOrEqual(before);
  });

  test('Given a stored state, then it carries no diagram source, and a source smuggled into it is ignored', async () => {
    const def = definition(shippedXml());
    const { engineState } = await startProcess(def);
    const state = decodeState(engineState);
    expect(state.definitions.every((d) => !('source' in d))).toBe(true);

    const smuggled = encodeState({ ...state, definitions: state.definitions.map((d) => ({ ...d, source: '{"broken":' })) });
    expect(decodeState(smuggled).definitions.every((d) => !('source' in d))).toBe(true);
    expect((await completeUserTask(def, smuggled, 'MembuatAkun', {})).waiting.map((t) => t.elementId)).toEqual(['MengisiIdentitas']);
  });

  test('Given a corrupt stored state, when a task is completed, then the result is failed with the reason, not a throw', async () => {
    const def = definition(shippedXml());
    const corrupt = Buffer.from('not a state');
    const result = await completeUserTask(def, corrupt, 'MembuatAkun', {});
    expect(result).toEqual({ status: 'failed', engineState: corrupt, waiting: [], error: 'Unknown engine state format 110' });
  });
});
