// Ruling lines of a page: every horizontal or vertical stretch drawn as a line, a thin filled bar or
// a rectangle's edge, merged into maximal rules, so a table's grid reads the same however it was drawn.
import type { Primitives } from './primitives.js';
import { classifyOutline } from './shapes.js';
import type { Pt } from './geometry.js';

export interface Rule {
  orient: 'h' | 'v';
  /** y of a horizontal rule, x of a vertical one */
  at: number;
  from: number;
  to: number;
}

const AXIS_TOL = 0.9;
const MIN_RULE = 4;
const MERGE_GAP = 2.5;

export function rulesOf(prims: Primitives): Rule[] {
  const raw: Rule[] = [];
  const addSegment = (a: Pt, b: Pt): void => {
    if (Math.abs(a.y - b.y) <= AXIS_TOL && Math.abs(a.x - b.x) >= MIN_RULE) {
      raw.push({ orient: 'h', at: (a.y + b.y) / 2, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) });
    } else if (Math.abs(a.x - b.x) <= AXIS_TOL && Math.abs(a.y - b.y) >= MIN_RULE) {
      raw.push({ orient: 'v', at: (a.x + b.x) / 2, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) });
    }
  };
  for (const line of prims.lines) for (let i = 1; i < line.pts.length; i++) addSegment(line.pts[i - 1]!, line.pts[i]!);
  for (const o of prims.outlines) {
    if (o.filled || classifyOutline(o) !== 'process') continue; // a filled area's edge is no drawn line
    const { x0, y0, x1, y1 } = o.box;
    addSegment({ x: x0, y: y0 }, { x: x1, y: y0 });
    addSegment({ x: x0, y: y1 }, { x: x1, y: y1 });
    addSegment({ x: x0, y: y0 }, { x: x0, y: y1 });
    addSegment({ x: x1, y: y0 }, { x: x1, y: y1 });
  }
  return [...merge(raw.filter((r) => r.orient === 'h')), ...merge(raw.filter((r) => r.orient === 'v'))];
}

function merge(rules: Rule[]): Rule[] {
  rules.sort((a, b) => a.at - b.at || a.from - b.from);
  const bands: Rule[][] = [];
  for (const r of rules) {
    const band = bands[bands.length - 1];
    if (band && Math.abs(r.at - band[0]!.at) <= AXIS_TOL) band.push(r);
    else bands.push([r]);
  }
  const out: Rule[] = [];
  for (const band of bands) {
    band.sort((a, b) => a.from - b.from);
    let cur: Rule | null = null;
    for (const r of band) {
      if (cur && r.from <= cur.to + MERGE_GAP) {
        cur.to = Math.max(cur.to, r.to);
      } else {
        if (cur) out.push(cur);
        cur = { ...r };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Vertical rules crossing height y (within tol), as sorted, merged x positions. */
export function verticalsAt(rules: readonly Rule[], y: number, tol = 1.5): number[] {
  return mergePositions(rules.filter((r) => r.orient === 'v' && r.from - tol <= y && r.to + tol >= y).map((r) => r.at));
}

export function mergePositions(xs: number[], tol = 2): number[] {
  xs.sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last !== undefined && x - last <= tol) continue;
    out.push(x);
  }
  return out;
}

/** Horizontal rules covering the span [x0, x1] (within tol), sorted top to bottom. */
export function horizontalsAcross(rules: readonly Rule[], x0: number, x1: number, tol = 2.5): number[] {
  return mergePositions(rules.filter((r) => r.orient === 'h' && r.from <= x0 + tol && r.to >= x1 - tol).map((r) => r.at), 1.5);
}
