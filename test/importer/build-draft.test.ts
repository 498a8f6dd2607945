// The draft builder on tables as a reader gives them: shapes to nodes, connectors to named flows, the
// Mutu Baku of each row, executable-ready defaults, and every doubt listed on its row and element.
import { describe, expect, test } from '@jest/globals';
import { buildDraft, processKeyOf } from '../../src/importer/build-draft.js';
import { loadProcessModel, readSopDocument, validateDefinition } from '../../src/workflow/index.js';
import type { ImportResult } from '../../src/importer/types.js';
import { pengirimanSurat, table } from './tables.js';

const node = (r: ImportResult, id: string) => r.nodes.find((n) => n.id === id)!;
const flowsOf = (r: ImportResult) => r.flows.map((f) => `${f.source}>${f.target}${f.name ? `:${f.name}` : ''}`);
const codes = (r: ImportResult) => r.problems.map((p) => `${p.code}@${p.row ?? '-'}${p.elementId ? `:${p.elementId}` : ''}`).sort();

describe('Given SOP 027 read from its PDF (a decision whose branch goes to a box in another lane of the same row)', () => {
  const draft = buildDraft(pengirimanSurat());

  test('when the draft is built, then terminators are start and end events, boxes tasks, the diamond a task and a gateway, in their lanes', () => {
    expect(draft.lanes).toEqual(['TIM', 'Layanan Umum', 'Jasa Pengiriman', 'Penerima Surat dalam kota']);
    expect(draft.nodes.map((n) => [n.id, n.type, n.lane, n.row])).toEqual([
      ['Mulai1', 'startEvent', 'TIM', 1],
      ['Langkah2', 'userTask', 'Layanan Umum', 2],
      ['Langkah3', 'userTask', 'Layanan Umum', 3],
      ['Keputusan3', 'exclusiveGateway', 'Layanan Umum', 3],
      ['Langkah3_2', 'userTask', 'Penerima Surat dalam kota', 3],
      ['Langkah4', 'userTask', 'Jasa Pengiriman', 4],
      ['Selesai5', 'endEvent', 'Layanan Umum', 5],
    ]);
    expect(node(draft, 'Mulai1').name).toBe('Menyerahkan surat dinas ke layanan umum untuk diantar');
    expect(node(draft, 'Keputusan3').name).toBe(`${node(draft, 'Langkah3').name}?`);
  });

  test('when the draft is built, then every arrow is a flow named by its label, leaving the decision from its gateway', () => {
    expect(flowsOf(draft)).toEqual([
      'Langkah3>Keputusan3', 'Mulai1>Langkah2', 'Langkah2>Langkah3', 'Keputusan3>Langkah3_2:Dalam kota',
      'Keputusan3>Langkah4:Luar kota', 'Langkah4>Selesai5', 'Langkah3_2>Selesai5',
    ]);
  });

  test('when the draft is built, then each row\'s Mutu Baku is on its first shape, Waktu read as ISO-8601 (a range: its upper bound)', () => {
    expect(node(draft, 'Langkah3').mutuBaku).toEqual({
      persyaratan: ['Surat yang sudah dicetak', 'alamat surat yang dituju'], waktu: '3 - 5 Jam', waktuIso: 'PT5H', hariKerja: false,
      output: 'Buku ekspedisi, berisikan nama dan nomor kontak penerima', keterangan: ['1 tujuan surat maksimal 10 menit'],
    });
    expect(node(draft, 'Mulai1').mutuBaku?.waktuIso).toBe('PT30M');
    expect(node(draft, 'Keputusan3').mutuBaku).toBeUndefined();
    expect(node(draft, 'Langkah3_2').mutuBaku).toBeUndefined();
  });

  test('when the draft is built, then only the second shape of row 3 is flagged, on its element', () => {
    expect(codes(draft)).toEqual(['row-several-shapes@3:Langkah3_2']);
  });

  test('when the draft is validated by the studio\'s rules, then it parses and has no error: lanes name the groups, each step has a form and a time, the gateway conditions read the decision', async () => {
    const { problems } = await validateDefinition(draft.xml, { hasForm: () => false });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const model = await loadProcessModel(draft.xml);
    expect(model.processKey).toBe('pengiriman-surat-dinas');
    expect(model.userTasks.map((t) => [t.id, t.groupId, t.timeStandard])).toEqual([
      ['Langkah2', 'layanan-umum', 'PT1H'], ['Langkah3', 'layanan-umum', 'PT5H'], ['Langkah3_2', 'penerima-surat-dalam-kota', 'PT5H'], ['Langkah4', 'jasa-pengiriman', 'PT1H'],
    ]);
    expect(draft.xml).toContain('camunda:candidateStarterGroups="tim"');
    expect(draft.xml).toContain(`<camunda:value id="dalam-kota" name="Dalam kota" />`);
    expect(draft.xml).toContain(`\${environment.output.Langkah3.keputusan == 'luar-kota'}`);
  });

  test('when the SOP document is generated from the draft, then the identity and the printed Waktu come back', async () => {
    const doc = await readSopDocument(draft.xml);
    expect(doc.identity.namaSop).toBe('Pengiriman Surat Dinas');
    expect(doc.rows.map((r) => r.timeStandard)).toEqual(['30 Menit', '1 Jam', '3 - 5 Jam', '1 Jam', '10 Menit']);
  });
});

describe('Given a table with what a reader cannot be sure of', () => {
  const draft = buildDraft(table(['Staf', 'Kasi'], [
    { kegiatan: 'Mulai', shapes: [['a', 'terminator', 0]] },
    { kegiatan: 'Menerima berkas', shapes: [['b', 'process', null]], waktu: 'Setiap Saat' },
    { kegiatan: 'Memeriksa berkas', shapes: [['c', 'decision', 1]], waktu: 'Paling lambat 17 hari kerja' },
    { kegiatan: 'Catatan tanpa bagan', shapes: [] },
    { kegiatan: 'Mengarsipkan', shapes: [['d', 'process', 0]] },
    { kegiatan: 'Mulai lagi', shapes: [['e', 'terminator', 1]], waktu: '1 hari' },
    { kegiatan: 'Meneruskan', shapes: [['f', 'process', 1]], waktu: '2 jam' },
    { kegiatan: 'Terpisah', shapes: [['g', 'process', 1]], waktu: '2 jam' },
  ], [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'x', 'Ya'], ['e', 'f'], ['g', 'f']]));

  test('when the draft is built, then each doubt is a problem naming its row and element, and every row is in the draft or the problems', () => {
    expect(codes(draft)).toEqual([
      'dangling-connector@5',
      'decision-one-branch@3:Keputusan3',
      'no-end@-',
      'row-no-shape@4',
      'several-starts@6:Mulai6',
      'shape-no-lane@2:Langkah2',
      'step-no-outgoing@5:Langkah5',
      'step-no-outgoing@7:Langkah7',
      'unreachable@8:Langkah8',
      'waktu-empty@5:Langkah5',
      'waktu-total@3:Langkah3',
      'waktu-unreadable@2:Langkah2',
    ]);
    const rows = new Set([...draft.nodes.map((n) => n.row), ...draft.problems.map((p) => p.row)]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].every((r) => rows.has(r))).toBe(true);
    expect(draft.problems.find((p) => p.code === 'waktu-total')).toMatchObject({ severity: 'warning', step: 'Memeriksa berkas', args: { waktu: 'Paling lambat 17 hari kerja' } });
  });

  test('when a Waktu cannot be read, then the step keeps the printed text as its waktu (validation asks the owner to fix it)', async () => {
    expect(node(draft, 'Langkah2').mutuBaku).toMatchObject({ waktu: 'Setiap Saat', waktuIso: null });
    expect(draft.xml).toMatch(/<alur:mutuBaku langkah="2" waktu="Setiap Saat"/);
    const { problems } = await validateDefinition(draft.xml, { hasForm: () => false });
    expect(problems.filter((p) => p.elementId === 'Langkah2').map((p) => p.code)).toEqual(expect.arrayContaining(['group-missing']));
  });

  test('when a decision has two branches and one has no label, then that branch is flagged on the flow', () => {
    const d = buildDraft(table(['Staf'], [
      { kegiatan: 'Memeriksa', shapes: [['a', 'decision', 0]], waktu: '1 jam' },
      { kegiatan: 'Setuju', shapes: [['b', 'terminator', 0]] },
      { kegiatan: 'Tolak', shapes: [['c', 'terminator', 0]] },
    ], [['a', 'b', 'Ya'], ['a', 'c']]));
    expect(codes(d)).toEqual(['decision-branch-unlabelled@1:Flow_Keputusan1_Selesai3', 'no-start@-', 'several-ends@-']);
  });

  test('when a decision\'s branches have no label, then its choices say where each leads (never a bare "Pilihan 1")', () => {
    const d = buildDraft(table(['Staf'], [
      { kegiatan: 'Mulai', shapes: [['s', 'terminator', 0]] },
      { kegiatan: 'Memeriksa', shapes: [['a', 'decision', 0]], waktu: '1 jam' },
      { kegiatan: 'Mengarsipkan berkas', shapes: [['b', 'terminator', 0]] },
    ], [['s', 'a'], ['a', 'b'], ['a', 's']]));
    expect(d.xml).toContain('<camunda:value id="lanjut-ke-mengarsipkan-berkas" name="Lanjut ke Mengarsipkan berkas" />');
    expect(d.xml).toContain("${environment.output.Langkah2.keputusan == 'lanjut-ke-mengarsipkan-berkas'}");
    expect(d.xml).not.toContain('Pilihan');
  });
});

describe('Given a start terminator that a loop also enters (SOP 022: "Tidak" back to row 1)', () => {
  const draft = buildDraft(table(['Tim', 'Sekretaris'], [
    { kegiatan: 'Membuat surat', shapes: [['a', 'terminator', 0]], waktu: '1 hari' },
    { kegiatan: 'Memeriksa surat', shapes: [['b', 'decision', 1]], waktu: '1 jam' },
    { kegiatan: 'Selesai', shapes: [['c', 'terminator', 1]] },
  ], [['a', 'b'], ['b', 'a', 'Tidak'], ['b', 'c', 'Ya']]));

  test('when the draft is built, then it is a start event followed by a task for the row, which the loop enters', () => {
    expect(draft.nodes.filter((n) => n.row === 1).map((n) => [n.id, n.type, n.lane])).toEqual([['Mulai1', 'startEvent', 'Tim'], ['Langkah1', 'userTask', 'Tim']]);
    expect(flowsOf(draft)).toEqual(expect.arrayContaining(['Mulai1>Langkah1', 'Langkah1>Langkah2', 'Keputusan2>Langkah1:Tidak']));
    expect(codes(draft)).toEqual(['terminator-in-flow@1:Langkah1']);
  });
});

describe('Given texts a document may hold', () => {
  test('when names carry markup characters, quotes and control characters, then the XML is well formed and keeps the text', async () => {
    const name = 'Memeriksa <berkas> & "surat" \u0007O\'Brien';
    const draft = buildDraft(table(['Staf & Co'], [
      { kegiatan: 'Mulai', shapes: [['a', 'terminator', 0]] },
      { kegiatan: name, shapes: [['b', 'process', 0]], waktu: '1 jam', output: 'A < B' },
      { kegiatan: 'Selesai', shapes: [['c', 'terminator', 0]] },
    ], [['a', 'b'], ['b', 'c']], 'SOP <Uji> & "Coba"'));
    const doc = await readSopDocument(draft.xml);
    expect(doc.rows[1]).toMatchObject({ uraian: 'Memeriksa <berkas> & "surat" O\'Brien', output: 'A < B' });
    expect(doc.columns).toEqual(['Staf & Co']);
    expect(doc.identity.namaSop).toBe('SOP <Uji> & "Coba"');
  });

  test('when a Kegiatan is longer than a name may be, then the step keeps it as name and uraian, flagged for the owner to shorten the name', async () => {
    const long = `Memeriksa ${'berkas permohonan '.repeat(20)}`.trim();
    const draft = buildDraft(table(['Staf'], [{ kegiatan: long, shapes: [['a', 'process', 0]], waktu: '1 jam' }], []));
    expect(draft.nodes[0]!.name).toBe(long);
    expect(draft.problems.find((p) => p.code === 'name-too-long')).toMatchObject({ row: 1, elementId: 'Langkah1', args: { count: String(long.length), max: '200' } });
    const shortened = draft.xml.replace(`name="${long}"`, 'name="Memeriksa berkas permohonan"');
    expect((await readSopDocument(shortened)).rows[0]!.uraian).toBe(long);
  });

  test.each([
    ['PENDAFTARAN AKUN PPBJ (2021)', 'pendaftaran-akun-ppbj-2021'],
    ['Pengiriman Surat Dinas', 'pengiriman-surat-dinas'],
    ['2025: Konsultasi Statistik', 'konsultasi-statistik'],
    ['Pemeriksaan Ulang Dokumen', 'pemeriksaan-ulang-dokumen'],
    ['Baru', 'baru-sop'],
    ['', 'sop-impor'],
    ['!!!', 'sop-impor'],
    [`Layanan ${'sangat '.repeat(20)}panjang`, `layanan-${'sangat-'.repeat(7)}sangat`],
  ])('when the Nama SOP is "%s", then the process id is "%s"', (nama, key) => {
    expect(processKeyOf(nama)).toBe(key);
    expect(key.length).toBeLessThanOrEqual(64);
  });
});
