// Puts the table pages together: rows in order across pages (a row broken by a page joined again),
// each symbol in its row and Pelaksana column, arrows through off-page connectors made direct, and
// every doubt recorded as a problem on its row.
import type { ImportProblem, TableConnector, TableRow, TableShape } from '../types.js';
import type { ChartNode } from './chart.js';
import type { TablePage } from './table-pages.js';
import type { TableColumn } from './table-header.js';
import { rowAt } from './table-body.js';
import { centre } from './geometry.js';
import { isBlankMark, joinLines, listItems, type TextLine } from './text-lines.js';
import { resolveJoiners } from './offpage.js';

interface DraftRow {
  page: number;
  cells: Map<TableColumn['role'], TextLine[]>;
  nodes: ChartNode[];
}

const PAGE_NUMBER = /^[-–]?\s*\d{1,3}\s*[-–]?$/;

export interface Assembled {
  columns: string[];
  rows: TableRow[];
  connectors: TableConnector[];
  problems: ImportProblem[];
}

const problem = (code: string, row: number | null, step: string, args?: Record<string, string>, severity: ImportProblem['severity'] = 'warning'): ImportProblem => ({
  code,
  severity,
  row,
  step,
  elementId: null,
  ...(args ? { args } : {}),
});

export function assemble(pages: readonly TablePage[]): Assembled {
  const problems: ImportProblem[] = [];
  const actorNames = pages[0]!.columns.filter((c) => c.role === 'actor').map((c) => c.header);
  const drafts: DraftRow[] = [];
  const rowOfNode = new Map<ChartNode, DraftRow>();
  const draftOfPageRow = new Map<string, DraftRow>();
  const outside: ChartNode[] = [];
  for (const [pi, tp] of pages.entries()) {
    const rowNodes = new Map<number, ChartNode[]>();
    for (const node of tp.chart.nodes) {
      if (node.kind === 'connector') continue;
      const c = centre(node.box);
      let row = rowAt(tp.body.rows, c.y);
      if (!row && tp.body.rows.length) {
        row = tp.body.rows.reduce((a, r) => (Math.abs((r.top + r.bottom) / 2 - c.y) < Math.abs((a.top + a.bottom) / 2 - c.y) ? r : a));
        outside.push(node);
      }
      if (!row) continue;
      const i = tp.body.rows.indexOf(row);
      rowNodes.set(i, [...(rowNodes.get(i) ?? []), node]);
    }
    let firstOnPage = true;
    tp.body.rows.forEach((row, i) => {
      const nodes = rowNodes.get(i) ?? [];
      const cells = new Map<TableColumn['role'], TextLine[]>();
      tp.columns.forEach((col, ci) => {
        if (col.role === 'actor' || col.role === 'ignored') return;
        cells.set(col.role, [...(cells.get(col.role) ?? []), ...(row.cells[ci] ?? [])]);
      });
      const allText = [...cells.values()].flat().map((l) => l.text).join(' ').trim();
      // nothing in it, or only a page number ("- 3 -") between the table's last rule and a rule under it
      if (!nodes.length && (!allText || PAGE_NUMBER.test(allText))) return;
      const last = drafts[drafts.length - 1];
      const noText = (cells.get('no') ?? []).map((l) => l.text).join('').trim();
      if (firstOnPage && pi > 0 && last && !noText) {
        // a row broken by the page: its cells and symbols go on in the row before
        for (const [role, lines] of cells) last.cells.set(role, [...(last.cells.get(role) ?? []), ...lines]);
        last.nodes.push(...nodes);
        nodes.forEach((n) => rowOfNode.set(n, last));
        draftOfPageRow.set(`${tp.page}:${i}`, last);
      } else {
        const draft: DraftRow = { page: tp.page, cells, nodes: [...nodes] };
        drafts.push(draft);
        nodes.forEach((n) => rowOfNode.set(n, draft));
        draftOfPageRow.set(`${tp.page}:${i}`, draft);
      }
      firstOnPage = false;
    });
  }
  const rows: TableRow[] = drafts.map((d) => toRow(d));
  const rowIndex = (d: DraftRow | undefined): number | null => (d ? drafts.indexOf(d) + 1 : null);
  const stepOf = (n: number | null): string => (n ? (rows[n - 1]?.kegiatan ?? '') : '');
  // shapes, in table order and left to right within a row
  const ids = new Map<ChartNode, string>();
  let next = 1;
  drafts.forEach((d, ri) => {
    const tp = pages.find((p) => p.page === d.page)!;
    const actorCols = tp.columns.filter((c) => c.role === 'actor');
    // left to right; symbols stacked in one column, top to bottom
    d.nodes.sort((a, b) => {
      const dx = centre(a.box).x - centre(b.box).x;
      return Math.abs(dx) > 3 ? dx : centre(a.box).y - centre(b.box).y;
    });
    rows[ri]!.shapes = d.nodes.map((n): TableShape => {
      const id = `s${next++}`;
      ids.set(n, id);
      const x = centre(n.box).x;
      const col = actorCols.findIndex((c) => x >= c.x0 && x < c.x1);
      if (col < 0) problems.push(problem('shape-no-lane', ri + 1, rows[ri]!.kegiatan, { shape: n.kind }));
      if (outside.includes(n)) problems.push(problem('shape-outside-row', ri + 1, rows[ri]!.kegiatan, { shape: n.kind }));
      return { id, kind: n.kind as TableShape['kind'], column: col < 0 ? null : col, text: n.text };
    });
    if (!d.nodes.length) problems.push(problem('row-no-shape', ri + 1, rows[ri]!.kegiatan));
  });
  // arrows: page joiners resolved into direct arrows between the real symbols
  const arrows = pages.flatMap((p) => p.chart.arrows);
  const joinerPage = new Map<ChartNode, number>();
  for (const p of pages) for (const n of p.chart.nodes) if (n.kind === 'connector') joinerPage.set(n, p.page);
  const resolved = resolveJoiners(arrows, joinerPage);
  const rowOfArrowEnd = (n: ChartNode): number | null => rowIndex(rowOfNode.get(n));
  for (const j of resolved.unpaired) {
    const touching = arrows.find((a) => a.from === j || a.to === j);
    const other = touching ? (touching.from === j ? touching.to : touching.from) : null;
    const r = other ? rowOfArrowEnd(other) : null;
    problems.push(problem('dangling-connector', r, stepOf(r), { connector: j.text || '?' }, 'error'));
  }
  const connectors: TableConnector[] = [];
  const seen = new Set<string>();
  for (const a of resolved.arrows) {
    const from = ids.get(a.from);
    const to = ids.get(a.to);
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}`;
    if (seen.has(key)) {
      const prior = connectors.find((c) => c.from === from && c.to === to);
      if (prior && !prior.label && a.label) prior.label = a.label;
      continue;
    }
    seen.add(key);
    if (a.undirected) {
      // a line without an arrowhead is no arrow: not a flow, but said, since the shapes look joined
      const r = rowOfArrowEnd(a.from);
      problems.push(problem('connector-no-arrow', r, stepOf(r), { from, to }));
      continue;
    }
    connectors.push({ from, to, label: a.label });
    if (a.fromImage) {
      const r = rowOfArrowEnd(a.from);
      problems.push(problem('connector-from-image', r, stepOf(r), { from, to }));
    }
  }
  for (const p of pages) {
    for (const issue of p.chart.issues) {
      const pageRow = rowAt(p.body.rows, issue.at.y);
      const r = issue.node ? rowOfArrowEnd(issue.node) : rowIndex(pageRow ? draftOfPageRow.get(`${p.page}:${p.body.rows.indexOf(pageRow)}`) : undefined);
      problems.push(problem(issue.code, r, stepOf(r), issue.args, issue.code === 'dangling-connector' ? 'error' : 'warning'));
    }
  }
  return { columns: actorNames, rows, connectors, problems };
}

function toRow(d: DraftRow): TableRow {
  const text = (role: TableColumn['role']): string => {
    const value = joinLines((d.cells.get(role) ?? []).map((l) => l.text));
    return isBlankMark(value) ? '' : value;
  };
  return {
    no: text('no'),
    page: d.page,
    kegiatan: text('kegiatan'),
    shapes: [],
    persyaratan: listItems((d.cells.get('persyaratan') ?? []).map((l) => l.text)),
    waktu: text('waktu'),
    output: text('output'),
    keterangan: text('keterangan'),
  };
}
