// One page of the procedure table: its columns (from its own header, or the previous page's when the
// table continues without repeating it), its body rows and the flowchart drawn in its Pelaksana area.
import type { ImagePlacement, TextPiece } from './page-content.js';
import type { Line, Primitives } from './primitives.js';
import type { ChartSymbol } from './shapes.js';
import { readChart, type ChartIssue, type ChartNode, type PageChart } from './chart.js';
import { classifyOutline } from './shapes.js';
import { boxGap, centre, inBox } from './geometry.js';
import { horizontalsAcross, type Rule } from './rules.js';
import { anchorX, columnAt, readBody, rowSpan, type PageBody } from './table-body.js';
import type { TableColumn, TableHeader } from './table-header.js';
import type { Box } from './geometry.js';

export interface PageDrawingData {
  prims: Primitives;
  symbols: ChartSymbol[];
  rules: Rule[];
  images: ImagePlacement[];
}

export interface TablePage {
  page: number;
  columns: TableColumn[];
  body: PageBody;
  chart: PageChart;
  area: Box;
}

/** How far outside the table an off-page connector may sit (above a continued table, below a broken one). */
const OFF_TABLE_MARGIN = 48;
/** The chart area reaches this far past the outer Pelaksana rules (a decision may overhang them). */
const AREA_MARGIN = 6;

/** Does the table of `columns` go on on this page (same column rules, or the same columns of text)? */
export function continues(columns: readonly TableColumn[], texts: readonly TextPiece[], rules: readonly Rule[]): boolean {
  const xs = [...columns.map((c) => c.x0), columns[columns.length - 1]!.x1];
  const verticals = rules.filter((r) => r.orient === 'v' && r.to - r.from >= 12);
  if (verticals.length) {
    const matched = xs.filter((x) => verticals.some((r) => Math.abs(r.at - x) <= 2.5)).length;
    return matched >= 3 && matched >= 0.6 * xs.length;
  }
  const no = columns.findIndex((c) => c.role === 'no');
  const keg = columns.findIndex((c) => c.role === 'kegiatan');
  return texts.some((t) => columnAt(columns, anchorX(t)) === keg) && (no < 0 || texts.some((t) => columnAt(columns, anchorX(t)) === no && /^\d{1,3}[.)]?$/.test(t.str.trim())));
}

/**
 * Where the body starts on a continuation page: the first rule across the No and Kegiatan columns, or
 * above it where text of those columns starts over it (a table going on without a rule on top).
 */
export function continuationTop(columns: readonly TableColumn[], rules: readonly Rule[], texts: readonly TextPiece[]): number {
  const [x0, x1] = rowSpan(columns);
  const first = horizontalsAcross(rules, x0 + 1, x1 - 1)[0];
  if (first === undefined) return 0;
  const above = texts.filter((t) => t.bottom < first && anchorX(t) >= x0 && anchorX(t) <= x1);
  return above.length ? Math.min(...above.map((t) => t.top)) - 2 : first;
}

export function readTablePage(page: number, texts: readonly TextPiece[], drawing: PageDrawingData, columns: TableColumn[], header: TableHeader | null, top: number, pageHeight: number): TablePage {
  const body = readBody(texts, drawing.rules, columns, top);
  const actors = columns.filter((c) => c.role === 'actor');
  const area: Box = {
    x0: Math.min(...actors.map((c) => c.x0)) - AREA_MARGIN,
    x1: Math.max(...actors.map((c) => c.x1)) + AREA_MARGIN,
    y0: header ? header.bottom + 0.5 : Math.max(0, body.top - OFF_TABLE_MARGIN),
    y1: Math.min(pageHeight, body.bottom + OFF_TABLE_MARGIN),
  };
  const boundsX = [...columns.map((c) => c.x0), columns[columns.length - 1]!.x1];
  const boundsY = [body.top, ...body.rows.map((r) => r.bottom)];
  const isRule = (line: Line): boolean => {
    if (line.pts.length !== 2) return false;
    const [a, b] = line.pts as [{ x: number; y: number }, { x: number; y: number }];
    if (Math.abs(a.x - b.x) <= 1) return boundsX.some((x) => Math.abs(x - a.x) <= 1.5);
    if (Math.abs(a.y - b.y) <= 1) return boundsY.some((y) => Math.abs(y - a.y) <= 1.5) || Math.abs(a.x - b.x) > area.x1 - area.x0;
    return false;
  };
  const symbols = drawing.symbols.filter((s) => !isCellLike(s.box, columns));
  const chartTexts = texts.filter((t) => (t.top + t.bottom) / 2 > area.y0);
  const labelArea: Box = { x0: area.x0 + AREA_MARGIN, x1: area.x1 - AREA_MARGIN, y0: body.top, y1: body.bottom };
  const chart = readChart({ prims: drawing.prims, symbols, texts: chartTexts, area, labelArea, isRule });
  chart.issues.push(...unclearShapes(drawing, columns, labelArea, chart.nodes));
  return { page, columns, body, chart, area };
}

/** Closed outlines in the chart that are none of the symbols (a document shape, a cloud): said, not guessed. */
function unclearShapes(drawing: PageDrawingData, columns: readonly TableColumn[], area: Box, nodes: readonly ChartNode[]): ChartIssue[] {
  const seen: Box[] = [];
  const issues: ChartIssue[] = [];
  for (const o of drawing.prims.outlines) {
    const b = o.box;
    const c = centre(b);
    if (Math.min(b.x1 - b.x0, b.y1 - b.y0) < 6 || !inBox(c, area) || isCellLike(b, columns) || classifyOutline(o)) continue;
    if (nodes.some((n) => boxGap(n.box, b) === 0) || seen.some((s) => boxGap(s, b) === 0)) continue;
    seen.push(b);
    issues.push({ code: 'shape-unclear', at: c, node: null, args: {} });
  }
  return issues;
}

/** A filled or outlined table cell (as wide as a column, or covering one) is no symbol. */
function isCellLike(b: Box, columns: readonly TableColumn[]): boolean {
  return columns.some((c) => (Math.abs(b.x0 - c.x0) <= 3 && Math.abs(b.x1 - c.x1) <= 3) || (b.x0 <= c.x0 + 2 && b.x1 >= c.x1 - 2));
}
