// The identity block: dates in Indonesian (or English) month names, NIPs, and the two-column blocks of
// the published samples read field by field.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parseIdDate, parseNip } from '../../../src/importer/pdf/identity-dates.js';
import { readSopPdf } from '../../../src/importer/pdf/read-pdf.js';

const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/bps-bengkulu/${name}`, import.meta.url)));

describe('Given dates and NIPs as identity blocks print them', () => {
  test('when a date is read, then it is ISO, "-" is empty and a non-date is refused', () => {
    expect(parseIdDate('2 Juni 2025')).toBe('2025-06-02');
    expect(parseIdDate('02 June 2025')).toBe('2025-06-02');
    expect(parseIdDate(': 10 Januari 2025')).toBe('2025-01-10');
    expect(parseIdDate('24 Pebruari 2025')).toBe('2025-02-24');
    expect(parseIdDate('2/6/2025')).toBe('2025-06-02');
    expect(parseIdDate('2025-06-02')).toBe('2025-06-02');
    expect(parseIdDate('-')).toBe('');
    expect(parseIdDate('')).toBe('');
    expect(parseIdDate('31 Februari 2025')).toBeNull();
    expect(parseIdDate('awal tahun')).toBeNull();
  });

  test('when a NIP line is read, then its 18 digits come back as grouped on paper', () => {
    expect(parseNip('NIP. 19660825 198802 1 001')).toBe('19660825 198802 1 001');
    expect(parseNip('NIP 196608251988021001')).toBe('196608251988021001');
    expect(parseNip('NIP 1966')).toBeNull();
    expect(parseNip('Ir. Win Rizal, M.E.')).toBeNull();
  });
});

describe('Given the published samples', () => {
  test('when 009 is read, then its identity comes out of the two-column block, lists split on their numbers', async () => {
    const { identity } = await readSopPdf(sample('009-penjualan-bmn.pdf'));
    expect(identity).toMatchObject({
      instansi: 'BADAN PUSAT STATISTIK PROVINSI BENGKULU',
      satuanKerja: 'TIM BAGIAN UMUM',
      nomor: 'SOP-009/17000/2025',
      tanggalPembuatan: '2025-06-02',
      tanggalRevisi: '',
      tanggalEfektif: '2025-06-02',
      namaSop: 'Penjualan BMN',
      disahkan: { jabatan: 'Kepala BPS Provinsi Bengkulu', nama: 'Ir. Win Rizal, M.E.', pangkat: '', nip: '' },
      kualifikasiPelaksana: ['Pemahaman pelaksana terhadap Dasar Hukum'],
      pencatatan: ['update data pada Aplikasi SAKTI'],
    });
    expect(identity.dasarHukum).toHaveLength(3);
    expect(identity.dasarHukum[1]).toBe('Peraturan Menteri Keuangan Nomor 213/PMK.06/2020 tentang Petunjuk Pelaksanaan Lelang');
  });

  test('when 342 is read, then "Tanggal Pengesahan" is its effective date and its labels without colons are found', async () => {
    const { identity } = await readSopPdf(sample('342-konsultasi-statistik-2025.pdf'));
    expect(identity).toMatchObject({
      nomor: 'SOP-1-102/17000/2025',
      tanggalPembuatan: '2025-02-24',
      tanggalRevisi: '',
      tanggalEfektif: '2025-02-25',
      namaSop: 'Layanan Konsultasi Statistik',
      disahkan: { jabatan: 'Kepala BPS Provinsi Bengkulu', nama: 'Ir. Win Rizal, M.E.', nip: '196608251988021001' },
      peralatan: ['Komputer Lengkap', 'Alat Tulis Kantor', 'Jaringan Internet'],
    });
    expect(identity.dasarHukum).toHaveLength(6);
  });

  test('when 027 is read, then its English month names and its two-column Peralatan list read in order', async () => {
    const { identity } = await readSopPdf(sample('027-pengiriman-surat-dinas.pdf'));
    expect(identity.tanggalPembuatan).toBe('2025-06-02');
    expect(identity.peralatan).toEqual(['Alat Tulis', 'Cap Kantor', 'PC/Laptop', 'Printer', 'Jaringan Internet', 'Aplikasi perkantoran']);
    expect(identity.peringatan).toHaveLength(2);
  });
});
