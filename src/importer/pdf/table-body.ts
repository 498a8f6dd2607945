// The procedure table's body on one page: its rows (from the horizontal rules that cross the No and
// Kegiatan columns, else from the numbers in the No column) and the text of each cell.
import type { TextPiece } from './page-content.js';
import { horizontalsAcross, type Rule } from './rules.js';
import type { TableColumn } from './table-header.js';
import { linesOf, type TextLine } from './text-lines.js';

export interface BodyRow {
  top: number;
  bottom: number;
  /** text lines per column index (actor columns stay empty: their text is the chart's) */
  cells: TextLine[][];
}

export interface PageBody {
  top: number;
  bottom: number;
  rows: BodyRow[];
}

const BODY_NO = /^\d{1,3}[.)]?$/;

/** The span a row boundary must cross: the No and Kegiatan columns (a divider inside one cell does not). */
export function rowSpan(columns: readonly TableColumn[]): [number, number] {
  const keg = columns.find((c) => c.role === 'kegiatan')!;
  const no = columns.find((c) => c.role === 'no');
  return [Math.min(keg.x0, no?.x0 ?? keg.x0), Math.max(keg.x1, no?.x1 ?? keg.x1)];
}

/** Where a piece of text belongs: a little inside its left end (centred text starts inside its cell too). */
export const anchorX = (p: TextPiece): number => p.x0 + Math.min(2, (p.x1 - p.x0) / 2);
export const midY = (p: { top: number; bottom: number }): number => (p.top + p.bottom) / 2;

export function columnAt(columns: readonly TableColumn[], x: number): number {
  return columns.findIndex((c) => x >= c.x0 && x < c.x1);
}

/** Rows of the body from `top` to the page's last row boundary; the caller leaves out rows with nothing in them. */
export function readBody(pieces: readonly TextPiece[], rules: readonly Rule[], columns: readonly TableColumn[], top: number): PageBody {
  const [sx0, sx1] = rowSpan(columns);
  const x0 = columns[0]!.x0;
  const x1 = columns[columns.length - 1]!.x1;
  const inTable = pieces.filter((p) => anchorX(p) >= x0 && anchorX(p) <= x1 && midY(p) > top);
  let bounds = horizontalsAcross(rules, sx0 + 1, sx1 - 1).filter((y) => y >= top - 1.5);
  if (bounds.length && bounds[0]! > top + 3) bounds.unshift(top);
  if (bounds.length < 2) bounds = boundsFromNumbers(inTable, columns, top);
  const rows: BodyRow[] = [];
  for (let i = 1; i < bounds.length; i++) rows.push({ top: bounds[i - 1]!, bottom: bounds[i]!, cells: columns.map(() => []) });
  const byRow = new Map<BodyRow, TextPiece[][]>();
  for (const p of inTable) {
    const row = rowAt(rows, midY(p));
    const col = columnAt(columns, anchorX(p));
    if (!row || col < 0 || columns[col]!.role === 'actor') continue;
    const cells = byRow.get(row) ?? columns.map(() => []);
    cells[col]!.push(p);
    byRow.set(row, cells);
  }
  for (const [row, cells] of byRow) row.cells = cells.map((c) => linesOf(c));
  return { top: bounds[0] ?? top, bottom: bounds[bounds.length - 1] ?? top, rows };
}

export function rowAt<T extends { top: number; bottom: number }>(rows: readonly T[], y: number): T | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid]!;
    if (y < r.top) hi = mid - 1;
    else if (y > r.bottom) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** A table drawn without row rules: a row starts at each number in the No column (else at each Kegiatan paragraph). */
function boundsFromNumbers(inTable: readonly TextPiece[], columns: readonly TableColumn[], top: number): number[] {
  const noCol = columns.findIndex((c) => c.role === 'no');
  const kegCol = columns.findIndex((c) => c.role === 'kegiatan');
  let starts = noCol >= 0 ? inTable.filter((p) => columnAt(columns, anchorX(p)) === noCol && BODY_NO.test(p.str.trim())).map((p) => p.top - 2) : [];
  if (!starts.length) {
    const lines = linesOf(inTable.filter((p) => columnAt(columns, anchorX(p)) === kegCol));
    starts = lines.filter((l, i) => i === 0 || l.top - lines[i - 1]!.bottom > 0.8 * l.size).map((l) => l.top - 2);
  }
  if (!starts.length) return [];
  const bottom = Math.max(...inTable.map((p) => p.bottom)) + 2;
  starts.sort((a, b) => a - b);
  starts[0] = top; // the first row starts under the header
  return [...starts, bottom];
}
