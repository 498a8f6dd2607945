// The readable diff between two versions: elements added, removed, changed (with SOP fields by
// name), moved only, and SOP identity changes.
import { describe, expect, test } from '@jest/globals';
import { diffDefinitions } from '../../src/workflow/index.js';
import { fixtureXml, shippedXml } from './helpers.js';
import { STEP_ID, STEP_NAME, withModelFormStep } from '../helpers/model-form-step.js';

const v1 = shippedXml();

describe('Given version 1 of the shipped process', () => {
  test('when compared with itself, then nothing differs', async () => {
    expect(await diffDefinitions(v1, v1)).toEqual({ added: [], removed: [], changed: [], layoutChanged: [], identity: [] });
  });

  test('when the Camunda modeler export changed step 7\'s time standard, then the diff names the step and the field', async () => {
    const diff = await diffDefinitions(v1, fixtureXml('rules/camunda-modeler-export.bpmn'));
    expect(diff.changed).toEqual([
      { id: 'MengaktifkanAkun', type: 'bpmn:UserTask', name: 'Mengaktifkan Akun PPBJ', changes: [{ field: 'time', before: 'PT5M', after: 'PT10M' }] },
    ]);
    expect([diff.added, diff.removed, diff.identity]).toEqual([[], [], []]);
  });

  test('when SOP fields, a name, a role and the identity change, then each is listed with before and after', async () => {
    const v2 = v1
      .replace('<alur:persyaratan>Form Registrasi</alur:persyaratan>', '<alur:persyaratan>Form Registrasi</alur:persyaratan><alur:persyaratan>KTP</alur:persyaratan>')
      .replace('name="Melakukan Verifikasi" camunda:formKey="verifikasi-identitas" camunda:candidateGroups="admin-ppe"', 'name="Memverifikasi Identitas" camunda:formKey="verifikasi-identitas" camunda:candidateGroups="pemohon"')
      .replace('output="Akun PPBJ Aktif"', 'output="Akun Aktif"')
      .replace('nomor=""', 'nomor="027/SOP/BPBJ/2026"')
      .replace('<alur:peralatan>Jaringan Internet</alur:peralatan>', '');
    const diff = await diffDefinitions(v1, v2);
    const byId = Object.fromEntries(diff.changed.map((c) => [c.id, c.changes]));
    expect(byId.MengisiIdentitas).toEqual([{ field: 'requirements', before: 'Form Registrasi', after: 'Form Registrasi; KTP' }]);
    expect(byId.MelakukanVerifikasi).toEqual([
      { field: 'name', before: 'Melakukan Verifikasi', after: 'Memverifikasi Identitas' },
      { field: 'role', before: 'admin-ppe', after: 'pemohon' },
    ]);
    expect(byId.MengaktifkanAkun).toEqual([{ field: 'output', before: 'Akun PPBJ Aktif', after: 'Akun Aktif' }]);
    expect(diff.identity).toEqual([
      { field: 'nomor', before: '', after: '027/SOP/BPBJ/2026' },
      { field: 'peralatan', before: 'Komputer/scanner/printer; Jaringan Internet', after: 'Komputer/scanner/printer' },
    ]);
  });

  test('when a step is added and the gateway condition changes, then the added element and the condition are listed', async () => {
    const v2 = v1
      .replace('targetRef="Selesai" />', 'targetRef="Arsip" />\n    <bpmn:manualTask id="Arsip" name="Mengarsipkan" />\n    <bpmn:sequenceFlow id="Flow_Arsip_Selesai" sourceRef="Arsip" targetRef="Selesai" />')
      .replace('lengkap == true}', 'lengkap === true}');
    const diff = await diffDefinitions(v1, v2);
    expect(diff.added.map((e) => [e.id, e.type])).toEqual([['Arsip', 'bpmn:ManualTask'], ['Flow_Arsip_Selesai', 'bpmn:SequenceFlow']]);
    const condition = diff.changed.find((c) => c.id === 'Flow_InformasiLengkap_Ya');
    expect(condition?.changes).toEqual([{ field: 'condition', before: '${environment.output.MemeriksaInformasi.lengkap == true}', after: '${environment.output.MemeriksaInformasi.lengkap === true}' }]);
    expect(diff.changed.find((c) => c.id === 'Flow_MengaktifkanAkun_Selesai')?.changes).toEqual([{ field: 'targetRef', before: 'Selesai', after: 'Arsip' }]);
  });

  test('when an element is removed or only moved, then it is listed as removed or as a layout change', async () => {
    const v2 = v1
      .replace('<bpmn:documentation>Jika Lengkap, Akun PPBJ Diaktifkan. Jika Tidak, Lengkapi Informasi PPBJ.</bpmn:documentation>', '')
      .replace('<dc:Bounds x="290" y="145" width="120" height="80" />', '<dc:Bounds x="300" y="145" width="120" height="80" />');
    const removedFlow = v1.replace(/<bpmn:sequenceFlow id="Flow_MengaktifkanAkun_Selesai"[^>]*\/>/, '').replace(/<bpmndi:BPMNEdge id="Flow_MengaktifkanAkun_Selesai_di"[\s\S]*?<\/bpmndi:BPMNEdge>/, '')
      .replace(/<bpmn:(incoming|outgoing)>Flow_MengaktifkanAkun_Selesai<\/bpmn:\1>/g, '');
    const moved = await diffDefinitions(v1, v2);
    expect(moved.layoutChanged.map((e) => e.id)).toEqual(['MembuatAkun']);
    expect(moved.changed).toEqual([{ id: 'MemeriksaInformasi', type: 'bpmn:UserTask', name: 'Memeriksa Informasi PPBJ', changes: [
      { field: 'documentation', before: 'Jika Lengkap, Akun PPBJ Diaktifkan. Jika Tidak, Lengkapi Informasi PPBJ.', after: '' },
    ] }]);
    expect((await diffDefinitions(v1, removedFlow)).removed.map((e) => e.id)).toEqual(['Flow_MengaktifkanAkun_Selesai']);
  });
});

describe('Given a version that adds a step whose form is declared in the model', () => {
  test('when compared, then the step is added; when a field changes after that, its form fields are listed before and after', async () => {
    const v2 = withModelFormStep(undefined, undefined, v1);
    const added = await diffDefinitions(v1, v2);
    expect(added.added).toEqual(expect.arrayContaining([{ id: STEP_ID, type: 'bpmn:UserTask', name: STEP_NAME }]));

    const v3 = v2.replace('label="Nama atasan langsung" type="string"', 'label="Nama atasan" type="string"');
    const diff = await diffDefinitions(v2, v3);
    const change = diff.changed.find((c) => c.id === STEP_ID)!.changes.find((c) => c.field === 'formFields')!;
    expect(change.before.split('\n')[0]).toBe('namaAtasan: Nama atasan langsung (text, required, maxlength 80)');
    expect(change.after.split('\n')[0]).toBe('namaAtasan: Nama atasan (text, required, maxlength 80)');
    expect(change.after.split('\n')).toHaveLength(6);
    expect(change.after).toContain('jenisPengadaan: Jenis pengadaan (choice, barang/jasa)');
  });
});
