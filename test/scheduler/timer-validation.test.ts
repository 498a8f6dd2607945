// Which BPMN timers a deployed diagram may carry: duration timers on a user task's boundary
// (interrupting or not) and intermediate timer catch events are accepted; timeCycle stays refused.
import { describe, expect, test } from '@jest/globals';
import { validateDefinition } from '../../src/workflow/index.js';
import { shippedWithTimer } from './timer-fixtures.js';

const errors = async (xml: string) => (await validateDefinition(xml, { hasForm: () => true })).problems.filter((p) => p.severity === 'error');

describe('Given the shipped process with a timer on step 3', () => {
  test('when the timer is a non-interrupting boundary reminder, then the diagram is accepted', async () => {
    expect(await errors(shippedWithTimer('reminder'))).toEqual([]);
  });

  test('when it is an interrupting boundary deadline followed by an intermediate timer, then the diagram is accepted', async () => {
    expect(await errors(shippedWithTimer('deadline'))).toEqual([]);
  });

  test('when the boundary timer repeats (timeCycle), then it is refused', async () => {
    const cycle = shippedWithTimer('reminder').replace(
      '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration>',
      '<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1S</bpmn:timeCycle>',
    );
    expect((await errors(cycle)).map((p) => [p.elementId, p.message])).toEqual([
      ['PengingatIdentitas', 'bpmn:TimerEventDefinition in bpmn:BoundaryEvent "PengingatIdentitas": timeCycle timers are not allowed'],
    ]);
  });
});
