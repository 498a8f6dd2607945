// Field types any SOP needs, declared in the model: nip (NIP PNS), nik (NIK) and telepon (an
// Indonesian mobile number, stored +62…), checked on the server like the coded forms' fields.
import { describe, expect, test } from '@jest/globals';
import { modelForm } from '../../src/forms/model-form.js';
import type { FormDef } from '../../src/forms/form-types.js';
import { rejection, validateForm } from '../../src/forms/validate-form.js';
import { translate } from '../../src/web/i18n.js';
import { loadProcessModel, validateDefinition } from '../../src/workflow/index.js';
import { processXml } from '../workflow/helpers.js';

const FIELDS = `<camunda:formField id="nipPegawai" label="NIP pegawai" type="nip"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
  <camunda:formField id="nikPegawai" label="NIK pegawai" type="nik" />
  <camunda:formField id="teleponPegawai" label="Nomor telepon" type="telepon" />`;
const task = (fields: string): string =>
  `<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="A" />
  <bpmn:userTask id="A" name="Data Pegawai" camunda:candidateGroups="kepegawaian"><bpmn:extensionElements>
    <alur:mutuBaku waktu="PT10M" /><camunda:formData>${fields}</camunda:formData></bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="e" /><bpmn:endEvent id="e" />`;

async function formOf(fields = FIELDS): Promise<FormDef> {
  return modelForm((await loadProcessModel(processXml(task(fields)))).userTasks[0]!);
}

const now = { now: new Date('2026-11-26T03:00:00Z') };
const VALID = { nipPegawai: '19860926 201505 1 001', nikPegawai: '6171 0526 0986 0001', teleponPegawai: '0812-3456-7890' };

describe('Given a step declaring nip, nik and telepon fields', () => {
  test('when the model is validated, then the three types are accepted', async () => {
    const { problems } = await validateDefinition(processXml(task(FIELDS)), { hasForm: () => false });
    expect(problems.filter((p) => p.severity === 'error' && p.rule === 'alur')).toEqual([]);
    const model = await loadProcessModel(processXml(task(FIELDS)));
    expect(model.userTasks[0]!.fields.map((f) => f.type)).toEqual(['nip', 'nik', 'telepon']);
  });

  test('when its form is built, then each gets the input and hint of its kind', async () => {
    const form = await formOf();
    expect(form.fields.map((f) => [f.name, f.type, f.inputmode, f.required])).toEqual([
      ['nipPegawai', 'text', 'numeric', true],
      ['nikPegawai', 'text', 'numeric', false],
      ['teleponPegawai', 'tel', 'tel', false],
    ]);
    expect(translate('id', form.fields[0]!.hint!)).toMatch(/18 digit/);
  });

  test('when valid values are submitted, then there is no error, NIP and NIK lose their spaces and the phone is stored +62…', async () => {
    const form = await formOf();
    const check = validateForm(form, VALID, {}, now);
    expect(rejection(check)).toBeNull();
    expect(check.clean).toMatchObject({ nipPegawai: '198609262015051001', nikPegawai: '6171052609860001', teleponPegawai: '+6281234567890' });
    expect(form.engineOutput!(check.clean)).toEqual({ nipPegawai: '198609262015051001', nikPegawai: '6171052609860001', teleponPegawai: '+6281234567890' });
  });

  test.each([
    ['628123456789', '+628123456789'],
    ['+62 812 3456 7890', '+6281234567890'],
  ])('when the phone is written %s, then it is stored %s', async (typed, stored) => {
    const check = validateForm(await formOf(), { ...VALID, teleponPegawai: typed }, {}, now);
    expect(check.clean.teleponPegawai).toBe(stored);
  });

  test('when each value is malformed, then each field gets its own message in Indonesian and English', async () => {
    const form = await formOf();
    const bad = { nipPegawai: '1986', nikPegawai: '12345', teleponPegawai: '021-555' };
    const check = validateForm(form, bad, {}, now);
    expect(check.errors).toEqual({ nipPegawai: 'field.nip.format', nikPegawai: 'field.nik.format', teleponPegawai: 'field.whatsapp.format' });
    expect(translate('id', check.errors.teleponPegawai!)).toMatch(/tidak valid/);
    expect(translate('en', check.errors.nikPegawai!)).toMatch(/16 digits/);
  });

  test('when the NIP holds impossible dates or the NIK an impossible birth date, then they are refused', async () => {
    const check = validateForm(await formOf(), { ...VALID, nipPegawai: '198613402015051001', nikPegawai: '6171053209860001' }, {}, now);
    expect(check.errors).toEqual({ nipPegawai: 'field.nip.date', nikPegawai: 'field.nik.date' });
  });

  test('when the required NIP is empty and the optional ones too, then only the NIP is required', async () => {
    const check = validateForm(await formOf(), {}, {}, now);
    expect(Object.keys(check.errors)).toEqual(['nipPegawai']);
  });

  test('when an unknown type is declared, then the reason lists the types including nip, nik and telepon', async () => {
    const { problems } = await validateDefinition(processXml(task('<camunda:formField id="x" label="X" type="ktp" />')), { hasForm: () => false });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringMatching(/type "ktp" is not supported \(.*nip, nik, telepon\)/) }));
  });
});
