// Flowchart symbols from closed outlines, by geometry alone (so a rectangle drawn as four lines, as a
// stroked path or as a filled ring reads the same): process box, terminator (capsule, rounded box or
// ellipse), decision (diamond) and the small connectors that join pages (circle or pentagon).
import type { Outline } from './primitives.js';
import { centre, dist, height, polygonArea, width, GridIndex, type Box, type Pt } from './geometry.js';

export type SymbolKind = 'process' | 'terminator' | 'decision' | 'connector';

export interface ChartSymbol {
  kind: SymbolKind;
  box: Box;
  /** the outline's points (a diamond's hit test uses them) */
  pts: Pt[];
}

/** Off-page and on-page connectors are small; a process box or terminator is larger than this. */
const MAX_CONNECTOR = 26;
const MIN_SYMBOL = 5;
/** An off-page connector drawn as a pentagon may be wider than a round one. */
const MAX_PENTAGON = 40;

/** What an outline draws, or null when it is none of the flowchart symbols. */
export function classifyOutline(o: Outline): SymbolKind | null {
  const w = width(o.box);
  const h = height(o.box);
  if (Math.min(w, h) < MIN_SYMBOL) return null;
  const area = Math.abs(polygonArea(o.pts));
  const fill = area / (w * h);
  const m = Math.min(w, h);
  const corners: Pt[] = [
    { x: o.box.x0, y: o.box.y0 },
    { x: o.box.x1, y: o.box.y0 },
    { x: o.box.x1, y: o.box.y1 },
    { x: o.box.x0, y: o.box.y1 },
  ];
  const cornerGap = corners.map((c) => Math.min(...o.pts.map((p) => dist(p, c))) / m);
  const sharp = cornerGap.filter((g) => g < 0.06).length;
  const small = Math.max(w, h) <= MAX_CONNECTOR;
  if (sharp === 4 && fill > 0.9) return 'process';
  if (sharp === 0 && fill > 0.4 && fill < 0.62 && cornerGap.every((g) => g > 0.2) && touchesEdgeMiddles(o.pts, o.box)) return 'decision';
  if (sharp === 2 && adjacentSharp(cornerGap) && Math.max(w, h) <= MAX_PENTAGON && fill > 0.6 && fill < 0.95) return 'connector'; // pentagon ("home plate")
  if (sharp === 0 && fill > 0.65 && fill < 0.99) {
    const roundish = Math.max(w, h) / m < 1.35;
    return small && roundish ? 'connector' : 'terminator';
  }
  return null;
}

/** The two sharp corners share a side (a pentagon's flat top), not a diagonal. */
function adjacentSharp(gaps: readonly number[]): boolean {
  const sharp = gaps.map((g) => g < 0.06);
  return [0, 1, 2, 3].some((i) => sharp[i] && sharp[(i + 1) % 4]);
}

function touchesEdgeMiddles(pts: readonly Pt[], b: Box): boolean {
  const c = centre(b);
  const tol = 0.15 * Math.min(width(b), height(b));
  const mids: Pt[] = [
    { x: c.x, y: b.y0 },
    { x: b.x1, y: c.y },
    { x: c.x, y: b.y1 },
    { x: b.x0, y: c.y },
  ];
  return mids.every((m) => pts.some((p) => dist(p, m) <= tol));
}

/**
 * Symbols from outlines, one per drawn symbol: a shape painted twice (fill then stroke) or as a ring
 * (outer and inner outline) is kept once, by its outer box.
 */
export function symbolsOf(outlines: readonly Outline[]): ChartSymbol[] {
  const found: ChartSymbol[] = [];
  const index = new GridIndex<ChartSymbol>(32);
  // larger first, so the outer ring of a shape is the one kept
  const sorted = [...outlines].sort((a, b) => width(b.box) * height(b.box) - width(a.box) * height(a.box));
  for (const o of sorted) {
    const kind = classifyOutline(o);
    if (!kind) continue;
    const c = centre(o.box);
    const twin = index.near({ x0: c.x - 1, y0: c.y - 1, x1: c.x + 1, y1: c.y + 1 }).some((s) => s.kind === kind && sameBox(s.box, o.box));
    if (twin) continue;
    const symbol = { kind, box: o.box, pts: o.pts };
    found.push(symbol);
    index.add(o.box, symbol);
  }
  return found;
}

function sameBox(a: Box, b: Box): boolean {
  const tol = Math.max(2.5, 0.08 * Math.min(width(a), height(a)));
  const ca = centre(a);
  const cb = centre(b);
  return dist(ca, cb) <= tol && Math.abs(width(a) - width(b)) <= 2 * tol && Math.abs(height(a) - height(b)) <= 2 * tol;
}
