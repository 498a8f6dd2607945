// Issue 9 items 6 and 16 (forms): names from a model never reach Object.prototype (types, field
// ids, enum values), submitted texts carry no control or text-direction characters, and dates
// stay within a sane range per field; messages in Indonesian and English.
import { describe, expect, test } from '@jest/globals';
import { identitas, informasi, registrasi } from '../../src/packs/ppbj/forms/ppbj-forms.js';
import { modelForm } from '../../src/forms/model-form.js';
import { fieldViews } from '../../src/forms/field-views.js';
import { storableValues, validateForm } from '../../src/forms/validate-form.js';
import { checkDate, checkNip } from '../../src/forms/validators.js';
import { translate } from '../../src/web/i18n.js';
import { DefinitionError, loadProcessModel, type UserTaskSpec } from '../../src/workflow/index.js';
import { IDENTITY, INFORMATION } from '../helpers/ppbj.js';
import { processXml } from '../workflow/helpers.js';

const ctx = { now: new Date('2026-03-10T03:00:00Z') };

const withFields = (fields: string): string =>
  processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="T" />
    <bpmn:userTask id="T" name="Data" camunda:candidateGroups="pemohon"><bpmn:extensionElements>
      <alur:mutuBaku waktu="PT15M" /><camunda:formData>${fields}</camunda:formData></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="e" /><bpmn:endEvent id="e" />`);

async function reasonsFor(xml: string): Promise<string[]> {
  const refusal = await loadProcessModel(xml).catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(DefinitionError);
  return (refusal as DefinitionError).reasons;
}

describe('Given form fields named like Object.prototype members (item 6)', () => {
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('when a field has type="%s", then the model is refused and Object.prototype stays unfrozen', async (type) => {
    const reasons = await reasonsFor(withFields(`<camunda:formField id="catatan" label="Catatan" type="${type}" />`));
    expect(reasons).toContainEqual(expect.stringMatching(`form field "catatan": type "${type}" is not supported`));
    expect(Object.isFrozen(Object.prototype)).toBe(false);
  });

  test.each(['toString', 'valueOf', 'constructor', 'hasOwnProperty', 'isPrototypeOf'])('when a field id is %s, then the model is refused: a reserved name', async (fieldId) => {
    const reasons = await reasonsFor(withFields(`<camunda:formField id="${fieldId}" label="Isian" type="string" />`));
    expect(reasons).toContainEqual(`bpmn:UserTask "T": form field "${fieldId}": id "${fieldId}" is a reserved name (a JavaScript object member): choose another id`);
  });

  test('when an enum value id is constructor, then the model is refused', async () => {
    const reasons = await reasonsFor(withFields('<camunda:formField id="jenis" label="Jenis" type="enum"><camunda:value id="constructor" name="C" /></camunda:formField>'));
    expect(reasons).toContainEqual(expect.stringMatching(/enum value ids constructor are reserved names/));
  });

  test('when a message key is an Object.prototype member, then it is shown as is, never a function', () => {
    for (const key of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
      expect(translate('id', key)).toBe(key);
      expect(translate('en', key)).toBe(key);
    }
  });

  test('when a form (e.g. one stored before this rule) has a field named toString, then validation reads only what was sent', () => {
    const spec: UserTaskSpec = {
      id: 'T', name: 'Data', groupId: 'pemohon', groupName: 'Pemohon', formKey: 'model:T', lane: null, timeStandard: 'PT15M', timeStandardMs: 900_000,
      sop: { stepNo: null, requirements: [], output: '', keterangan: [] },
      fields: ['toString', 'valueOf', 'constructor'].map((id) => ({ id, label: id, type: 'text' as const, required: false, options: [] })),
    };
    const form = modelForm(spec);
    const check = validateForm(form, { toString: 'halo' }, {}, ctx);
    expect({ ...check.errors }).toEqual({});
    expect(storableValues(form, check.clean)).toEqual({ toString: 'halo', valueOf: '', constructor: '' });
    const view = fieldViews(form, {}, {});
    expect(view.fields.map((f) => f.value)).toEqual(['', '', '']);
    expect(view.errorList).toEqual([]);
  });
});

describe('Given control and text-direction characters in submitted texts (item 16)', () => {
  const REGISTRATION = { displayName: 'Budi', email: 'budi@contoh.go.id', whatsapp: '081234567890', password: 'kata-sandi-panjang', passwordConfirm: 'kata-sandi-panjang', persetujuanPrivasi: 'ya' };

  test.each([
    ['NUL', '\u0000'], ['BEL', '\u0007'], ['CR', '\r'], ['LF', '\n'], ['TAB', '\t'], ['C1 NEL', '\u0085'],
    ['RLO U+202E', '\u202E'], ['LRE U+202A', '\u202A'], ['RLI U+2067', '\u2067'], ['PDI U+2069', '\u2069'],
  ])('when a name contains %s, then sign-up refuses it and keeps what was typed', (_what, char) => {
    const typed = `Budi${char}Santoso`;
    const check = validateForm(registrasi, { ...REGISTRATION, displayName: typed }, {}, ctx);
    expect(check.errors.displayName).toBe('field.controlChars');
    expect(check.values.displayName).toBe(typed);
    expect(check.values.email).toBe(REGISTRATION.email);
  });

  test('when an identity field carries U+202E, then step 3 refuses that field only', () => {
    const check = validateForm(identitas, { ...IDENTITY, namaLengkap: 'Budi\u202Eosotnas', unitKerja: 'Bagian\u0000PBJ' }, {}, ctx);
    expect({ ...check.errors }).toEqual({ namaLengkap: 'field.controlChars', unitKerja: 'field.controlChars' });
  });

  test('when a multi-line note has line breaks and tabs, then they are kept; a BEL or RLO is refused', () => {
    const form = modelForm({
      id: 'T', name: 'Data', groupId: 'pemohon', groupName: 'Pemohon', formKey: 'model:T', lane: null, timeStandard: 'PT15M', timeStandardMs: 900_000,
      sop: { stepNo: null, requirements: [], output: '', keterangan: [] },
      fields: [{ id: 'catatan', label: 'Catatan', type: 'textarea', required: false, options: [] }],
    });
    expect({ ...validateForm(form, { catatan: 'baris 1\r\nbaris\t2' }, {}, ctx).errors }).toEqual({});
    expect(validateForm(form, { catatan: 'baris\u0007' }, {}, ctx).errors.catatan).toBe('field.controlChars');
    expect(validateForm(form, { catatan: 'baris\u202E' }, {}, ctx).errors.catatan).toBe('field.controlChars');
  });

  test('then the message is in Indonesian and English', () => {
    expect(translate('id', 'field.controlChars')).toMatch(/karakter kontrol/);
    expect(translate('en', 'field.controlChars')).toMatch(/control or text-direction characters/);
  });
});

describe('Given dates (item 16)', () => {
  const skErrors = (values: Record<string, string>) => ({ ...validateForm(informasi, { ...INFORMATION, ...values }, { skFile: 'doc-1' }, ctx).errors });

  test('when the SK is dated 9999-12-31, then it is refused with the allowed range', () => {
    const errors = skErrors({ tanggalSk: '9999-12-31' });
    expect(translate('id', errors.tanggalSk!)).toBe('Tanggal harus antara 1900-01-01 dan 2100-12-31.');
    expect(translate('id', skErrors({ tanggalSk: '2026-03-11' }).tanggalSk!)).toBe('Tanggal harus antara 1976-03-10 dan 2026-03-10.');
    expect(translate('en', skErrors({ tanggalSk: '1975-01-01' }).tanggalSk!)).toBe('The date must be between 1976-03-10 and 2026-03-10.');
  });

  test('when the SK validity starts too far ahead or ends after 50 years, then it is refused; the usual dates pass', () => {
    expect(skErrors({})).toEqual({});
    expect(translate('en', skErrors({ berlakuMulai: '2032-01-01' }).berlakuMulai!)).toBe('The date must be between 1976-03-10 and 2031-03-10.');
    expect(translate('en', skErrors({ berlakuSampai: '2099-12-31' }).berlakuSampai!)).toBe('The date must be between 1976-03-10 and 2076-03-10.');
    expect(skErrors({ berlakuSampai: '2025-12-31' }).berlakuSampai).toBe('field.berlakuSampai.beforeStart');
  });

  test('when any date field (coded or model form) gets year 1899 or 9999, then it is refused', () => {
    expect(checkDate('1899-12-31')).toMatch(/^field\.date\.between/);
    expect(checkDate('9999-12-31')).toMatch(/^field\.date\.between/);
    expect(checkDate('2026-02-30')).toBe('field.date.format');
    expect(checkDate('2026-02-28')).toBeNull();
  });

  test('when a NIP says its holder was born more than 100 years ago, then it is refused', () => {
    expect(checkNip('192001012000011001', {}, ctx)).toBe('field.nip.birthRange');
    expect(checkNip('193001012000011001', {}, ctx)).toBeNull();
    expect(translate('en', 'field.nip.birthRange')).toMatch(/more than 100 years ago/);
  });
});
