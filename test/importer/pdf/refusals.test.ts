// The PDF reader refuses what it cannot read, with the reason: a scan, a locked or broken file, too
// many pages, a document that is no SOP, a table whose columns are not the SOP format's.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { readSopPdf } from '../../../src/importer/pdf/read-pdf.js';
import { ImportRefusedError, type ImportRefusal } from '../../../src/importer/types.js';
import { drawSop } from './draw-sop.js';

function pdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  draw(doc);
  doc.end();
  return done;
}

async function refusal(bytes: Uint8Array, limits?: { maxPages?: number }): Promise<ImportRefusal | 'read'> {
  try {
    await readSopPdf(bytes, limits);
    return 'read';
  } catch (e) {
    if (e instanceof ImportRefusedError) return e.code;
    throw e;
  }
}

const STAMP = '* Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN';
const LETTER = Array.from({ length: 12 }, (_, i) => `Paragraf ${i + 1}: dengan hormat, bersama surat ini kami sampaikan undangan rapat koordinasi pelaksanaan kegiatan tahun anggaran berjalan.`).join('\n');

describe('Given a PDF the reader cannot turn into an SOP table', () => {
  test('when no page has any text (a scan), then it is refused as scanned', async () => {
    expect(await refusal(await pdf((doc) => doc.rect(50, 50, 400, 600).fill('#777777')))).toBe('scanned');
  });

  test('when the only text is an electronic-signature stamp under a scanned page, then it is still a scan', async () => {
    const bytes = await pdf((doc) => {
      doc.rect(40, 40, 500, 700).fill('#999999');
      doc.fillColor('#000000').fontSize(6).text(STAMP, 40, 800);
    });
    expect(await refusal(bytes)).toBe('scanned');
  });

  test('when the file needs a password, then it is refused as encrypted', async () => {
    const bytes = await pdf((doc) => doc.text('Rahasia'), { userPassword: 'rahasia', ownerPassword: 'pemilik' });
    expect(await refusal(bytes)).toBe('encrypted');
  });

  test('when the bytes are not a PDF, then it is refused as broken', async () => {
    expect(await refusal(new TextEncoder().encode('No | Kegiatan | Pelaksana\n1 | Membuat surat | Tim'))).toBe('broken');
  });

  test('when the document has more pages than allowed, then it is refused before it is read', async () => {
    const bytes = await pdf((doc) => {
      doc.text('satu');
      doc.addPage().text('dua');
      doc.addPage().text('tiga');
    });
    expect(await refusal(bytes, { maxPages: 2 })).toBe('too-many-pages');
    expect(await refusal(bytes, { maxPages: 3 })).not.toBe('too-many-pages');
  });

  test('when the document is a letter with no SOP table, then it is refused as not an SOP', async () => {
    expect(await refusal(await pdf((doc) => doc.fontSize(10).text(LETTER, 50, 50)))).toBe('not-sop');
  });

  test('when the table has SOP header words but no Pelaksana columns, then its headers are refused as unknown', async () => {
    // Given No | Kegiatan | Waktu | Output: every column named, none left for an actor
    const bytes = await drawSop({
      columns: [
        { header: 'No', width: 30 },
        { header: 'Kegiatan', width: 200 },
        { header: 'Waktu', width: 60 },
        { header: 'Output', width: 120 },
      ],
      rows: [{ no: '1', cells: { Kegiatan: 'Membuat surat', Waktu: '1 jam', Output: 'Surat' } }],
      shapes: [],
      arrows: [],
    });
    expect(await refusal(bytes)).toBe('unknown-headers');
  });

  test('when a published sample is cut in half, then it is refused or read, never a crash', async () => {
    const whole = readFileSync(new URL('../fixtures/bps-bengkulu/027-pengiriman-surat-dinas.pdf', import.meta.url));
    const half = new Uint8Array(whole.subarray(0, whole.length >> 1));
    expect(['broken', 'scanned', 'not-sop', 'read']).toContain(await refusal(half));
  });
});

describe('Given a PDF whose chart area is no flowchart', () => {
  test('when thousands of strokes fill the Pelaksana columns, then it is refused as too large instead of being traced', async () => {
    // Given an SOP table whose actor columns are hatched with 4,000 short strokes
    const bytes = await drawSop({
      columns: [
        { header: 'No', width: 30 },
        { header: 'Kegiatan', width: 150 },
        { header: 'Petugas', width: 200, group: 'Pelaksana' },
        { header: 'Waktu', width: 60, group: 'Mutu Baku' },
      ],
      rows: [{ no: '1', cells: { Kegiatan: 'Membuat surat', Waktu: '1 jam' }, height: 300 }],
      shapes: [],
      arrows: [],
      extra: (doc) => {
        for (let i = 0; i < 4000; i++) doc.moveTo(230 + (i % 190), 110 + Math.floor(i / 190) * 13).lineTo(232 + (i % 190), 118 + Math.floor(i / 190) * 13);
        doc.stroke();
      },
    });
    // When / Then
    expect(await refusal(bytes)).toBe('too-large');
  });
});
