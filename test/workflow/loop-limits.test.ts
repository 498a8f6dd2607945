// One engine call does bounded work: every loop of an uploaded definition has a literal bound of at
// most MAX_LOOP_ITERATIONS (nested loops multiplied), and a call that still runs away (validation
// bypassed) is stopped by the runner's budget and comes back failed, quickly.
import { describe, test, expect } from '@jest/globals';
import {
  DefinitionError, ENGINE_CALL_LIMITS, MAX_LOOP_ITERATIONS, completeUserTask, loadProcessModel, startProcess,
} from '../../src/workflow/index.js';
import { cacheUnvalidatedForTest } from '../../src/workflow/definition-cache.js';
import { workBudget } from '../../src/workflow/engine-runner.js';
import { definition, processXml, userTask } from './helpers.js';

async function reasonsFor(xml: string): Promise<string[]> {
  const refusal = await loadProcessModel(xml).catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(DefinitionError);
  return (refusal as DefinitionError).reasons;
}

const flow = (id: string, from: string, to: string): string => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const multiInstance = (inside: string, sequential = false, attrs = ''): string =>
  `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}" ${attrs}>${inside}</bpmn:multiInstanceLoopCharacteristics>`;
const cardinality = (body: string): string => `<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${body}</bpmn:loopCardinality>`;

/** start -> A (user task) -> the element `between` (id M) -> B (user task) -> end */
const between = (element: string): string =>
  processXml(`<bpmn:startEvent id="s" />${flow('f1', 's', 'A')}${userTask('A')}${flow('f2', 'A', 'M')}${element}
    ${flow('f3', 'M', 'B')}${userTask('B')}${flow('f4', 'B', 'e')}<bpmn:endEvent id="e" />`);
const loopedTask = (loop: string): string => between(`<bpmn:task id="M" name="Banyak">${loop}</bpmn:task>`);

describe('Given a loop, when the definition is loaded', () => {
  test.each([
    ['parallel, 1,000,000', multiInstance(cardinality('1000000')), 'loopCardinality 1000000 is more than 50, the most iterations allowed'],
    ['sequential, 1,000,000', multiInstance(cardinality('1000000'), true), 'loopCardinality 1000000 is more than 50, the most iterations allowed'],
    ['${100000}', multiInstance(cardinality('${100000}')), 'loopCardinality 100000 is more than 50, the most iterations allowed'],
    ['from case data', multiInstance(cardinality('${environment.output.A.jumlah}')),
      'loopCardinality "${environment.output.A.jumlah}" comes from case data and has no bound: give a whole number from 1 to 50'],
    ['not a number', multiInstance(cardinality('banyak')), 'loopCardinality "banyak" is not a whole number from 1 to 50'],
    ['zero', multiInstance(cardinality('0')), 'loopCardinality "0" is not a whole number from 1 to 50'],
    ['without cardinality (sequential, completion condition only)',
      multiInstance('<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${environment.output.A.selesai}</bpmn:completionCondition>', true),
      'a multi-instance loop needs a loopCardinality, a whole number from 1 to 50'],
    ['over a collection', multiInstance(cardinality('3'), false, 'camunda:collection="${environment.output.A.daftar}"'),
      'loops over a collection (camunda:collection, loopDataInputRef, inputDataItem) are not allowed: give a loopCardinality, a whole number from 1 to 50'],
  ])('%s, then it is refused naming the element by its name', async (_what, loop, reason) => {
    expect(await reasonsFor(loopedTask(loop))).toEqual([`bpmn:Task "M" (Banyak): ${reason}`]);
  });

  test('Given a standard loop on a user task without loopMaximum, or with one over the limit, then it is refused', async () => {
    const standard = (attrs: string): string => between(`<bpmn:userTask id="M" name="Ulang" camunda:candidateGroups="pemohon" camunda:formKey="f">
      <bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /></bpmn:extensionElements><bpmn:standardLoopCharacteristics ${attrs} /></bpmn:userTask>`);
    expect(await reasonsFor(standard(''))).toEqual(['bpmn:UserTask "M" (Ulang): a standard loop needs loopMaximum, a whole number from 1 to 50']);
    expect(await reasonsFor(standard('loopMaximum="5000"'))).toEqual([
      'bpmn:UserTask "M" (Ulang): loopMaximum 5000 is more than 50, the most iterations allowed',
    ]);
    await expect(loadProcessModel(standard('loopMaximum="3"'))).resolves.toMatchObject({ processKey: 'p' });
  });

  test('Given loops nested in a looping sub-process that multiply past the limit, then the inner one is refused', async () => {
    const xml = between(`<bpmn:subProcess id="M" name="Per berkas">${multiInstance(cardinality('10'), true)}
      <bpmn:startEvent id="is" />${flow('if1', 'is', 'inner')}
      <bpmn:task id="inner" name="Per halaman">${multiInstance(cardinality('10'))}</bpmn:task>${flow('if2', 'inner', 'ie')}<bpmn:endEvent id="ie" />
    </bpmn:subProcess>`);
    expect(await reasonsFor(xml)).toEqual(['bpmn:Task "inner" (Per halaman): inside looping sub-processes it runs 100 times, more than 50']);
  });

  test.each([
    ['a literal cardinality at the limit', multiInstance(cardinality(String(MAX_LOOP_ITERATIONS)), true)],
    ['a literal ${3}', multiInstance(cardinality('${3}'))],
    ['a cardinality with a completion condition', multiInstance(`${cardinality('5')}<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">\${environment.output.A.selesai}</bpmn:completionCondition>`, true)],
  ])('Given %s, then it loads and runs its iterations', async (_what, loop) => {
    const def = definition(loopedTask(loop));
    await expect(loadProcessModel(def.xml)).resolves.toMatchObject({ processKey: 'p' });
    const started = await startProcess(def);
    const done = await completeUserTask(def, started.engineState, 'A', {});
    expect(done).toMatchObject({ status: 'running', error: null, waiting: [expect.objectContaining({ elementId: 'B' })] });
  });
});

describe('Given validation is bypassed, when a step runs a loop of 1,000,000 iterations', () => {
  test.each([['parallel', false], ['sequential', true]])('(%s), then the call stops within its budget and the result is failed with the reason', async (_what, sequential) => {
    const def = definition(loopedTask(multiInstance(cardinality('1000000'), sequential)));
    await cacheUnvalidatedForTest(def);
    const started = await startProcess(def);
    expect(started.status).toBe('running');

    const result = await completeUserTask(def, started.engineState, 'A', {});

    expect(result).toMatchObject({ status: 'failed', waiting: [], engineState: started.engineState });
    expect(result.error).toBe(`More than ${ENGINE_CALL_LIMITS.iterationMessages} loop iteration messages in one step: a loop with too many iterations?`);
  });
});

describe('Given the work budget of one engine call', () => {
  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  test('when the engine keeps working past the time limit, then the step that crosses it throws', () => {
    const budget = workBudget({ ...ENGINE_CALL_LIMITS, milliseconds: 20 });
    budget.onStep('event');
    expect(() => {
      for (let i = 0; i < 10; i++) {
        busy(5); // the engine busy between two events
        budget.onStep('event');
      }
    }).toThrow('The engine ran for more than 20 ms in one step: an automatic loop or a loop with too many iterations?');
  });

  test('when other requests run in an awaited pause between two events, then that pause is not the engine\'s time (a busy server fails no case)', () => {
    const budget = workBudget({ ...ENGINE_CALL_LIMITS, milliseconds: 50 });
    budget.onStep('event');
    busy(120); // e.g. a report computed while the engine awaited a resume
    budget.onStep('event');
    busy(120);
    expect(() => budget.onStep('event')).not.toThrow();
  });

  test('when it goes over the events, iteration messages or activity starts, then that step throws', () => {
    const limits = { activityStarts: 2, events: 2, iterationMessages: 2, milliseconds: 60_000 };
    const events = workBudget(limits);
    events.onStep('event');
    events.onStep('event');
    expect(() => events.onStep('event')).toThrow('More than 2 engine events in one step');
    const iterations = workBudget(limits);
    iterations.onStep('iteration');
    iterations.onStep('iteration');
    expect(() => iterations.onStep('iteration')).toThrow('More than 2 loop iteration messages in one step');
    const starts = workBudget(limits);
    starts.onActivityStart();
    starts.onActivityStart();
    expect(() => starts.onActivityStart()).toThrow('More than 2 activities in one step: automatic loop?');
  });
});
