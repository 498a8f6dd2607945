// The first draft of a new SOP ("SOP baru"): one pool with one lane ("Petugas": a lane's name is the
// group of its steps, here 'petugas', whose members also start it: camunda:candidateStarterGroups),
// start event -> one user task (a form declared in the model, its Mutu Baku) -> end event, with its
// diagram, and the SOP identity the SOP document reads (its name).
// NOTE: element ids never contain the key: its '-' would make a step unnameable in `${...}` expressions.
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
  id="Definitions_Sop" targetNamespace="https://alur.id/sop/${key}" exporter="Alur" exporterVersion="0.1.0">
  <bpmn:collaboration id="Collaboration_Sop">
    <bpmn:participant id="Pool_Sop" name="${n}" processRef="${key}" />
  </bpmn:collaboration>
  <bpmn:process id="${key}" name="${n}" isExecutable="true" camunda:candidateStarterGroups="petugas">
    <bpmn:extensionElements>
      <alur:sopIdentity instansi="" satuanKerja="" nomor="" tanggalPembuatan="" tanggalRevisi="" tanggalEfektif=""
        disahkanJabatan="" disahkanNama="" disahkanPangkat="" disahkanNip="" namaSop="${upper}" />
    </bpmn:extensionElements>
    <bpmn:laneSet id="LaneSet_Sop">
      <bpmn:lane id="Lane_Petugas" name="Petugas">
        <bpmn:flowNodeRef>Mulai</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Langkah1</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Selesai</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Mulai" name="Mulai">
      <bpmn:outgoing>Flow1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Langkah1" name="Memeriksa Permohonan">
      <bpmn:extensionElements>
        <alur:mutuBaku langkah="1" waktu="PT1H" output="Catatan pemeriksaan" />
        <camunda:formData>
          <camunda:formField id="catatan" label="Catatan" type="string">
            <camunda:validation><camunda:constraint name="required" /><camunda:constraint name="maxlength" config="500" /></camunda:validation>
          </camunda:formField>
        </camunda:formData>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow1</bpmn:incoming>
      <bpmn:outgoing>Flow2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="Selesai" name="Selesai">
      <bpmn:incoming>Flow2</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow1" sourceRef="Mulai" targetRef="Langkah1" />
    <bpmn:sequenceFlow id="Flow2" sourceRef="Langkah1" targetRef="Selesai" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_Sop">
    <bpmndi:BPMNPlane id="Plane_Sop" bpmnElement="Collaboration_Sop">
      <bpmndi:BPMNShape id="Pool_Sop_di" bpmnElement="Pool_Sop" isHorizontal="true">
        <dc:Bounds x="120" y="80" width="600" height="200" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_Petugas_di" bpmnElement="Lane_Petugas" isHorizontal="true">
        <dc:Bounds x="150" y="80" width="570" height="200" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Mulai_di" bpmnElement="Mulai">
        <dc:Bounds x="202" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Langkah1_di" bpmnElement="Langkah1">
        <dc:Bounds x="360" y="140" width="120" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Selesai_di" bpmnElement="Selesai">
        <dc:Bounds x="602" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow1_di" bpmnElement="Flow1">
        <di:waypoint x="238" y="180" /><di:waypoint x="360" y="180" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow2_di" bpmnElement="Flow2">
        <di:waypoint x="480" y="180" /><di:waypoint x="602" y="180" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
