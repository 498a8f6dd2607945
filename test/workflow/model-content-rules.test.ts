// Issue 9 items 4, 5 and 6 (models): what a model says is checked before a deploy. Time standards
// stay within 1 second .. 1 year, every text within its length limit and free of control and
// text-direction characters, and no id is an Object.prototype member (the PPBJ sign-up's own
// rules: test/packs/ppbj-model-rules.test.ts).
import { describe, expect, test } from '@jest/globals';
import { FormRegistry } from '../../src/forms/form-registry.js';
import { packForms } from '../../src/packs/index.js';

const REGISTRY = new FormRegistry(packForms());
const hasForm = (key: string): boolean => REGISTRY.has(key);
import { isoAfter, validateDefinition, type DefinitionProblem } from '../../src/workflow/index.js';
import { processXml, userTask } from './helpers.js';

const alurErrors = async (xml: string): Promise<DefinitionProblem[]> =>
  (await validateDefinition(xml, { hasForm })).problems.filter((p) => p.severity === 'error' && p.rule === 'alur');

/** A small process (key "p") with one task whose waktu / name / extra content is given. */
const oneTask = (task: string): string =>
  processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="T" />${task}
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="e" /><bpmn:endEvent id="e" />`);
const taskWith = (attrs: string, mutu = 'waktu="PT15M"', inner = ''): string =>
  `<bpmn:userTask id="T" ${attrs} camunda:candidateGroups="pemohon" camunda:formKey="ppbj-identitas">${inner}<bpmn:extensionElements><alur:mutuBaku ${mutu} /></bpmn:extensionElements></bpmn:userTask>`;

describe('Given time standards (alur:mutuBaku waktu)', () => {
  test.each([
    ['P300000Y', /waktu "P300000Y" is longer than the maximum time standard of 1 year/],
    ['P366D', /longer than the maximum time standard of 1 year/],
    ['PT0S', /shorter than the minimum time standard of 1 second/],
    ['P0D', /shorter than the minimum/],
    ['PT0.5S', /shorter than the minimum/],
    [`P${'9'.repeat(400)}Y`, /longer than the maximum/],
    ['-PT5M', /invalid ISO-8601 duration "-PT5M" in waktu/],
    ['lima menit', /invalid ISO-8601 duration/],
  ])('when waktu is %s, then the deploy is refused on the task', async (waktu, reason) => {
    const problems = await alurErrors(oneTask(taskWith('name="Tugas"', `waktu="${waktu}"`)));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'T', message: expect.stringMatching(reason) }));
  });

  test.each(['PT1S', 'PT15M', 'P1D', 'P1Y', 'P52W'])('when waktu is %s, then it is accepted', async (waktu) => {
    expect(await alurErrors(oneTask(taskWith('name="Tugas"', `waktu="${waktu}"`)))).toEqual([]);
  });

  test('when a stored definition still says P300000Y, then the due date is computed without a RangeError (held at 9999-12-31)', () => {
    const from = Date.parse('2026-12-06T00:00:00Z');
    expect(isoAfter(from, 300000 * 365 * 86_400_000)).toBe('9999-12-31T23:59:59.999Z');
    expect(isoAfter(from, Number.POSITIVE_INFINITY)).toBe('9999-12-31T23:59:59.999Z');
    expect(isoAfter(from, Number.NaN)).toBe('2026-12-06T00:00:00.000Z');
    expect(isoAfter(from, 15 * 60_000)).toBe('2026-12-06T00:15:00.000Z');
  });
});

describe('Given timer durations', () => {
  const withTimer = (duration: string): string =>
    oneTask(`${taskWith('name="Tugas"')}<bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:timerEventDefinition id="TD"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="e" />`);

  test('when a boundary timer waits P300000Y, then the deploy is refused on the timer', async () => {
    expect(await alurErrors(withTimer('P300000Y'))).toContainEqual(expect.objectContaining({ elementId: 'TD', message: expect.stringMatching(/timeDuration "P300000Y" is longer than the maximum timer duration of 1 year/) }));
  });

  test('when a boundary timer waits P2D, then it is accepted', async () => {
    expect(await alurErrors(withTimer('P2D'))).toEqual([]);
  });
});

describe('Given texts written in the model', () => {
  test('when a task name has 600,000 characters, then the deploy is refused, naming the task and the limit', async () => {
    const problems = await alurErrors(oneTask(taskWith(`name="${'A'.repeat(600_000)}"`)));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'T', severity: 'error', rule: 'alur', message: 'bpmn:UserTask "T": name has 600000 characters, more than the limit of 200' }));
  });

  test.each([
    ['uraian', `uraian="${'u'.repeat(1001)}"`, /alur:MutuBaku in bpmn:UserTask "T": uraian has 1001 characters, more than the limit of 1000/],
    ['output', `output="${'o'.repeat(501)}"`, /output has 501 characters, more than the limit of 500/],
  ])('when the Mutu Baku %s is too long, then the deploy is refused', async (_what, attr, reason) => {
    const problems = await alurErrors(oneTask(taskWith('name="Tugas"', `waktu="PT15M" ${attr}`)));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'T', message: expect.stringMatching(reason) }));
  });

  test('when persyaratan items are too long or too many, then the deploy is refused', async () => {
    const items = [`<alur:persyaratan>${'p'.repeat(501)}</alur:persyaratan>`, ...Array.from({ length: 20 }, () => '<alur:persyaratan>x</alur:persyaratan>')].join('');
    const xml = oneTask(`<bpmn:userTask id="T" name="Tugas" camunda:candidateGroups="pemohon" camunda:formKey="ppbj-identitas"><bpmn:extensionElements><alur:mutuBaku waktu="PT15M">${items}</alur:mutuBaku></bpmn:extensionElements></bpmn:userTask>`);
    const messages = (await alurErrors(xml)).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/persyaratan\[1\] has 501 characters, more than the limit of 500/));
    expect(messages).toContainEqual(expect.stringMatching(/persyaratan has 21 items, more than the limit of 20/));
  });

  test('when documentation and SOP identity fields are too long, then the deploy is refused on their element', async () => {
    const identity = `<bpmn:extensionElements><alur:sopIdentity namaSop="${'n'.repeat(301)}"><alur:dasarHukum>${'d'.repeat(501)}</alur:dasarHukum></alur:sopIdentity></bpmn:extensionElements>`;
    const xml = oneTask(taskWith('name="Tugas"', 'waktu="PT15M"', `<bpmn:documentation>${'x'.repeat(5001)}</bpmn:documentation>`)).replace('<bpmn:startEvent', `${identity}<bpmn:startEvent`);
    const problems = await alurErrors(xml);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'T', message: expect.stringMatching(/bpmn:Documentation in bpmn:UserTask "T": text has 5001 characters, more than the limit of 5000/) }));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'p', message: expect.stringMatching(/namaSop has 301 characters, more than the limit of 300/) }));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'p', message: expect.stringMatching(/dasarHukum\[1\] has 501 characters, more than the limit of 500/) }));
  });

  test.each([
    ['NUL', '&#0;'.replace('&#0;', '&#1;'), 'U+0001'],
    ['BEL', '&#7;', 'U+0007'],
    ['CR', '&#13;', 'U+000D'],
    ['RIGHT-TO-LEFT OVERRIDE', '\u202E', 'U+202E'],
    ['C1 control', '\u0085', 'U+0085'],
  ])('when a name contains %s, then the deploy is refused', async (_what, char, code) => {
    const problems = await alurErrors(oneTask(taskWith(`name="Tugas${char}gnaw"`)));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'T', message: `bpmn:UserTask "T": name contains the control or text-direction character ${code}, which is not allowed` }));
  });

  test('when a name has a line break (the modeler writes one on Enter), then it is accepted', async () => {
    expect(await alurErrors(oneTask(taskWith('name="Membuat&#10;Akun"')))).toEqual([]);
  });
});

describe('Given ids that are Object.prototype members', () => {
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype'])('when an element id is %s, then the deploy is refused', async (id) => {
    const xml = processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="${id}" />${userTask(id, 'camunda:candidateGroups="pemohon" camunda:formKey="ppbj-identitas"')}
      <bpmn:sequenceFlow id="f2" sourceRef="${id}" targetRef="e" /><bpmn:endEvent id="e" />`);
    expect(await alurErrors(xml)).toContainEqual(expect.objectContaining({ elementId: id, message: expect.stringMatching(`the id "${id}" is a reserved name`) }));
  });
});
