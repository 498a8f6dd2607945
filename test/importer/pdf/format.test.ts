// The PDF reader follows the SOP format, not the samples' layout: tables drawn with pdfkit with other
// header words ("Uraian Kegiatan", "Input"), no Keterangan column, the Pelaksana columns after the
// Mutu Baku ones and in another order, arrows drawn as strokes with filled heads, a loop back upward.
import { describe, expect, test } from '@jest/globals';
import { readSopPdf } from '../../../src/importer/pdf/read-pdf.js';
import { drawSop, type DrawnSop } from './draw-sop.js';
import { flows } from './table-view.js';

const COLUMNS: DrawnSop['columns'] = [
  { header: 'No.', width: 26 },
  { header: 'Uraian Kegiatan', width: 150 },
  { header: 'Input', width: 90, group: 'Mutu Baku' },
  { header: 'Waktu', width: 50, group: 'Mutu Baku' },
  { header: 'Output', width: 90, group: 'Mutu Baku' },
  { header: 'Kepala Seksi', width: 80, group: 'Pelaksana' },
  { header: 'Petugas', width: 80, group: 'Pelaksana' },
  { header: 'Pemohon', width: 80, group: 'Pelaksana' },
];

const SOP: DrawnSop = {
  columns: COLUMNS,
  rows: [
    { no: '1', cells: { 'Uraian Kegiatan': 'Pemohon mengajukan permohonan', Input: '1. Formulir\n2. KTP', Waktu: '5 menit', Output: 'Permohonan' } },
    { no: '2', cells: { 'Uraian Kegiatan': 'Petugas memeriksa berkas', Input: 'Permohonan', Waktu: '15 menit', Output: 'Berkas diperiksa' } },
    { no: '3', cells: { 'Uraian Kegiatan': 'Kepala Seksi menyetujui', Input: 'Berkas diperiksa', Waktu: '1 hari kerja', Output: 'Persetujuan' } },
    { no: '4', cells: { 'Uraian Kegiatan': 'Petugas menerbitkan surat', Input: 'Persetujuan', Waktu: '1 jam', Output: 'Surat' } },
    { no: '5', cells: { 'Uraian Kegiatan': 'Pemohon menerima surat', Input: 'Surat', Waktu: '-', Output: '-' } },
  ],
  shapes: [
    { row: 0, column: 'Pemohon', kind: 'terminator', text: 'Mulai' },
    { row: 1, column: 'Petugas', kind: 'process' },
    { row: 2, column: 'Kepala Seksi', kind: 'decision', text: 'Setuju?' },
    { row: 3, column: 'Petugas', kind: 'process' },
    { row: 4, column: 'Pemohon', kind: 'terminator', text: 'Selesai' },
  ],
  arrows: [
    { from: 0, to: 1 },
    { from: 1, to: 2 },
    { from: 2, to: 3, label: 'Ya' },
    { from: 2, to: 1, label: 'Tidak', route: 'loop-left' },
    { from: 3, to: 4 },
  ],
};

describe('Given an SOP table laid out unlike the samples', () => {
  test('when it is read, then the lanes, rows, Mutu Baku, shapes and every flow with its label come out', async () => {
    // Given Uraian Kegiatan / Input, no Keterangan, Pelaksana after Mutu Baku in the order Kepala, Petugas, Pemohon
    const bytes = await drawSop(SOP);
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(table.columns).toEqual(['Kepala Seksi', 'Petugas', 'Pemohon']);
    expect(table.rows.map((r) => [r.no, r.kegiatan])).toEqual(SOP.rows.map((r) => [r.no, r.cells['Uraian Kegiatan']]));
    expect(table.rows[0]).toMatchObject({ persyaratan: ['Formulir', 'KTP'], waktu: '5 menit', output: 'Permohonan', keterangan: '' });
    expect(table.rows[4]).toMatchObject({ persyaratan: ['Surat'], waktu: '', output: '' });
    expect(table.rows.map((r) => r.shapes.map((s) => `${s.kind}:${s.column === null ? '?' : table.columns[s.column]}:${s.text}`))).toEqual([
      ['terminator:Pemohon:Mulai'],
      ['process:Petugas:'],
      ['decision:Kepala Seksi:Setuju?'],
      ['process:Petugas:'],
      ['terminator:Pemohon:Selesai'],
    ]);
    expect(flows(table)).toEqual([
      '1:terminator:Pemohon -> 2:process:Petugas',
      '2:process:Petugas -> 3:decision:Kepala Seksi',
      '3:decision:Kepala Seksi -> 2:process:Petugas [Tidak]',
      '3:decision:Kepala Seksi -> 4:process:Petugas [Ya]',
      '4:process:Petugas -> 5:terminator:Pemohon',
    ]);
    expect(table.problems).toEqual([]);
  });

  test('when the table is drawn without ruling lines, then its columns come from its words and its rows from its numbers', async () => {
    // Given the same table, borderless
    const table = await readSopPdf(await drawSop({ ...SOP, noRules: true }));
    // Then
    expect(table.columns).toEqual(['Kepala Seksi', 'Petugas', 'Pemohon']);
    expect(table.rows.map((r) => [r.no, r.kegiatan, r.waktu])).toEqual(SOP.rows.map((r) => [r.no, r.cells['Uraian Kegiatan'], r.cells['Waktu'] === '-' ? '' : r.cells['Waktu']]));
    expect(table.rows[0]!.persyaratan).toEqual(['Formulir', 'KTP']);
    expect(flows(table)).toHaveLength(5);
    expect(flows(table)).toContain('3:decision:Kepala Seksi -> 2:process:Petugas [Tidak]');
  });

  test('when the Pelaksana headers are written bottom-to-top, then they still name the lanes', async () => {
    const table = await readSopPdf(await drawSop({ ...SOP, turnedActors: true }));
    expect(table.columns).toEqual(['Kepala Seksi', 'Petugas', 'Pemohon']);
    expect(flows(table)).toHaveLength(5);
  });

  test('when a row has no symbol, then it is kept and flagged with its number and step', async () => {
    // Given row 4 drawn without its box (the arrow from the decision goes straight to row 5)
    const spec: DrawnSop = { ...SOP, shapes: SOP.shapes.filter((_, i) => i !== 3), arrows: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3, label: 'Ya' }] };
    // When
    const table = await readSopPdf(await drawSop(spec));
    // Then the row is there, and said
    expect(table.rows).toHaveLength(5);
    expect(table.problems).toContainEqual(expect.objectContaining({ code: 'row-no-shape', row: 4, step: 'Petugas menerbitkan surat' }));
  });
});

describe('Given an SOP table that goes on over a page break', () => {
  const LINEAR: DrawnSop = {
    columns: [
      { header: 'No', width: 26 },
      { header: 'Kegiatan', width: 160 },
      { header: 'Pemohon', width: 80, group: 'Pelaksana' },
      { header: 'Petugas', width: 80, group: 'Pelaksana' },
      { header: 'Kelengkapan', width: 100, group: 'Mutu Baku' },
      { header: 'Waktu', width: 50, group: 'Mutu Baku' },
      { header: 'Output', width: 90, group: 'Mutu Baku' },
      { header: 'Keterangan', width: 90 },
    ],
    rows: ['Mengisi formulir', 'Memeriksa formulir', 'Mencatat permohonan', 'Menyiapkan jawaban', 'Menerima jawaban'].map((k, i) => ({
      no: String(i + 1),
      cells: { Kegiatan: k, Kelengkapan: 'Formulir', Waktu: '10 menit', Output: `Hasil ${i + 1}` },
      height: 70,
    })),
    shapes: [
      { row: 0, column: 'Pemohon', kind: 'terminator' },
      { row: 1, column: 'Petugas', kind: 'process' },
      { row: 2, column: 'Petugas', kind: 'process' },
      { row: 3, column: 'Petugas', kind: 'process' },
      { row: 4, column: 'Pemohon', kind: 'terminator' },
    ],
    arrows: [0, 1, 2, 3].map((i) => ({ from: i, to: i + 1 })),
    breakAfter: 2,
  };
  const expected = [
    '1:terminator:Pemohon -> 2:process:Petugas',
    '2:process:Petugas -> 3:process:Petugas',
    '3:process:Petugas -> 4:process:Petugas',
    '4:process:Petugas -> 5:terminator:Pemohon',
  ];

  test('when the header is not repeated and a row is cut by the break, then the row is joined and the off-page connectors become one flow', async () => {
    // Given row 3's Kegiatan going on at the top of page 2 (no number there), and connector "C" on both pages
    const bytes = await drawSop({ ...LINEAR, splitRow: { Kegiatan: 'di buku agenda', Kelengkapan: 'Buku agenda' } });
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(table.pages).toBe(2);
    expect(table.rows.map((r) => `${r.no}|${r.page}|${r.kegiatan}`)).toEqual([
      '1|1|Mengisi formulir',
      '2|1|Memeriksa formulir',
      '3|1|Mencatat permohonan di buku agenda',
      '4|2|Menyiapkan jawaban',
      '5|2|Menerima jawaban',
    ]);
    expect(table.rows[2]!.persyaratan).toEqual(['Formulir Buku agenda']); // one cell, its lines joined
    expect(flows(table)).toEqual(expected);
    expect(table.problems).toEqual([]);
  });

  test('when the header is repeated on the next page, then it is not read as a row', async () => {
    // Given
    const bytes = await drawSop({ ...LINEAR, repeatHeader: true });
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(table.rows.map((r) => r.no)).toEqual(['1', '2', '3', '4', '5']);
    expect(flows(table)).toEqual(expected);
    expect(table.problems).toEqual([]);
  });

  test('when the page goes on without a rule over the table, then the cut row is still joined', async () => {
    // Given
    const bytes = await drawSop({ ...LINEAR, openTop: true, splitRow: { Kegiatan: 'di buku agenda' } });
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(table.rows.map((r) => r.kegiatan)).toContain('Mencatat permohonan di buku agenda');
    expect(table.rows).toHaveLength(5);
  });

  test('when the off-page connectors do not match, then the flow is not guessed but flagged on both sides', async () => {
    // Given connector "C" leaving page 1 and "X" entering page 2
    const bytes = await drawSop({ ...LINEAR, arrows: LINEAR.arrows.map((a) => (a.from === 2 ? { ...a, nextMark: 'X' } : a)) });
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(flows(table)).toEqual([expected[0], expected[1], expected[3]]);
    expect(table.problems.filter((p) => p.code === 'dangling-connector').map((p) => [p.row, p.args?.['connector']])).toEqual([
      [3, 'C'],
      [4, 'X'],
    ]);
  });
});

describe('Given symbols the reader cannot place or name', () => {
  // the last actor column (Pemohon) ends at x = 40 + 26 + 150 + 90 + 50 + 90 + 80 + 80 + 80 = 686
  const PEMOHON_RIGHT = 686;

  test('when a row holds a shape that is none of the flowchart symbols, then it is said on that row', async () => {
    // Given a triangle drawn in row 4 (y 276-336), Pemohon column
    const bytes = await drawSop({ ...SOP, extra: (doc) => doc.polygon([630, 290], [660, 290], [645, 310]).stroke() });
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(table.problems).toContainEqual(expect.objectContaining({ code: 'shape-unclear', row: 4, step: 'Petugas menerbitkan surat' }));
  });

  test('when a box sits across the outer rule of the Pelaksana columns, then it has no lane and says so', async () => {
    // Given an extra box in row 5 centred 3 pt right of the Pemohon column
    const bytes = await drawSop({ ...SOP, extra: (doc) => doc.rect(PEMOHON_RIGHT + 3 - 20, 400, 40, 18).stroke() });
    // When
    const table = await readSopPdf(bytes);
    // Then
    expect(table.rows[4]!.shapes.map((s) => s.column)).toContain(null);
    expect(table.problems).toContainEqual(expect.objectContaining({ code: 'shape-no-lane', row: 5, step: 'Pemohon menerima surat' }));
  });
});
