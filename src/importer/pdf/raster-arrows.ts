// Connectors pasted into the chart as pictures (some editors export an arrow as a small image): the
// picture's dark pixels are read as thin horizontal and vertical strokes (lines) and the ink left over
// next to them (arrowheads), placed on the page through the image's matrix.
import type { PDFPageProxy } from './pdf-load.js';
import type { ImagePlacement } from './page-content.js';
import type { Blob, Line } from './primitives.js';
import { boxGap, boxOf, height, width, type Box, type Pt } from './geometry.js';

/** Pictures larger than this many pixels are not read (a logo or a scan, not an arrow). */
const MAX_PIXELS = 600_000;
const MAX_IMAGES = 30;
const OBJECT_TIMEOUT_MS = 2_000;

interface Raster {
  w: number;
  h: number;
  ink: Uint8Array;
}

export interface RasterConnectors {
  lines: Line[];
  blobs: Blob[];
}

/** Lines and arrowheads read from the pictures lying in `area`. */
export async function readRasterConnectors(page: PDFPageProxy, images: readonly ImagePlacement[], area: Box): Promise<RasterConnectors> {
  const out: RasterConnectors = { lines: [], blobs: [] };
  const areaSize = width(area) * height(area);
  const candidates = images
    .filter((im) => boxGap(im.box, area) === 0 && width(im.box) * height(im.box) < 0.5 * areaSize && im.pixelsWide * im.pixelsHigh <= MAX_PIXELS)
    .slice(0, MAX_IMAGES);
  for (const im of candidates) {
    const raster = await rasterOf(page, im);
    if (raster) traceRaster(raster, im.matrix, out);
  }
  return out;
}

async function rasterOf(page: PDFPageProxy, im: ImagePlacement): Promise<Raster | null> {
  const data = await new Promise<unknown>((resolve) => {
    const timer = setTimeout(() => resolve(null), OBJECT_TIMEOUT_MS);
    try {
      page.objs.get(im.id, (obj: unknown) => {
        clearTimeout(timer);
        resolve(obj);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
  const img = data as { width?: number; height?: number; kind?: number; data?: Uint8Array | Uint8ClampedArray } | null;
  if (!img?.data || !img.width || !img.height || img.width * img.height > MAX_PIXELS) return null;
  const { width: w, height: h, kind, data: px } = img as { width: number; height: number; kind: number; data: Uint8Array };
  const ink = new Uint8Array(w * h);
  if (kind === 1) {
    const stride = Math.ceil(w / 8);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = (px[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 1;
  } else {
    const bpp = kind === 3 ? 4 : 3;
    if (px.length < w * h * bpp) return null;
    for (let i = 0; i < w * h; i++) {
      const o = i * bpp;
      const lum = 0.2126 * px[o]! + 0.7152 * px[o + 1]! + 0.0722 * px[o + 2]!;
      ink[i] = lum < 150 && (bpp === 3 || px[o + 3]! >= 128) ? 1 : 0;
    }
  }
  return { w, h, ink };
}

interface Stroke {
  along: [number, number];
  /** first and last pixel row (horizontal) or column (vertical) of the stroke's thickness */
  across: [number, number];
}

/** Traces strokes and heads of one picture into page-space primitives. */
export function traceRaster(r: Raster, m: readonly number[], out: RasterConnectors): void {
  const toPage = (x: number, y: number): Pt => {
    const u = x / r.w;
    const v = 1 - y / r.h;
    return { x: m[0]! * u + m[2]! * v + m[4]!, y: m[1]! * u + m[3]! * v + m[5]! };
  };
  const pxPerPt = r.w / Math.max(1e-6, Math.hypot(m[0]!, m[1]!));
  const maxThick = Math.max(2, Math.round(2.2 * pxPerPt));
  const minLen = Math.max(6, Math.round(3 * pxPerPt));
  const hRun = runLengths(r, 'h');
  const vRun = runLengths(r, 'v');
  // a pixel of a vertical stroke is thin across (short row run) and long along (long column run)
  const vPix = (i: number): boolean => r.ink[i] === 1 && hRun[i]! <= maxThick && vRun[i]! >= minLen;
  const hPix = (i: number): boolean => r.ink[i] === 1 && vRun[i]! <= maxThick && hRun[i]! >= minLen;
  const covered = new Uint8Array(r.w * r.h);
  for (const s of strokes(r, 'h', hPix, minLen)) {
    const y = (s.across[0] + s.across[1] + 1) / 2;
    out.lines.push(lineOf(toPage(s.along[0], y), toPage(s.along[1] + 1, y)));
    for (let yy = s.across[0]; yy <= s.across[1]; yy++) for (let x = s.along[0]; x <= s.along[1]; x++) covered[yy * r.w + x] = 1;
  }
  for (const s of strokes(r, 'v', vPix, minLen)) {
    const x = (s.across[0] + s.across[1] + 1) / 2;
    out.lines.push(lineOf(toPage(x, s.along[0]), toPage(x, s.along[1] + 1)));
    for (let xx = s.across[0]; xx <= s.across[1]; xx++) for (let y = s.along[0]; y <= s.along[1]; y++) covered[y * r.w + xx] = 1;
  }
  for (const blob of leftovers(r, covered, pxPerPt)) out.blobs.push({ pts: blob.map((p) => toPage(p.x, p.y)), box: boxOf(blob.map((p) => toPage(p.x, p.y))), color: '#000000' });
}

const lineOf = (a: Pt, b: Pt): Line => ({ pts: [a, b], box: boxOf([a, b]), color: '#000000', raster: true });

/** For every pixel, the length of the run of ink along its row (or column) that holds it. */
function runLengths(r: Raster, dir: 'h' | 'v'): Uint16Array {
  const out = new Uint16Array(r.w * r.h);
  const n = dir === 'h' ? r.h : r.w;
  const len = dir === 'h' ? r.w : r.h;
  const idx = (i: number, j: number): number => (dir === 'h' ? i * r.w + j : j * r.w + i);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < len; ) {
      if (!r.ink[idx(i, j)]) {
        j++;
        continue;
      }
      const start = j;
      while (j < len && r.ink[idx(i, j)]) j++;
      for (let k = start; k < j; k++) out[idx(i, k)] = Math.min(65535, j - start);
    }
  }
  return out;
}

/** Runs of stroke pixels along rows (or columns), side-by-side runs of the same extent merged. */
function strokes(r: Raster, dir: 'h' | 'v', isStroke: (i: number) => boolean, minLen: number): Stroke[] {
  const n = dir === 'h' ? r.h : r.w;
  const len = dir === 'h' ? r.w : r.h;
  const idx = (i: number, j: number): number => (dir === 'h' ? i * r.w + j : j * r.w + i);
  const open: Array<Stroke & { last: number }> = [];
  const done: Stroke[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < len; ) {
      if (!isStroke(idx(i, j))) {
        j++;
        continue;
      }
      const start = j;
      while (j < len && isStroke(idx(i, j))) j++;
      if (j - start < minLen) continue;
      const s = open.find((o) => o.last === i - 1 && start <= o.along[1] && j - 1 >= o.along[0]);
      if (s) {
        s.across[1] = i;
        s.last = i;
        s.along = [Math.min(s.along[0], start), Math.max(s.along[1], j - 1)];
      } else {
        open.push({ along: [start, j - 1], across: [i, i], last: i });
      }
    }
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.last < i) done.push(...open.splice(k, 1));
  }
  return [...done, ...open];
}

/** Connected ink not on any stroke, sized like an arrowhead: its extreme points, in pixels. */
function leftovers(r: Raster, covered: Uint8Array, pxPerPt: number): Pt[][] {
  const seen = new Uint8Array(r.w * r.h);
  const out: Pt[][] = [];
  for (let start = 0; start < r.w * r.h; start++) {
    if (!r.ink[start] || covered[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    const pts: Pt[] = [];
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % r.w;
      const y = (i - x) / r.w;
      pts.push({ x: x + 0.5, y: y + 0.5 });
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const nx = x + dx;
        const ny = y + dy;
        const j = ny * r.w + nx;
        if (nx < 0 || ny < 0 || nx >= r.w || ny >= r.h || seen[j] || !r.ink[j] || covered[j]) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const b = boxOf(pts);
    const size = Math.max(width(b), height(b)) / pxPerPt;
    if (size < 1.5 || size > 12 || pts.length < 6) continue;
    out.push(extremes(pts));
  }
  return out;
}

/** The points of a pixel set furthest out in eight directions (enough to find where a head points). */
function extremes(pts: readonly Pt[]): Pt[] {
  const dirs = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]] as const;
  const hull = dirs.map(([dx, dy]) => pts.reduce((a, p) => (p.x * dx + p.y * dy > a.x * dx + a.y * dy ? p : a), pts[0]!));
  // order around the centre so the points form a polygon
  const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  return [...new Set(hull)].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
}
