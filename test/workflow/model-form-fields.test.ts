// Forms declared in the model (camunda:formData, the properties panel's "Generated Task Forms"):
// what the generic form gets, and every declaration it cannot render or check is refused on its task.
import { describe, expect, test } from '@jest/globals';
import { FormRegistry } from '../../src/forms/form-registry.js';
import { packForms } from '../../src/packs/index.js';

const REGISTRY = new FormRegistry(packForms());
const hasForm = (key: string): boolean => REGISTRY.has(key);
import { DefinitionError, loadProcessModel, validateDefinition } from '../../src/workflow/index.js';
import { processXml } from './helpers.js';

const field = (id: string, attrs: string, inner = ''): string => `<camunda:formField id="${id}" ${attrs}>${inner}</camunda:formField>`;
const constraints = (...cs: string[]): string => `<camunda:validation>${cs.join('')}</camunda:validation>`;
const constraint = (name: string, config?: string): string => `<camunda:constraint name="${name}"${config === undefined ? '' : ` config="${config}"`} />`;

/** One PPBJ user task "Tambahan" whose form is the given fields (plus `attrs` on the task). */
const withFields = (fields: string, attrs = '', id = 'Tambahan'): string =>
  processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="${id}" />
    <bpmn:userTask id="${id}" name="Data Tambahan" camunda:candidateGroups="pemohon" ${attrs}><bpmn:extensionElements>
      <alur:mutuBaku waktu="PT15M" /><camunda:formData>${fields}</camunda:formData>
    </bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="${id}" targetRef="e" /><bpmn:endEvent id="e" />`);

async function reasonsFor(xml: string): Promise<string[]> {
  const refusal = await loadProcessModel(xml).catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(DefinitionError);
  return (refusal as DefinitionError).reasons;
}

const ALL_TYPES = [
  field('nama', 'label="Nama atasan" type="string"', constraints(constraint('required'), constraint('maxlength', '80'), constraint('minlength', '3'))),
  field('catatan', 'label="Catatan" type="textarea"'),
  field('jumlah', 'label="Jumlah paket" type="long"', constraints(constraint('min', '1'), constraint('max', '100'))),
  field('nilai', 'label="Nilai (juta)" type="number"', constraints(constraint('max', '2.5'))),
  field('mulai', 'label="Mulai" type="date" defaultValue="2026-01-01"', constraints(constraint('min', '2020-01-01'))),
  field('jenis', 'label="Jenis" type="enum"', '<camunda:value id="barang" name="Barang" /><camunda:value id="jasa" name="Jasa" />'),
  field('setuju', 'label="Setuju?" type="boolean" defaultValue="true"', constraints(constraint('required'))),
  field('lampiran', 'label="Lampiran" type="file"'),
].join('');

describe('Given a user task with camunda:formData and no formKey', () => {
  test('when loaded, then its formKey is model:<id> and every field type, constraint and default is read', async () => {
    const model = await loadProcessModel(withFields(ALL_TYPES));
    const [task] = model.userTasks;
    expect(task).toMatchObject({ id: 'Tambahan', groupId: 'pemohon', formKey: 'model:Tambahan' });
    expect(task!.fields).toEqual([
      { id: 'nama', label: 'Nama atasan', type: 'text', required: true, options: [], maxLength: 80, minLength: 3 },
      { id: 'catatan', label: 'Catatan', type: 'textarea', required: false, options: [] },
      { id: 'jumlah', label: 'Jumlah paket', type: 'integer', required: false, options: [], min: '1', max: '100' },
      { id: 'nilai', label: 'Nilai (juta)', type: 'number', required: false, options: [], max: '2.5' },
      { id: 'mulai', label: 'Mulai', type: 'date', required: false, options: [], min: '2020-01-01', defaultValue: '2026-01-01' },
      { id: 'jenis', label: 'Jenis', type: 'choice', required: false, options: [{ value: 'barang', label: 'Barang' }, { value: 'jasa', label: 'Jasa' }] },
      { id: 'setuju', label: 'Setuju?', type: 'yesno', required: true, options: [], defaultValue: 'true' },
      { id: 'lampiran', label: 'Lampiran', type: 'file', required: false, options: [] },
    ]);
  });

  test('when validated before a deploy, then Alur\'s rules find no error (a generated form needs no registered formKey)', async () => {
    // NOTE: this bare diagram has no DI, so bpmnlint errors; the shipped-diagram tests cover lint
    const { problems } = await validateDefinition(withFields(ALL_TYPES), { hasForm });
    expect(problems.filter((p) => p.rule === 'alur')).toEqual([]);
  });
});

describe('Given a form declaration the generic form cannot serve, when loaded, then it is refused with the reason', () => {
  test.each([
    ['an unknown type', field('x', 'label="X" type="json"'), /form field "x": type "json" is not supported/],
    ['no type', field('x', 'label="X"'), /form field "x": no type/],
    ['no label', field('x', 'type="string"'), /form field "x": no label/],
    ['an id that is not a name', field('1x', 'label="X" type="string"'), /form field "1x": id "1x" must start with a letter/],
    ['an id with a dot', field('a.b', 'label="X" type="string"'), /form field "a.b": id "a.b" must start with a letter/],
    ['an enum without values', field('x', 'label="X" type="enum"'), /form field "x": an enum field needs at least one value/],
    ['an enum with repeated values', field('x', 'label="X" type="enum"', '<camunda:value id="a" name="A" /><camunda:value id="a" name="B" />'), /enum value ids must be unique/],
    ['an unsupported constraint', field('x', 'label="X" type="string"', constraints(constraint('readonly'))), /constraint "readonly" is not supported/],
    ['a text bound on a number', field('x', 'label="X" type="long"', constraints(constraint('maxlength', '5'))), /maxlength only applies to text fields/],
    ['a number bound on text', field('x', 'label="X" type="string"', constraints(constraint('min', '5'))), /min only applies to number and date fields/],
    ['a decimal bound on a whole number', field('x', 'label="X" type="long"', constraints(constraint('min', '1.5'))), /min needs a whole number/],
    ['a bound that is not a date', field('x', 'label="X" type="date"', constraints(constraint('max', '31/12/2026'))), /max needs a date YYYY-MM-DD/],
    ['min above max', field('x', 'label="X" type="long"', constraints(constraint('min', '9'), constraint('max', '2'))), /min is greater than max/],
    ['minlength above maxlength', field('x', 'label="X" type="string"', constraints(constraint('minlength', '9'), constraint('maxlength', '2'))), /minlength is greater than maxlength/],
    ['repeated field ids', field('x', 'label="X" type="string"') + field('x', 'label="Y" type="long"'), /form field ids must be unique: x/],
    ['no field at all', '', /camunda:formData declares no form field/],
  ])('%s', async (_case, fields, reason) => {
    const reasons = await reasonsFor(withFields(fields));
    expect(reasons).toEqual([expect.stringMatching(reason)]);
    expect(reasons[0]).toMatch(/^bpmn:UserTask "Tambahan": /);
  });

  test('both a formKey and form fields', async () => {
    expect(await reasonsFor(withFields(field('x', 'label="X" type="string"'), 'camunda:formKey="ppbj-identitas"')))
      .toEqual(['bpmn:UserTask "Tambahan": has both camunda:formKey and form fields (camunda:formData): keep one']);
  });

  test('a formKey that takes the generated forms\' prefix', async () => {
    const xml = processXml('<bpmn:userTask id="A" camunda:candidateGroups="pemohon" camunda:formKey="model:B"><bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /></bpmn:extensionElements></bpmn:userTask>');
    expect(await reasonsFor(xml)).toEqual(['bpmn:UserTask "A": camunda:formKey may not start with "model:"']);
  });

  test('a task id with a dot (it becomes part of the case data key)', async () => {
    expect(await reasonsFor(withFields(field('x', 'label="X" type="string"'), '', 'Tambahan.v2')))
      .toEqual([expect.stringMatching(/^bpmn:UserTask "Tambahan.v2": a task with form fields needs an id of letters, digits, _ or - \(no dots\)/)]);
  });

  test('more than 5 file fields (one submission takes at most 5 files)', async () => {
    const files = Array.from({ length: 6 }, (_, i) => field(`berkas${i}`, 'label="Berkas" type="file"')).join('');
    expect(await reasonsFor(withFields(files))).toEqual(['bpmn:UserTask "Tambahan": more than 5 file fields']);
  });

  test('more than 30 fields', async () => {
    const many = Array.from({ length: 31 }, (_, i) => field(`f${i}`, 'label="F" type="string"')).join('');
    expect(await reasonsFor(withFields(many))).toEqual(['bpmn:UserTask "Tambahan": more than 30 form fields']);
  });

  test('when validated before a deploy, then the problem is an error on the task (highlighted in the modeler)', async () => {
    const { problems, model } = await validateDefinition(withFields(field('x', 'label="X" type="json"')), { hasForm });
    expect(model).toBeNull();
    expect(problems.filter((p) => p.rule === 'alur')).toEqual([
      expect.objectContaining({ elementId: 'Tambahan', severity: 'error', rule: 'alur', message: expect.stringMatching(/type "json" is not supported/) }),
    ]);
  });
});
