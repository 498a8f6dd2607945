// The draft as BPMN 2.0 XML with diagram interchange: one pool of vertical lanes (the Pelaksana columns),
// the flow, `alur:sopIdentity` on the process and `alur:mutuBaku` on each step, a generic form per user
// task (a decision's task asks for the branch taken, which its gateway's conditions read).
import type { SopIdentity } from '../workflow/sop-types.js';
import type { DraftFlow, DraftNode } from './draft-graph.js';
import type { Bounds, DraftLayout } from './draft-layout.js';
import { el, textEl, xmlDocument, type XmlNode } from './xml-writer.js';

export interface DraftModel {
  processKey: string;
  name: string;
  identity: SopIdentity;
  lanes: string[];
  starterGroup: string | null;
  nodes: DraftNode[];
  flows: DraftFlow[];
  layout: DraftLayout;
}

const NAMESPACES = {
  'xmlns:bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  'xmlns:bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
  'xmlns:dc': 'http://www.omg.org/spec/DD/20100524/DC',
  'xmlns:di': 'http://www.omg.org/spec/DD/20100524/DI',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:camunda': 'http://camunda.org/schema/1.0/bpmn',
  'xmlns:alur': 'https://alur.id/schema/bpmn/sop/1.0',
};
const IDENTITY_LISTS = ['dasarHukum', 'kualifikasiPelaksana', 'keterkaitan', 'peralatan', 'peringatan', 'pencatatan'] as const;
export const DECISION_FIELD = 'keputusan';

function identityXml(identity: SopIdentity): XmlNode {
  const { disahkan } = identity;
  return el('alur:sopIdentity', {
    instansi: identity.instansi, satuanKerja: identity.satuanKerja, nomor: identity.nomor,
    tanggalPembuatan: identity.tanggalPembuatan, tanggalRevisi: identity.tanggalRevisi, tanggalEfektif: identity.tanggalEfektif,
    disahkanJabatan: disahkan.jabatan, disahkanNama: disahkan.nama, disahkanPangkat: disahkan.pangkat, disahkanNip: disahkan.nip,
    namaSop: identity.namaSop,
  }, IDENTITY_LISTS.flatMap((key) => identity[key].map((item) => textEl(`alur:${key}`, item))));
}

/** `alur:mutuBaku`: the row's Mutu Baku on its first shape, the row number and time on the others. */
function mutuBakuXml(n: DraftNode): XmlNode | null {
  if (n.type === 'exclusiveGateway') return null;
  const m = n.mutuBaku;
  if (!m) return el('alur:mutuBaku', { langkah: n.row, waktu: n.waktuIso ?? undefined });
  // NOTE: `waktu` holds the ISO duration, else the printed text (validation then asks the owner to fix
  // it); `waktuTeks` keeps the printed cell, shown by the SOP document while `waktu` is still `waktuImpor`
  const waktu = m.waktuIso ?? m.waktu;
  return el('alur:mutuBaku', {
    langkah: n.row, uraian: n.uraian, waktu: waktu || undefined,
    waktuTeks: m.waktu || undefined, waktuImpor: m.waktu ? waktu : undefined, hariKerja: m.hariKerja ? 'true' : undefined,
    output: m.output || undefined,
  }, [...m.persyaratan.map((p) => textEl('alur:persyaratan', p)), ...m.keterangan.map((k) => textEl('alur:keterangan', k))]);
}

/**
 * The branch values of a decision: a name-like id per outgoing flow of its gateway ("Belum Sesuai" ->
 * belum-sesuai); an unlabelled branch is offered by where it leads ("Lanjut ke Mengarsipkan").
 */
export function branchValues(flows: DraftFlow[], targetName: (id: string) => string = () => ''): Map<string, { id: string; name: string }> {
  const values = new Map<string, { id: string; name: string }>();
  const taken = new Set<string>();
  flows.forEach((f, i) => {
    const label = f.name || (targetName(f.target) ? `Lanjut ke ${targetName(f.target)}`.slice(0, 120) : '');
    const slug = label.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
    let id = slug || `pilihan-${i + 1}`;
    for (let k = 2; taken.has(id); k++) id = `${slug || 'pilihan'}-${k}`;
    taken.add(id);
    values.set(f.id, { id, name: label || `Pilihan ${i + 1}` });
  });
  return values;
}

function formXml(n: DraftNode, branches: Map<string, { id: string; name: string }> | null): XmlNode {
  const required = el('camunda:validation', {}, [el('camunda:constraint', { name: 'required' })]);
  const fields: XmlNode[] = [];
  if (branches && branches.size > 1) {
    fields.push(el('camunda:formField', { id: DECISION_FIELD, label: 'Keputusan', type: 'enum' }, [
      ...[...branches.values()].map((v) => el('camunda:value', { id: v.id, name: v.name })),
      required,
    ]));
  }
  fields.push(el('camunda:formField', { id: 'catatan', label: 'Catatan', type: 'textarea' }));
  return el('camunda:formData', {}, fields);
}

function nodeXml(n: DraftNode, model: DraftModel, branchesOf: Map<string, Map<string, { id: string; name: string }>>): XmlNode {
  const incoming = model.flows.filter((f) => f.target === n.id).map((f) => textEl('bpmn:incoming', f.id));
  const outgoing = model.flows.filter((f) => f.source === n.id).map((f) => textEl('bpmn:outgoing', f.id));
  const extensions: XmlNode[] = [];
  const mutu = mutuBakuXml(n);
  if (mutu) extensions.push(mutu);
  if (n.type === 'userTask') extensions.push(formXml(n, n.gateway ? branchesOf.get(n.gateway) ?? null : null));
  const children = [...(extensions.length ? [el('bpmn:extensionElements', {}, extensions)] : []), ...incoming, ...outgoing];
  return el(`bpmn:${n.type}`, { id: n.id, name: n.name }, children);
}

function flowXml(f: DraftFlow, model: DraftModel, branchesOf: Map<string, Map<string, { id: string; name: string }>>): XmlNode {
  const attrs = { id: f.id, name: f.name || undefined, sourceRef: f.source, targetRef: f.target };
  const branch = branchesOf.get(f.source)?.get(f.id);
  const task = model.nodes.find((n) => n.gateway === f.source);
  if (!branch || !task || (branchesOf.get(f.source)?.size ?? 0) < 2) return el('bpmn:sequenceFlow', attrs);
  const condition = `\${environment.output.${task.id}.${DECISION_FIELD} == '${branch.id}'}`;
  return el('bpmn:sequenceFlow', attrs, [textEl('bpmn:conditionExpression', condition, { 'xsi:type': 'bpmn:tFormalExpression' })]);
}

const boundsXml = (b: Bounds): XmlNode => el('dc:Bounds', { x: b.x, y: b.y, width: b.width, height: b.height });

function diagramXml(model: DraftModel): XmlNode {
  const { layout } = model;
  const shapes: XmlNode[] = [el('bpmndi:BPMNShape', { id: 'Pool_Sop_di', bpmnElement: 'Pool_Sop', isHorizontal: 'false' }, [boundsXml(layout.pool)])];
  model.lanes.forEach((_, i) => shapes.push(el('bpmndi:BPMNShape', { id: `Lane_${i + 1}_di`, bpmnElement: `Lane_${i + 1}`, isHorizontal: 'false' }, [boundsXml(layout.lanes[i]!)])));
  for (const n of model.nodes) {
    const label = layout.labels.get(n.id);
    const attrs = { id: `${n.id}_di`, bpmnElement: n.id, isMarkerVisible: n.type === 'exclusiveGateway' ? 'true' : undefined };
    shapes.push(el('bpmndi:BPMNShape', attrs, [boundsXml(layout.shapes.get(n.id)!), ...(label ? [el('bpmndi:BPMNLabel', {}, [boundsXml(label)])] : [])]));
  }
  const edges = model.flows.map((f) => {
    const edge = layout.edges.get(f.id)!;
    return el('bpmndi:BPMNEdge', { id: `${f.id}_di`, bpmnElement: f.id }, [
      ...edge.waypoints.map((p) => el('di:waypoint', { x: p.x, y: p.y })),
      ...(edge.label ? [el('bpmndi:BPMNLabel', {}, [boundsXml(edge.label)])] : []),
    ]);
  });
  return el('bpmndi:BPMNDiagram', { id: 'Diagram_Sop' }, [el('bpmndi:BPMNPlane', { id: 'Plane_Sop', bpmnElement: 'Collaboration_Sop' }, [...shapes, ...edges])]);
}

/** The BPMN XML of the draft. */
export function draftXml(model: DraftModel): string {
  const branchesOf = new Map<string, Map<string, { id: string; name: string }>>();
  for (const g of model.nodes.filter((n) => n.type === 'exclusiveGateway')) {
    branchesOf.set(g.id, branchValues(model.flows.filter((f) => f.source === g.id), (id) => model.nodes.find((n) => n.id === id)?.name ?? ''));
  }
  const lanes = model.lanes.map((name, i) =>
    el('bpmn:lane', { id: `Lane_${i + 1}`, name }, model.nodes.filter((n) => n.lane !== null && n.column === i).map((n) => textEl('bpmn:flowNodeRef', n.id))));
  const process = el('bpmn:process', { id: model.processKey, name: model.name, isExecutable: 'true', 'camunda:candidateStarterGroups': model.starterGroup ?? undefined }, [
    el('bpmn:extensionElements', {}, [identityXml(model.identity)]),
    ...(lanes.length ? [el('bpmn:laneSet', { id: 'LaneSet_Sop' }, lanes)] : []),
    ...model.nodes.map((n) => nodeXml(n, model, branchesOf)),
    ...model.flows.map((f) => flowXml(f, model, branchesOf)),
  ]);
  const collaboration = el('bpmn:collaboration', { id: 'Collaboration_Sop' }, [el('bpmn:participant', { id: 'Pool_Sop', name: model.name, processRef: model.processKey })]);
  return xmlDocument(el('bpmn:definitions', {
    ...NAMESPACES, id: 'Definitions_Sop', targetNamespace: `https://alur.id/sop/${model.processKey}`, exporter: 'Alur', exporterVersion: '0.1.0',
  }, [collaboration, process, diagramXml(model)]));
}
