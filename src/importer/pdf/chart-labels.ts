// Connector labels: words printed in the Pelaksana area outside every symbol ("Ya", "Tidak", "Sudah
// sesuai" over two lines), each given to the arrow whose drawn path passes nearest.
import type { TextPiece } from './page-content.js';
import type { ChartArrow } from './chart.js';
import { distToSegment, type Pt } from './geometry.js';
import { phrasesOf } from './table-header.js';
import { joinLines, type TextLine } from './text-lines.js';

/** A label phrase: a text line of the chart area (several joined when it continues underneath). */
export type LabelText = TextLine;

/** Phrases of the chart area, a phrase continued on the line under it joined to it. */
export function labelPhrases(pieces: readonly TextPiece[]): LabelText[] {
  const phrases = phrasesOf(pieces).sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const out: Array<LabelText & { lines: string[] }> = [];
  for (const p of phrases) {
    const above = out.find((l) => p.top - l.bottom < 0.5 * p.size && p.top > l.top && Math.abs(p.x0 - l.x0) < p.size);
    if (above) {
      above.lines.push(p.str);
      above.text = joinLines(above.lines);
      above.x1 = Math.max(above.x1, p.x1);
      above.bottom = p.bottom;
    } else {
      out.push({ text: p.str, x0: p.x0, x1: p.x1, top: p.top, bottom: p.bottom, size: p.size, lines: [p.str] });
    }
  }
  return out.map(({ lines: _lines, ...l }) => l);
}

/**
 * Distance from a label's box to a segment. NOTE: a label is printed beside the stretch it names, so
 * a straight segment the label does not lie alongside counts from its end, with a penalty.
 */
function boxToSegment(l: LabelText, a: Pt, b: Pt): number {
  if (Math.abs(a.x - b.x) < 0.5 || Math.abs(a.y - b.y) < 0.5) {
    const vertical = Math.abs(a.x - b.x) < 0.5;
    const [lo, hi] = vertical ? [Math.min(a.y, b.y), Math.max(a.y, b.y)] : [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [l0, l1] = vertical ? [l.top, l.bottom] : [l.x0, l.x1];
    const overlap = Math.min(l1, hi) - Math.max(l0, lo);
    if (overlap >= ALONGSIDE_SHARE * (l1 - l0)) return vertical ? Math.max(0, l.x0 - a.x, a.x - l.x1) : Math.max(0, l.top - a.y, a.y - l.bottom);
    return nearestCorner(l, a, b) + ALONGSIDE_PENALTY;
  }
  return nearestCorner(l, a, b);
}

const ALONGSIDE_PENALTY = 4;
/** How much of a label must lie alongside a straight stretch to be beside it. */
const ALONGSIDE_SHARE = 0.25;

function nearestCorner(l: LabelText, a: Pt, b: Pt): number {
  const pts: Pt[] = [
    { x: l.x0, y: l.top },
    { x: l.x1, y: l.top },
    { x: l.x0, y: l.bottom },
    { x: l.x1, y: l.bottom },
    { x: (l.x0 + l.x1) / 2, y: (l.top + l.bottom) / 2 },
  ];
  // a segment through the box (a label printed on the line) is at distance 0
  const crosses =
    Math.max(Math.min(a.x, b.x), l.x0) <= Math.min(Math.max(a.x, b.x), l.x1) && Math.max(Math.min(a.y, b.y), l.top) <= Math.min(Math.max(a.y, b.y), l.bottom);
  if (crosses) return 0;
  return Math.min(...pts.map((p) => distToSegment(p, a, b)));
}

function distToPath(l: LabelText, path: readonly Pt[][]): number {
  let best = Infinity;
  for (const part of path) for (let i = 1; i < part.length; i++) best = Math.min(best, boxToSegment(l, part[i - 1]!, part[i]!));
  return best;
}

/** A label placed about as near to another arrow as to the one it was given. */
const AMBIGUOUS_WITHIN = 1.5;

/**
 * Gives each label to the nearest unlabelled arrow (nearest pairs first; on a tie an arrow leaving a
 * decision wins), at most one label per arrow. Returns the labels no arrow took and those placed
 * about as near to another arrow (the reader's guess, to be checked).
 */
export function assignLabels(labels: readonly LabelText[], arrows: ChartArrow[]): { unplaced: LabelText[]; ambiguous: LabelText[] } {
  const pairs: Array<{ label: LabelText; arrow: ChartArrow; d: number }> = [];
  for (const label of labels) {
    const reach = Math.max(22, 3 * label.size);
    for (const arrow of arrows) {
      const d = distToPath(label, arrow.path);
      if (d <= reach) pairs.push({ label, arrow, d: d - (arrow.from.kind === 'decision' ? 0.75 : 0) });
    }
  }
  pairs.sort((a, b) => a.d - b.d);
  const placed = new Set<LabelText>();
  const ambiguous: LabelText[] = [];
  for (const { label, arrow, d } of pairs) {
    if (placed.has(label) || arrow.label) continue;
    const rival = pairs.find((p) => p.label === label && p.arrow !== arrow && !p.arrow.label && p.arrow.to !== arrow.to && p.d - d < AMBIGUOUS_WITHIN);
    if (rival) ambiguous.push(label);
    arrow.label = label.text;
    placed.add(label);
  }
  return { unplaced: labels.filter((l) => !placed.has(l)), ambiguous };
}
