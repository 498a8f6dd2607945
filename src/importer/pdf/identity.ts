// Reads the SOP identity block (Permen PANRB 35/2012: Nomor SOP, dates, Disahkan Oleh, Nama SOP and
// the six lists) from labelled cells: a short field's value sits right of its label, a list's value
// below it, bounded by the label's cell (ruling lines) and by the next label.
import type { SopIdentity } from '../../workflow/sop-types.js';
import type { ImportProblem } from '../types.js';
import type { TextPiece } from './page-content.js';
import { isPangkat, parseIdDate, parseNip } from './identity-dates.js';
import type { Rule } from './rules.js';
import { phrasesOf } from './table-header.js';
import { joinLines, linesOf, listItems, listItemsOf, type TextLine } from './text-lines.js';

type ListKey = 'dasarHukum' | 'kualifikasiPelaksana' | 'keterkaitan' | 'peralatan' | 'peringatan' | 'pencatatan';
type FieldKey = 'nomor' | 'tanggalPembuatan' | 'tanggalRevisi' | 'tanggalEfektif' | 'disahkan' | 'namaSop';
type LabelKey = ListKey | FieldKey;

const LABELS: Array<[LabelKey, RegExp]> = [
  ['nomor', /^(nomor|no\.?) sop( \S{1,3})?$/],
  ['tanggalPembuatan', /^tanggal (pembuatan|dibuat)$/],
  ['tanggalRevisi', /^tanggal revisi$/],
  ['tanggalEfektif', /^tanggal (efektif|pengesahan|berlaku|penetapan)$/],
  ['disahkan', /^disahkan oleh$/],
  ['namaSop', /^(nama|judul) sop$/],
  ['dasarHukum', /^dasar hukum$/],
  ['kualifikasiPelaksana', /^kualifikasi pelaksana(an)?$/],
  ['keterkaitan', /^keterkaitan$/],
  ['peralatan', /^peralatan( ?\/ ?| dan | & )?(perlengkapan)?$/],
  ['peringatan', /^peringatan$/],
  ['pencatatan', /^pencatatan( dan( pendataan)?)?$/],
];
const LISTS = new Set<LabelKey>(['dasarHukum', 'kualifikasiPelaksana', 'keterkaitan', 'peralatan', 'peringatan', 'pencatatan']);

const normLabel = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\btgl\b\.?/g, 'tanggal')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Label {
  key: LabelKey;
  piece: TextPiece;
  /** text after a ':' on the label's own phrase ("Nomor SOP : SOP-1/2025") */
  rest: string;
}

export function emptyIdentity(): SopIdentity {
  return {
    instansi: '', satuanKerja: '', nomor: '', tanggalPembuatan: '', tanggalRevisi: '', tanggalEfektif: '', namaSop: '',
    disahkan: { jabatan: '', nama: '', pangkat: '', nip: '' },
    dasarHukum: [], kualifikasiPelaksana: [], keterkaitan: [], peralatan: [], peringatan: [], pencatatan: [],
  };
}

function findLabels(phrases: readonly TextPiece[]): Label[] {
  const out: Label[] = [];
  for (const piece of phrases) {
    const [head, ...tail] = piece.str.split(':');
    const key = LABELS.find(([, re]) => re.test(normLabel(head ?? '')))?.[0];
    if (key && !out.some((l) => l.key === key)) out.push({ key, piece, rest: tail.join(':').trim() });
  }
  return out;
}

/** Fills `identity` from one page's identity region; returns what it could not read. */
export function readIdentity(pieces: readonly TextPiece[], rules: readonly Rule[], identity: SopIdentity, bottom: number): ImportProblem[] {
  const phrases = phrasesOf(pieces.filter((p) => p.bottom <= bottom + 1));
  const labels = findLabels(phrases);
  const problems: ImportProblem[] = [];
  const inLabel = (p: TextPiece): boolean =>
    labels.some((l) => p.x0 >= l.piece.x0 - 0.5 && p.x1 <= l.piece.x1 + 0.5 && Math.abs(p.base - l.piece.base) < 0.3 * p.size);
  const values = pieces.filter((p) => p.bottom <= bottom + 1 && !inLabel(p) && p.str.trim() !== ':');
  for (const label of labels) {
    const region = regionOf(label, labels, rules, bottom);
    // NOTE: by the text's middle: a last line printed half over the next cell (hidden under it) still counts
    const valuePieces = values.filter((p) => p.x0 >= region.x0 - 1 && p.x0 < region.x1 - 2 && p.top >= region.y0 - 1 && (p.top + p.bottom) / 2 <= region.y1 + 1);
    if (LISTS.has(label.key) && !label.rest) {
      identity[label.key as ListKey] = listItemsOf(valuePieces.filter((p) => p.str.trim() !== ':'));
      continue;
    }
    const lines = linesOf(valuePieces).map((l) => ({ ...l, text: l.text.replace(/^:\s*/, '') }));
    if (label.rest) lines.unshift({ ...lineOf(label.piece), text: label.rest });
    applyValue(label.key, lines, identity, problems);
  }
  readHeading(phrases, labels, identity);
  return problems;
}

const lineOf = (p: TextPiece): TextLine => ({ text: p.str, x0: p.x0, x1: p.x1, top: p.top, bottom: p.bottom, size: p.size });

/** The box a label's value lies in. */
function regionOf(label: Label, labels: readonly Label[], rules: readonly Rule[], bottom: number): { x0: number; x1: number; y0: number; y1: number } {
  const p = label.piece;
  const mid = (p.top + p.bottom) / 2;
  const others = labels.filter((l) => l !== label).map((l) => l.piece);
  const rightLabel = others.filter((o) => Math.abs(o.top - p.top) < p.size && o.x0 > p.x1).reduce((x, o) => Math.min(x, o.x0), Infinity);
  const verticals = rules.filter((r) => r.orient === 'v' && r.from <= mid + 1 && r.to >= mid - 1).map((r) => r.at);
  const cellLeft = verticals.filter((x) => x <= p.x0 + 1).reduce((a, x) => Math.max(a, x), -Infinity);
  const cellRight = verticals.filter((x) => x >= p.x1 - 1).reduce((a, x) => Math.min(a, x), Infinity);
  const isList = LISTS.has(label.key);
  const x0 = isList ? (Number.isFinite(cellLeft) ? cellLeft : p.x0 - 10) : p.x1 + 1;
  const x1 = Math.min(isList ? cellRight : Infinity, rightLabel - 2);
  // the next label under this one in the same cell column ends the value
  const nextBelow = others
    .filter((o) => o.top > p.top + 0.5 * p.size && (o.x0 < x1 || o.x0 < p.x1) && o.x1 > (isList ? x0 : p.x0 - 20))
    .reduce((y, o) => Math.min(y, o.top), Infinity);
  if (!isList) return { x0, x1, y0: p.top - 0.3 * p.size, y1: Math.min(nextBelow - 1, bottom) };
  const probe = (x0 + Math.min(x1, x0 + 400)) / 2;
  const frameBottom = rules.filter((r) => r.orient === 'h' && r.at > p.bottom && r.from <= probe && r.to >= probe).reduce((y, r) => Math.max(y, r.at), -Infinity);
  return { x0, x1, y0: p.top, y1: Math.min(nextBelow - 1, Number.isFinite(frameBottom) ? frameBottom : bottom, bottom) };
}

function applyValue(key: LabelKey, lines: TextLine[], identity: SopIdentity, problems: ImportProblem[]): void {
  const texts = lines.map((l) => l.text).filter(Boolean);
  if (LISTS.has(key)) {
    identity[key as ListKey] = listItems(texts);
    return;
  }
  if (key === 'disahkan') {
    readDisahkan(lines, identity);
    return;
  }
  const value = joinLines(texts);
  if (key === 'tanggalPembuatan' || key === 'tanggalRevisi' || key === 'tanggalEfektif') {
    const date = parseIdDate(value);
    identity[key] = date ?? '';
    if (date === null) problems.push({ code: 'identity-date-unreadable', severity: 'warning', row: null, step: '', elementId: null, args: { field: key, value } });
    return;
  }
  if (key === 'nomor' || key === 'namaSop') identity[key] = value;
}

function readDisahkan(lines: readonly TextLine[], identity: SopIdentity): void {
  const rest: TextLine[] = [];
  for (const line of lines) {
    const nip = parseNip(line.text);
    if (nip) identity.disahkan.nip = nip;
    else if (isPangkat(line.text)) identity.disahkan.pangkat = line.text;
    else rest.push(line);
  }
  if (!rest.length) return;
  // the jabatan comes first; the name is the last paragraph (after the signature or QR code gap)
  const paragraphs: TextLine[][] = [];
  rest.forEach((line, i) => {
    const prev = rest[i - 1];
    if (prev && line.top - prev.bottom < 0.9 * line.size) paragraphs[paragraphs.length - 1]!.push(line);
    else paragraphs.push([line]);
  });
  if (paragraphs.length === 1) {
    const only = paragraphs[0]!;
    identity.disahkan.jabatan = joinLines(only.slice(0, only.length > 1 ? -1 : undefined).map((l) => l.text));
    if (only.length > 1) identity.disahkan.nama = only[only.length - 1]!.text;
    return;
  }
  identity.disahkan.nama = joinLines(paragraphs[paragraphs.length - 1]!.map((l) => l.text));
  identity.disahkan.jabatan = joinLines(paragraphs.slice(0, -1).flat().map((l) => l.text));
}

/** Instansi and unit: the heading left of the Nomor SOP label, above the first list label. */
function readHeading(phrases: readonly TextPiece[], labels: readonly Label[], identity: SopIdentity): void {
  const nomor = labels.find((l) => l.key === 'nomor')?.piece;
  if (!nomor || identity.instansi) return;
  const firstList = labels.filter((l) => LISTS.has(l.key)).reduce((y, l) => Math.min(y, l.piece.top), Infinity);
  const heading = linesOf(phrases.filter((p) => p.x1 < nomor.x0 - 4 && p.bottom < firstList && p.top > nomor.top - 40));
  if (!heading.length) return;
  const paragraphs: TextLine[][] = [];
  heading.forEach((line, i) => {
    const prev = heading[i - 1];
    if (prev && line.top - prev.bottom < 0.7 * line.size && Math.abs(line.size - prev.size) < 1.5) paragraphs[paragraphs.length - 1]!.push(line);
    else paragraphs.push([line]);
  });
  identity.instansi = joinLines(paragraphs[0]!.map((l) => l.text));
  identity.satuanKerja = joinLines(paragraphs.slice(1).flat().map((l) => l.text));
}
