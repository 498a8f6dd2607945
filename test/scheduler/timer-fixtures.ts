// The shipped process with a BPMN timer on step 3 "Mengisi Identitas PPBJ", built from the shipped
// file so it stays in step with it: a non-interrupting PT1S reminder (boundary → end event), or an
// interrupting PT1S deadline (boundary → intermediate timer PT1S "Tunggu" → end event "Kedaluwarsa").
import { readFileSync } from 'node:fs';

const SHIPPED = new URL('../../processes/pendaftaran-akun-ppbj.bpmn', import.meta.url);
const duration = (iso: string) =>
  `<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${iso}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

const REMINDER = `
    <bpmn:boundaryEvent id="PengingatIdentitas" name="Pengingat identitas" attachedToRef="MengisiIdentitas" cancelActivity="false">
      <bpmn:outgoing>Flow_Pengingat</bpmn:outgoing>${duration('PT1S')}
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="PengingatTerkirim" name="Pengingat terkirim"><bpmn:incoming>Flow_Pengingat</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_Pengingat" sourceRef="PengingatIdentitas" targetRef="PengingatTerkirim" />`;

const DEADLINE = `
    <bpmn:boundaryEvent id="BatasIdentitas" name="Batas waktu identitas" attachedToRef="MengisiIdentitas" cancelActivity="true">
      <bpmn:outgoing>Flow_Batas</bpmn:outgoing>${duration('PT1S')}
    </bpmn:boundaryEvent>
    <bpmn:intermediateCatchEvent id="Tunggu" name="Tunggu"><bpmn:incoming>Flow_Batas</bpmn:incoming><bpmn:outgoing>Flow_Tunggu</bpmn:outgoing>${duration('PT1S')}</bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="Kedaluwarsa" name="Kedaluwarsa"><bpmn:incoming>Flow_Tunggu</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_Batas" sourceRef="BatasIdentitas" targetRef="Tunggu" />
    <bpmn:sequenceFlow id="Flow_Tunggu" sourceRef="Tunggu" targetRef="Kedaluwarsa" />`;

// diagram interchange below step 3 (x 450–570, y 145–225), so the version renders and passes bpmnlint
const shape = (id: string, x: number, y: number, size = 36) =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${size}" height="${size}" /></bpmndi:BPMNShape>`;
const edge = (id: string, points: Array<[number, number]>) =>
  `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;
const DI = {
  reminder: [shape('PengingatIdentitas', 492, 207), shape('PengingatTerkirim', 492, 262), edge('Flow_Pengingat', [[510, 243], [510, 262]])],
  deadline: [
    shape('BatasIdentitas', 492, 207), shape('Tunggu', 492, 262), shape('Kedaluwarsa', 552, 262),
    edge('Flow_Batas', [[510, 243], [510, 262]]), edge('Flow_Tunggu', [[528, 280], [552, 280]]),
  ],
};

export function shippedWithTimer(kind: 'reminder' | 'deadline'): string {
  const xml = readFileSync(SHIPPED, 'utf8');
  if (!xml.includes('</bpmn:process>') || !xml.includes('</bpmndi:BPMNPlane>')) throw new Error('unexpected shipped process file');
  return xml
    .replace('</bpmn:process>', `${kind === 'reminder' ? REMINDER : DEADLINE}\n  </bpmn:process>`)
    .replace('</bpmndi:BPMNPlane>', `${DI[kind].join('\n')}\n    </bpmndi:BPMNPlane>`);
}
