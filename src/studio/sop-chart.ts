// Layout of the flowchart inside the Pelaksana columns of the SOP table, per row, so that HTML
// (one SVG per row) and PDF draw the same picture. x is a fraction of the Pelaksana area's
// width, y a fraction of the row's height; symbols sit at the row's vertical centre, one in each
// lane where the row has a shape (an imported row may hold shapes in several lanes).
// Arrows: to the next row they go down from the symbol and enter the target from the top (same
// column) or the side; back (e.g. "Tidak") and skipping arrows run in a channel at the right
// of the source's column and enter the target from the side. An arrow between two shapes of one row
// runs across at their centre. Labels stay inside their column.
import type { SopDocument, SopRow, SopSymbol } from '../workflow/index.js';

export interface Segment { x1: number; y1: number; x2: number; y2: number }
export type ArrowSide = 'top' | 'left' | 'right';
export interface ChartSymbol { kind: SopSymbol; x: number; column: number }
export interface RowChart {
  /** The row's shapes, its own (the one carrying the Mutu Baku) first. */
  symbols: ChartSymbol[];
  segments: Segment[];
  /** Arrowheads at a symbol's boundary (`symbol`: index into `symbols`). */
  arrows: Array<{ side: ArrowSide; symbol: number }>;
  /** 'start': the text begins just right of x; 'end': it ends just left of x (inside the column). */
  labels: Array<{ x: number; y: number; text: string; anchor: 'start' | 'end' }>;
}

/** Half width and half height of each symbol, in points / CSS pixels. */
export const SYMBOL_SIZE: Record<SopSymbol, { w: number; h: number }> = {
  terminator: { w: 28, h: 11 },
  process: { w: 28, h: 13 },
  decision: { w: 28, h: 15 },
};

/** Where an arrow to the next row turns across, in the source row: below its symbols. */
const JOG_Y = 0.88;

const shapesOf = (r: SopRow) => (r.shapes?.length ? r.shapes : [{ column: r.column, symbol: r.symbol }]);

export function chartRows(doc: SopDocument): RowChart[] {
  const n = Math.max(1, doc.columns.length);
  const cx = (col: number): number => (col + 0.5) / n;
  const channel = (col: number): number => (col + 0.5) / n + 0.38 / n;
  const rows: RowChart[] = doc.rows.map((r) => ({ symbols: shapesOf(r).map((s) => ({ kind: s.symbol, x: cx(s.column), column: s.column })), segments: [], arrows: [], labels: [] }));
  const seg = (row: number, x1: number, y1: number, x2: number, y2: number): void => void rows[row]?.segments.push({ x1, y1, x2, y2 });
  const enter = (row: number, fromX: number, toX: number, symbol: number): void => {
    seg(row, fromX, 0.5, toX, 0.5);
    rows[row]?.arrows.push({ side: fromX < toX ? 'left' : 'right', symbol });
  };

  for (const { from, to, label, fromShape, toShape } of doc.edges) {
    const a = rows[from];
    const b = rows[to];
    if (!a || !b) continue;
    const ai = a.symbols[fromShape ?? 0] ? (fromShape ?? 0) : 0;
    const bi = b.symbols[toShape ?? 0] ? (toShape ?? 0) : 0;
    const sa = a.symbols[ai]!;
    const sb = b.symbols[bi]!;
    if (from === to) {
      // between two shapes of one row: across at their centre, the label above the line
      if (ai === bi || sa.x === sb.x) continue;
      enter(to, sa.x, sb.x, bi);
      if (label) a.labels.push({ x: sa.x, y: 0.3, text: label, anchor: sa.x < sb.x ? 'start' : 'end' });
      continue;
    }
    if (to === from + 1) {
      const x = sa.x;
      if (label) a.labels.push({ x, y: 0.9, text: label, anchor: 'start' });
      if (x !== sb.x && b.symbols.some((s) => s.x === x)) {
        // another shape of the next row sits below: turn across in this row, enter from the top
        seg(from, x, 0.5, x, JOG_Y);
        seg(from, x, JOG_Y, sb.x, JOG_Y);
        seg(from, sb.x, JOG_Y, sb.x, 1);
        seg(to, sb.x, 0, sb.x, 0.5);
        b.arrows.push({ side: 'top', symbol: bi });
        continue;
      }
      seg(from, x, 0.5, x, 1);
      seg(to, x, 0, x, 0.5);
      if (x === sb.x) b.arrows.push({ side: 'top', symbol: bi });
      else enter(to, x, sb.x, bi);
      continue;
    }
    const x = channel(sa.column);
    seg(from, sa.x, 0.5, x, 0.5);
    // left of the channel, below (or above) the symbol: the channel runs near the column's right
    // border, so a label right of it would cross into the next column
    if (label) a.labels.push({ x, y: to > from ? 0.85 : 0.2, text: label, anchor: 'end' });
    const [lo, hi] = to > from ? [from, to] : [to, from];
    seg(from, x, 0.5, x, to > from ? 1 : 0);
    for (let r = lo + 1; r < hi; r++) seg(r, x, 0, x, 1);
    seg(to, x, to > from ? 0 : 1, x, 0.5);
    enter(to, x, sb.x, bi);
  }
  return rows;
}
