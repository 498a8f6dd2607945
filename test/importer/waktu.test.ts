// Waktu cells of real SOP tables read as ISO-8601 durations, or kept as text with the reason.
import { describe, expect, test } from '@jest/globals';
import { readWaktu } from '../../src/importer/waktu.js';

describe('Given a Waktu cell that is a duration', () => {
  test.each([
    ['15 Menit', 'PT15M'],
    ['15 menit', 'PT15M'],
    ['15 Menit.', 'PT15M'],
    ['15menit', 'PT15M'],
    ['5 mnt', 'PT5M'],
    ['30 detik', 'PT30S'],
    ['1 Jam', 'PT1H'],
    ['2 jam', 'PT2H'],
    ['1 x 24 Jam', 'PT24H'],
    ['2 x 24 jam', 'PT48H'],
    ['1x24 jam', 'PT24H'],
    ['1 hari', 'P1D'],
    ['sehari', 'P1D'],
    ['1 jam 30 menit', 'PT1H30M'],
    ['1,5 jam', 'PT1H30M'],
    ['1.5 Jam', 'PT1H30M'],
    ['1/2 jam', 'PT30M'],
    ['setengah jam', 'PT30M'],
    ['dua hari', 'P2D'],
    ['1 minggu', 'P7D'],
    ['2 bulan', 'P2M'],
    ['1 tahun', 'P1Y'],
    ['Maksimal 2 jam', 'PT2H'],
    ['± 30 menit', 'PT30M'],
    ['kurang lebih 10 menit', 'PT10M'],
    ['PT45M', 'PT45M'],
  ])('when it reads "%s", then it is %s in calendar time', (cell, iso) => {
    expect(readWaktu(cell)).toEqual({ iso, hariKerja: false, problem: null });
  });

  test.each([
    ['1-2 jam', 'PT2H'],
    ['1 - 2 Jam', 'PT2H'],
    ['5-10 menit', 'PT10M'],
    ['5 – 10 menit', 'PT10M'],
    ['3 - 5  Jam', 'PT5H'],
    ['30 menit - 1 jam', 'PT1H'],
    ['1 s.d 2 hari', 'P2D'],
    ['1 s/d 2 hari', 'P2D'],
    ['2 sampai 3 hari', 'P3D'],
  ])('when it is a range "%s", then the upper bound %s is the time standard', (cell, iso) => {
    expect(readWaktu(cell)).toEqual({ iso, hariKerja: false, problem: null });
  });

  test.each([
    ['3 hari kerja', 'P3D'],
    ['3 Hari Kerja', 'P3D'],
    ['1 hari kerja', 'P1D'],
    ['3 HK', 'P3D'],
    ['1-3 hari kerja', 'P3D'],
    ['7 jam kerja', 'PT7H'],
  ])('when it reads "%s" (working time), then it is %s counted in working time', (cell, iso) => {
    expect(readWaktu(cell)).toEqual({ iso, hariKerja: true, problem: null });
  });
});

describe('Given a Waktu cell that is not one duration of the step', () => {
  test.each([
    'Setiap Saat',
    'setiap saat',
    'Sesuai jadwal',
    '1 hari (jika berkas lengkap)',
    'tergantung jumlah berkas',
    '15 menit/berkas',
    '3 hari setelah surat diterima',
    'Menyesuaikan',
    '2-1 jam',
    'jam',
    '0 menit',
  ])('when it reads "%s", then it stays text and is flagged unreadable', (cell) => {
    expect(readWaktu(cell)).toEqual({ iso: null, hariKerja: false, problem: 'waktu-unreadable' });
  });

  test.each([
    ['Paling lambat 17 hari kerja', true],
    ['Selambat-lambatnya 14 hari', false],
    ['Total 5 hari kerja', true],
  ])('when it reads "%s" (a deadline of the whole procedure), then it stays text and is flagged as a total', (cell, kerja) => {
    expect(readWaktu(cell)).toEqual({ iso: null, hariKerja: kerja, problem: 'waktu-total' });
  });

  test.each(['', '   ', '-', '–'])('when it is empty ("%s"), then there is no time and nothing to flag here', (cell) => {
    expect(readWaktu(cell)).toEqual({ iso: null, hariKerja: false, problem: null });
  });
});
