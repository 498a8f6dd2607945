// What one PDF page holds, in top-down page points: horizontal text pieces, painted vector paths
// (with the current transformation applied) and image placements, read from pdf.js with bounded work.
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AnnotationMode, type PDFPageProxy } from './pdf-load.js';
import { ImportRefusedError } from '../types.js';
import { boxOf, type Box, type Pt } from './geometry.js';

export interface TextPiece {
  str: string;
  x0: number;
  x1: number;
  /** top and bottom of the glyph box, and the baseline */
  top: number;
  bottom: number;
  base: number;
  size: number;
  /** written bottom-to-top or top-to-bottom (a narrow column's header); only header cells use it */
  rotated?: boolean;
}

export interface SubPath {
  pts: Pt[];
  closed: boolean;
  curved: boolean;
  box: Box;
}

export interface Paint {
  stroke: boolean;
  fill: boolean;
  subpaths: SubPath[];
  /** '#rrggbb' of the stroke and of the fill */
  strokeColor: string;
  fillColor: string;
  lineWidth: number;
}

export interface ImagePlacement {
  id: string;
  /** image space (unit square, y up) to page space */
  matrix: number[];
  box: Box;
  pixelsWide: number;
  pixelsHigh: number;
}

export interface PageDrawing {
  paints: Paint[];
  images: ImagePlacement[];
}

export interface PageLimits {
  maxTextItems: number;
  maxOperators: number;
  maxPathPoints: number;
}

export const PAGE_LIMITS: PageLimits = { maxTextItems: 20_000, maxOperators: 300_000, maxPathPoints: 400_000 };

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): Pt => ({ x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] });

/** The page's size and the matrix from PDF user space to top-down page points. */
export function pageFrame(page: PDFPageProxy): { width: number; height: number; toPage: Matrix } {
  const vp = page.getViewport({ scale: 1 });
  return { width: vp.width, height: vp.height, toPage: vp.transform as Matrix };
}

/** Text pieces of the page: upright ones, and ones turned a quarter (flagged; only header cells read them). */
export async function readPageText(page: PDFPageProxy, limits: PageLimits = PAGE_LIMITS): Promise<TextPiece[]> {
  const { toPage } = pageFrame(page);
  const content = await page.getTextContent();
  if (content.items.length > limits.maxTextItems) throw new ImportRefusedError('too-large', { reason: 'text-items' });
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const m = mul(item.transform as Matrix, toPage);
    // NOTE: after the flip to top-down space an upright glyph has m[0] > 0, m[3] < 0 and no shear
    if (Math.abs(m[1]) > 0.05 * Math.abs(m[0]) || Math.abs(m[2]) > 0.05 * Math.abs(m[3]) || m[0] <= 0) {
      const turned = quarterTurned(item.str, m, item.width);
      if (turned) pieces.push(turned);
      continue;
    }
    const size = Math.abs(m[3]) || item.height;
    const widthOnPage = item.width * Math.abs(toPage[0] || 1);
    pieces.push({ str: item.str, x0: m[4], x1: m[4] + widthOnPage, base: m[5], top: m[5] - size * 0.8, bottom: m[5] + size * 0.2, size });
  }
  return pieces;
}

/** A piece written along a vertical line (rotated 90 degrees either way), boxed on the page. */
function quarterTurned(str: string, m: Matrix, advance: number): TextPiece | null {
  if (Math.abs(m[0]) > 0.05 * Math.abs(m[1]) || Math.abs(m[3]) > 0.05 * Math.abs(m[2])) return null;
  const size = Math.hypot(m[2], m[3]);
  const down = Math.sign(m[1]); // +1: the text runs down the page
  const up = Math.sign(m[2]) * size; // where the glyphs' tops point along x
  const x0 = m[4] + Math.min(0.8 * up, -0.2 * up);
  const x1 = m[4] + Math.max(0.8 * up, -0.2 * up);
  const top = down > 0 ? m[5] : m[5] - advance;
  return { str, x0, x1, top, bottom: top + advance, base: m[5], size, rotated: true };
}

interface GfxState {
  ctm: Matrix;
  lineWidth: number;
  strokeColor: string;
  fillColor: string;
}

const PAINT_OPS = new Map<number, { stroke: boolean; fill: boolean; close: boolean }>([
  [OPS.stroke, { stroke: true, fill: false, close: false }],
  [OPS.closeStroke, { stroke: true, fill: false, close: true }],
  [OPS.fill, { stroke: false, fill: true, close: true }],
  [OPS.eoFill, { stroke: false, fill: true, close: true }],
  [OPS.fillStroke, { stroke: true, fill: true, close: true }],
  [OPS.eoFillStroke, { stroke: true, fill: true, close: true }],
  [OPS.closeFillStroke, { stroke: true, fill: true, close: true }],
  [OPS.closeEOFillStroke, { stroke: true, fill: true, close: true }],
]);

// pdf.js DrawOPS codes inside a constructPath buffer (src/shared/util.js)
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** The page's painted paths and images, walking pdf.js's operator list with a graphics-state stack. */
export async function readPageDrawing(page: PDFPageProxy, limits: PageLimits = PAGE_LIMITS): Promise<PageDrawing> {
  const { toPage } = pageFrame(page);
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  if (list.fnArray.length > limits.maxOperators) throw new ImportRefusedError('too-large', { reason: 'page-operators' });
  const paints: Paint[] = [];
  const images: ImagePlacement[] = [];
  const stack: GfxState[] = [];
  let gs: GfxState = { ctm: IDENTITY, lineWidth: 1, strokeColor: '#000000', fillColor: '#000000' };
  let points = 0;
  const push = (): void => {
    stack.push(gs);
    gs = { ...gs };
  };
  const pop = (): void => {
    gs = stack.pop() ?? gs;
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        push();
        break;
      case OPS.restore:
        pop();
        break;
      case OPS.transform:
        gs.ctm = mul(args as Matrix, gs.ctm);
        break;
      case OPS.paintFormXObjectBegin:
        push();
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) gs.ctm = mul(Array.from(args[0] as ArrayLike<number>) as Matrix, gs.ctm);
        break;
      case OPS.beginGroup: {
        push();
        const matrix = (args[0] as { matrix?: ArrayLike<number> | null } | undefined)?.matrix;
        if (matrix) gs.ctm = mul(Array.from(matrix) as Matrix, gs.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
      case OPS.endGroup:
        pop();
        break;
      case OPS.setLineWidth:
        gs.lineWidth = Number(args[0]) || 0;
        break;
      case OPS.setStrokeRGBColor:
        if (typeof args[0] === 'string') gs.strokeColor = args[0];
        break;
      case OPS.setFillRGBColor:
        if (typeof args[0] === 'string') gs.fillColor = args[0];
        break;
      case OPS.constructPath: {
        const mode = PAINT_OPS.get(args[0] as number);
        const buffer = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
        if (!mode || !buffer) break;
        const m = mul(gs.ctm, toPage);
        const subpaths = subpathsOf(buffer, m, mode.close);
        points += subpaths.reduce((n, s) => n + s.pts.length, 0);
        if (points > limits.maxPathPoints) throw new ImportRefusedError('too-large', { reason: 'page-paths' });
        const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
        paints.push({ ...mode, subpaths, strokeColor: gs.strokeColor, fillColor: gs.fillColor, lineWidth: gs.lineWidth * scale });
        break;
      }
      case OPS.paintImageXObject: {
        const m = mul(gs.ctm, toPage);
        const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
        images.push({ id: String(args[0]), matrix: m, box: boxOf(corners), pixelsWide: Number(args[1]) || 0, pixelsHigh: Number(args[2]) || 0 });
        break;
      }
      default:
        break;
    }
  }
  return { paints, images };
}

function subpathsOf(buffer: ArrayLike<number>, m: Matrix, closeAll: boolean): SubPath[] {
  const out: SubPath[] = [];
  let pts: Pt[] = [];
  let closed = false;
  let curved = false;
  const flush = (): void => {
    if (pts.length > 1) out.push({ pts, closed: closed || (closeAll && pts.length > 2), curved, box: boxOf(pts) });
    pts = [];
    closed = false;
    curved = false;
  };
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE) {
      flush();
      pts.push(apply(m, buffer[k]!, buffer[k + 1]!));
      k += 2;
    } else if (op === LINE) {
      pts.push(apply(m, buffer[k]!, buffer[k + 1]!));
      k += 2;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      const start = pts[pts.length - 1] ?? apply(m, buffer[k]!, buffer[k + 1]!);
      const c = [];
      for (let j = 0; j < n; j += 2) c.push(apply(m, buffer[k + j]!, buffer[k + j + 1]!));
      k += n;
      const [c1, c2, end] = op === CURVE ? (c as [Pt, Pt, Pt]) : ([c[0], c[0], c[1]] as [Pt, Pt, Pt]);
      for (const t of [0.25, 0.5, 0.75, 1]) pts.push(bezier(start, c1, c2, end, t));
      curved = true;
    } else if (op === CLOSE) {
      closed = true;
      const first = pts[0];
      flush();
      // a path continuing after closePath starts again at the subpath's first point
      if (first && k < buffer.length && buffer[k] !== MOVE) pts.push(first);
    } else {
      break; // unknown code: stop reading this path rather than misread it
    }
  }
  flush();
  return out;
}

function bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, t: number): Pt {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}
