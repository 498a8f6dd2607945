// A version of the shipped process with one step added whose form is declared in the model
// (camunda:formData), placed between step 2 "Membuat Akun PPBJ" and step 3, with its diagram shape.
import { readFileSync } from 'node:fs';
import { PPBJ_PROCESS_FILE as SHIPPED_PROCESS_FILE } from '../../src/packs/ppbj/process-key.js';

export const STEP_ID = 'DataAtasan';
export const STEP_NAME = 'Mengisi Data Atasan';

const field = (id: string, label: string, type: string, inner = ''): string =>
  `<camunda:formField id="${id}" label="${label}" type="${type}">${inner}</camunda:formField>`;
const required = '<camunda:constraint name="required" />';

/** Six fields: one of each generic type (text, whole number, date, choice, yes/no, file). */
export const STEP_FIELDS = [
  field('namaAtasan', 'Nama atasan langsung', 'string', `<camunda:validation>${required}<camunda:constraint name="maxlength" config="80" /></camunda:validation>`),
  field('jumlahPaket', 'Jumlah paket per tahun', 'long', `<camunda:validation>${required}<camunda:constraint name="min" config="1" /><camunda:constraint name="max" config="100" /></camunda:validation>`),
  field('tanggalTugas', 'Tanggal mulai bertugas', 'date', `<camunda:validation><camunda:constraint name="min" config="2000-01-01" /></camunda:validation>`),
  field('jenisPengadaan', 'Jenis pengadaan', 'enum', '<camunda:value id="barang" name="Barang" /><camunda:value id="jasa" name="Jasa Konsultansi" />'),
  field('bersedia', 'Bersedia mengikuti pelatihan?', 'boolean', `<camunda:validation>${required}</camunda:validation>`),
  field('suratAtasan', 'Surat pengantar atasan', 'file'),
].join('');

/** The shipped XML with STEP_ID (role `role`, form `fields`) inserted after MembuatAkun. */
export function withModelFormStep(fields = STEP_FIELDS, role = 'pemohon', xml = readFileSync(SHIPPED_PROCESS_FILE, 'utf8')): string {
  const flowOut = `Flow_${STEP_ID}_MengisiIdentitas`;
  const task = `<bpmn:userTask id="${STEP_ID}" name="${STEP_NAME}" camunda:candidateGroups="${role}">
      <bpmn:extensionElements><alur:mutuBaku waktu="PT10M" /><camunda:formData>${fields}</camunda:formData></bpmn:extensionElements>
      <bpmn:incoming>Flow_MembuatAkun_MengisiIdentitas</bpmn:incoming><bpmn:outgoing>${flowOut}</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="${flowOut}" sourceRef="${STEP_ID}" targetRef="MengisiIdentitas" />`;
  const shape = `<bpmndi:BPMNShape id="${STEP_ID}_di" bpmnElement="${STEP_ID}"><dc:Bounds x="370" y="240" width="120" height="60" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="${flowOut}_di" bpmnElement="${flowOut}"><di:waypoint x="430" y="240" /><di:waypoint x="510" y="225" /></bpmndi:BPMNEdge>`;
  const out = xml
    .replace('sourceRef="MembuatAkun" targetRef="MengisiIdentitas"', `sourceRef="MembuatAkun" targetRef="${STEP_ID}"`)
    .replace(/(<bpmn:userTask id="MengisiIdentitas"[\s\S]*?)<bpmn:incoming>Flow_MembuatAkun_MengisiIdentitas<\/bpmn:incoming>/, `$1<bpmn:incoming>${flowOut}</bpmn:incoming>`)
    .replace('<bpmn:flowNodeRef>MembuatAkun</bpmn:flowNodeRef>', `<bpmn:flowNodeRef>MembuatAkun</bpmn:flowNodeRef><bpmn:flowNodeRef>${STEP_ID}</bpmn:flowNodeRef>`)
    .replace('</bpmn:process>', `${task}</bpmn:process>`)
    .replace('</bpmndi:BPMNPlane>', `${shape}</bpmndi:BPMNPlane>`);
  if (!out.includes(`targetRef="${STEP_ID}"`) || !out.includes(`<bpmn:incoming>${flowOut}</bpmn:incoming>`)) throw new Error('the shipped diagram changed: update withModelFormStep');
  return out;
}
