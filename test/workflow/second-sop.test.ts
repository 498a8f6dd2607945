// The second shipped SOP, "Pengajuan Belanja Pegawai" (BPS Provinsi Bengkulu, SOP-031/17000/2025):
// it passes every check before a deploy, encodes the SOP table (lanes as groups, Mutu Baku, forms in
// the model, identity), and a case runs through both decisions, both loops back and to the end.
import { readFileSync } from 'node:fs';
import { describe, test, expect } from '@jest/globals';
import {
  completeUserTask, loadProcessStart, processStartProblemsOf, readSopDocument, startProcess, validateDefinition,
  type DefinitionRef, type EngineResult,
} from '../../src/workflow/index.js';
import { parseBpmn, type ModdleNode } from '../../src/workflow/moddle.js';
import { definition } from './helpers.js';

const xml = (): string => readFileSync(new URL('../../processes/pengajuan-belanja-pegawai.bpmn', import.meta.url), 'utf8');

/** The SOP table, rows 1-8: name, Pelaksana (lane -> group), Waktu, Persyaratan, Output. */
const STEPS = [
  { id: 'MenerimaDataDukung', name: 'Menerima Kelengkapan Data Dukung Belanja Pegawai', group: 'ppabp', lane: 'PPABP', time: 'PT1H', ms: 3_600_000, requirements: ['Data Aplikasi Gaji Web'], output: 'Terkoreksinya belanja pegawai' },
  { id: 'MenginputGajiWeb', name: 'Menginput Data Dukung ke Aplikasi Gaji Web', group: 'ppabp', lane: 'PPABP', time: 'PT2H', ms: 7_200_000, requirements: ['Data Aplikasi Gaji Web'], output: 'Tercetaknya daftar belanja pegawai' },
  { id: 'MelakukanRekonGpp', name: 'Melakukan Rekon GPP', group: 'ppabp', lane: 'PPABP', time: 'PT15M', ms: 900_000, requirements: ['Data Aplikasi Gaji Web'], output: 'Hasil Rekon yang benar' },
  { id: 'MembuatSpp', name: 'Membuat SPP, SPM, dan SPTJM', group: 'operator-pembayaran', lane: 'Operator Pembayaran', time: 'PT15M', ms: 900_000, requirements: ['ADK Hasil Rekon', 'SPP', 'SPTJM'], output: 'SPP untuk diajukan ke PPSPM' },
  { id: 'MenyetujuiSpp', name: 'Menyetujui SPP', group: 'ppk', lane: 'PPK', time: 'PT10M', ms: 600_000, requirements: ['SPP', 'Data Pendukung'], output: 'SPP yang telah disetujui untuk ke PPSPM' },
  { id: 'MenyetujuiSpm', name: 'Menyetujui SPM', group: 'ppspm', lane: 'PPSPM', time: 'PT10M', ms: 600_000, requirements: ['SPP', 'ADK SPM'], output: 'SPM yang telah disetujui' },
  { id: 'PersetujuanSp2d', name: 'Persetujuan SP2D dari KPPN', group: 'kppn', lane: 'KPPN', time: 'P1D', ms: 86_400_000, requirements: ['SP2D'], output: 'Terbitnya SP2D' },
  { id: 'MelaporkanSelesai', name: 'Melaporkan Proses Pengajuan Selesai', group: 'ppabp', lane: 'PPABP', time: 'P1D', ms: 86_400_000, requirements: ['SP2D'], output: 'Diterimanya belanja pegawai' },
];

/** What each step's form sends to the engine (yes/no fields arrive as booleans, see model-form.ts). */
const FORMS: Record<string, Record<string, unknown>> = {
  MenerimaDataDukung: { jumlahPegawai: 64, perubahanData: 'Kenaikan pangkat 3 pegawai' },
  MenginputGajiWeb: { jumlahBruto: 812_450_000, daftarDicetak: true },
  MelakukanRekonGpp: { tanggalRekon: '2025-07-01', catatanRekon: null },
  MembuatSpp: { nomorSpp: '00123/SPP/2025', tanggalSpp: '2025-07-02', nilaiSpp: 812_450_000 },
  MenyetujuiSpp: { setuju: true, catatan: null },
  MenyetujuiSpm: { setuju: true, nomorSpm: '00123/SPM/2025', catatan: null },
  PersetujuanSp2d: { nomorSp2d: '250701301000123', tanggalSp2d: '2025-07-03' },
  MelaporkanSelesai: { belanjaDiterima: true, laporan: null },
};

function expectWaitingAt(result: EngineResult, elementId: string): void {
  const step = STEPS.find((s) => s.id === elementId)!;
  expect(result).toMatchObject({ status: 'running', error: null });
  expect(result.waiting.map((w) => w.elementId)).toEqual([elementId]);
  expect(result.waiting[0]?.spec).toMatchObject({ name: step.name, groupId: step.group, timeStandard: step.time });
}

async function complete(def: DefinitionRef, result: EngineResult, elementId: string, form: Record<string, unknown> = {}): Promise<EngineResult> {
  expectWaitingAt(result, elementId);
  return completeUserTask(def, result.engineState, elementId, { ...FORMS[elementId], ...form });
}

async function atStep(def: DefinitionRef, elementId: string): Promise<EngineResult> {
  let result = await startProcess(def);
  for (const step of STEPS.slice(0, STEPS.findIndex((s) => s.id === elementId))) result = await complete(def, result, step.id);
  return result;
}

const nodesOf = (n: ModdleNode | undefined, key: string): ModdleNode[] => (n?.[key] as ModdleNode[] | undefined) ?? [];

describe('shipped process pengajuan-belanja-pegawai.bpmn', () => {
  test('Given the shipped file, when validated as for a deploy, then it has no problem and its model lists the 8 steps in SOP order with group, model form, Waktu and Mutu Baku', async () => {
    const { problems, model } = await validateDefinition(xml(), { hasForm: () => false });

    expect(problems).toEqual([]);
    expect(model?.processKey).toBe('pengajuan-belanja-pegawai');
    expect(model?.name).toBe('Pengajuan Belanja Pegawai');
    expect(model?.groups).toEqual([
      { id: 'ppabp', name: 'PPABP' }, { id: 'operator-pembayaran', name: 'Operator Pembayaran' },
      { id: 'ppk', name: 'PPK' }, { id: 'ppspm', name: 'PPSPM' }, { id: 'kppn', name: 'KPPN' },
    ]);
    expect(model?.userTasks.map((t) => t.id)).toEqual(STEPS.map((s) => s.id));
    model?.userTasks.forEach((task, i) => {
      const step = STEPS[i]!;
      expect(task).toMatchObject({
        name: step.name, groupId: step.group, groupName: step.lane, lane: { name: step.lane },
        formKey: `model:${step.id}`, timeStandard: step.time, timeStandardMs: step.ms,
        sop: { stepNo: i + 1, requirements: step.requirements, output: step.output, keterangan: [] },
      });
      expect(task.fields.length).toBeGreaterThan(0);
    });
    const approval = model?.userTasks.find((t) => t.id === 'MenyetujuiSpp');
    expect(approval?.fields.find((f) => f.id === 'setuju')).toMatchObject({ type: 'yesno', required: true });
  });

  test('Given the shipped file, then the front desk (PPABP) starts it with a start form whose field "pemohon" names the subject, and the start rules find no problem', async () => {
    const start = await loadProcessStart(xml());

    expect(start).toMatchObject({ processKey: 'pengajuan-belanja-pegawai', starterGroups: ['ppabp'], publicStart: false, startEvent: { id: 'Mulai', name: 'Mulai' } });
    expect(start.startForm.map((f) => [f.id, f.type, f.required])).toEqual([
      ['pemohon', 'text', true], ['jenisBelanja', 'choice', true], ['periode', 'text', true], ['keterangan', 'textarea', false],
    ]);
    expect(start.description).toMatch(/^Pengajuan belanja pegawai/);
    expect(start.requirements).toEqual(['Data Aplikasi Gaji Web']);
    expect(await processStartProblemsOf(xml())).toEqual([]);
    expect(xml()).not.toMatch(/candidateGroups="pemohon"/);
  });

  test('Given the shipped file, then its SOP document carries the identity of SOP-031 and the table: 5 Pelaksana, decisions at steps 5 and 6 looping back "Tidak"', async () => {
    const doc = await readSopDocument(xml());

    expect(doc.identity).toMatchObject({
      instansi: 'BADAN PUSAT STATISTIK PROVINSI BENGKULU', satuanKerja: 'TIM BAGIAN UMUM', nomor: 'SOP-031/17000/2025',
      tanggalPembuatan: '2022-01-03', tanggalRevisi: '2025-06-02', tanggalEfektif: '2025-06-02', namaSop: 'PENGAJUAN BELANJA PEGAWAI',
      disahkan: { jabatan: 'Kepala Badan Pusat Statistik Provinsi Bengkulu', nama: 'Ir. Win Rizal, M.E.', pangkat: '', nip: '19660825 198802 1 001' },
      peralatan: ['Komputer', 'Printer', 'Internet', 'Aplikasi SAKTI', 'Aplikasi Gaji Web'],
    });
    expect(doc.columns).toEqual(['PPABP', 'Operator Pembayaran', 'PPK', 'PPSPM', 'KPPN']);
    expect(doc.rows.map((r) => r.uraian)).toEqual(['Mulai', ...STEPS.map((s) => s.name), 'Selesai']);
    expect(doc.rows.map((r) => r.symbol)).toEqual(['terminator', 'process', 'process', 'process', 'process', 'decision', 'decision', 'process', 'process', 'terminator']);
    const row = (name: string) => doc.rows.findIndex((r) => r.uraian === name);
    expect(doc.edges).toEqual(expect.arrayContaining([
      { from: row('Menyetujui SPP'), to: row('Menyetujui SPM'), label: 'Ya' },
      { from: row('Menyetujui SPP'), to: row('Membuat SPP, SPM, dan SPTJM'), label: 'Tidak' },
      { from: row('Menyetujui SPM'), to: row('Persetujuan SP2D dari KPPN'), label: 'Ya' },
      { from: row('Menyetujui SPM'), to: row('Menyetujui SPP'), label: 'Tidak' },
    ]));
  });

  test('Given the shipped file, then every node and flow has DI, every node sits inside its lane, nodes do not overlap and flows are orthogonal', async () => {
    type Bounds = { x: number; y: number; width: number; height: number };
    const defs = (await parseBpmn(xml())).rootElement as unknown as ModdleNode;
    const process = nodesOf(defs, 'rootElements').find((e) => e.$type === 'bpmn:Process')!;
    const plane = nodesOf(defs, 'diagrams')[0]?.plane as ModdleNode;
    const di = new Map(nodesOf(plane, 'planeElement').map((d) => [(d.bpmnElement as ModdleNode).id, d]));
    const box = (id: string | undefined): Bounds => di.get(id)?.bounds as Bounds;
    const inside = (a: Bounds, b: Bounds) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
    const overlaps = (a: Bounds, b: Bounds) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const elements = nodesOf(process, 'flowElements');
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');

    for (const lane of nodesOf(nodesOf(process, 'laneSets')[0], 'lanes')) {
      for (const node of nodesOf(lane, 'flowNodeRef')) expect([lane.name, node.id, inside(box(node.id), box(lane.id))]).toEqual([lane.name, node.id, true]);
    }
    expect(nodes.every((n) => box(n.id) !== undefined)).toBe(true);
    nodes.forEach((a, i) => nodes.slice(i + 1).forEach((b) => expect(overlaps(box(a.id), box(b.id))).toBe(false)));
    for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
      const points = (di.get(flow.id)?.waypoint as Array<{ x: number; y: number }> | undefined) ?? [];
      expect(points.length).toBeGreaterThanOrEqual(2);
      points.slice(1).forEach((p, i) => expect(p.x === points[i]!.x || p.y === points[i]!.y).toBe(true));
    }
  });
});

describe('a case of Pengajuan Belanja Pegawai', () => {
  test('Given a new case, when every step is done and PPK and PPSPM approve, then it waits at steps 1..8 in order and completes', async () => {
    const def = definition(xml());
    let result = await startProcess(def);
    for (const step of STEPS) result = await complete(def, result, step.id);

    expect(result).toEqual({ status: 'completed', engineState: expect.any(Buffer), waiting: [], error: null });
  });

  test('Given a case at "Menyetujui SPP", when PPK does not approve, then it goes back to "Membuat SPP, SPM, dan SPTJM", and after a corrected SPP is approved it goes on to PPSPM', async () => {
    const def = definition(xml());
    let result = await atStep(def, 'MenyetujuiSpp');

    result = await complete(def, result, 'MenyetujuiSpp', { setuju: false, catatan: 'Nilai SPP tidak sesuai daftar gaji' });
    expectWaitingAt(result, 'MembuatSpp');
    result = await complete(def, result, 'MembuatSpp', { nomorSpp: '00124/SPP/2025' });
    result = await complete(def, result, 'MenyetujuiSpp', { setuju: true });
    expectWaitingAt(result, 'MenyetujuiSpm');
  });

  test('Given a case at "Menyetujui SPM", when PPSPM does not approve, then it goes back to PPK\'s "Menyetujui SPP"; approved by both, it reaches KPPN and completes', async () => {
    const def = definition(xml());
    let result = await atStep(def, 'MenyetujuiSpm');

    result = await complete(def, result, 'MenyetujuiSpm', { setuju: false, catatan: 'ADK SPM belum diunggah' });
    expectWaitingAt(result, 'MenyetujuiSpp');
    result = await complete(def, result, 'MenyetujuiSpp', { setuju: true });
    result = await complete(def, result, 'MenyetujuiSpm', { setuju: true });
    expectWaitingAt(result, 'PersetujuanSp2d');
    result = await complete(def, result, 'PersetujuanSp2d');
    result = await complete(def, result, 'MelaporkanSelesai');
    expect(result.status).toBe('completed');
  });

  test('Given a case at a decision, when "setuju" is missing or the string "true", then the strict condition takes the default "Tidak" flow back', async () => {
    const def = definition(xml());
    const atSpp = await atStep(def, 'MenyetujuiSpp');

    expectWaitingAt(await completeUserTask(def, atSpp.engineState, 'MenyetujuiSpp', { setuju: null }), 'MembuatSpp');
    const atSpm = await atStep(def, 'MenyetujuiSpm');
    expectWaitingAt(await completeUserTask(def, atSpm.engineState, 'MenyetujuiSpm', { setuju: 'true' }), 'MenyetujuiSpp');
  });
});
