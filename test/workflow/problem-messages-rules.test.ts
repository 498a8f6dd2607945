// A fixture per validation rule: each breaks one rule on an element named "Analisis Permintaan"
// (machine id _c73a5f4a), and the problem it gets has its message key, and an Indonesian and an
// English text that name the element (never only its id). Every code a rule module gives is in
// the table or in NOT_TRIGGERED with the reason (a test checks that).
import { describe, test, expect } from '@jest/globals';
import { validateDefinition } from '../../src/workflow/index.js';
import { problemText } from '../../src/studio/problem-messages.js';
import { codesInSource } from './problem-codes.js';
import { processXml, shippedXml } from './helpers.js';

const NAME = 'Analisis Permintaan';
const ID = '_c73a5f4a';
const STARTERS = 'isExecutable="true" camunda:candidateStarterGroups="pemohon"';
const XSI = 'xsi:type="bpmn:tFormalExpression"';

/** The step under test, between a start and an end event. */
function step(attrs = 'camunda:candidateGroups="pemohon" camunda:formKey="f"', ext = '', inner = '', waktu = 'waktu="PT15M"', tag = 'userTask', id = ID): string {
  return `<bpmn:startEvent id="S" name="Mulai" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="${id}" />
    <bpmn:${tag} id="${id}" name="${NAME}" ${attrs}><bpmn:extensionElements><alur:mutuBaku ${waktu} />${ext}</bpmn:extensionElements>${inner}</bpmn:${tag}>
    <bpmn:sequenceFlow id="F2" sourceRef="${id}" targetRef="E" /><bpmn:endEvent id="E" name="Selesai" />`;
}
const model = (body: string, processAttrs = STARTERS): string => processXml(body, processAttrs);
const formTask = (fields: string): string => model(step('camunda:candidateGroups="pemohon"', `<camunda:formData>${fields}</camunda:formData>`));
const field = (attrs: string, inner = ''): string => `<camunda:formField ${attrs}>${inner}</camunda:formField>`;
const rule = (name: string, config?: string): string => `<camunda:validation><camunda:constraint name="${name}"${config === undefined ? '' : ` config="${config}"`} /></camunda:validation>`;
const withTimer = (definition: string): string => model(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="W" />
  <bpmn:intermediateCatchEvent id="W" name="${NAME}"><bpmn:timerEventDefinition id="TD">${definition}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="W" targetRef="E" /><bpmn:endEvent id="E" />`);
const withCondition = (condition: string): string => model(`<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="G" default="F3" />
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" />
  <bpmn:sequenceFlow id="F2" name="${NAME}" sourceRef="G" targetRef="E">${condition}</bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E" /><bpmn:endEvent id="E" />`);
const withLoop = (loop: string): string => model(step(undefined, '', loop));
const definitions = (processes: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  xmlns:alur="https://alur.id/schema/bpmn/sop/1.0" id="defs" targetNamespace="https://alur.id/test">${processes}</bpmn:definitions>`;
const nested = (depth: number): string => `<foo:a xmlns:foo="urn:x">`.repeat(depth) + '</foo:a>'.repeat(depth);

/** [code, fixture, options]: the fixture breaks that rule on the element named NAME. */
const FIXTURES: Array<[string, string, { hasForm?: boolean; fileLevel?: boolean; maxBytes?: number; name?: string }?]> = [
  ['script-task', model(step('', '', '', 'waktu="PT15M"', 'scriptTask'))],
  ['service-task', model(step('', '', '', 'waktu="PT15M"', 'serviceTask'))],
  ['send-task', model(step('', '', '', 'waktu="PT15M"', 'sendTask'))],
  ['business-rule-task', model(step('', '', '', 'waktu="PT15M"', 'businessRuleTask'))],
  ['execution-listener', model(step(undefined, '<camunda:executionListener class="a.B" event="start" />'))],
  ['task-listener', model(step(undefined, '<camunda:taskListener class="a.B" event="create" />'))],
  ['camunda-script', model(step(undefined, '<camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener>'))],
  ['camunda-delegate', model(step('camunda:class="a.B"', '', '', 'waktu="PT15M"', 'serviceTask'))],
  ['expression-language', withCondition(`<bpmn:conditionExpression ${XSI} language="javascript">true</bpmn:conditionExpression>`)],
  ['condition-empty', withCondition(`<bpmn:conditionExpression ${XSI}></bpmn:conditionExpression>`)],
  ['condition-not-expression', withCondition(`<bpmn:conditionExpression ${XSI}>a == b</bpmn:conditionExpression>`)],
  ['expression-hyphen', withCondition(`<bpmn:conditionExpression ${XSI}>\${izin-cuti_Langkah1 == 'x'}</bpmn:conditionExpression>`)],
  ['expression-invalid', withCondition(`<bpmn:conditionExpression ${XSI}>\${environment.variables.a()}</bpmn:conditionExpression>`)],
  ['timer-cycle', withTimer(`<bpmn:timeCycle ${XSI}>R3/PT1H</bpmn:timeCycle>`)],
  ['timer-duration-invalid', withTimer(`<bpmn:timeDuration ${XSI}>sebentar</bpmn:timeDuration>`)],
  ['timer-date-invalid', withTimer(`<bpmn:timeDate ${XSI}>besok pagi</bpmn:timeDate>`)],
  ['timer-duration-too-short', withTimer(`<bpmn:timeDuration ${XSI}>PT0.5S</bpmn:timeDuration>`)],
  ['timer-duration-too-long', withTimer(`<bpmn:timeDuration ${XSI}>P2Y</bpmn:timeDuration>`)],
  ['waktu-invalid', model(step(undefined, '', '', 'waktu="5 Menit"'))],
  ['waktu-missing', model(step(undefined, '', '', ''))],
  ['waktu-too-short', model(step(undefined, '', '', 'waktu="PT0.5S"'))],
  ['waktu-too-long', model(step(undefined, '', '', 'waktu="P2Y"'))],
  ['langkah-invalid', model(step(undefined, '', '', 'waktu="PT15M" langkah="0"'))],
  ['automatic-loop', model(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="A" />
    <bpmn:manualTask id="A" name="${NAME}" /><bpmn:manualTask id="B" name="Periksa" />
    <bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="B" /><bpmn:sequenceFlow id="F2" sourceRef="B" targetRef="A" />`), { fileLevel: true }],
  ['standard-loop-automatic', model(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="A" />
    <bpmn:manualTask id="A" name="${NAME}"><bpmn:standardLoopCharacteristics loopMaximum="3" /></bpmn:manualTask>
    <bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="E" /><bpmn:endEvent id="E" />`)],
  ['gateway-flow-condition', model(`<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="G" name="${NAME}" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E" />
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E" /><bpmn:endEvent id="E" name="Selesai" />`)],
  ['identity-date', model(`<bpmn:extensionElements><alur:sopIdentity tanggalRevisi="2026-02-30" /></bpmn:extensionElements>${step()}`, `${STARTERS} name="${NAME}"`)],
  ['loop-maximum-missing', withLoop('<bpmn:standardLoopCharacteristics />')],
  ['loop-maximum-invalid', withLoop('<bpmn:standardLoopCharacteristics loopMaximum="0" />')],
  ['loop-too-many', withLoop('<bpmn:standardLoopCharacteristics loopMaximum="100" />')],
  ['loop-collection', withLoop('<bpmn:multiInstanceLoopCharacteristics camunda:collection="items" />')],
  ['loop-cardinality-missing', withLoop('<bpmn:multiInstanceLoopCharacteristics />')],
  ['loop-cardinality-data', withLoop(`<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${XSI}>\${environment.variables.n}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`)],
  ['loop-cardinality-invalid', withLoop(`<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${XSI}>banyak</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`)],
  ['loop-nested-too-many', model(`<bpmn:startEvent id="S0" /><bpmn:sequenceFlow id="F0" sourceRef="S0" targetRef="Sub" />
    <bpmn:subProcess id="Sub" name="Pemeriksaan"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${XSI}>10</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
    ${step(undefined, '', `<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${XSI}>10</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`)}</bpmn:subProcess>
    <bpmn:sequenceFlow id="F9" sourceRef="Sub" targetRef="E0" /><bpmn:endEvent id="E0" />`)],
  ['group-missing', model(step('camunda:formKey="f"'))],
  ['group-many', model(step('camunda:candidateGroups="a,b" camunda:formKey="f"'))],
  ['group-system-role', model(step('camunda:candidateGroups="staff" camunda:formKey="f"'))],
  ['group-id-invalid', model(step('camunda:candidateGroups="Kepala_Seksi" camunda:formKey="f"'))],
  ['process-many-executable', definitions(`<bpmn:process id="p1" name="${NAME}" isExecutable="true" /><bpmn:process id="p2" name="Lain" isExecutable="true" />`), { fileLevel: true }],
  ['process-none-executable', definitions('<bpmn:process id="p" isExecutable="false" />'), { fileLevel: true }],
  ['form-key-prefix', model(step('camunda:candidateGroups="pemohon" camunda:formKey="model:x"'))],
  ['form-missing', model(step('camunda:candidateGroups="pemohon"'))],
  ['form-both', model(step('camunda:candidateGroups="pemohon" camunda:formKey="f"', `<camunda:formData>${field('id="x" label="X" type="string"')}</camunda:formData>`))],
  ['form-unknown', model(step()), { hasForm: false }],
  ['form-task-id', model(step('camunda:candidateGroups="pemohon"', `<camunda:formData>${field('id="x" label="X" type="string"')}</camunda:formData>`, '', 'waktu="PT15M"', 'userTask', 'a.b'))],
  ['form-empty', formTask('')],
  ['form-too-many-fields', formTask(Array.from({ length: 31 }, (_, i) => field(`id="f${i}" label="F${i}" type="string"`)).join(''))],
  ['form-too-many-files', formTask(Array.from({ length: 6 }, (_, i) => field(`id="f${i}" label="F${i}" type="file"`)).join(''))],
  ['form-field-duplicate', formTask(field('id="x" label="X" type="string"') + field('id="x" label="Y" type="string"'))],
  ['form-field-id', formTask(field('id="1x" label="X" type="string"'))],
  ['form-field-id-reserved', formTask(field('id="constructor" label="X" type="string"'))],
  ['form-field-label', formTask(field('id="x" type="string"'))],
  ['form-field-type', formTask(field('id="x" label="X" type="json"'))],
  ['form-field-no-type', formTask(field('id="x" label="X"'))],
  ['form-field-min-max', formTask(field('id="x" label="X" type="long"', `<camunda:validation><camunda:constraint name="min" config="5" /><camunda:constraint name="max" config="1" /></camunda:validation>`))],
  ['form-field-length', formTask(field('id="x" label="X" type="string"', `<camunda:validation><camunda:constraint name="minlength" config="10" /><camunda:constraint name="maxlength" config="5" /></camunda:validation>`))],
  ['form-constraint-unsupported', formTask(field('id="x" label="X" type="string"', rule('pattern', 'a+')))],
  ['form-constraint-text-only', formTask(field('id="x" label="X" type="long"', rule('minlength', '2')))],
  ['form-constraint-whole-number', formTask(field('id="x" label="X" type="long"', rule('min', 'abc')))],
  ['form-constraint-date', formTask(field('id="x" label="X" type="date"', rule('min', 'kemarin')))],
  ['form-constraint-number', formTask(field('id="x" label="X" type="number"', rule('min', 'abc')))],
  ['form-constraint-number-date-only', formTask(field('id="x" label="X" type="boolean"', rule('min', '1')))],
  ['form-enum-empty', formTask(field('id="x" label="X" type="enum"'))],
  ['form-enum-value-id', formTask(field('id="x" label="X" type="enum"', '<camunda:value name="A" />'))],
  ['form-enum-reserved', formTask(field('id="x" label="X" type="enum"', '<camunda:value id="constructor" name="A" />'))],
  ['form-enum-duplicate', formTask(field('id="x" label="X" type="enum"', '<camunda:value id="a" name="A" /><camunda:value id="a" name="B" />'))],
  ['list-too-long', model(step().replace('<alur:mutuBaku waktu="PT15M" />', `<alur:mutuBaku waktu="PT15M">${'<alur:persyaratan>x</alur:persyaratan>'.repeat(21)}</alur:mutuBaku>`))],
  ['text-too-long', model(step(undefined, '', `<bpmn:documentation>${'x'.repeat(5001)}</bpmn:documentation>`))],
  ['text-control-char', model(step(undefined, '', '<bpmn:documentation>a\u202Eb</bpmn:documentation>'))],
  ['id-reserved', model(step(undefined, '', '', 'waktu="PT15M"', 'userTask', 'constructor'))],
  ['start-missing', model(`<bpmn:userTask id="${ID}" name="Langkah" />`, `${STARTERS} name="${NAME}"`)],
  ['start-many', model(`<bpmn:startEvent id="S1" name="A" /><bpmn:startEvent id="S2" name="B" />`, `${STARTERS} name="${NAME}"`)],
  ['start-form-key', model(`<bpmn:startEvent id="S" name="${NAME}" camunda:formKey="f" />`)],
  ['start-form-files', model(`<bpmn:startEvent id="S" name="${NAME}"><bpmn:extensionElements><camunda:formData>${field('id="x" label="X" type="file"')}</camunda:formData></bpmn:extensionElements></bpmn:startEvent>`)],
  ['starter-system-role', model(step(), `isExecutable="true" name="${NAME}" camunda:candidateStarterGroups="staff"`)],
  ['starter-invalid', model(step(), `isExecutable="true" name="${NAME}" camunda:candidateStarterGroups="Bad_Group"`)],
  ['no-starter', model(step(), `isExecutable="true" name="${NAME}"`)],
  ['applicant-step-staff-start', model(step(), 'isExecutable="true" camunda:candidateStarterGroups="petugas"')],
  ['file-too-large', model(step()), { fileLevel: true, maxBytes: 100 }],
  ['xml-elements', model(step(undefined, '<foo:a xmlns:foo="urn:x" />'.repeat(5001))), { fileLevel: true }],
  ['xml-depth', model(step(undefined, nested(70))), { fileLevel: true }],
  ['xml-doctype', `<!DOCTYPE x>${model(step())}`, { fileLevel: true }],
  ['file-unreadable', 'bukan BPMN <', { fileLevel: true }],
  ['reference-unresolved', model(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F1" name="${NAME}" sourceRef="S" targetRef="Hilang" />`)],
  ['label-required', model(step(undefined, '', '', 'waktu="PT15M"', 'userTask').replace(`name="${NAME}"`, ''))],
  ['no-implicit-end', model(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="${ID}" /><bpmn:manualTask id="${ID}" name="${NAME}" />`)],
  ['no-implicit-start', model(`<bpmn:manualTask id="${ID}" name="${NAME}" /><bpmn:sequenceFlow id="F1" sourceRef="${ID}" targetRef="E" /><bpmn:endEvent id="E" />`)],
  ['no-disconnected', model(`${step()}<bpmn:manualTask id="Lepas" name="${NAME}" />`)],
  ['no-bpmndi', model(step())],
  ['no-inclusive-gateway', model(`<bpmn:startEvent id="S" /><bpmn:inclusiveGateway id="G" name="${NAME}" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E" /><bpmn:endEvent id="E" />`)],
  ['no-complex-gateway', model(`<bpmn:startEvent id="S" /><bpmn:complexGateway id="G" name="${NAME}" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E" /><bpmn:endEvent id="E" />`)],
  ['fake-join', shippedXml(), { name: 'Melengkapi Informasi PPBJ' }],
];

/** Codes no fixture here triggers, and why. */
const NOT_TRIGGERED: Record<string, string> = {
  'check-failed': 'the check worker failing or timing out (test/workflow/worker-channel.test.ts)',
  'lint-failed': 'a bpmnlint rule throwing',
  'lint-truncated': 'more bpmnlint problems than listed (test/workflow/xml-limits.test.ts)',
  'process-id': 'a studio rule (test/studio/catalog.test.ts)',
};

describe('Given a model that breaks one rule', () => {
  test.each(FIXTURES)('when %s is validated, then its problem has the key and both languages name the element', async (code, xml, options = {}) => {
    const { problems } = await validateDefinition(xml, { hasForm: () => options.hasForm ?? true, maxBytes: options.maxBytes });
    const name = options.name ?? NAME;
    const ofCode = problems.filter((p) => p.code === code);
    const problem = ofCode.find((p) => p.element?.name === name) ?? ofCode[0];
    expect(problem).toBeDefined();
    const id = problemText(problem!, 'id')!;
    const en = problemText(problem!, 'en')!;
    expect(id).not.toBe(en);
    expect(id).not.toMatch(/\{\w+\}/); // every placeholder filled
    expect(en).not.toMatch(/\{\w+\}/);
    if (code === 'label-required') {
      expect([id, en]).toEqual([expect.stringContaining('Tugas tanpa nama (ke-1)'), expect.stringContaining('nnamed task (no. 1)')]);
    } else if (!options.fileLevel || code === 'automatic-loop' || code === 'process-many-executable') {
      expect(id).toContain(`“${name}”`);
      expect(en).toContain(`“${name}”`);
    }
    expect(id).not.toContain(ID);
  });

  test('when the rules of the source are listed, then each is in the table or said why not', () => {
    // bpmnlint's rules without a fixture here still have a text naming the element (problem-messages.test.ts)
    const covered = new Set([...FIXTURES.map(([code]) => code), ...Object.keys(NOT_TRIGGERED), ...LINT_WITHOUT_FIXTURE]);
    expect(codesInSource().filter((c) => !covered.has(c))).toEqual([]);
  });
});

/** bpmnlint rules that need diagram interchange or constructs Alur refuses anyway; their texts are checked in problem-messages.test.ts. */
const LINT_WITHOUT_FIXTURE = new Set([
  'ad-hoc-sub-process', 'conditional-flows', 'end-event-required', 'event-based-gateway', 'event-sub-process-typed-start-event', 'global',
  'link-event', 'no-duplicate-sequence-flows', 'no-gateway-join-fork', 'no-implicit-split', 'no-overlapping-elements',
  'single-blank-start-event', 'single-event-definition', 'start-event-required', 'sub-process-blank-start-event', 'superfluous-gateway', 'superfluous-label', 'superfluous-termination',
]);
