// Data a PPBJ types in, and a small but well-formed PDF (correct xref offsets) for the SK upload.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDENTITY as BASE_IDENTITY, INFORMATION as BASE_INFORMATION } from '../helpers/ppbj.js';

let counter = 0;
export function newApplicant(tag: string) {
  counter += 1;
  return {
    displayName: `Siti Rahmawati ${tag}${counter}`,
    email: `siti.${tag}${counter}.${Date.now()}@kalbarprov.go.id`,
    whatsapp: '081234567890',
    password: 'kata-sandi-rahasia-1',
  };
}
export type Applicant = ReturnType<typeof newApplicant>;

/** What the PPBJ types on the identity form (e-mail and WhatsApp are pre-filled from Daftar). */
const { email: _email, whatsapp: _whatsapp, ...typed } = BASE_IDENTITY;
export const IDENTITY = typed;
export const INFORMATION = BASE_INFORMATION;
export const CORRECTED_SK = '027/124/BPBJ/2026';
export const RETURN_REASON = 'SK tidak terbaca, mohon pindai ulang.';

/** A one-page PDF with a line of text, built with a valid cross-reference table. */
export function makePdf(text = 'Surat Keputusan Pengangkatan PPBJ'): Buffer {
  const stream = `BT /F1 14 Tf 40 150 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 200]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>',
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Writes the PDF to a new temp folder and returns its path. */
export function writeTempPdf(name = 'sk-pengangkatan.pdf', text?: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'alur-pdf-')), name);
  writeFileSync(path, makePdf(text));
  return path;
}
