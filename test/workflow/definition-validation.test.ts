// loadProcessModel refuses what cannot run safely or lacks what a user task needs.
import { describe, test, expect } from '@jest/globals';
import { DefinitionError, loadProcessModel } from '../../src/workflow/index.js';
import { runUnvalidatedForTest } from '../../src/workflow/engine-runner.js';
import { fixtureXml, processXml, userTask } from './helpers.js';

async function reasonsFor(xml: string): Promise<string[]> {
  const refusal = await loadProcessModel(xml).catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(DefinitionError);
  const { reasons, message } = refusal as DefinitionError;
  expect(message).toBe(reasons.join('; '));
  return reasons;
}

const flow = (id: string, from: string, to: string, condition = ''): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition}</bpmn:sequenceFlow>`;
const condition = (body: string, attrs = ''): string =>
  `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" ${attrs}>${body}</bpmn:conditionExpression>`;
const withGatewayCondition = (body: string, attrs = ''): string =>
  processXml(`<bpmn:startEvent id="s" />${flow('f1', 's', 'A')}${userTask('A')}${flow('f2', 'A', 'g')}
    <bpmn:exclusiveGateway id="g" default="fNo" />${flow('fYes', 'g', 'yes', condition(body, attrs))}${flow('fNo', 'g', 'no')}
    <bpmn:endEvent id="yes" /><bpmn:endEvent id="no" />`);

describe('loadProcessModel: parsing', () => {
  test('Given truncated XML, when loaded, then it is refused with bpmn-moddle\'s own error text', async () => {
    const [reason] = await reasonsFor(fixtureXml('broken-truncated.bpmn'));
    expect(reason).toMatch(/^unparsable content/);
    expect(reason).toMatch(/nested error: unclosed tag/);
  });

  test('Given an unknown BPMN element, when loaded, then bpmn-moddle\'s warning is the reason', async () => {
    expect(await reasonsFor(processXml('<bpmn:fooTask id="x" />'))).toEqual([expect.stringMatching(/unknown type <bpmn:FooTask>/)]);
  });

  test('Given DOCTYPE and ENTITY declarations, when loaded, then they are refused before parsing', async () => {
    expect(await reasonsFor(fixtureXml('entity-expansion.bpmn'))).toEqual(['DOCTYPE and ENTITY declarations are not allowed']);
  });

  test('Given no executable process, when loaded, then it is refused', async () => {
    expect(await reasonsFor(processXml(userTask('A'), 'isExecutable="false"'))).toEqual(['no executable process (isExecutable="true")']);
  });
});

describe('loadProcessModel: user tasks', () => {
  const laned = (tasks: string, laneName = 'Admin PPE'): string =>
    processXml(`<bpmn:laneSet id="ls"><bpmn:lane id="L" name="${laneName}"><bpmn:flowNodeRef>A</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>${tasks}`);

  test('Given a candidate group and a lane, then the candidate group decides the group', async () => {
    const model = await loadProcessModel(laned(userTask('A', 'camunda:candidateGroups=" pemohon " camunda:formKey="f"')));
    expect(model.userTasks[0]).toMatchObject({ groupId: 'pemohon', lane: { id: 'L', name: 'Admin PPE' } });
  });

  test('Given no candidate group, then the lane name is slugified into the group ("Admin PPE" -> admin-ppe) and names it', async () => {
    const model = await loadProcessModel(laned(userTask('A', 'camunda:formKey="f"')));
    expect(model.userTasks[0]).toMatchObject({ groupId: 'admin-ppe', groupName: 'Admin PPE', formKey: 'f', timeStandard: 'PT15M', timeStandardMs: 900_000 });
    expect(model.userTasks[0]?.sop).toEqual({ stepNo: null, requirements: [], output: '', keterangan: [] });
    expect(model.groups).toEqual([{ id: 'admin-ppe', name: 'Admin PPE' }]);
  });

  test('Given tasks without a resolvable group or formKey, then each problem is a reason naming the step', async () => {
    const reasons = await reasonsFor(
      laned(
        userTask('A', 'camunda:formKey="f"') +
          userTask('C', 'camunda:candidateGroups="pemohon,admin-ppe" camunda:formKey="f"') +
          userTask('D', 'camunda:formKey="f"') +
          userTask('E', 'camunda:candidateGroups="pemohon"'),
        'Staff',
      ),
    );
    expect(reasons).toEqual([
      'bpmn:UserTask "A": step "A": lane "Staff" names the system role "staff", not a group; name the group that does the step (e.g. "Kepala Seksi"), or "pemohon" for the applicant',
      'bpmn:UserTask "C": step "C": camunda:candidateGroups "pemohon,admin-ppe" names more than one group; a step is done by exactly one group',
      'bpmn:UserTask "D": step "D": no group: put the step in a lane (its name names the group) or set camunda:candidateGroups',
      'bpmn:UserTask "E": no camunda:formKey and no form fields (camunda:formData)',
    ]);
  });

  test('Given a Mutu Baku with a non-integer langkah, then it is refused', async () => {
    const xml = processXml('<bpmn:startEvent id="s"><bpmn:extensionElements><alur:mutuBaku langkah="satu" /></bpmn:extensionElements></bpmn:startEvent>');
    expect(await reasonsFor(xml)).toEqual(['alur:MutuBaku in bpmn:StartEvent "s": langkah must be a positive integer']);
  });

  test('Given a missing or invalid time standard, then it is refused', async () => {
    const noMutuBaku = '<bpmn:userTask id="A" camunda:candidateGroups="pemohon" camunda:formKey="f" />';
    expect(await reasonsFor(processXml(noMutuBaku + userTask('B', undefined, '15 Menit')))).toEqual([
      'bpmn:UserTask "A": no alur:mutuBaku waktu (time standard)',
      'alur:MutuBaku in bpmn:UserTask "B": invalid ISO-8601 duration "15 Menit" in waktu',
    ]);
  });
});

describe('loadProcessModel: timers', () => {
  const timer = (definition: string): string =>
    processXml(`<bpmn:startEvent id="s" />${flow('f1', 's', 't')}
      <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition>${definition}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      ${flow('f2', 't', 'e')}<bpmn:endEvent id="e" />`);

  test('Given a timeCycle timer, then it is refused', async () => {
    expect(await reasonsFor(timer('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1S</bpmn:timeCycle>'))).toEqual([
      'bpmn:TimerEventDefinition in bpmn:IntermediateCatchEvent "t": timeCycle timers are not allowed',
    ]);
  });

  test('Given an invalid timer duration, then it is refused; a valid one is accepted', async () => {
    expect(await reasonsFor(timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">15 minutes</bpmn:timeDuration>'))).toEqual([
      'bpmn:TimerEventDefinition in bpmn:IntermediateCatchEvent "t": invalid ISO-8601 duration "15 minutes"',
    ]);
    await expect(loadProcessModel(timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1DT2H</bpmn:timeDuration>'))).resolves.toBeDefined();
  });
});

describe('loadProcessModel: expressions', () => {
  test.each([
    ['${environment.services.sendMail}', /Path not allowed in expression/],
    ['${environment.output.A.constructor}', /Property constructor not allowed/],
    ['${content.__proto__.x}', /Property __proto__ not allowed/],
    ['${environment.output.A.fn(1)}', /Unexpected trailing tokens/],
    ['${process.exit}', /Path not allowed in expression/],
    ['${environment.output.A.ok; 1}', /Illegal expression/],
  ])('Given the condition %s, then it is refused', async (body, reason) => {
    expect(await reasonsFor(withGatewayCondition(body))).toEqual([expect.stringMatching(reason)]);
  });

  test('Given a harmless condition with a language attribute, then it is refused anyway', async () => {
    expect(await reasonsFor(withGatewayCondition('${environment.output.A.ok}', 'language="feel"'))).toEqual([
      'bpmn:FormalExpression in bpmn:SequenceFlow "fYes": expressions with a language ("feel") are not allowed',
    ]);
  });

  test.each([
    ['a plain body (no ${…})', 'return true', ''],
    ['a JavaScript body with language=""', 'environment.output.A.ok === true', 'language=""'],
    ['text around an expression', 'ok: ${environment.output.A.ok}', ''],
    ['two expressions', '${environment.output.A.ok} ${environment.output.A.no}', ''],
  ])('Given a condition that is %s, then it is refused: the engine would read it as text, always true', async (_what, body, attrs) => {
    expect(await reasonsFor(withGatewayCondition(body, attrs))).toEqual([
      `bpmn:SequenceFlow "fYes": the condition "${body}" is not one \${…} expression, so the engine would read it as plain text (always true)`,
    ]);
  });

  test('Given an empty condition on a named flow, then it is refused, naming the flow by its name', async () => {
    const xml = withGatewayCondition('').replace('<bpmn:sequenceFlow id="fYes"', '<bpmn:sequenceFlow id="fYes" name="Ya"');
    expect(await reasonsFor(xml)).toEqual(['bpmn:SequenceFlow "fYes" (Ya): the condition is empty; write one ${…} expression']);
  });

  test('Given a plain-text completion condition of a loop or condition of a conditional event, then each is refused', async () => {
    const xml = processXml(`<bpmn:startEvent id="s" />${flow('f1', 's', 'A')}
      <bpmn:userTask id="A" name="Periksa" camunda:candidateGroups="ppbj" camunda:formKey="f">
        <bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>3</bpmn:loopCardinality>
          <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">selesai</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>
      </bpmn:userTask>${flow('f2', 'A', 'c')}
      <bpmn:intermediateCatchEvent id="c"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">true</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>`);
    expect(await reasonsFor(xml)).toEqual([
      'bpmn:UserTask "A" (Periksa): the condition "selesai" is not one ${…} expression, so the engine would read it as plain text (always true)',
      'bpmn:IntermediateCatchEvent "c": the condition "true" is not one ${…} expression, so the engine would read it as plain text (always true)',
    ]);
  });

  test('Given an allowed condition, then the definition loads', async () => {
    const xml = withGatewayCondition("${environment.output.A.jumlah >= 2 && (content.x || !environment.variables.y) && environment.output.A.s != 'z'}");
    await expect(loadProcessModel(xml)).resolves.toMatchObject({ processKey: 'p' });
  });
});

describe('loadProcessModel: loops', () => {
  test('Given an automatic loop without a wait state, then it is refused', async () => {
    expect(await reasonsFor(fixtureXml('automatic-loop.bpmn'))).toEqual([
      'automatic loop without a wait state: spin -> again -> spin',
    ]);
  });

  test('Given a standard loop on an automatic task, then it is refused', async () => {
    const xml = processXml(`<bpmn:startEvent id="s" />${flow('f', 's', 't')}
      <bpmn:task id="t"><bpmn:standardLoopCharacteristics /></bpmn:task>`);
    expect(await reasonsFor(xml)).toEqual([
      'bpmn:Task "t": standard loops are only allowed on wait states',
      'bpmn:Task "t": a standard loop needs loopMaximum, a whole number from 1 to 50',
    ]);
  });

  test('Given a loop through a user task, then it loads', async () => {
    const xml = processXml(`<bpmn:startEvent id="s" />${flow('f1', 's', 'A')}${userTask('A')}${flow('f2', 'A', 't')}
      <bpmn:task id="t" />${flow('f3', 't', 'A')}`);
    await expect(loadProcessModel(xml)).resolves.toMatchObject({ userTasks: [expect.objectContaining({ id: 'A' })] });
  });

  test('Given validation is bypassed, when an automatic loop runs, then the call returns status failed instead of hanging or crashing', async () => {
    const result = await runUnvalidatedForTest(fixtureXml('automatic-loop.bpmn'));
    expect(result).toMatchObject({ status: 'failed', waiting: [], error: expect.stringMatching(/automatic loop/) });
  });
});
