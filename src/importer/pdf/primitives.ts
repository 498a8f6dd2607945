// Turns painted paths into drawing primitives, whatever way the producer drew them: lines (a stroked
// open path, or a thin filled outline of one, reduced to its centre line), closed outlines (candidate
// shapes) and small filled blobs (candidate arrowheads).
import type { Paint, SubPath } from './page-content.js';
import { boxOf, dist, height, perimeter, polygonArea, width, type Box, type Pt } from './geometry.js';

export interface Line {
  pts: Pt[];
  box: Box;
  color: string;
  /** traced from a picture, not drawn as a vector */
  raster?: boolean;
}

export interface Outline {
  pts: Pt[];
  box: Box;
  curved: boolean;
  filled: boolean;
  color: string;
}

export interface Blob {
  pts: Pt[];
  box: Box;
  color: string;
}

export interface Primitives {
  lines: Line[];
  outlines: Outline[];
  blobs: Blob[];
}

/** Thickest filled outline still read as a line (a stroke converted to a filled polygon). */
const MAX_LINE_THICKNESS = 2.6;
/** Largest filled blob read as an arrowhead. */
const MAX_BLOB = 12;

export const luminance = (hex: string): number => {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  if (!Number.isFinite(n)) return 0;
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
};

/** White or near-white paint draws nothing a reader sees on paper. */
const invisible = (hex: string): boolean => luminance(hex) > 0.93;

export function primitivesOf(paints: readonly Paint[]): Primitives {
  const out: Primitives = { lines: [], outlines: [], blobs: [] };
  for (const paint of paints) {
    if (paint.stroke && !invisible(paint.strokeColor)) {
      for (const sp of paint.subpaths) strokeSubpath(sp, paint.strokeColor, out);
    }
    if (paint.fill && !invisible(paint.fillColor)) {
      for (const sp of paint.subpaths) fillSubpath(sp, paint.fillColor, out);
    }
  }
  return out;
}

const isBlob = (sp: SubPath): boolean => {
  const w = width(sp.box);
  const h = height(sp.box);
  return sp.closed && Math.max(w, h) <= MAX_BLOB && Math.min(w, h) >= 1.5 && Math.max(w, h) <= 4 * Math.min(w, h);
};

function strokeSubpath(sp: SubPath, color: string, out: Primitives): void {
  const area = Math.abs(polygonArea(sp.pts));
  const extent = Math.max(width(sp.box), height(sp.box));
  if (isBlob(sp) && area > 0.2 * width(sp.box) * height(sp.box)) {
    out.blobs.push({ pts: sp.pts, box: sp.box, color });
  } else if (sp.closed && extent > 0 && area > 0.05 * extent * extent) {
    out.outlines.push({ pts: sp.pts, box: sp.box, curved: sp.curved, filled: false, color });
  } else if (extent > 0.5) {
    out.lines.push({ pts: simplify(sp.pts), box: sp.box, color });
  }
}

function fillSubpath(sp: SubPath, color: string, out: Primitives): void {
  if (sp.pts.length < 3) return;
  const area = Math.abs(polygonArea(sp.pts));
  const per = perimeter(sp.pts, true);
  const thickness = per > 0 ? (2 * area) / per : 0;
  const extent = Math.max(width(sp.box), height(sp.box));
  if (isBlob({ ...sp, closed: true }) && thickness > 0.45) {
    out.blobs.push({ pts: sp.pts, box: sp.box, color });
    return;
  }
  if (thickness <= MAX_LINE_THICKNESS && extent > 3) {
    const centre = centreLine(sp.pts, Math.max(1.2, thickness * 3));
    if (centre) out.lines.push({ pts: centre, box: boxOf(centre), color });
    return;
  }
  out.outlines.push({ pts: sp.pts, box: sp.box, curved: sp.curved, filled: true, color });
}

/** Drops repeated points and the middle of collinear runs. */
export function simplify(pts: readonly Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && dist(last, p) < 0.3) continue;
    const before = out[out.length - 2];
    if (last && before && Math.abs((last.x - before.x) * (p.y - before.y) - (last.y - before.y) * (p.x - before.x)) < 0.3 * dist(before, p)) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * The centre line of a thin closed polygon drawn around a polyline (out along one side, back along the
 * other): vertices are clustered by proximity, the cyclic cluster sequence folds back on itself at the
 * two ends, and the walk from one fold to the other is the line. Null when the outline is not like that.
 */
export function centreLine(pts: readonly Pt[], tolerance: number): Pt[] | null {
  const clusters: Array<{ x: number; y: number; n: number }> = [];
  // NOTE: clusters are found through a grid of tolerance-sized cells, so a long outline stays linear
  const grid = new Map<string, number[]>();
  const cellOf = (x: number, y: number): [number, number] => [Math.floor(x / tolerance), Math.floor(y / tolerance)];
  const seq: number[] = [];
  for (const p of pts) {
    const [gx, gy] = cellOf(p.x, p.y);
    let found = -1;
    for (let dx = -1; dx <= 1 && found < 0; dx++) {
      for (let dy = -1; dy <= 1 && found < 0; dy++) {
        for (const c of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          const k = clusters[c]!;
          if (Math.hypot(k.x / k.n - p.x, k.y / k.n - p.y) <= tolerance) {
            found = c;
            break;
          }
        }
      }
    }
    if (found < 0) {
      clusters.push({ x: p.x, y: p.y, n: 1 });
      found = clusters.length - 1;
      const key = `${gx},${gy}`;
      grid.set(key, [...(grid.get(key) ?? []), found]);
    } else {
      const k = clusters[found]!;
      k.x += p.x;
      k.y += p.y;
      k.n += 1;
    }
    if (seq[seq.length - 1] !== found) seq.push(found);
  }
  while (seq.length > 1 && seq[0] === seq[seq.length - 1]) seq.pop();
  const at = (c: number): Pt => {
    const k = clusters[c]!;
    return { x: k.x / k.n, y: k.y / k.n };
  };
  if (seq.length === 1) return null;
  if (seq.length === 2) return [at(seq[0]!), at(seq[1]!)];
  const n = seq.length;
  const folds: number[] = [];
  for (let i = 0; i < n; i++) if (seq[(i - 1 + n) % n] === seq[(i + 1) % n]) folds.push(i);
  if (folds.length !== 2) return null;
  const [a, b] = folds as [number, number];
  // the two walks between the folds must visit the same clusters in mirrored order
  const forward: number[] = [];
  for (let i = a; i !== b; i = (i + 1) % n) forward.push(seq[i]!);
  forward.push(seq[b]!);
  const back: number[] = [];
  for (let i = a; i !== b; i = (i - 1 + n) % n) back.push(seq[i]!);
  back.push(seq[b]!);
  if (forward.join() !== back.join()) return null;
  return forward.map(at);
}
