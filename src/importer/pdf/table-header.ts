// Finds the procedure table's header on a page and reads its columns: the x-range of each column from
// the ruling lines (or the header words when the table has none) and its role from the header words
// (No, Kegiatan, the Pelaksana actors, Kelengkapan/Persyaratan/Input, Waktu, Output, Keterangan).
import type { TextPiece } from './page-content.js';
import { horizontalsAcross, mergePositions, verticalsAt, type Rule } from './rules.js';
import { joinLines, linesOf } from './text-lines.js';

export type ColumnRole = 'no' | 'kegiatan' | 'actor' | 'persyaratan' | 'waktu' | 'output' | 'keterangan' | 'ignored';

export interface TableColumn {
  x0: number;
  x1: number;
  role: ColumnRole;
  /** the column's own header words (lines joined), without the group above it */
  header: string;
}

export interface TableHeader {
  /** top of the header (the table's top border when drawn) and its bottom (the first body row starts there) */
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  columns: TableColumn[];
  /** header words of columns the importer does not know and leaves out */
  ignored: string[];
}

export const normHeader = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .replace(/[\s:./]+$/, '')
    .trim();

const ROLE_WORDS: Array<[Exclude<ColumnRole, 'actor' | 'ignored'>, RegExp]> = [
  ['no', /^(no|nomor|no urut|#)$/],
  ['waktu', /^(waktu|durasi|lama)( \S+)?$/],
  ['output', /^(output|keluaran|hasil)( ?\/ ?\S+)?$/],
  ['keterangan', /^(keterangan|ket|catatan)$/],
  ['persyaratan', /^((persyaratan|kelengkapan|perlengkapan|input|syarat|masukan)( ?\/ ?| dan | & | )?)+$/],
  ['kegiatan', /^((uraian|kegiatan|aktivitas|aktifitas|prosedur|langkah|proses)( ?\/ ?| )?)+$/],
];
const PELAKSANA = /^pelaksana$/;
const MUTU_BAKU = /^mutu b[au]ku$/;
const NUMBERING = /^\(?\d{1,2}\)?$/;
const BODY_NO = /^\d{1,3}[.)]?$/;

export function roleOf(header: string): Exclude<ColumnRole, 'actor' | 'ignored'> | null {
  const h = normHeader(header);
  if (!h || h.split(' ').length > 5) return null;
  return ROLE_WORDS.find(([, re]) => re.test(h))?.[0] ?? null;
}

/** Text pieces merged into phrases: pieces on one line closer than a wide word gap. */
export function phrasesOf(pieces: readonly TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  for (const p of sorted) {
    const last = out[out.length - 1];
    const gap = last ? p.x0 - last.x1 : 0;
    if (last && Math.abs(last.base - p.base) < 0.3 * p.size && gap < 0.7 * p.size && p.x0 >= last.x0) {
      const space = gap > 0.12 * p.size && !/\s$/.test(last.str) && !/^\s/.test(p.str) ? ' ' : '';
      out[out.length - 1] = { ...last, str: last.str + space + p.str, x1: Math.max(last.x1, p.x1), top: Math.min(last.top, p.top), bottom: Math.max(last.bottom, p.bottom) };
    } else {
      out.push({ ...p });
    }
  }
  return out.map((p) => ({ ...p, str: p.str.replace(/\s+/g, ' ').trim() }));
}

const isKegiatanWord = (p: TextPiece): boolean => roleOf(p.str) === 'kegiatan';
const isOtherHeaderWord = (p: TextPiece): boolean => {
  const h = normHeader(p.str);
  const role = roleOf(p.str);
  return PELAKSANA.test(h) || MUTU_BAKU.test(h) || role === 'waktu' || role === 'output' || role === 'persyaratan';
};

/** Does the page hold the words of an SOP table header? (text only; used before reading the drawing) */
export function hasHeaderWords(pieces: readonly TextPiece[]): boolean {
  return findAnchor(phrasesOf(pieces.filter((p) => !p.rotated))) !== null;
}

function findAnchor(phrases: readonly TextPiece[]): { anchor: TextPiece; band: TextPiece[] } | null {
  for (const anchor of phrases.filter(isKegiatanWord).sort((a, b) => a.top - b.top)) {
    const band = phrases.filter((p) => p.bottom >= anchor.top - 40 && p.top <= anchor.bottom + 40);
    if (band.some((p) => p !== anchor && isOtherHeaderWord(p))) return { anchor, band };
  }
  return null;
}

/** The table header on this page, 'unknown' when header words are there but the columns cannot be read, or null. */
export function findHeader(allPieces: readonly TextPiece[], rules: readonly Rule[]): TableHeader | 'unknown' | null {
  const pieces = allPieces.filter((p) => !p.rotated);
  const phrases = phrasesOf(pieces);
  const found = findAnchor(phrases);
  if (!found) return null;
  const { anchor } = found;
  const midY = (anchor.top + anchor.bottom) / 2;
  const crossing = verticalsAt(rules, midY);
  const x0 = crossing.length >= 3 ? crossing[0]! : Math.min(...found.band.map((p) => p.x0)) - 4;
  const x1 = crossing.length >= 3 ? crossing[crossing.length - 1]! : Math.max(...found.band.map((p) => p.x1)) + 4;
  const full = horizontalsAcross(rules, x0 + 0.1 * (x1 - x0), x1 - 0.1 * (x1 - x0));
  // header words end at the first rule across the table under the Kegiatan header (body words below it)
  const limit = full.find((y) => y > anchor.bottom) ?? Infinity;
  const known = found.band.filter((p) => (roleOf(p.str) || isOtherHeaderWord(p)) && p.bottom <= limit + 1);
  const knownTop = Math.min(...known.map((p) => p.top));
  const knownBottom = Math.max(...known.map((p) => p.bottom));
  const top = [...full].reverse().find((y) => y <= knownTop + 1 && y >= knownTop - 60) ?? knownTop - 2;
  let bottom = full.find((y) => y >= knownBottom - 1) ?? knownBottom + 2;
  const subLevelY = bottom - 2;
  const next = full.find((y) => y > bottom + 2);
  const between = phrases.filter((p) => p.top >= bottom - 1 && p.bottom <= (next ?? bottom + 3 * anchor.size) + 1 && p.x0 >= x0 - 2 && p.x1 <= x1 + 2);
  if (between.length >= 3 && between.every((p) => p.str.split(' ').every((w) => NUMBERING.test(w)))) {
    bottom = next ?? Math.max(...between.map((p) => p.bottom)) + 1; // the "(1) (2) (3)" row under the header
  }
  const inHeader = allPieces.filter((p) => p.top >= top - 1 && p.bottom <= bottom + 1 && !NUMBERING.test(p.str.trim()));
  const xs = verticalsAt(rules, subLevelY).filter((x) => x >= x0 - 2 && x <= x1 + 2);
  const body = pieces.filter((p) => p.top > bottom && p.top < bottom + 300 && p.x0 >= x0 - 2 && p.x1 <= x1 + 2);
  const bounds = xs.length >= 3 ? mergePositions([x0, ...xs, x1]) : textBounds(inHeader, body, x0, x1);
  const headed = bounds.slice(1).map((b, i) => headerColumn(bounds[i]!, b, inHeader, rules, top, subLevelY)).filter((c) => c.x1 - c.x0 >= 4);
  // body rules start at the header's bottom edge (a connector crossing there starts lower, at its symbol)
  const bodyXs = mergePositions(rules.filter((r) => r.orient === 'v' && r.from <= bottom + 2 && r.from >= bottom - 3 && r.to >= bottom + 8).map((r) => r.at));
  const columns = splitByBodyRules(headed, bodyXs, pieces, bottom);
  const header = assignRoles(columns, pieces, bottom);
  return header ? { top, bottom, x0, x1, columns: header.columns, ignored: header.ignored } : 'unknown';
}

interface DraftColumn extends TableColumn {
  group: string;
}

function headerColumn(cx0: number, cx1: number, inHeader: readonly TextPiece[], rules: readonly Rule[], top: number, subLevelY: number): DraftColumn {
  const mid = (cx0 + cx1) / 2;
  // the column's own cell starts under the lowest rule above it inside the header (a group's underline)
  const cellTop = rules
    .filter((r) => r.orient === 'h' && r.at > top + 2 && r.at < subLevelY - 2 && r.from <= mid && r.to >= mid)
    .reduce((y, r) => Math.max(y, r.at), top - 1);
  const inColumn = (p: TextPiece): boolean => {
    const cx = (p.x0 + p.x1) / 2;
    return cx >= cx0 && cx <= cx1;
  };
  const own = inHeader.filter((p) => p.top >= cellTop - 1 && inColumn(p));
  const group = inHeader.filter((p) => !p.rotated && p.bottom <= cellTop + 1 && p.x1 >= cx0 - 40 && p.x0 <= cx1 + 40);
  // a header turned a quarter reads across its lines left to right (bottom-to-top writing)
  const turned = own.filter((p) => p.rotated).sort((a, b) => a.x0 - b.x0);
  let header = joinLines([...linesOf(own.filter((p) => !p.rotated)).map((l) => l.text), ...turned.map((p) => p.str)]);
  if (cellTop <= top) header = stripGroupWords(header);
  const groupText = joinLines(linesOf(group).map((l) => l.text));
  // an empty cell under a header of its own ("Ket" over a blank second header row)
  if (!header && roleOf(groupText)) header = groupText;
  return { x0: cx0, x1: cx1, role: 'ignored', header, group: groupText };
}

/**
 * A header cell over two body columns ("Uraian Prosedur" over the number and the text): the body's rules
 * split it; the part holding only numbers is the No column, the widest other part keeps the header.
 */
function splitByBodyRules(columns: DraftColumn[], bodyXs: readonly number[], pieces: readonly TextPiece[], bottom: number): DraftColumn[] {
  return columns.flatMap((c) => {
    const inner = bodyXs.filter((x) => x > c.x0 + 3 && x < c.x1 - 3);
    if (!inner.length) return [c];
    const edges = [c.x0, ...inner, c.x1];
    const parts = edges.slice(1).map((x, i): DraftColumn => ({ ...c, x0: edges[i]!, x1: x, header: '' }));
    const widest = parts.reduce((a, b) => (b.x1 - b.x0 > a.x1 - a.x0 ? b : a));
    for (const part of parts) {
      if (part === widest) part.header = c.header;
      else if (numbersBelow(part, pieces, bottom)) part.header = 'No';
    }
    return parts;
  });
}

function stripGroupWords(header: string): string {
  const h = header.replace(/\bpelaksana\b/i, '').replace(/\bmutu\s+b[au]ku\b/i, '').trim();
  return h || header;
}

/**
 * Column boundaries from the words when no vertical rules are drawn: between two headers, in the widest
 * stretch no body text crosses (a centred header is narrower than its column, body text starts at its left).
 */
function textBounds(inHeader: readonly TextPiece[], body: readonly TextPiece[], x0: number, x1: number): number[] {
  const spans = inHeader
    .filter((p) => !PELAKSANA.test(normHeader(p.str)) && !MUTU_BAKU.test(normHeader(p.str)))
    .map((p) => [p.x0, p.x1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 2) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  return [x0, ...merged.slice(1).map((s, i) => clearest(merged[i]![1], s[0], body)), x1];
}

function clearest(from: number, to: number, body: readonly TextPiece[]): number {
  const covered = body.filter((p) => p.x1 > from && p.x0 < to).map((p) => [Math.max(from, p.x0), Math.min(to, p.x1)] as [number, number]);
  covered.sort((a, b) => a[0] - b[0]);
  let best: [number, number] = [from, from];
  let cursor = from;
  for (const [a, b] of [...covered, [to, to] as [number, number]]) {
    if (a - cursor > best[1] - best[0]) best = [cursor, a];
    cursor = Math.max(cursor, b);
  }
  return best[1] > best[0] ? (best[0] + best[1]) / 2 : (from + to) / 2;
}

function assignRoles(columns: DraftColumn[], pieces: readonly TextPiece[], bottom: number): { columns: TableColumn[]; ignored: string[] } | null {
  const seen = new Set<ColumnRole>();
  const roles: Array<ColumnRole | null> = columns.map((c) => {
    const role = roleOf(c.header) ?? (c.header === '' && numbersBelow(c, pieces, bottom) ? 'no' : null);
    if (!role || seen.has(role)) return role && seen.has(role) ? 'ignored' : null;
    seen.add(role);
    return role;
  });
  const kegiatan = roles.indexOf('kegiatan');
  if (kegiatan < 0) return null;
  // actors: the run of unnamed columns under "Pelaksana", else the first run right of Kegiatan
  const runs: number[][] = [];
  roles.forEach((r, i) => {
    if (r !== null) return;
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) run.push(i);
    else runs.push([i]);
  });
  const underPelaksana = runs.find((run) => run.some((i) => PELAKSANA.test(normHeader(columns[i]!.group)) || /\bpelaksana\b/i.test(columns[i]!.group)));
  const actors = underPelaksana ?? runs.find((run) => run[0]! > kegiatan) ?? runs[0];
  if (!actors?.length) return null;
  const ignored: string[] = [];
  const out = columns.map((c, i): TableColumn => {
    const role: ColumnRole = actors.includes(i) ? 'actor' : (roles[i] ?? 'ignored');
    if (role === 'ignored' && c.header) ignored.push(c.header);
    return { x0: c.x0, x1: c.x1, role, header: c.header };
  });
  return { columns: out, ignored };
}

function numbersBelow(c: TableColumn, pieces: readonly TextPiece[], bottom: number): boolean {
  const below = pieces.filter((p) => p.top > bottom && p.top < bottom + 250 && p.x0 >= c.x0 - 1 && p.x1 <= c.x1 + 1);
  return below.length > 0 && below.every((p) => BODY_NO.test(p.str.trim()));
}
