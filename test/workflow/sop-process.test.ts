// The shipped diagram encodes SOP "Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa".
import { describe, test, expect } from '@jest/globals';
import { loadProcessModel } from '../../src/workflow/index.js';
import { parseBpmn, type ModdleNode } from '../../src/workflow/moddle.js';
import { SOP_STEPS, shippedXml } from './helpers.js';

interface Bounds { x: number; y: number; width: number; height: number }
const nodesOf = (n: ModdleNode, key: string): ModdleNode[] => (n[key] as ModdleNode[] | undefined) ?? [];

async function shippedDiagram() {
  const { rootElement } = await parseBpmn(shippedXml());
  const defs = rootElement as unknown as ModdleNode;
  const roots = nodesOf(defs, 'rootElements');
  const process = roots.find((e) => e.$type === 'bpmn:Process')!;
  const collaboration = roots.find((e) => e.$type === 'bpmn:Collaboration')!;
  const plane = (nodesOf(defs, 'diagrams')[0] as ModdleNode).plane as ModdleNode;
  const di = new Map(nodesOf(plane, 'planeElement').map((d) => [(d.bpmnElement as ModdleNode).id, d]));
  const elements = nodesOf(process, 'flowElements');
  return { process, collaboration, di, elements, byId: (id: string) => elements.find((e) => e.id === id)! };
}

const boundsOf = (shape: ModdleNode | undefined): Bounds => shape?.bounds as Bounds;
const overlaps = (a: Bounds, b: Bounds): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Does the axis-parallel segment a-b pass through the interior of `r`? */
const crosses = (a: { x: number; y: number }, b: { x: number; y: number }, r: Bounds): boolean =>
  Math.max(a.x, b.x) > r.x && Math.min(a.x, b.x) < r.x + r.width && Math.max(a.y, b.y) > r.y && Math.min(a.y, b.y) < r.y + r.height;
const inside = (inner: Bounds, outer: Bounds): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;


describe('shipped process pendaftaran-akun-ppbj.bpmn', () => {
  test('Given the shipped file, when loaded, then it has the six SOP user tasks in order with groups, forms, times and Mutu Baku', async () => {
    const model = await loadProcessModel(shippedXml());

    expect(model.processKey).toBe('pendaftaran-akun-ppbj');
    expect(model.name).toBe('Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa');
    expect(model.lanes).toEqual([{ id: 'Lane_PPBJ', name: 'PPBJ' }, { id: 'Lane_AdminPPE', name: 'Admin PPE' }]);
    expect(model.groups).toEqual([{ id: 'pemohon', name: 'PPBJ' }, { id: 'admin-ppe', name: 'Admin PPE' }]);
    expect(model.userTasks.map((t) => t.name)).toEqual(SOP_STEPS.map((s) => s.name));
    model.userTasks.forEach((task, i) => {
      const step = SOP_STEPS[i]!;
      expect(task).toEqual({
        id: step.id,
        name: step.name,
        groupId: step.groupId,
        groupName: step.groupId === 'pemohon' ? 'PPBJ' : 'Admin PPE',
        formKey: step.formKey,
        fields: [],
        lane: step.groupId === 'pemohon' ? { id: 'Lane_PPBJ', name: 'PPBJ' } : { id: 'Lane_AdminPPE', name: 'Admin PPE' },
        timeStandard: step.time,
        timeStandardMs: step.time === 'PT5M' ? 300_000 : 900_000,
        sop: { stepNo: i + 2, requirements: step.requirements, output: step.output, keterangan: step.keterangan },
      });
    });
  });

  test('Given the shipped file, then the pool holds the process and start/end are "Mulai"/"Selesai" (SOP steps 1 and 8)', async () => {
    const { collaboration, process, byId } = await shippedDiagram();
    const [pool] = nodesOf(collaboration, 'participants');
    expect(pool?.name).toBe('Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa');
    expect(pool?.processRef).toBe(process);
    expect(process.isExecutable).toBe(true);
    expect(byId('Mulai')).toMatchObject({ $type: 'bpmn:StartEvent', name: 'Mulai' });
    expect(byId('Selesai')).toMatchObject({ $type: 'bpmn:EndEvent', name: 'Selesai' });
  });

  test('Given the shipped file, then the gateway "Informasi lengkap?" goes "Ya" to step 7 on lengkap and by default "Tidak" back to step 5', async () => {
    const { byId } = await shippedDiagram();
    const gateway = byId('InformasiLengkap');
    const ya = byId('Flow_InformasiLengkap_Ya');
    const tidak = byId('Flow_InformasiLengkap_Tidak');

    expect(gateway).toMatchObject({ $type: 'bpmn:ExclusiveGateway', name: 'Informasi lengkap?' });
    expect(nodesOf(gateway, 'outgoing')).toEqual([ya, tidak]);
    expect(ya).toMatchObject({ name: 'Ya', targetRef: byId('MengaktifkanAkun') });
    expect((ya.conditionExpression as ModdleNode).body).toBe('${environment.output.MemeriksaInformasi.lengkap == true}');
    expect(tidak).toMatchObject({ name: 'Tidak', targetRef: byId('MelengkapiInformasi') });
    expect(gateway.default).toBe(tidak);
  });

  test('Given the shipped file, then the gateway "Identitas sesuai?" goes "Tidak" back to step 3 only when the verification says so, and by default "Ya" to step 5', async () => {
    const { byId } = await shippedDiagram();
    const gateway = byId('IdentitasSesuai');
    const ya = byId('Flow_IdentitasSesuai_Ya');
    const tidak = byId('Flow_IdentitasSesuai_Tidak');

    expect(gateway).toMatchObject({ $type: 'bpmn:ExclusiveGateway', name: 'Identitas sesuai?' });
    expect(nodesOf(byId('MelakukanVerifikasi'), 'outgoing')).toEqual([byId('Flow_MelakukanVerifikasi_IdentitasSesuai')]);
    expect(nodesOf(gateway, 'outgoing')).toEqual([ya, tidak]);
    expect(ya).toMatchObject({ name: 'Ya', targetRef: byId('MelengkapiInformasi') });
    expect(tidak).toMatchObject({ name: 'Tidak', targetRef: byId('MengisiIdentitas') });
    expect((tidak.conditionExpression as ModdleNode).body).toBe('${environment.output.MelakukanVerifikasi.sesuai == false}');
    expect(gateway.default).toBe(ya);
  });

  test('Given the shipped file, then every node and flow has DI, nodes sit in their lane, left to right in SOP order, and neither nodes nor flows overlap', async () => {
    const { elements, di, process, collaboration } = await shippedDiagram();
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    expect(nodes).toHaveLength(10);
    expect(flows).toHaveLength(11);

    const pool = boundsOf(di.get(nodesOf(collaboration, 'participants')[0]!.id));
    const lanes = nodesOf(nodesOf(process, 'laneSets')[0]!, 'lanes');
    for (const lane of lanes) {
      expect(di.get(lane.id)?.isHorizontal).toBe(true);
      expect(inside(boundsOf(di.get(lane.id)), pool)).toBe(true);
      for (const node of nodesOf(lane, 'flowNodeRef')) expect(inside(boundsOf(di.get(node.id)), boundsOf(di.get(lane.id)))).toBe(true);
    }
    nodes.forEach((a, i) => nodes.slice(i + 1).forEach((b) => expect(overlaps(boundsOf(di.get(a.id)), boundsOf(di.get(b.id)))).toBe(false)));

    const order = ['Mulai', ...SOP_STEPS.map((s) => s.id), 'Selesai'].map((id) => boundsOf(di.get(id)).x);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    for (const flow of flows) {
      const waypoints = (di.get(flow.id)?.waypoint as Array<{ x: number; y: number }> | undefined) ?? [];
      expect(waypoints.length).toBeGreaterThanOrEqual(2);
      // orthogonal segments that cross no node but their own ends
      const others = nodes.filter((n) => n !== flow.sourceRef && n !== flow.targetRef).map((n) => boundsOf(di.get(n.id)));
      waypoints.slice(1).forEach((p, i) => {
        const prev = waypoints[i]!;
        expect(p.x === prev.x || p.y === prev.y).toBe(true);
        for (const box of others) expect(crosses(prev, p, box)).toBe(false);
      });
    }
  });
});
