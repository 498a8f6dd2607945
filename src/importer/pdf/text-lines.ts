// Text of a table cell or identity field: pieces to lines (left to right, top to bottom), lines to
// one string (hyphenation and split links mended) or to list items (split on numbering and bullets).
import type { TextPiece } from './page-content.js';

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

/** Groups pieces whose vertical centres align into lines, top to bottom. */
export function linesOf(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: TextPiece[][] = [];
  for (const p of sorted) {
    const mid = (p.top + p.bottom) / 2;
    const last = groups[groups.length - 1];
    const ref = last?.[0];
    if (last && ref && Math.abs(mid - (ref.top + ref.bottom) / 2) <= 0.45 * Math.min(ref.size, p.size)) last.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x0 - b.x0);
    let text = '';
    let prev: TextPiece | undefined;
    for (const p of g) {
      const gap = prev ? p.x0 - prev.x1 : 0;
      const needsSpace = prev !== undefined && gap > 0.12 * p.size && !/\s$/.test(text) && !/^\s/.test(p.str);
      text += (needsSpace ? ' ' : '') + p.str;
      prev = p;
    }
    return {
      text: collapse(text),
      x0: Math.min(...g.map((p) => p.x0)),
      x1: Math.max(...g.map((p) => p.x1)),
      top: Math.min(...g.map((p) => p.top)),
      bottom: Math.max(...g.map((p) => p.bottom)),
      size: Math.max(...g.map((p) => p.size)),
    };
  });
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const URL_TOKEN = /(^|\s)(https?:\/\/|www\.)\S*$/i;

/** Joins lines into one string: "penye-" + "lenggaraan" -> "penyelenggaraan", a link split at "/" or "." is rejoined. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = collapse(raw);
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const firstToken = line.split(' ')[0] ?? '';
    if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line) && !/\s\S{0,2}-$/.test(out)) {
      out = out.slice(0, -1) + line; // hyphenated word
    } else if (/\p{L}-$/u.test(out) && /^\p{Lu}/u.test(line)) {
      out += line; // "Undang-" + "Undang"
    } else if (URL_TOKEN.test(out)) {
      out += /[./]/.test(firstToken) ? line : ' ' + line; // a link broken inside, or ending its line
    } else if (/\p{L}\/$/u.test(out)) {
      out += line; // "Wilayah/" + "Provinsi"
    } else {
      out += ' ' + line;
    }
  }
  return out;
}

// "1.", "1)", "(1)", "a.", "a)", "(a)", "-", "•", and the slip "1," before a capital; NOTE: "a." needs a
// following space so initials ("A. Rahman") stay rare
const MARKER = /^(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|\d{1,2},(?=\s+\p{Lu})|\(?[a-z][.)]|\([a-z]\)|[-•·*–▪●○◦])\s+/u;
/** A piece that is only a list marker, printed in a column of its own left of the items. */
const MARKER_ONLY = /^(?:\(?\d{1,2}[.),]|\(\d{1,2}\)|\(?[a-z][.)])$/;

/** A line opening a list item, and the line without its marker. */
export function listMarker(line: string): { item: string } | null {
  const m = MARKER.exec(line);
  return m ? { item: line.slice(m[0].length) } : null;
}

/**
 * Splits a cell into items: a numbered or bulleted line starts an item, a line after one ending in ';'
 * starts one too, other lines continue the item before. Markers are dropped; numbered items keep their
 * numbers' order when a two-column list was read across.
 */
export function listItems(lines: readonly string[]): string[] {
  const items: Array<{ lines: string[]; no: number | null }> = [];
  let prevEndsItem = false;
  for (const raw of lines) {
    const line = collapse(raw);
    if (!line) continue;
    // a line may hold several items when a list is laid out in columns: "1. Alat Tulis 5. Jaringan Internet"
    for (const part of splitInlineItems(line)) {
      const marker = listMarker(part);
      const current = items[items.length - 1];
      if (marker || !current || prevEndsItem) {
        const no = /^\(?(\d{1,2})/.exec(part);
        items.push({ lines: [marker ? marker.item : part], no: marker && no ? Number(no[1]) : null });
      } else {
        current.lines.push(part);
      }
      prevEndsItem = /;$/.test(part);
    }
  }
  const numbered = items.every((i) => i.no !== null) && items.length > 1;
  const ordered = numbered ? [...items].sort((a, b) => (a.no ?? 0) - (b.no ?? 0)) : items;
  return ordered.map((i) => joinLines(i.lines)).filter((s) => s && !isBlankMark(s));
}

function splitInlineItems(line: string): string[] {
  // only numbered items repeat inside a line; "1. X 2. Y" splits when the numbers go up
  const parts = line.split(/\s+(?=\d{1,2}\.\s+\S)/);
  if (parts.length < 2 || !/^\d{1,2}\.\s/.test(parts[0] ?? '')) return [line];
  const nos = parts.map((p) => Number(/^(\d{1,2})\./.exec(p)?.[1] ?? NaN));
  return nos.every((n, i) => Number.isFinite(n) && (i === 0 || n > nos[i - 1]!)) ? parts : [line];
}

/**
 * Items of a list laid out as a table: the numbers in a column of their own, each vertically centred on
 * its item (so a number sits between its item's lines). The item lines are grouped by their ends
 * (";" or ".") and gaps, and paired with the numbers in order; other cells go to `listItems`.
 */
export function listItemsOf(pieces: readonly TextPiece[]): string[] {
  const markers = pieces.filter((p) => MARKER_ONLY.test(p.str.trim()));
  const text = pieces.filter((p) => !markers.includes(p));
  const textLeft = Math.min(...text.map((p) => p.x0));
  if (markers.length < 2 || !text.length || markers.some((m) => m.x1 > textLeft + 0.5)) return listItems(linesOf(pieces).map((l) => l.text));
  const lines = linesOf(text);
  const groups: TextLine[][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const ended = prev && (/[;.]$/.test(prev.text) || line.top - prev.bottom > 0.6 * line.size);
    if (!prev || ended) groups.push([line]);
    else groups[groups.length - 1]!.push(line);
  });
  const sorted = [...markers].sort((a, b) => a.top - b.top);
  const owner = (line: TextLine): number =>
    sorted.reduce((best, m, i) => (Math.abs(midOf(m) - midOf(line)) < Math.abs(midOf(sorted[best]!) - midOf(line)) ? i : best), 0);
  const items: TextLine[][] =
    groups.length === sorted.length ? groups : sorted.map((_, i) => lines.filter((l) => owner(l) === i));
  return items.map((g) => joinLines(g.map((l) => l.text))).filter((s) => s && !isBlankMark(s));
}

const midOf = (p: { top: number; bottom: number }): number => (p.top + p.bottom) / 2;

/** A cell holding only "-" (or an en dash) says "nothing". */
export const isBlankMark = (s: string): boolean => /^[-–—]+$/.test(s.trim());
