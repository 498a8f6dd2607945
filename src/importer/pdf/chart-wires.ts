// Connector lines of the chart as wires: lines touching end-to-end or end-to-side form one wire (a
// connector drawn in several pieces, or two connectors merging into one), and each line end is a
// head (an arrowhead sits on it), a junction (it touches another line of the wire) or a free end.
import type { Blob, Line } from './primitives.js';
import { boxOf, dist, distToPolyline, grow, height, polygonArea, width, GridIndex, type Pt } from './geometry.js';

/** An arrowhead: where it points and how it was drawn (a filled triangle, or an open "V" of two strokes). */
export interface Arrowhead {
  tip: Pt;
  /** unit vector the head points along */
  dir: Pt;
  /** centre of the head's body, for the line search */
  body: Pt;
  size: number;
}

export interface LineEnd {
  line: number;
  /** 0: the line's first point, 1: its last */
  end: 0 | 1;
  at: Pt;
  head: Arrowhead | null;
  joined: boolean;
}

export interface Wire {
  lines: number[];
  ends: LineEnd[];
}

/** How far apart two line ends (or an end and a line) may be and still be one drawn line. */
export const JOIN_TOL = 1.8;

/** Filled blobs shaped like a triangle (not a dot or a square) are arrowheads. */
export function arrowheadsOf(blobs: readonly Blob[]): Blob[] {
  return blobs.filter((b) => {
    const ratio = Math.abs(polygonArea(b.pts)) / Math.max(1e-6, width(b.box) * height(b.box));
    return ratio > 0.15 && ratio < 0.7; // a filled triangle (~0.5) or a filled "V" chevron (~0.25), not a dot (~0.78)
  });
}

/** Open "V" arrowheads drawn as a 3-point stroke; removed from the lines and returned as heads. */
export function takeVeeHeads(lines: Line[]): Array<{ vertex: Pt; arms: [Pt, Pt] }> {
  const vees: Array<{ vertex: Pt; arms: [Pt, Pt] }> = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const pts = lines[i]!.pts;
    if (pts.length !== 3) continue;
    const [a, v, b] = pts as [Pt, Pt, Pt];
    const la = dist(a, v);
    const lb = dist(b, v);
    if (la > 10 || lb > 10 || la < 1.5 || lb < 1.5 || Math.abs(la - lb) > 0.35 * Math.max(la, lb)) continue;
    const cos = ((a.x - v.x) * (b.x - v.x) + (a.y - v.y) * (b.y - v.y)) / (la * lb);
    const angle = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
    if (angle < 20 || angle > 120) continue;
    vees.push({ vertex: v, arms: [a, b] });
    lines.splice(i, 1);
  }
  return vees;
}

/** Groups lines into wires and classifies every line end. */
export function wiresOf(lines: readonly Line[], heads: readonly Blob[], vees: ReadonlyArray<{ vertex: Pt; arms: [Pt, Pt] }>): Wire[] {
  const index = new GridIndex<number>(24);
  lines.forEach((l, i) => index.add(grow(l.box, JOIN_TOL), i));
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const ends: LineEnd[] = [];
  lines.forEach((l, i) => {
    ([0, 1] as const).forEach((end) => {
      const at = end === 0 ? l.pts[0]! : l.pts[l.pts.length - 1]!;
      let joined = false;
      for (const j of index.near(grow(boxOf([at]), JOIN_TOL))) {
        if (j === i || distToPolyline(at, lines[j]!.pts) > JOIN_TOL) continue;
        joined = true;
        parent[find(i)] = find(j);
      }
      ends.push({ line: i, end, at, head: null, joined });
    });
  });
  attachHeads(lines, ends, heads, vees);
  const wires = new Map<number, Wire>();
  lines.forEach((_, i) => {
    const root = find(i);
    const wire = wires.get(root) ?? { lines: [], ends: [] };
    wire.lines.push(i);
    wires.set(root, wire);
  });
  for (const e of ends) wires.get(find(e.line))!.ends.push(e);
  return [...wires.values()];
}

function attachHeads(lines: readonly Line[], ends: LineEnd[], heads: readonly Blob[], vees: ReadonlyArray<{ vertex: Pt; arms: [Pt, Pt] }>): void {
  const index = new GridIndex<LineEnd>(16);
  for (const e of ends) index.add(boxOf([e.at]), e);
  for (const h of heads) {
    const size = Math.max(width(h.box), height(h.box));
    const body = { x: (h.box.x0 + h.box.x1) / 2, y: (h.box.y0 + h.box.y1) / 2 };
    const reach = grow(h.box, 1.5);
    let best: LineEnd | null = null;
    for (const e of index.near(reach)) {
      if (e.head || e.at.x < reach.x0 || e.at.x > reach.x1 || e.at.y < reach.y0 || e.at.y > reach.y1) continue;
      if (!best || dist(e.at, body) < dist(best.at, body)) best = e;
    }
    if (!best) continue;
    const line = lines[best.line]!.pts;
    const prev = best.end === 0 ? (line[1] ?? line[0]!) : (line[line.length - 2] ?? line[0]!);
    const dx = best.at.x - prev.x;
    const dy = best.at.y - prev.y;
    // the tip is the head's point furthest along the line's last direction
    const tip = h.pts.reduce((a, p) => (p.x * dx + p.y * dy > a.x * dx + a.y * dy ? p : a), h.pts[0]!);
    const len = Math.hypot(dx, dy) || 1;
    best.head = { tip, dir: { x: dx / len, y: dy / len }, body, size };
  }
  for (const v of vees) {
    const near = index.near(grow(boxOf([v.vertex]), 6));
    const e = near.find((x) => !x.head && dist(x.at, v.vertex) <= 2.5) ?? near.find((x) => !x.head && dist(x.at, v.vertex) <= 6);
    if (!e) continue;
    const body = { x: (v.arms[0].x + v.arms[1].x) / 2, y: (v.arms[0].y + v.arms[1].y) / 2 };
    const len = dist(body, v.vertex) || 1;
    e.head = { tip: v.vertex, dir: { x: (v.vertex.x - body.x) / len, y: (v.vertex.y - body.y) / len }, body, size: dist(v.arms[0], v.arms[1]) };
  }
}

/** The lines of a wire between two of its lines, in order (breadth-first over touching lines). */
export function pathBetween(lines: readonly Line[], wire: Wire, from: number, to: number): number[] {
  if (from === to) return [from];
  const prev = new Map<number, number>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const next of wire.lines) {
      if (prev.has(next) || !touching(lines[cur]!, lines[next]!)) continue;
      prev.set(next, cur);
      if (next === to) {
        const path = [to];
        while (path[0] !== from) path.unshift(prev.get(path[0]!)!);
        return path;
      }
      queue.push(next);
    }
  }
  return [from, to];
}

function touching(a: Line, b: Line): boolean {
  const ends = (l: Line): Pt[] => [l.pts[0]!, l.pts[l.pts.length - 1]!];
  return ends(a).some((p) => distToPolyline(p, b.pts) <= JOIN_TOL) || ends(b).some((p) => distToPolyline(p, a.pts) <= JOIN_TOL);
}
