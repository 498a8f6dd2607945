// Charts drawn on the server as inline SVG (no chart library, no script): horizontal bars (share
// within the standard per step, reason counts) and lines (monthly trend). Every text is escaped.
import type { Level } from './report-figures.js';

const COLOURS: Record<Level, string> = { good: '#1e6b34', warn: '#8a4b00', bad: '#b00020', none: '#8c959f' };
const SERIES = ['#0b5394', '#8a4b00', '#1e6b34', '#6f42c1', '#b00020', '#4a5560', '#0a7d8c'];
const WIDTH = 640;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

let counter = 0;
const open = (title: string, height: number): [string, string] => {
  const id = `chart-${++counter}`;
  return [`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${height}"><title id="${id}">${escapeXml(title)}</title>`, '</svg>'];
};

export interface Bar {
  label: string;
  value: number | null; // 0..1 of the scale
  text: string; // shown after the bar
  level?: Level;
}

/** Horizontal bars on a 0..1 scale, with an optional dashed threshold line (e.g. 80%). */
export function barChart(title: string, bars: Bar[], threshold?: { value: number; label: string }): string {
  const row = 26;
  const left = 230;
  const span = WIDTH - left - 110;
  const height = bars.length * row + 30;
  const [head, tail] = open(title, height);
  const body = bars.map((b, i) => {
    const y = 10 + i * row;
    const w = b.value === null ? 0 : Math.max(1, Math.round(Math.min(1, b.value) * span));
    return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1b1f24">${escapeXml(b.label)}</text>` +
      `<rect x="${left}" y="${y + 3}" width="${w}" height="16" fill="${COLOURS[b.level ?? 'none']}" />` +
      `<text x="${left + w + 6}" y="${y + 15}" font-size="12" fill="#1b1f24">${escapeXml(b.text)}</text>`;
  });
  const line = threshold
    ? `<line x1="${left + threshold.value * span}" y1="4" x2="${left + threshold.value * span}" y2="${height - 18}" stroke="#1b1f24" stroke-dasharray="4 3" />` +
      `<text x="${left + threshold.value * span}" y="${height - 4}" text-anchor="middle" font-size="11" fill="#4a5560">${escapeXml(threshold.label)}</text>`
    : '';
  return `${head}${body.join('')}${line}${tail}`;
}

export interface Series {
  name: string;
  values: Array<number | null>; // 0..1, aligned with the labels
}

/** Lines over months on a 0..100% scale; a gap where a value is missing; legend under the plot. */
export function lineChart(title: string, labels: string[], series: Series[], threshold?: number): string {
  const [left, top, plotH] = [44, 12, 150];
  const plotW = WIDTH - left - 36;
  const legendRows = Math.ceil(series.length / 3);
  const height = top + plotH + 30 + legendRows * 18;
  const [head, tail] = open(title, height);
  const x = (i: number) => left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => top + plotH - v * plotH;
  const grid = [0, 0.5, 1].map((v) => `<line x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" stroke="#c9d1d9" /><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#4a5560">${v * 100}%</text>`);
  const ticks = labels.map((l, i) => `<text x="${x(i)}" y="${top + plotH + 16}" text-anchor="middle" font-size="11" fill="#4a5560">${escapeXml(l)}</text>`);
  const limit = threshold === undefined ? '' : `<line x1="${left}" y1="${y(threshold)}" x2="${left + plotW}" y2="${y(threshold)}" stroke="#1b1f24" stroke-dasharray="4 3" />`;
  const lines = series.map((s, k) => {
    const colour = SERIES[k % SERIES.length];
    const segments: string[][] = [[]];
    s.values.forEach((v, i) => (v === null ? segments.push([]) : segments.at(-1)!.push(`${x(i)},${y(Math.min(1, v))}`)));
    const paths = segments.filter((p) => p.length > 1).map((p) => `<polyline points="${p.join(' ')}" fill="none" stroke="${colour}" stroke-width="2" />`);
    const dots = s.values.map((v, i) => (v === null ? '' : `<circle cx="${x(i)}" cy="${y(Math.min(1, v))}" r="3" fill="${colour}" />`));
    const lx = 10 + (k % 3) * 210;
    const ly = top + plotH + 36 + Math.floor(k / 3) * 18;
    return `${paths.join('')}${dots.join('')}<rect x="${lx}" y="${ly - 9}" width="12" height="4" fill="${colour}" /><text x="${lx + 16}" y="${ly - 4}" font-size="11" fill="#1b1f24">${escapeXml(s.name)}</text>`;
  });
  return `${head}${grid.join('')}${ticks.join('')}${limit}${lines.join('')}${tail}`;
}
