// Each recogniser on the published samples where its case occurs: header variants, symbols in one
// row, labels on or beside the lines, lines merging, off-page connectors with and without marks,
// arrows pasted as pictures, a line without arrowhead, a row without a number.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { readSopPdf } from '../../../src/importer/pdf/read-pdf.js';
import type { SopTable } from '../../../src/importer/types.js';
import { flows, shapes } from './table-view.js';

const read = (name: string): Promise<SopTable> => readSopPdf(new Uint8Array(readFileSync(new URL(`../fixtures/bps-bengkulu/${name}`, import.meta.url))));
const codes = (t: SopTable): string[] => t.problems.map((p) => `${p.code}@${p.row}`);

describe('Given the header variants of the samples', () => {
  test('when "Uraian Prosedur" heads both the number and the text (342), then the body rules split it into No and Kegiatan', async () => {
    const t = await read('342-konsultasi-statistik-2025.pdf');
    expect(t.columns).toEqual(['Pengguna Layanan', 'Resepsionis', 'Petugas Layanan', 'Aplikasi Pelayanan']);
    expect(t.rows.map((r) => r.no)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(t.rows[0]!.kegiatan).toBe('Pengguna layanan membutuhkan layanan konsultasi statistik');
    expect(t.rows[1]).toMatchObject({ persyaratan: ['Biodata, email'], waktu: '10 menit', output: '' });
    expect(t.rows[2]!.keterangan).toBe('Maksimal waktu tunggu antrian 3 hari kerja sejak transaksi dibuat');
  });

  test('when the actors\' group header is misprinted "Kelengkapan" (027), then the actors are still the lanes', async () => {
    const t = await read('027-pengiriman-surat-dinas.pdf');
    expect(t.columns).toEqual(['TIM', 'Layanan Umum', 'Jasa Pengiriman', 'Penerima Surat dalam kota']);
    expect(t.rows[0]!.persyaratan).toEqual(['Surat yang sudah dicetak, alamat surat yang dituju']);
  });

  test('when Keterangan is a Mutu Baku column and the header says "Persyaratan/ Perlengkapan" (031), then both are read', async () => {
    const t = await read('031-pengajuan-belanja-pegawai.pdf');
    expect(t.columns).toEqual(['PPABP', 'Operator Pembayaran', 'PPK', 'PPSPM', 'KPPN']);
    expect(t.rows[3]).toMatchObject({ persyaratan: ['ADK Hasil Rekon, SPP, SPTJM'], waktu: '15 menit', output: 'SPP untuk diajukan ke PPSPM', keterangan: '' });
  });

  test('when the header has a numbered row "(1) (2) ..." (252), then it is no table row', async () => {
    const t = await read('252-persiapan-pengadaan-barang-jasa-konsultansi-nonkonstruksi-jasa-lainnya.pdf');
    expect(t.rows.map((r) => r.no)).toEqual(['1.', '2.', '3.', '4.', '5.']);
  });
});

describe('Given the charts of the samples', () => {
  test('when a row holds a start and a box in one column and labels sit on the lines (031), then both shapes and every label are read', async () => {
    const t = await read('031-pengajuan-belanja-pegawai.pdf');
    expect(shapes(t)[0]).toEqual(['terminator:PPABP', 'process:PPABP']);
    expect(shapes(t)[4]).toEqual(['decision:PPK:Setuju?']);
    expect(flows(t)).toEqual(expect.arrayContaining([
      '5:decision:PPK -> 4:process:Operator Pembayaran [Tidak]',
      '5:decision:PPK -> 6:decision:PPSPM [Ya]',
      '6:decision:PPSPM -> 5:decision:PPK [Tidak]',
      '6:decision:PPSPM -> 7:process:KPPN [Ya]',
      '8:process:PPABP -> 8:terminator:PPABP',
    ]));
    expect(t.connectors).toHaveLength(11);
  });

  test('when lines from two symbols merge into one arrow (342), then each symbol gets its flow and the labels stay on their branches', async () => {
    const t = await read('342-konsultasi-statistik-2025.pdf');
    expect(flows(t)).toEqual([
      '1:terminator:Pengguna Layanan -> 2:decision:Pengguna Layanan',
      '2:decision:Pengguna Layanan -> 3:decision:Aplikasi Pelayanan [Ya]',
      '2:decision:Pengguna Layanan -> 4:process:Resepsionis [tidak]',
      '3:decision:Aplikasi Pelayanan -> 5:process:Petugas Layanan [tidak]',
      '3:decision:Aplikasi Pelayanan -> 6:terminator:Resepsionis [Ya]',
      '4:process:Resepsionis -> 5:process:Petugas Layanan',
      '5:process:Petugas Layanan -> 6:terminator:Resepsionis',
    ]);
    expect(t.problems).toEqual([]);
  });

  test('when arrows go through marked off-page connectors and the header is repeated (009), then the flows are direct', async () => {
    const t = await read('009-penjualan-bmn.pdf');
    expect(t.rows).toHaveLength(12);
    expect(shapes(t)[3]).toEqual(['decision:Satuan Kerja', 'process:Wilayah/Provinsi']);
    expect(flows(t)).toEqual(expect.arrayContaining([
      '4:decision:Satuan Kerja -> 5:process:Pengelola Barang [A]',
      '4:decision:Satuan Kerja -> 4:process:Wilayah/Provinsi [B]',
      '5:process:Pengelola Barang -> 6:process:Satuan Kerja',
      '5:process:BPS RI -> 6:process:Satuan Kerja',
    ]));
    expect(t.connectors).toHaveLength(14);
    expect(t.problems).toEqual([]);
  });

  test('when unmarked off-page connectors sit below the table and above its continuation (275), then they join in order', async () => {
    const t = await read('275-konsolidasi-oleh-ppk.pdf');
    expect(t.rows.map((r) => r.page)).toEqual([1, 1, 1, 2, 2, 2, 2]);
    expect(flows(t)).toContain('3:process:PPK -> 4:process:PPK');
    expect(t.connectors).toHaveLength(6);
  });

  test('when the arrows are pictures (052), then they are traced into flows, each flagged for checking', async () => {
    const t = await read('052-permintaan-instalasi-perangkat-lunak.pdf');
    expect(flows(t)).toEqual([
      '1:process:Admin/ PJK TI -> 2:process:Teknisi',
      '1:terminator:Pegawai -> 1:process:Admin/ PJK TI',
      '2:process:Teknisi -> 3:decision:Teknisi',
      '3:decision:Teknisi -> 1:terminator:Pegawai [Belum Sesuai]',
      '3:decision:Teknisi -> 4:process:Teknisi [Sudah sesuai]',
      '4:process:Teknisi -> 5:decision:Teknisi',
      '5:decision:Teknisi -> 4:process:Teknisi',
      '5:decision:Teknisi -> 6:process:Teknisi [Sudah sesuai]',
      '6:process:Admin/ PJK TI -> 6:process:Pegawai',
      '6:process:Teknisi -> 6:process:Admin/ PJK TI',
    ]);
    expect(t.problems.filter((p) => p.code === 'connector-from-image')).toHaveLength(8);
  });

  test('when two boxes are joined by a line without arrowhead (274), then it is no flow but it is said', async () => {
    const t = await read('274-pemilihan-penyedia-melalui-tender-cepat-barang-jasa-lainnya.pdf');
    expect(shapes(t)[5]).toEqual(['process:Pokja Pemilihan', 'process:Peserta']);
    expect(flows(t).filter((f) => f.startsWith('6:'))).toEqual(['6:process:Pokja Pemilihan -> 7:process:Pokja Pemilihan']);
    expect(codes(t)).toEqual(['connector-no-arrow@6']);
  });

  test('when the last row has no number and the decision loops back to the first terminator (348), then both are kept as drawn', async () => {
    const t = await read('348-upload-publikasi.pdf');
    expect(t.rows.map((r) => r.no)).toEqual(['1', '2', '3', '4', '']);
    expect(flows(t)).toContain('4:decision:Tim Diseminasi Statistik -> 1:terminator:Tim Pembuat Publikasi');
    expect(flows(t)).toContain('4:decision:Tim Diseminasi Statistik -> 5:terminator:Tim Diseminasi Statistik');
  });
});
