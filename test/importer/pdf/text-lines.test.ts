// Cell texts: lines joined as a reader reads them, lists split on their markers.
import { describe, expect, test } from '@jest/globals';
import { isBlankMark, joinLines, linesOf, listItems, listItemsOf } from '../../../src/importer/pdf/text-lines.js';
import type { TextPiece } from '../../../src/importer/pdf/page-content.js';

const piece = (str: string, x0: number, base: number, width = str.length * 4): TextPiece => ({ str, x0, x1: x0 + width, base, top: base - 6.4, bottom: base + 1.6, size: 8 });

describe('Given the lines of a cell', () => {
  test('when they are joined, then hyphenated words, words broken after a slash and wrapped links are mended', () => {
    expect(joinLines(['Peraturan tentang penye-', 'lenggaraan statistik'])).toBe('Peraturan tentang penyelenggaraan statistik');
    expect(joinLines(['Peraturan Pelaksanaan Undang-', 'Undang Nomor 43'])).toBe('Peraturan Pelaksanaan Undang-Undang Nomor 43');
    expect(joinLines(['Wilayah/', 'Provinsi'])).toBe('Wilayah/Provinsi');
    expect(joinLines(['Aplikasi', 'https://perpustakaan.', 'bps.go.id/digilib/librar', 'y/ atau aplikasi'])).toBe('Aplikasi https://perpustakaan.bps.go.id/digilib/library/ atau aplikasi');
    expect(joinLines(['Aplikasi', 'https://pst.bps.go.id/', 'atau aplikasi', 'PSTpuas'])).toBe('Aplikasi https://pst.bps.go.id/ atau aplikasi PSTpuas');
    expect(joinLines(['Surat', '  dikirim   ke  ', '', 'pemohon'])).toBe('Surat dikirim ke pemohon');
  });

  test('when a cell is a list, then it splits on numbers, letters and bullets, the text before the first marker an item of its own', () => {
    expect(listItems(['Surat Permohonan dengan memuat data :', 'a. seluruh data pada butir (2);', 'b. Nilai Limit', 'Penjualan BMN;', 'c. surat pernyataan.'])).toEqual([
      'Surat Permohonan dengan memuat data :',
      'seluruh data pada butir (2);',
      'Nilai Limit Penjualan BMN;',
      'surat pernyataan.',
    ]);
    expect(listItems(['- Tujuan surat harus jelas', '- Ketidakjelasan alamat'])).toEqual(['Tujuan surat harus jelas', 'Ketidakjelasan alamat']);
    expect(listItems(['Undangan;', 'Dokumen Pemilihan.'])).toEqual(['Undangan;', 'Dokumen Pemilihan.']);
    expect(listItems(['Data Aplikasi', 'Gaji Web'])).toEqual(['Data Aplikasi Gaji Web']);
  });

  test('when a numbered list is laid out in two columns, then its items come back in number order', () => {
    expect(listItems(['1. Alat Tulis 5. Jaringan Internet', '2. Cap Kantor 6. Aplikasi perkantoran', '3. PC/Laptop', '4. Printer'])).toEqual([
      'Alat Tulis', 'Cap Kantor', 'PC/Laptop', 'Printer', 'Jaringan Internet', 'Aplikasi perkantoran',
    ]);
  });

  test('when the numbers stand in a column of their own, centred on their items, then each number keeps its own lines', () => {
    // Given item 1 on one line, item 2 on two lines with its number between them, item 3 under a number printed above it
    const pieces = [
      piece('1.', 0, 100, 6), piece('Undang-Undang Nomor 16 Tahun 1997;', 20, 100),
      piece('Peraturan Pemerintah Nomor 28 Tahun 2012 tentang', 20, 110), piece('2.', 0, 115, 6), piece('Kearsipan;', 20, 120),
      piece('3,', 0, 130, 6), piece('Peraturan Presiden Nomor 86 Tahun 2007.', 20, 140),
    ];
    // When / Then
    expect(listItemsOf(pieces)).toEqual(['Undang-Undang Nomor 16 Tahun 1997;', 'Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Kearsipan;', 'Peraturan Presiden Nomor 86 Tahun 2007.']);
    expect(listItems(['1, Undang-Undang Nomor 16', '2. Peraturan Pemerintah'])).toEqual(['Undang-Undang Nomor 16', 'Peraturan Pemerintah']);
  });

  test('when a cell holds only a dash, then it says nothing', () => {
    expect(isBlankMark(' - ')).toBe(true);
    expect(listItems(['-'])).toEqual([]);
    expect(isBlankMark('1 - 2 hari')).toBe(false);
  });

  test('when pieces of text are put in lines, then pieces side by side join with a space only across a gap', () => {
    // Given "SOP-25" + "2" + "/17000/2025" written as three pieces without gaps, and two words with one
    const lines = linesOf([piece('/17000/2025', 28.4, 100), piece('SOP-25', 0, 100, 24), piece('2', 24.1, 100, 4.2), piece('Kepala', 0, 112, 24), piece('Bagian', 27, 112)]);
    expect(lines.map((l) => l.text)).toEqual(['SOP-252/17000/2025', 'Kepala Bagian']);
  });
});
