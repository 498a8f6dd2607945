// The generic form of a step whose fields the model declares: every type is checked on the
// server like a hand-written form, messages come in the user's language, and gateways read the
// submission as typed values (yes/no as booleans, numbers as numbers).
import { describe, expect, test } from '@jest/globals';
import { modelForm } from '../../src/forms/model-form.js';
import { fieldViews } from '../../src/forms/field-views.js';
import type { FormDef } from '../../src/forms/form-types.js';
import { rejection, validateForm } from '../../src/forms/validate-form.js';
import { translate } from '../../src/web/i18n.js';
import { completeUserTask, loadProcessModel, startProcess } from '../../src/workflow/index.js';
import { definition, processXml } from '../workflow/helpers.js';
import { STEP_FIELDS } from '../helpers/model-form-step.js';
import { FormRegistry } from '../../src/forms/form-registry.js';
import { packForms } from '../../src/packs/index.js';

const REGISTRY = new FormRegistry(packForms());

const taskXml = (fields: string, id = 'A', role = 'pemohon'): string =>
  `<bpmn:userTask id="${id}" name="Data Atasan" camunda:candidateGroups="${role}"><bpmn:extensionElements>
    <alur:mutuBaku waktu="PT10M" /><camunda:formData>${fields}</camunda:formData></bpmn:extensionElements></bpmn:userTask>`;

async function formOf(fields: string, role = 'pemohon'): Promise<FormDef> {
  const model = await loadProcessModel(processXml(taskXml(fields, 'A', role)));
  return modelForm(model.userTasks[0]!, { reviews: REGISTRY.applicantFormKeys() });
}

const now = { now: new Date('2026-11-26T03:00:00Z') };
const VALID = { namaAtasan: 'Ir. Budi Santoso', jumlahPaket: '12', tanggalTugas: '2024-03-01', jenisPengadaan: 'jasa', bersedia: 'ya' };
const errorsOf = (form: FormDef, raw: Record<string, unknown>, files: Record<string, string> = {}) => validateForm(form, raw, files, now).errors;
const id = (key: string | undefined) => translate('id', key ?? '');
const en = (key: string | undefined) => translate('en', key ?? '');

describe('Given the generic form of a step with six declared fields', () => {
  test('then it has one field per declaration, labelled as in the model, with the input each type needs', async () => {
    const form = await formOf(STEP_FIELDS);
    expect(form).toMatchObject({ key: 'model:A', groupId: 'pemohon', drafts: true, caseStatus: 'status.menungguPemohon' });
    expect(id(form.title)).toBe('Data Atasan');
    expect(form.fields.map((f) => [f.name, f.type, id(f.label), f.required])).toEqual([
      ['namaAtasan', 'text', 'Nama atasan langsung', true],
      ['jumlahPaket', 'text', 'Jumlah paket per tahun', true],
      ['tanggalTugas', 'date', 'Tanggal mulai bertugas', false],
      ['jenisPengadaan', 'radio', 'Jenis pengadaan', false],
      ['bersedia', 'radio', 'Bersedia mengikuti pelatihan?', true],
      ['suratAtasan', 'file', 'Surat pengantar atasan', false],
    ]);
    const [nama, jumlah, tanggal, jenis, bersedia] = form.fields;
    expect(nama).toMatchObject({ maxLength: 80 });
    expect(jumlah).toMatchObject({ inputmode: 'numeric' });
    expect([id(jumlah!.hint), en(jumlah!.hint)]).toEqual(['Antara 1 dan 100.', 'Between 1 and 100.']);
    expect(id(tanggal!.hint)).toBe('Paling kecil 2000-01-01.');
    expect(jenis!.options).toEqual([{ value: 'barang', label: 'Barang', literal: true }, { value: 'jasa', label: 'Jasa Konsultansi', literal: true }]);
    expect(bersedia!.options!.map((o) => [o.value, id(o.label), en(o.label)])).toEqual([['ya', 'Ya', 'Yes'], ['tidak', 'Tidak', 'No']]);
    expect(fieldViews(form, {}).multipart).toBe(true);
  });

  test('when valid values are submitted, then there is no error and gateways get typed values', async () => {
    const form = await formOf(STEP_FIELDS);
    const check = validateForm(form, { ...VALID, jumlahPaket: ' 12 ' }, {}, now);
    expect(rejection(check)).toBeNull();
    expect(form.engineOutput!(check.clean)).toEqual({
      namaAtasan: 'Ir. Budi Santoso', jumlahPaket: 12, tanggalTugas: '2024-03-01', jenisPengadaan: 'jasa', bersedia: true,
    });
    expect(form.engineOutput!(validateForm(form, { ...VALID, bersedia: 'tidak', tanggalTugas: '' }, {}, now).clean)).toMatchObject({ bersedia: false, tanggalTugas: null });
  });

  test('when required values are missing, then each field says so', async () => {
    const form = await formOf(STEP_FIELDS);
    expect(errorsOf(form, {})).toEqual({ namaAtasan: 'field.required', jumlahPaket: 'field.required', bersedia: 'field.required' });
  });

  test.each([
    ['jumlahPaket', 'dua belas', 'Isi dengan bilangan bulat, mis. 12.'],
    ['jumlahPaket', '2,5', 'Isi dengan bilangan bulat, mis. 12.'],
    ['jumlahPaket', '0', 'Paling kecil 1.'],
    ['jumlahPaket', '101', 'Paling besar 100.'],
    ['tanggalTugas', '1999-12-31', 'Paling kecil 2000-01-01.'],
    ['tanggalTugas', '2024-02-30', 'Tanggal tidak valid.'],
    ['jenisPengadaan', 'konstruksi', 'Pilihan tidak dikenal.'],
    ['bersedia', 'mungkin', 'Pilihan tidak dikenal.'],
    ['namaAtasan', 'x'.repeat(81), 'Isian terlalu panjang.'],
  ])('when %s is "%s", then it is refused: %s', async (name, value, message) => {
    const form = await formOf(STEP_FIELDS);
    const errors = errorsOf(form, { ...VALID, [name]: value });
    expect(Object.keys(errors)).toEqual([name]);
    expect(id(errors[name])).toBe(message);
  });

  test('when a decimal field gets a comma or a dot, then both are read as the same number', async () => {
    const form = await formOf('<camunda:formField id="nilai" label="Nilai" type="number"><camunda:validation><camunda:constraint name="max" config="2.5" /></camunda:validation></camunda:formField>');
    expect(form.engineOutput!(validateForm(form, { nilai: '2,5' }, {}, now).clean)).toEqual({ nilai: 2.5 });
    expect(form.engineOutput!(validateForm(form, { nilai: '1.25' }, {}, now).clean)).toEqual({ nilai: 1.25 });
    expect(id(errorsOf(form, { nilai: '2,6' }).nilai)).toBe('Paling besar 2.5.');
    expect(id(errorsOf(form, { nilai: '1e3' }).nilai)).toBe('Isi dengan angka, mis. 12 atau 12,5.');
  });

  test('when a text has a minimum length, then shorter text is refused with the minimum', async () => {
    const form = await formOf('<camunda:formField id="alasan" label="Alasan" type="textarea"><camunda:validation><camunda:constraint name="minlength" config="10" /></camunda:validation></camunda:formField>');
    expect(form.fields[0]).toMatchObject({ type: 'textarea', maxLength: 4000 });
    expect([id(errorsOf(form, { alasan: 'pendek' }).alasan), en(errorsOf(form, { alasan: 'pendek' }).alasan)]).toEqual(['Paling sedikit 10 karakter.', 'At least 10 characters.']);
    expect(errorsOf(form, { alasan: 'cukup panjang' })).toEqual({});
  });

  test('when a required file is missing, then the message asks for the file; an uploaded document satisfies it', async () => {
    const form = await formOf('<camunda:formField id="surat" label="Surat" type="file"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>');
    expect(id(errorsOf(form, {}).surat)).toBe('Unggah berkasnya.');
    expect(errorsOf(form, {}, { surat: 'doc-1' })).toEqual({});
    expect(form.engineOutput!(validateForm(form, {}, { surat: 'doc-1' }, now).clean)).toEqual({}); // files stay out of the engine
  });

  test('when a choice has more than five options, then it is a select; a boolean default becomes ya/tidak', async () => {
    const values = Array.from({ length: 6 }, (_, i) => `<camunda:value id="v${i}" name="Pilihan ${i}" />`).join('');
    const form = await formOf(`<camunda:formField id="pilih" label="Pilih" type="enum">${values}</camunda:formField>
      <camunda:formField id="ok" label="OK?" type="boolean" defaultValue="false" />`);
    expect(form.fields.map((f) => [f.type, f.defaultValue])).toEqual([['select', undefined], ['radio', 'tidak']]);
  });

  test('when the step is a staff step, then it reviews the applicant\'s coded forms of the registry and has no drafts', async () => {
    const form = await formOf(STEP_FIELDS, 'admin-ppe');
    expect(form).toMatchObject({ groupId: 'admin-ppe', submitLabel: 'model.submit', caseStatus: 'status.diproses' });
    expect(form.drafts).toBeUndefined();
    expect(form.reviews).toEqual(['ppbj-registrasi', 'ppbj-identitas', 'ppbj-informasi']);
  });
});

describe('Given a gateway after a generated form that reads its yes/no field', () => {
  const xml = processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="A" />
    ${taskXml('<camunda:formField id="setuju" label="Setuju?" type="boolean" />')}
    <bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="g" />
    <bpmn:exclusiveGateway id="g" default="fNo" />
    <bpmn:sequenceFlow id="fYes" sourceRef="g" targetRef="Y"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.output.A.setuju == true}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fNo" sourceRef="g" targetRef="N" />
    ${taskXml('<camunda:formField id="x" label="X" type="string" />', 'Y')}${taskXml('<camunda:formField id="x" label="X" type="string" />', 'N')}`);

  test.each([['ya', 'Y'], ['tidak', 'N']])('when "%s" is submitted, then the case goes to %s', async (answer, next) => {
    const def = definition(xml);
    const model = await loadProcessModel(xml);
    const form = modelForm(model.userTasks.find((t) => t.id === 'A')!);
    const started = await startProcess(def);
    const done = await completeUserTask(def, started.engineState, 'A', form.engineOutput!(validateForm(form, { setuju: answer }, {}, now).clean));
    expect(done.waiting.map((w) => w.elementId)).toEqual([next]);
  });
});
