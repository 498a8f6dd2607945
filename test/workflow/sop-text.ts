// Reads the SOP text (fixtures/sop-pendaftaran-akun-ppbj.txt, a verbatim copy of
// shared/sop/sop-pendaftaran-akun-ppbj.txt, the client's SOP in the Permen PANRB 35/2012 format)
// into the identity and the procedure rows that the generated SOP document must reproduce.
import { readFileSync } from 'node:fs';

const TEXT = readFileSync(new URL('./fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8');
const lines = TEXT.split('\n').map((l) => l.replace(/\r$/, ''));

export interface SopTextRow { no: number; uraian: string; requirements: string[]; time: string; output: string; keterangan: string[] }

/** "- a - b" -> [a, b]; "a, b" -> [a, b]; '' -> [] */
function items(cell: string): string[] {
  const text = cell.trim();
  if (!text) return [];
  const parts = text.startsWith('- ') ? text.slice(2).split(/\s+-\s+/) : text.split(/,\s+/);
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** The 8 rows of the procedure table: No. | Uraian | PPBJ | Admin PPE | Persyaratan | Waktu | Output | Keterangan */
export function sopTextRows(): SopTextRow[] {
  return lines
    .filter((l) => /^\d+\.\t/.test(l))
    .map((l) => {
      const c = l.split('\t');
      return { no: Number.parseInt(c[0]!, 10), uraian: c[1]!.trim(), requirements: items(c[4] ?? ''), time: (c[5] ?? '').trim(), output: (c[6] ?? '').trim(), keterangan: items(c[7] ?? '') };
    });
}

const after = (label: RegExp): string => (lines.find((l) => label.test(l)) ?? '').replace(label, '').replace(/^\s*:?\s*/, '').trim();
/** Numbered items "1. a 2. b" on one line, or one item per line after a heading. */
const numbered = (text: string): string[] => text.split(/\s*\d+\.\s+/).map((s) => s.trim()).filter(Boolean);
const section = (heading: string): string[] => {
  const start = lines.findIndex((l) => l.includes(`**${heading}**`));
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('**') || /^[A-Z ]+\t/.test(l)) break;
    if (l.trim()) out.push(l.trim());
  }
  return out;
};

export function sopTextIdentity() {
  const disahkan = after(/^DISAHKAN OLEH/).replace(/<\/?[pb]>/g, ' ').replace(/\s+/g, ' ').trim();
  const [peringatan = '', pencatatan = ''] = (lines[lines.findIndex((l) => l.startsWith('PERINGATAN')) + 1] ?? '').split('\t');
  return {
    tanggalPembuatan: after(/^TGL\. PEMBUATAN/),
    tanggalEfektif: after(/^TGL\. EFEKTIF/),
    namaSop: after(/^NAMA SOP/),
    disahkan,
    dasarHukum: section('DASAR HUKUM').map((l) => l.replace(/^\d+\.\s*/, '').replace(/[;.]$/, '')),
    kualifikasiPelaksana: section('KUALIFIKASI PELAKSANA'),
    peralatan: numbered(lines[lines.findIndex((l) => l.startsWith('KETERKAITAN')) + 1] ?? ''),
    peringatan: numbered(peringatan),
    pencatatan: [pencatatan.trim()].filter(Boolean),
  };
}
