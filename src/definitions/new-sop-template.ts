// The first draft of a new SOP ("SOP baru"): one pool with one lane ("Petugas": a lane's name is the
// group of its steps, here 'petugas'), start event -> one user task (a form declared in the model, its Mutu
// Baku) -> end event, with its diagram, and the SOP identity the SOP document reads (its name).
const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** `key` must be a valid process key (process-key.ts); `name` any text (escaped here). */
export function newSopXml(key: string, name: string): string {
  const n = escapeXml(name);
  const upper = escapeXml(name.toLocaleUpperCase('id-ID'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  xmlns:alur="https://alur.id/schema/bpmn/sop/1.0"
  id="Definitions_${key}" targetNamespace="https://alur.id/sop/${key}" exporter="Alur" exporterVersion="0.1.0">
  <bpmn:collaboration id="Collaboration_${key}">
    <bpmn:participant id="Pool_${key}" name="${n}" processRef="${key}" />
  </bpmn:collaboration>
  <bpmn:process id="${key}" name="${n}" isExecutable="true">
    <bpmn:extensionElements>
      <alur:sopIdentity instansi="" satuanKerja="" nomor="" tanggalPembuatan="" tanggalRevisi="" tanggalEfektif=""
        disahkanJabatan="" disahkanNama="" disahkanPangkat="" disahkanNip="" namaSop="${upper}" />
    </bpmn:extensionElements>
    <bpmn:laneSet id="LaneSet_${key}">
      <bpmn:lane id="Lane_${key}_Petugas" name="Petugas">
        <bpmn:flowNodeRef>${key}_Mulai</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>${key}_Langkah1</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>${key}_Selesai</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="${key}_Mulai" name="Mulai">
      <bpmn:outgoing>${key}_Flow1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="${key}_Langkah1" name="Memeriksa Permohonan">
      <bpmn:extensionElements>
        <alur:mutuBaku langkah="1" waktu="PT1H" output="Catatan pemeriksaan" />
        <camunda:formData>
          <camunda:formField id="catatan" label="Catatan" type="string">
            <camunda:validation><camunda:constraint name="required" /><camunda:constraint name="maxlength" config="500" /></camunda:validation>
          </camunda:formField>
        </camunda:formData>
      </bpmn:extensionElements>
      <bpmn:incoming>${key}_Flow1</bpmn:incoming>
      <bpmn:outgoing>${key}_Flow2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="${key}_Selesai" name="Selesai">
      <bpmn:incoming>${key}_Flow2</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="${key}_Flow1" sourceRef="${key}_Mulai" targetRef="${key}_Langkah1" />
    <bpmn:sequenceFlow id="${key}_Flow2" sourceRef="${key}_Langkah1" targetRef="${key}_Selesai" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${key}">
    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="Collaboration_${key}">
      <bpmndi:BPMNShape id="Pool_${key}_di" bpmnElement="Pool_${key}" isHorizontal="true">
        <dc:Bounds x="120" y="80" width="600" height="200" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_${key}_Petugas_di" bpmnElement="Lane_${key}_Petugas" isHorizontal="true">
        <dc:Bounds x="150" y="80" width="570" height="200" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${key}_Mulai_di" bpmnElement="${key}_Mulai">
        <dc:Bounds x="202" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${key}_Langkah1_di" bpmnElement="${key}_Langkah1">
        <dc:Bounds x="360" y="140" width="120" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${key}_Selesai_di" bpmnElement="${key}_Selesai">
        <dc:Bounds x="602" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="${key}_Flow1_di" bpmnElement="${key}_Flow1">
        <di:waypoint x="238" y="180" /><di:waypoint x="360" y="180" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${key}_Flow2_di" bpmnElement="${key}_Flow2">
        <di:waypoint x="480" y="180" /><di:waypoint x="602" y="180" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
