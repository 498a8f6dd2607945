// Layout of the flowchart inside the Pelaksana columns of the SOP table, per row, so that HTML
// (one SVG per row) and PDF draw the same picture. x is a fraction of the Pelaksana area's
// width, y a fraction of the row's height; symbols sit at the row's vertical centre.
// Arrows: to the next row they go down from the symbol and enter the target from the top (same
// column) or the side; back (e.g. "Tidak") and skipping arrows run in a channel at the right
// of the source's column and enter the target from the side. Labels stay inside their column.
import type { SopDocument, SopSymbol } from '../workflow/index.js';

export interface Segment { x1: number; y1: number; x2: number; y2: number }
export type ArrowSide = 'top' | 'left' | 'right';
export interface RowChart {
  symbol: { kind: SopSymbol; x: number };
  segments: Segment[];
  arrows: ArrowSide[]; // arrowheads at the symbol's boundary
  /** 'start': the text begins just right of x; 'end': it ends just left of x (inside the column). */
  labels: Array<{ x: number; y: number; text: string; anchor: 'start' | 'end' }>;
}

/** Half width and half height of each symbol, in points / CSS pixels. */
export const SYMBOL_SIZE: Record<SopSymbol, { w: number; h: number }> = {
  terminator: { w: 28, h: 11 },
  process: { w: 28, h: 13 },
  decision: { w: 28, h: 15 },
};

export function chartRows(doc: SopDocument): RowChart[] {
  const n = Math.max(1, doc.columns.length);
  const cx = (col: number): number => (col + 0.5) / n;
  const channel = (col: number): number => (col + 0.5) / n + 0.38 / n;
  const rows: RowChart[] = doc.rows.map((r) => ({ symbol: { kind: r.symbol, x: cx(r.column) }, segments: [], arrows: [], labels: [] }));
  const seg = (row: number, x1: number, y1: number, x2: number, y2: number): void => void rows[row]?.segments.push({ x1, y1, x2, y2 });
  const enter = (row: number, fromX: number, toX: number): void => {
    seg(row, fromX, 0.5, toX, 0.5);
    rows[row]?.arrows.push(fromX < toX ? 'left' : 'right');
  };

  for (const { from, to, label } of doc.edges) {
    const a = doc.rows[from];
    const b = doc.rows[to];
    if (!a || !b || from === to) continue;
    if (to === from + 1) {
      const x = cx(a.column);
      seg(from, x, 0.5, x, 1);
      seg(to, x, 0, x, 0.5);
      if (a.column === b.column) rows[to]!.arrows.push('top');
      else enter(to, x, cx(b.column));
      if (label) rows[from]!.labels.push({ x, y: 0.9, text: label, anchor: 'start' });
      continue;
    }
    const x = channel(a.column);
    seg(from, cx(a.column), 0.5, x, 0.5);
    // left of the channel, below (or above) the symbol: the channel runs near the column's right
    // border, so a label right of it would cross into the next column
    if (label) rows[from]!.labels.push({ x, y: to > from ? 0.85 : 0.2, text: label, anchor: 'end' });
    const [lo, hi] = to > from ? [from, to] : [to, from];
    seg(from, x, 0.5, x, to > from ? 1 : 0);
    for (let r = lo + 1; r < hi; r++) seg(r, x, 0, x, 1);
    seg(to, x, to > from ? 0 : 1, x, 0.5);
    enter(to, x, cx(b.column));
  }
  return rows;
}
