// Plane geometry for the PDF reader: points, boxes, polygons, distances and a grid index, all in
// top-down page points (x right, y down), the space every recogniser works in.

export interface Pt {
  x: number;
  y: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const boxOf = (pts: readonly Pt[]): Box => {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pts) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  return { x0, y0, x1, y1 };
};

export const width = (b: Box): number => b.x1 - b.x0;
export const height = (b: Box): number => b.y1 - b.y0;
export const centre = (b: Box): Pt => ({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 });
export const grow = (b: Box, d: number): Box => ({ x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d });
export const inBox = (p: Pt, b: Box): boolean => p.x >= b.x0 && p.x <= b.x1 && p.y >= b.y0 && p.y <= b.y1;
export const dist = (a: Pt, b: Pt): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance from a point to a box (0 inside). */
export function distToBox(p: Pt, b: Box): number {
  const dx = Math.max(b.x0 - p.x, 0, p.x - b.x1);
  const dy = Math.max(b.y0 - p.y, 0, p.y - b.y1);
  return Math.hypot(dx, dy);
}

/** Gap between two boxes (0 when they overlap). */
export function boxGap(a: Box, b: Box): number {
  const dx = Math.max(a.x0 - b.x1, 0, b.x0 - a.x1);
  const dy = Math.max(a.y0 - b.y1, 0, b.y0 - a.y1);
  return Math.hypot(dx, dy);
}

export function distToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function distToPolyline(p: Pt, pts: readonly Pt[]): number {
  if (pts.length === 1) return dist(p, pts[0]!);
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) best = Math.min(best, distToSegment(p, pts[i - 1]!, pts[i]!));
  return best;
}

/** Signed area (shoelace); positive or negative by winding. */
export function polygonArea(pts: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    const q = pts[(i + 1) % pts.length]!;
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

export function perimeter(pts: readonly Pt[], closed: boolean): number {
  let s = 0;
  for (let i = 1; i < pts.length; i++) s += dist(pts[i - 1]!, pts[i]!);
  if (closed && pts.length > 2) s += dist(pts[pts.length - 1]!, pts[0]!);
  return s;
}

export function pointInPolygon(p: Pt, pts: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i]!;
    const b = pts[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** A uniform grid over boxes, so look-ups near a point cost O(items in the neighbouring cells). */
export class GridIndex<T> {
  private readonly cells = new Map<string, T[]>();

  constructor(private readonly cell: number) {}

  add(box: Box, item: T): void {
    const c = this.cell;
    // NOTE: huge boxes are filed under at most 64x64 cells; a box larger than that is an error of the caller
    const cx0 = Math.floor(box.x0 / c);
    const cx1 = Math.min(Math.floor(box.x1 / c), cx0 + 63);
    const cy0 = Math.floor(box.y0 / c);
    const cy1 = Math.min(Math.floor(box.y1 / c), cy0 + 63);
    for (let x = cx0; x <= cx1; x++) {
      for (let y = cy0; y <= cy1; y++) {
        const key = `${x},${y}`;
        const list = this.cells.get(key);
        if (list) list.push(item);
        else this.cells.set(key, [item]);
      }
    }
  }

  /** Items filed in cells overlapping the box (each once). */
  near(box: Box): T[] {
    const c = this.cell;
    const seen = new Set<T>();
    const cx0 = Math.floor(box.x0 / c);
    const cx1 = Math.min(Math.floor(box.x1 / c), cx0 + 63);
    const cy0 = Math.floor(box.y0 / c);
    const cy1 = Math.min(Math.floor(box.y1 / c), cy0 + 63);
    for (let x = cx0; x <= cx1; x++) {
      for (let y = cy0; y <= cy1; y++) for (const item of this.cells.get(`${x},${y}`) ?? []) seen.add(item);
    }
    return [...seen];
  }
}
