// The identity block of a pasted SOP (Bagian Identitas): "NOMOR SOP : …", "TGL. PEMBUATAN : 12 APRIL 2021",
// "DISAHKAN OLEH …", "NAMA SOP …", the instansi lines above them, and the sections (Dasar Hukum, Kualifikasi
// Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan), two per line or one.
import type { SopIdentity } from '../../workflow/sop-types.js';
import type { ImportProblem } from '../types.js';
import { collapse, splitItems } from '../items.js';
import { cleanCell } from './text-lines.js';

type ListKey = 'dasarHukum' | 'kualifikasiPelaksana' | 'keterkaitan' | 'peralatan' | 'peringatan' | 'pencatatan';
type FieldKey = 'nomor' | 'tanggalPembuatan' | 'tanggalRevisi' | 'tanggalEfektif' | 'disahkan' | 'namaSop';

const FIELDS: Array<[RegExp, FieldKey]> = [
  [/^nomor sop|^no\.? sop/, 'nomor'],
  [/^(tgl|tanggal)\.? pembuatan/, 'tanggalPembuatan'],
  [/^(tgl|tanggal)\.? revisi/, 'tanggalRevisi'],
  [/^(tgl|tanggal)\.? efektif/, 'tanggalEfektif'],
  [/^disahkan oleh/, 'disahkan'],
  [/^nama sop/, 'namaSop'],
];
const SECTIONS: Array<[RegExp, ListKey]> = [
  [/^dasar hukum$/, 'dasarHukum'],
  [/^kualifikasi pelaksana$/, 'kualifikasiPelaksana'],
  [/^keterkaitan$/, 'keterkaitan'],
  [/^peralatan\/perlengkapan$|^peralatan$|^perlengkapan$/, 'peralatan'],
  [/^peringatan$/, 'peringatan'],
  [/^pencatatan dan pendataan$|^pencatatan( dan)?$/, 'pencatatan'],
];
const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3, march: 3, april: 4, apr: 4,
  mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8, agt: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10, november: 11, nov: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

const label = (text: string): string => text.toLowerCase().replace(/[*:]/g, '').replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').trim();
const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** "12 APRIL 2021", "02 June 2025", "12-04-2021", "2021-04-12" -> YYYY-MM-DD; '' when empty or "-"; null when unreadable. */
export function readDate(text: string): string | null {
  const t = collapse(text).toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t || /^[-–—]+$/.test(t)) return '';
  let m = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!]) return isoDate(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]));
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** "KEPALA BIRO …,</p> <p><b>Drs. NAMA, M.Si</b> Pembina Tingkat I NIP. 1977…" -> jabatan, nama, pangkat, NIP. */
export function readDisahkan(raw: string): SopIdentity['disahkan'] {
  const bold = /<b>([\s\S]*?)<\/b>/i.exec(raw)?.[1];
  const parts = raw.split(/<\/p>|<br\s*\/?>|\n/i).map((p) => collapse(cleanCell(p))).filter(Boolean);
  const text = collapse(cleanCell(raw.replace(/<\/p>|<br\s*\/?>/gi, '\n')).replace(/\n/g, ' '));
  const nipMatch = /\bNIP\.?\s*:?\s*([\d ]{8,30}\d)/i.exec(text);
  const nip = nipMatch ? collapse(nipMatch[1]!) : '';
  const nama = bold ? collapse(cleanCell(bold)) : '';
  const jabatan = (parts[0] ?? '').replace(/\bNIP\b[\s\S]*$/i, '').replace(/[,;]\s*$/, '').trim();
  let rest = nipMatch ? text.slice(0, nipMatch.index) : text;
  rest = rest.replace(parts[0] ?? '', '');
  if (nama) rest = rest.replace(nama, '');
  const pangkat = nama ? collapse(rest.replace(/^[\s,]+|[\s,]+$/g, '')) : '';
  return { jabatan: jabatan === nama ? '' : jabatan, nama, pangkat, nip };
}

export interface IdentityReading { identity: SopIdentity; problems: ImportProblem[] }

/** The identity from the lines before the procedure table (`lines`: raw cells per line). */
export function readIdentity(lines: string[][]): IdentityReading {
  const identity: SopIdentity = {
    instansi: '', satuanKerja: '', nomor: '', tanggalPembuatan: '', tanggalRevisi: '', tanggalEfektif: '', namaSop: '',
    disahkan: { jabatan: '', nama: '', pangkat: '', nip: '' },
    dasarHukum: [], kualifikasiPelaksana: [], keterkaitan: [], peralatan: [], peringatan: [], pencatatan: [],
  };
  const problems: ImportProblem[] = [];
  const heading: string[] = [];
  let fieldsSeen = false;
  let sections: ListKey[] = []; // the sections of the last heading line, one per cell
  const texts = new Map<ListKey, string[]>();
  for (const raw of lines) {
    const cells = raw.map((c) => cleanCell(c));
    const first = label(cells[0] ?? '');
    const field = FIELDS.find(([p]) => p.test(first))?.[1];
    if (field) {
      fieldsSeen = true;
      sections = [];
      const labelEnd = first.match(FIELDS.find(([, f]) => f === field)![0])![0].length;
      const sameCell = collapse((cells[0] ?? '').replace(/\*/g, '')).slice(labelEnd).replace(/^\s*:?\s*/, '');
      const value = collapse([sameCell, ...cells.slice(1)].join(' ')).replace(/^:\s*/, '');
      if (field === 'disahkan') identity.disahkan = readDisahkan([raw.slice(1).join(' '), sameCell].join(' ').replace(/^\s*:\s*/, ''));
      else if (field === 'nomor' || field === 'namaSop') identity[field] = value;
      else {
        const date = readDate(value);
        if (date === null) problems.push({ code: 'identity-date-unreadable', severity: 'warning', row: null, step: '', elementId: null, args: { field, value } });
        identity[field] = date ?? '';
      }
      continue;
    }
    // "DASAR HUKUM : 1. …": a section heading with its first text on the same line
    const inline = /^([^:]{3,40}):\s*(\S[\s\S]*)$/.exec(cells.join(' ').trim());
    const inlineKey = inline ? SECTIONS.find(([p]) => p.test(label(inline[1]!)))?.[1] : undefined;
    if (inline && inlineKey) {
      fieldsSeen = true;
      sections = [inlineKey];
      texts.set(inlineKey, [...(texts.get(inlineKey) ?? []), inline[2]!]);
      continue;
    }
    const filled = cells.map((c) => label(c)).filter(Boolean);
    const headings = filled.map((c) => SECTIONS.find(([p]) => p.test(c))?.[1]);
    if (filled.length && headings.every((h) => h !== undefined)) {
      fieldsSeen = true;
      sections = headings as ListKey[];
      continue;
    }
    if (sections.length) {
      sections.forEach((key, i) => {
        const cell = (sections.length === 1 ? cells.join(' ') : cells[i] ?? '').trim();
        if (cell) texts.set(key, [...(texts.get(key) ?? []), cell]);
      });
    } else if (!fieldsSeen && cells.join(' ').trim()) heading.push(collapse(cells.join(' ')));
  }
  for (const [key, parts] of texts) identity[key] = splitItems(parts.join('\n')).map((t) => t.replace(/;$/, ''));
  identity.instansi = heading[0] ?? '';
  identity.satuanKerja = heading.slice(1).join(' ');
  return { identity, problems };
}
