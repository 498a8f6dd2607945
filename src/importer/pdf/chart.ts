// The flowchart drawn in the Pelaksana columns of one page: its symbols (with the text inside them),
// the arrows between them (tail: the symbol nearest a line's free end; head: the symbol its arrowhead
// touches) and the labels printed beside the arrows ("Ya", "Tidak", "Belum Sesuai").
import { ImportRefusedError } from '../types.js';
import type { TextPiece } from './page-content.js';
import type { Line, Primitives } from './primitives.js';
import type { ChartSymbol } from './shapes.js';
import { arrowheadsOf, pathBetween, takeVeeHeads, wiresOf, type LineEnd, type Wire } from './chart-wires.js';
import { assignLabels, labelPhrases } from './chart-labels.js';
import { boxGap, centre, dist, distToBox, distToPolyline, distToSegment, grow, inBox, pointInPolygon, GridIndex, type Box, type Pt } from './geometry.js';
import { joinLines, linesOf } from './text-lines.js';

export interface ChartNode extends ChartSymbol {
  text: string;
}

export interface ChartArrow {
  from: ChartNode;
  to: ChartNode;
  label: string;
  /** the drawn path from tail to head, for placing labels */
  path: Pt[][];
  /** no arrowhead was drawn: the direction is a guess (reading order) */
  undirected: boolean;
  /** read from a picture of the arrow rather than from vector lines */
  fromImage: boolean;
}

export interface ChartIssue {
  code: 'dangling-connector' | 'label-unassigned' | 'label-ambiguous' | 'shape-unclear';
  at: Pt;
  node: ChartNode | null;
  args: Record<string, string>;
}

export interface PageChart {
  nodes: ChartNode[];
  arrows: ChartArrow[];
  issues: ChartIssue[];
}

/** How close a free line end must come to a symbol to start or end there. */
const ATTACH_TOL = 4;
/** How close an arrowhead's tip must come to the symbol it points at. */
const HEAD_TOL = 6;
/** An arrowhead stopping short of its symbol still points at the one this far straight ahead. */
const HEAD_REACH = 14;
/** A line end that stops short of any symbol still belongs to the nearest one this close. */
const ATTACH_FAR = 14;

export interface ChartInput {
  prims: Primitives;
  symbols: readonly ChartSymbol[];
  texts: readonly TextPiece[];
  /** the Pelaksana area of the page (symbols and labels outside it are not the chart's) */
  area: Box;
  /** where connector labels may be: the Pelaksana columns proper, within the table's body */
  labelArea: Box;
  /** a table rule, not a connector */
  isRule: (line: Line) => boolean;
}

/** More than this in one page's chart area is no flowchart (a hatched drawing, a map): refused. */
export const CHART_LIMITS = { symbols: 600, lines: 3000, texts: 3000 };
/** A wire of more lines than this is a drawing, not a connector. */
const MAX_WIRE_LINES = 60;

export function readChart(input: ChartInput): PageChart {
  const { area } = input;
  const inArea = (b: Box): boolean => inBox(centre(b), area);
  const nodes: ChartNode[] = input.symbols.filter((s) => inArea(s.box)).map((s) => ({ ...s, text: '' }));
  const areaLines = input.prims.lines.filter((l) => boxGap(l.box, area) === 0);
  if (nodes.length > CHART_LIMITS.symbols || areaLines.length > CHART_LIMITS.lines || input.texts.length > CHART_LIMITS.texts) {
    throw new ImportRefusedError('too-large', { reason: 'chart' });
  }
  const used = new Set<TextPiece>();
  for (const node of nodes) {
    const inside = input.texts.filter((t) => insideNode(node, t));
    inside.forEach((t) => used.add(t));
    node.text = joinLines(linesOf(inside).map((l) => l.text));
  }
  const nodeIndex = new GridIndex<ChartNode>(32);
  for (const n of nodes) nodeIndex.add(n.box, n);
  const lines = withoutDuplicates(areaLines.filter((l) => !input.isRule(l) && !nodeIndex.near(l.box).some((n) => insideBox(l.box, grow(n.box, -0.5)))));
  const vees = takeVeeHeads(lines);
  const heads = arrowheadsOf(input.prims.blobs.filter((b) => boxGap(b.box, area) === 0));
  const wires = wiresOf(lines, heads, vees);
  const arrows: ChartArrow[] = [];
  const issues: ChartIssue[] = [];
  for (const wire of wires) if (wire.lines.length <= MAX_WIRE_LINES) arrowsOfWire(wire, lines, nodes, arrows, issues);
  const labels = labelPhrases(input.texts.filter((t) => !used.has(t) && inBox({ x: (t.x0 + t.x1) / 2, y: (t.top + t.bottom) / 2 }, input.labelArea)));
  const { unplaced, ambiguous } = assignLabels(labels, arrows);
  for (const l of unplaced) issues.push({ code: 'label-unassigned', at: { x: (l.x0 + l.x1) / 2, y: (l.top + l.bottom) / 2 }, node: null, args: { label: l.text } });
  for (const l of ambiguous) issues.push({ code: 'label-ambiguous', at: { x: (l.x0 + l.x1) / 2, y: (l.top + l.bottom) / 2 }, node: null, args: { label: l.text } });
  return { nodes, arrows, issues };
}

/** A line drawn twice (a picture pasted twice, a stroke over its own fill) is kept once. */
function withoutDuplicates(lines: Line[]): Line[] {
  const index = new GridIndex<Line>(24);
  const kept: Line[] = [];
  const ends = (l: Line): [Pt, Pt] => [l.pts[0]!, l.pts[l.pts.length - 1]!];
  for (const line of lines) {
    const [a, b] = ends(line);
    const twin = index.near(grow(line.box, 1.5)).some((k) => {
      const [c, d] = ends(k);
      return (dist(a, c) <= 1.5 && dist(b, d) <= 1.5) || (dist(a, d) <= 1.5 && dist(b, c) <= 1.5);
    });
    if (twin) continue;
    kept.push(line);
    index.add(line.box, line);
  }
  return kept;
}

const insideBox = (inner: Box, outer: Box): boolean => inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;

function insideNode(node: ChartNode, t: TextPiece): boolean {
  const c = { x: (t.x0 + t.x1) / 2, y: (t.top + t.bottom) / 2 };
  if (node.kind === 'decision') return pointInPolygon(c, node.pts);
  return inBox(c, grow(node.box, -0.5));
}

/** Distance from a point to a symbol's outline (0 inside). */
function distToNode(p: Pt, n: ChartNode): number {
  if (n.kind !== 'decision') return distToBox(p, n.box);
  if (pointInPolygon(p, n.pts)) return 0;
  let best = Infinity;
  for (let i = 0; i < n.pts.length; i++) best = Math.min(best, distToSegment(p, n.pts[i]!, n.pts[(i + 1) % n.pts.length]!));
  return best;
}

function nodeAt(p: Pt, nodes: readonly ChartNode[], tol: number): ChartNode | null {
  let best: ChartNode | null = null;
  let bestD = Infinity;
  for (const n of nodes) {
    const d = distToNode(p, n);
    if (d <= tol && d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

/** The symbol an arrowhead points at across a small gap: straight ahead of the tip, within reach. */
function nodeAhead(tip: Pt, dir: Pt, nodes: readonly ChartNode[]): ChartNode | null {
  let best: ChartNode | null = null;
  let bestD = HEAD_REACH;
  for (let step = 1; step <= HEAD_REACH; step += 1) {
    const probe = { x: tip.x + dir.x * step, y: tip.y + dir.y * step };
    const hit = nodes.find((n) => distToNode(probe, n) === 0);
    if (hit && step < bestD) {
      best = hit;
      bestD = step;
      break;
    }
  }
  return best;
}

function arrowsOfWire(wire: Wire, lines: readonly Line[], nodes: readonly ChartNode[], arrows: ChartArrow[], issues: ChartIssue[]): void {
  const heads = wire.ends.filter((e) => e.head);
  const fromImage = wire.lines.some((i) => lines[i]!.raster === true);
  const free = wire.ends.filter((e) => !e.head && !e.joined);
  const tails = free
    .map((e) => ({ end: e, node: nodeAt(e.at, nodes, ATTACH_TOL) ?? nodeAt(e.at, nodes, ATTACH_FAR) }))
    .filter((t): t is { end: LineEnd; node: ChartNode } => t.node !== null);
  if (!heads.length) {
    const distinct = [...new Set(tails.map((t) => t.node))];
    if (distinct.length === 2) {
      // reading order: the upper one first, left to right on one level
      const [a, b] = distinct.sort((x, y) => (Math.abs(centre(x.box).y - centre(y.box).y) > 5 ? centre(x.box).y - centre(y.box).y : centre(x.box).x - centre(y.box).x)) as [ChartNode, ChartNode];
      const ta = tails.find((t) => t.node === a)!;
      const tb = tails.find((t) => t.node === b)!;
      arrows.push({ from: a, to: b, label: '', path: pathOf(lines, wire, ta.end, tb.end), undirected: true, fromImage });
    }
    return;
  }
  for (const h of heads) {
    const target = nodeAt(h.head!.tip, nodes, HEAD_TOL) ?? nodeAt(h.at, nodes, ATTACH_TOL) ?? nodeAhead(h.head!.tip, h.head!.dir, nodes);
    const sources = tails.filter((t) => t.node !== target);
    if (!target || !sources.length) {
      const known = target ?? sources[0]?.node ?? null;
      issues.push({ code: 'dangling-connector', at: h.head!.tip, node: known, args: { end: target ? 'tail' : 'head' } });
      continue;
    }
    for (const s of sources) arrows.push({ from: s.node, to: target, label: '', path: pathOf(lines, wire, s.end, h), undirected: false, fromImage });
  }
}

/** The drawn route from one line end to another across the wire's lines, cut at the junctions. */
function pathOf(lines: readonly Line[], wire: Wire, from: LineEnd, to: LineEnd): Pt[][] {
  const route = pathBetween(lines, wire, from.line, to.line);
  const out: Pt[][] = [];
  let entry = from.at;
  route.forEach((li, k) => {
    const pts = lines[li]!.pts;
    const next = route[k + 1];
    const exit = next === undefined ? to.at : junction(pts, lines[next]!.pts);
    out.push(slice(pts, entry, exit));
    entry = exit;
  });
  return out;
}

/** Where two touching lines meet: the end of one that lies on the other. */
function junction(a: readonly Pt[], b: readonly Pt[]): Pt {
  const candidates: Array<[Pt, readonly Pt[]]> = [
    [a[0]!, b],
    [a[a.length - 1]!, b],
    [b[0]!, a],
    [b[b.length - 1]!, a],
  ];
  return candidates.reduce((best, c) => (distToPolyline(c[0], c[1]) < distToPolyline(best[0], best[1]) ? c : best))[0];
}

/** The part of a polyline between the points nearest `a` and `b`. */
function slice(pts: readonly Pt[], a: Pt, b: Pt): Pt[] {
  const at = (p: Pt): { i: number; q: Pt; s: number } => {
    let best = { i: 0, q: pts[0]!, s: 0 };
    let bestD = Infinity;
    for (let i = 1; i < pts.length; i++) {
      const u = pts[i - 1]!;
      const v = pts[i]!;
      const len2 = (v.x - u.x) ** 2 + (v.y - u.y) ** 2;
      const t = len2 ? Math.max(0, Math.min(1, ((p.x - u.x) * (v.x - u.x) + (p.y - u.y) * (v.y - u.y)) / len2)) : 0;
      const q = { x: u.x + t * (v.x - u.x), y: u.y + t * (v.y - u.y) };
      const d = dist(p, q);
      if (d < bestD) {
        bestD = d;
        best = { i, q, s: i - 1 + t };
      }
    }
    return best;
  };
  const pa = at(a);
  const pb = at(b);
  const [s, e] = pa.s <= pb.s ? [pa, pb] : [pb, pa];
  const inner = pts.slice(s.i, e.i);
  return [s.q, ...inner, e.q];
}
