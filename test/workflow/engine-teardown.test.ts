// What the engine runner saves per call: engines are dropped without stop() and collected, the
// source context of a version is deserialised once and shared read-only, the logger is silent.
import { describe, expect, test } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileDefinition } from '../../src/workflow/compile-definition.js';
import { createEngine, silentLogger } from '../../src/workflow/engine-factory.js';
import { completeUserTask, startProcess, waitingTasks, type DefinitionRef, type EngineResult } from '../../src/workflow/index.js';
import { definition, shippedXml } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const heapAfterGc = async (): Promise<number> => {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

async function atStep(def: DefinitionRef, steps: string[]): Promise<EngineResult> {
  let result = await startProcess(def);
  for (const id of steps) result = await completeUserTask(def, result.engineState, id, {});
  return result;
}

const noHooks = { onActivityStart: () => undefined, onStep: () => undefined };
type SourceContext = { elements: { activities: object[] }; serialize(): unknown };
const contextOf = (engine: ReturnType<typeof createEngine>): SourceContext =>
  (engine as unknown as { options: { sourceContext: SourceContext } }).options.sourceContext;

describe('engine calls without stop()', () => {
  test('Given 300 task completions, then the dropped engines are garbage collected (the heap does not grow by engines)', async () => {
    const def = definition(shippedXml());
    const step3 = await atStep(def, ['MembuatAkun']);
    const once = async () => {
      const next = await completeUserTask(def, step3.engineState, 'MengisiIdentitas', { nama: 'Siti' });
      expect(next.waiting.map((w) => w.elementId)).toEqual(['MelakukanVerifikasi']);
    };
    for (let i = 0; i < 50; i++) await once();
    const before = await heapAfterGc();
    for (let i = 0; i < 300; i++) await once();
    const grown = (await heapAfterGc()) - before;
    // a live engine of this process holds about 1 MB: 300 leaked engines would be ~300 MB
    expect(grown).toBeLessThan(15 * 1024 * 1024);
  });
});

describe('the shared source context of a definition version', () => {
  test('Given two engines of one compiled definition, then they get the same deep-frozen context, with no diagram to serialise', async () => {
    const compiled = await compileDefinition(shippedXml());
    const a = createEngine(compiled, noHooks);
    const b = createEngine(compiled, noHooks);
    const context = contextOf(a);
    expect(contextOf(b)).toBe(context);
    expect(Object.isFrozen(context)).toBe(true);
    expect(Object.isFrozen(context.elements.activities[0])).toBe(true);
    expect(context.serialize()).toBeUndefined();
    const other = createEngine(await compileDefinition(shippedXml()), noHooks);
    expect(contextOf(other)).not.toBe(context);
  });

  test('Given two cases of one version returned and accepted alternately at step 6, then each takes its own path', async () => {
    const def = definition(shippedXml());
    let a = await atStep(def, ['MembuatAkun', 'MengisiIdentitas', 'MelakukanVerifikasi', 'MelengkapiInformasi']);
    let b = await atStep(def, ['MembuatAkun', 'MengisiIdentitas', 'MelakukanVerifikasi', 'MelengkapiInformasi']);
    a = await completeUserTask(def, a.engineState, 'MemeriksaInformasi', { lengkap: false });
    b = await completeUserTask(def, b.engineState, 'MemeriksaInformasi', { lengkap: true });
    expect(a.waiting.map((w) => w.elementId)).toEqual(['MelengkapiInformasi']);
    expect(b.waiting.map((w) => w.elementId)).toEqual(['MengaktifkanAkun']);
    a = await completeUserTask(def, a.engineState, 'MelengkapiInformasi', {});
    expect((await waitingTasks(def, a.engineState)).map((w) => w.elementId)).toEqual(['MemeriksaInformasi']);
    expect((await completeUserTask(def, b.engineState, 'MengaktifkanAkun', {})).status).toBe('completed');
  });
});

describe('the engine logger', () => {
  test('Given an engine from the factory, then it logs through the silent logger, not the debug module', async () => {
    const engine = createEngine(await compileDefinition(shippedXml()), noHooks);
    expect(engine.logger).toBe(silentLogger());
    expect(engine.logger.debug('anything')).toBeUndefined();
  });
});
