// The pasted-text reader: the seed SOP (Word table copied as text, chart shapes lost), header variants,
// ways cells break over lines, the chart guessed from what the text says, and refusals.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { readSopText } from '../../src/importer/text/read-text.js';
import { ImportRefusedError, type SopTable } from '../../src/importer/types.js';
import { readSopDocument } from '../../src/workflow/index.js';

const SEED = readFileSync(new URL('./fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8');
const SHIPPED = readFileSync(new URL('../../processes/pendaftaran-akun-ppbj.bpmn', import.meta.url), 'utf8');

const tsv = (...lines: string[][]): string => lines.map((l) => l.join('\t')).join('\n');
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportRefusedError) return err.code;
    throw err;
  }
  throw new Error('not refused');
};
const kinds = (t: SopTable) => t.rows.map((r) => r.shapes.map((s) => `${s.kind}:${s.column === null ? '-' : t.columns[s.column]}`).join(','));
const codesOfRow = (t: SopTable, row: number) => t.problems.filter((p) => p.row === row).map((p) => p.code).sort();
const trailing = (items: string[]) => items.map((i) => i.replace(/[.;]$/, ''));

describe('Given the seed SOP pasted as text', () => {
  const table = readSopText(SEED);

  test('when it is read, then its identity is the one the shipped model carries', async () => {
    const shipped = (await readSopDocument(SHIPPED)).identity;
    expect({ ...table.identity, dasarHukum: trailing(table.identity.dasarHukum) }).toEqual(shipped);
  });

  test('when it is read, then the 8 rows keep their cells: Kegiatan, Persyaratan items, Waktu, Output, Keterangan', () => {
    expect(table.columns).toEqual(['PPBJ', 'Admin PPE']);
    expect(table.rows.map((r) => r.no)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    expect(table.rows[1]).toMatchObject({ kegiatan: 'Membuat Akun PPBJ', persyaratan: ['e-Mail Aktif', 'Nomor Whatsapp Aktif'], waktu: '15 Menit', output: 'Form Registrasi', keterangan: '' });
    expect(table.rows[4]!.persyaratan).toEqual(['Akun PPBJ Yang Telah Diverifikasi', 'Surat Keputusan atau Surat Tugas']);
    expect(table.rows[5]!.keterangan).toBe('- SiRUP - SPSE - SiPRAJA');
  });

  test('when the chart is guessed, then Mulai/Selesai are terminators, row 6 a decision, and the lanes come only from the marks', () => {
    expect(kinds(table)).toEqual(['terminator:-', 'process:-', 'process:-', 'process:-', 'process:-', 'decision:Admin PPE', 'process:PPBJ', 'terminator:-']);
    expect(table.rows[5]!.shapes[0]!.text).toBe('Lengkap?');
  });

  test('when the chart is guessed, then rows follow each other and the decision goes "Ya" to row 7, "Tidak" back to row 5', () => {
    expect(table.connectors).toEqual([
      { from: 't1', to: 't2', label: '' }, { from: 't2', to: 't3', label: '' }, { from: 't3', to: 't4', label: '' },
      { from: 't4', to: 't5', label: '' }, { from: 't5', to: 't6', label: '' },
      { from: 't6', to: 't7', label: 'Ya' }, { from: 't6', to: 't5', label: 'Tidak' }, { from: 't7', to: 't8', label: '' },
    ]);
  });

  test('when the chart is guessed, then every guess is a warning on its row', () => {
    expect(table.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(codesOfRow(table, 2)).toEqual(['text-shape-guessed']);
    expect(codesOfRow(table, 6)).toEqual(['text-decision-guessed', 'text-lane-guessed', 'text-shape-guessed']);
    expect(table.problems.find((p) => p.code === 'text-lane-guessed' && p.row === 7)?.args).toEqual({ mark: 'lya', lane: 'PPBJ' });
    expect(table.problems.find((p) => p.code === 'text-decision-guessed')?.args).toEqual({ yes: 'Ya', yesRow: '7', no: 'Tidak', noRow: '5' });
  });
});

describe('Given header variants of real SOPs', () => {
  test('when the header is one line "No | Aktivitas | Kasubbag | Kepala | Input | Waktu | Output" (no Keterangan), then actors sit between Aktivitas and the Mutu Baku', () => {
    const t = readSopText(tsv(
      ['No', 'Aktivitas', 'Kasubbag', 'Kepala', 'Input', 'Waktu', 'Output'],
      ['1', 'Mulai', '√', '', '', '', ''],
      ['2', 'Memeriksa surat', '', '√', 'Surat; Disposisi', '1 jam', 'Surat diperiksa'],
    ));
    expect(t.columns).toEqual(['Kasubbag', 'Kepala']);
    expect(kinds(t)).toEqual(['terminator:Kasubbag', 'process:Kepala']);
    expect(t.rows[1]).toMatchObject({ persyaratan: ['Surat', 'Disposisi'], waktu: '1 jam', output: 'Surat diperiksa', keterangan: '' });
  });

  test.each([['(1)', '(2)'], ['1', '2']])('when the header groups "Pelaksana" and "Mutu Baku" over sub-headers with "Kelengkapan" and a numbered row "%s %s …", then both are read and the numbers skipped', (a, b) => {
    const n = (i: number) => a.replace('1', String(i));
    const t = readSopText(tsv(
      ['No.', 'Kegiatan', 'Pelaksana', '', 'Mutu Baku', '', '', 'Ket.'],
      ['', '', 'Staf', 'Kasi', 'Kelengkapan', 'Waktu', 'Output', ''],
      [a, b, n(3), n(4), n(5), n(6), n(7), n(8)],
      ['1.', 'Menerima berkas', 'x', '', '1. Formulir 2. KTP', '15 menit', 'Berkas', 'catatan'],
    ));
    expect(t.columns).toEqual(['Staf', 'Kasi']);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ kegiatan: 'Menerima berkas', persyaratan: ['Formulir', 'KTP'], keterangan: 'catatan' });
  });

  test('when the table names the actor per row in one "Pelaksana" column, then each name becomes a lane, not a guess', () => {
    const t = readSopText(tsv(
      ['No', 'Uraian Kegiatan', 'Pelaksana', 'Persyaratan/Perlengkapan', 'Waktu', 'Output', 'Keterangan'],
      ['1', 'Menerima permohonan', 'Petugas Loket', 'Formulir', '10 menit', 'Tanda terima', ''],
      ['2', 'Menandatangani surat', 'Kepala Dinas', 'Konsep surat', '1 hari', 'Surat', ''],
    ));
    expect(t.columns).toEqual(['Petugas Loket', 'Kepala Dinas']);
    expect(kinds(t)).toEqual(['process:Petugas Loket', 'process:Kepala Dinas']);
    expect(t.problems.filter((p) => p.code === 'text-lane-guessed')).toEqual([]);
  });

  test('when the table is Markdown ("| No | Kegiatan | … |"), then it reads like a tab-separated one', () => {
    const t = readSopText(['| No | Kegiatan | Admin | Waktu |', '|---|---|---|---|', '| 1 | Mengisi data | v | 5 menit |'].join('\n'));
    expect(t.columns).toEqual(['Admin']);
    expect(t.rows[0]).toMatchObject({ kegiatan: 'Mengisi data', waktu: '5 menit' });
  });
});

describe('Given cells that break over lines', () => {
  test('when a spreadsheet quotes a cell with line breaks, then the cell stays one, its lines kept as items', () => {
    const t = readSopText(tsv(['No', 'Kegiatan', 'Staf', 'Kelengkapan', 'Waktu'], ['1', '"Memeriksa\nberkas"', 'x', '"Surat permohonan\nFotokopi KTP"', '1 jam']));
    expect(t.rows[0]).toMatchObject({ kegiatan: 'Memeriksa berkas', persyaratan: ['Surat permohonan', 'Fotokopi KTP'], waktu: '1 jam' });
  });

  test('when Word breaks a line inside a cell, then the next line continues that cell and the row', () => {
    const text = ['No\tKegiatan\tStaf\tKelengkapan\tWaktu\tOutput', '1\tMemeriksa\tx\t- Surat permohonan', '- Fotokopi KTP\t1 jam\tBerkas', '2\tSelesai\t\t\t\t'].join('\n');
    const t = readSopText(text);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]).toMatchObject({ kegiatan: 'Memeriksa', persyaratan: ['Surat permohonan', 'Fotokopi KTP'], waktu: '1 jam', output: 'Berkas' });
  });

  test('when text copied from a PDF viewer lost its cells, then each numbered line is a row, flagged as columns lost', () => {
    const t = readSopText(['NAMA SOP : Layanan Surat', 'No Kegiatan Pelaksana Mutu Baku', '1 Menerima surat', 'dari pemohon', '2 Mengarsipkan surat'].join('\n'));
    expect(t.identity.namaSop).toBe('Layanan Surat');
    expect(t.rows.map((r) => r.kegiatan)).toEqual(['Menerima surat dari pemohon', 'Mengarsipkan surat']);
    expect(codesOfRow(t, 1)).toEqual(['text-columns-lost', 'text-shape-guessed']);
  });
});

describe('Given decisions written as sentences', () => {
  const rows = (kegiatan: string[]) => readSopText(tsv(['No', 'Kegiatan', 'Staf'], ...kegiatan.map((k, i) => [String(i + 1), k, 'x'])));

  test('when a row says "jika diperlukan" without a second clause, then it is no decision', () => {
    expect(kinds(rows(['Mencetak amplop (jika diperlukan)', 'Mengirim surat']))).toEqual(['process:Staf', 'process:Staf']);
  });

  test('when the "jika tidak" clause names no row, then that branch is flagged unresolved and only "Ya" is drawn', () => {
    const t = rows(['Menerima berkas', 'Memeriksa berkas, jika lengkap diteruskan, jika tidak dihubungi melalui telepon', 'Meneruskan berkas']);
    expect(t.connectors.filter((c) => c.from === 't2')).toEqual([{ from: 't2', to: 't3', label: 'Ya' }]);
    expect(t.problems.find((p) => p.code === 'text-branch-unresolved')).toMatchObject({ row: 2, args: { label: 'Tidak' } });
  });
});

describe('Given text that is no SOP table', () => {
  test.each([
    ['an empty text', 'empty', '  \n\t\n'],
    ['a letter', 'not-sop', 'Dengan hormat,\nkami sampaikan laporan bulanan.'],
    ['a table with other headers', 'unknown-headers', tsv(['Nama', 'Alamat', 'Telepon'], ['Budi', 'Jl. Merdeka', '0812'])],
    ['an SOP header with a column it does not know', 'unknown-headers', tsv(['No', 'Kegiatan', 'Waktu', 'Keterangan', 'Harga'], ['1', 'A', '1 jam', '', '10'])],
    ['a header without rows', 'empty', tsv(['No', 'Kegiatan', 'Pelaksana', 'Waktu'])],
  ])('when it is %s, then it is refused as %s', (_what, code, text) => {
    expect(refusal(() => readSopText(text))).toBe(code);
  });
});
