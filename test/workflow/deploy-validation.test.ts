// Everything checked before a deploy (validateDefinition): one fixture diagram per rule, each
// refused with a problem tied to the element to highlight in the modeler.
import { describe, expect, test } from '@jest/globals';
import { FormRegistry } from '../../src/forms/form-registry.js';
import { packForms } from '../../src/packs/index.js';

const REGISTRY = new FormRegistry(packForms());
const hasForm = (key: string): boolean => REGISTRY.has(key);
import { MAX_DEFINITION_BYTES, validateDefinition, type DefinitionProblem } from '../../src/workflow/index.js';
import { fixtureXml, shippedXml } from './helpers.js';

const validate = (xml: string) => validateDefinition(xml, { hasForm });
const errors = (problems: DefinitionProblem[]) => problems.filter((p) => p.severity === 'error');

describe('Given the shipped process', () => {
  test('when validated, then it has no error (only bpmnlint\'s fake-join warnings on the two steps a return goes back to) and yields its model', async () => {
    const { problems, model } = await validate(shippedXml());
    expect(errors(problems)).toEqual([]);
    expect(problems).toMatchObject([
      { elementId: 'MengisiIdentitas', message: 'Incoming flows do not join', severity: 'warning', rule: 'fake-join' },
      { elementId: 'MelengkapiInformasi', message: 'Incoming flows do not join', severity: 'warning', rule: 'fake-join' },
    ]);
    expect(problems).toHaveLength(2);
    expect(model?.processKey).toBe('pendaftaran-akun-ppbj');
  });

  test('when a diagram saved by the Camunda desktop modeler is validated, then it is accepted', async () => {
    const { problems, model } = await validate(fixtureXml('rules/camunda-modeler-export.bpmn'));
    expect(errors(problems)).toEqual([]);
    expect(model?.userTasks.find((t) => t.id === 'MengaktifkanAkun')?.timeStandard).toBe('PT10M');
  });
});

describe('Given a fixture that breaks one rule, when validated, then deploy is refused with the reason on the element', () => {
  test.each([
    ['rules/group-system-role.bpmn', 'MengaktifkanAkun', 'alur', /step "Mengaktifkan Akun PPBJ": camunda:candidateGroups "staff" names the system role "staff", not a group/],
    ['rules/form-missing.bpmn', 'MengaktifkanAkun', 'alur', /no camunda:formKey/],
    ['rules/form-unknown.bpmn', 'MengaktifkanAkun', 'alur', /form "formulir-tidak-ada" does not exist/],
    ['rules/time-standard-invalid.bpmn', 'MengaktifkanAkun', 'alur', /invalid ISO-8601 duration "5 Menit" in waktu/],
    ['rules/gateway-without-default.bpmn', 'InformasiLengkap', 'alur', /outgoing flow "Flow_InformasiLengkap_Tidak" has no condition and is not the default flow/],
    ['rules/gateway-without-default.bpmn', 'Flow_InformasiLengkap_Tidak', 'conditional-flows', /Sequence flow is missing condition/],
    ['rules/expression-path-not-allowed.bpmn', 'Flow_InformasiLengkap_Ya', 'alur', /Path not allowed in expression/],
    ['rules/expression-with-call.bpmn', 'Flow_InformasiLengkap_Ya', 'alur', /Unexpected trailing tokens|Illegal expression/],
    ['rules/service-implementation.bpmn', 'MengaktifkanAkun', 'alur', /service tasks are not allowed/],
    ['rules/service-implementation.bpmn', 'MengaktifkanAkun', 'alur', /camunda:class\/expression\/delegateExpression are not allowed/],
    ['rules/identity-date-invalid.bpmn', 'pendaftaran-akun-ppbj', 'alur', /tanggalEfektif "12 Mei 2021" is not a date/],
    ['rules/lint-disconnected-task.bpmn', 'Lepas', 'no-disconnected', /./],
    ['attack-script-task.bpmn', 'pwn', 'alur', /script tasks are not allowed/],
    ['attack-script-condition.bpmn', 'pwn', 'alur', /expressions with a language \("javascript"\) are not allowed/],
    ['attack-expression-service-task.bpmn', 'pwn', 'alur', /service tasks are not allowed/],
    ['attack-expression-service-task.bpmn', 'pwn', 'alur', /Path not allowed in expression|not allowed/],
    ['automatic-loop.bpmn', 'spin', 'alur', /automatic loop without a wait state/],
  ])('%s -> %s (%s)', async (fixture, elementId, rule, message) => {
    const { problems, model } = await validate(fixtureXml(fixture));
    expect(model).toBeNull();
    const matching = errors(problems).filter((p) => p.rule === rule && message.test(p.message));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.map((p) => p.elementId)).toContain(elementId);
  });

  test.each([
    ['entity-expansion.bpmn'],
    ['rules/external-entity.bpmn'],
  ])('%s (DTD / entities) is refused before parsing', async (fixture) => {
    const { problems, model } = await validate(fixtureXml(fixture));
    expect(model).toBeNull();
    expect(problems).toMatchObject([{ elementId: null, message: 'DOCTYPE and ENTITY declarations are not allowed', severity: 'error', rule: 'alur' }]);
    expect(problems).toHaveLength(1);
  });

  test('an XML file over 1 MiB is refused without being parsed', async () => {
    const padding = `<!-- ${'x'.repeat(MAX_DEFINITION_BYTES)} -->`;
    const { problems, model } = await validate(shippedXml().replace('</bpmn:definitions>', `${padding}</bpmn:definitions>`));
    expect(model).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/more than the limit of 1048576/);
  });

  test('truncated XML is refused with the parser\'s reason', async () => {
    const { problems, model } = await validate(fixtureXml('broken-truncated.bpmn'));
    expect(model).toBeNull();
    expect(problems[0]!.message).toMatch(/unparsable content/);
  });
});

describe('Given the same diagram validated twice in a row', () => {
  test('when linted again, then bpmnlint reports nothing new (its rules keep no state across runs)', async () => {
    const first = await validate(shippedXml());
    const second = await validate(shippedXml());
    expect(second.problems).toEqual(first.problems);
  });
});
