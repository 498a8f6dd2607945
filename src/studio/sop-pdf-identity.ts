// Page 1 of the SOP PDF: the Bagian Identitas (Permen PANRB 35/2012).
import type { SopIdentity } from '../workflow/index.js';
import { sopDate, sopRevision, type SopVersion } from './sop-format.js';
import { cell, numbered, textHeight, type CellText, type Doc } from './sop-pdf-kit.js';

export function drawIdentity(doc: Doc, identity: SopIdentity, version: SopVersion, x0: number, y0: number, width: number): void {
  const left = width * 0.42;
  const label = 110;
  const value = width - left - label;
  const rows: Array<[string, CellText[]]> = [
    ['NOMOR SOP', [{ text: identity.nomor }]],
    ['TGL. PEMBUATAN', [{ text: sopDate(identity.tanggalPembuatan) }]],
    ['TGL. REVISI', [{ text: sopRevision(version) }]],
    ['TGL. EFEKTIF', [{ text: sopDate(identity.tanggalEfektif) }]],
    ['DISAHKAN OLEH', [
      { text: `${identity.disahkan.jabatan},`, bold: true }, { text: ' \n \n ' },
      { text: identity.disahkan.nama, bold: true }, { text: identity.disahkan.pangkat },
      { text: identity.disahkan.nip ? `NIP. ${identity.disahkan.nip}` : '' },
    ]],
    ['NAMA SOP', [{ text: identity.namaSop, bold: true }]],
  ];
  let y = y0;
  const heights = rows.map(([, parts]) => Math.max(20, textHeight(doc, value, parts)));
  const total = heights.reduce((a, b) => a + b, 0);
  cell(doc, x0, y0, left, total, [
    { text: identity.instansi, bold: true, align: 'center', size: 11 },
    { text: identity.satuanKerja, bold: true, align: 'center', size: 11 },
  ], true);
  rows.forEach(([name, parts], i) => {
    cell(doc, x0 + left, y, label, heights[i]!, [{ text: name, bold: true }]);
    cell(doc, x0 + left + label, y, value, heights[i]!, parts);
    y += heights[i]!;
  });

  const half = width / 2;
  const pairs: Array<[string, string[], string, string[]]> = [
    ['DASAR HUKUM', identity.dasarHukum, 'KUALIFIKASI PELAKSANA', identity.kualifikasiPelaksana],
    ['KETERKAITAN', identity.keterkaitan, 'PERALATAN/PERLENGKAPAN', identity.peralatan],
    ['PERINGATAN', identity.peringatan, 'PENCATATAN DAN PENDATAAN', identity.pencatatan],
  ];
  for (const [l, lItems, r, rItems] of pairs) {
    cell(doc, x0, y, half, 16, [{ text: l, bold: true }]);
    cell(doc, x0 + half, y, half, 16, [{ text: r, bold: true }]);
    y += 16;
    const h = Math.max(22, textHeight(doc, half, [{ text: numbered(lItems) }]), textHeight(doc, half, [{ text: numbered(rItems) }]));
    cell(doc, x0, y, half, h, [{ text: numbered(lItems) }]);
    cell(doc, x0 + half, y, half, h, [{ text: numbered(rItems) }]);
    y += h;
  }
}
