// One SVG per SOP table row for the HTML document: lane separators, the row's arrows, labels and
// flowchart symbols (see sop-chart.ts). Percentages place lines; nested SVGs place fixed-size shapes.
import { SYMBOL_SIZE, type ArrowSide, type ChartSymbol, type RowChart } from './sop-chart.js';

const pct = (f: number): string => `${(f * 100).toFixed(3)}%`;
const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Kind = ChartSymbol['kind'];

function shape(kind: Kind): string {
  const { w, h } = SYMBOL_SIZE[kind];
  if (kind === 'decision') return `<polygon class="sym decision" points="0,${-h} ${w},0 0,${h} ${-w},0"/>`;
  const rx = kind === 'terminator' ? h : 0;
  return `<rect class="sym ${kind}" x="${-w}" y="${-h}" width="${2 * w}" height="${2 * h}" rx="${rx}"/>`;
}

function arrowhead(side: ArrowSide, kind: Kind): string {
  const { w, h } = SYMBOL_SIZE[kind];
  const points =
    side === 'top' ? `-4,${-h - 7} 4,${-h - 7} 0,${-h}` : side === 'left' ? `${-w - 7},-4 ${-w - 7},4 ${-w},0` : `${w + 7},-4 ${w + 7},4 ${w},0`;
  return `<polygon class="head" points="${points}"/>`;
}

export function rowSvg(chart: RowChart, columns: number): string {
  const separators = Array.from({ length: Math.max(0, columns - 1) }, (_, i) => pct((i + 1) / columns))
    .map((x) => `<line class="lane" x1="${x}" y1="0" x2="${x}" y2="100%"/>`);
  const lines = chart.segments.map((s) => `<line class="flow" x1="${pct(s.x1)}" y1="${pct(s.y1)}" x2="${pct(s.x2)}" y2="${pct(s.y2)}"/>`);
  const labels = chart.labels.map((l) => (l.anchor === 'end'
    ? `<text class="label" x="${pct(l.x)}" y="${pct(l.y)}" dx="-4" text-anchor="end">${escapeXml(l.text)}</text>`
    : `<text class="label" x="${pct(l.x)}" y="${pct(l.y)}" dx="4">${escapeXml(l.text)}</text>`));
  const symbols = chart.symbols.map((sym, i) => {
    const heads = chart.arrows.filter((a) => a.symbol === i).map((a) => arrowhead(a.side, sym.kind)).join('');
    return `<svg x="${pct(sym.x)}" y="50%" width="1" height="1" overflow="visible">${shape(sym.kind)}${heads}</svg>`;
  });
  // the row's own shape last, so it stays whole where two shapes of a row share a lane
  return `<svg class="sop-flow" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">${[...separators, ...lines, ...symbols.reverse(), ...labels].join('')}</svg>`;
}
