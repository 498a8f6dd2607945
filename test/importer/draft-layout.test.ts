// The draft's layout looks like the SOP document: vertical lanes left to right in header order, one layer
// per table row top to bottom, shapes centred in their lane, orthogonal arrows, loops back up along a
// lane's side, labels with bounds.
import { describe, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/importer/draft-graph.js';
import { layoutDraft, type Bounds, type Point } from '../../src/importer/draft-layout.js';
import { buildDraft } from '../../src/importer/build-draft.js';
import type { SopTable } from '../../src/importer/types.js';
import { pengirimanSurat, table } from './tables.js';

const cx = (b: Bounds): number => b.x + b.width / 2;
const inside = (b: Bounds, lane: Bounds): boolean => b.x >= lane.x && b.x + b.width <= lane.x + lane.width && b.y >= lane.y && b.y + b.height <= lane.y + lane.height;
const orthogonal = (points: Point[]): boolean => points.slice(1).every((p, i) => p.x === points[i]!.x || p.y === points[i]!.y);

/** Loops: row 3's decision sends "Periksa ulang" back to row 2 (its lane) and "Tidak" to row 1 (another
 * lane), "Ya" across to another lane; row 5 sends "Ulangi" back to row 2 too. */
const withLoops = (): SopTable => table(['Pemohon', 'Petugas', 'Kepala'], [
  { kegiatan: 'Mengajukan permohonan', shapes: [['a', 'terminator', 0]], waktu: '10 menit' },
  { kegiatan: 'Memeriksa berkas', shapes: [['b', 'process', 1]], waktu: '1 jam' },
  { kegiatan: 'Menilai kelengkapan', shapes: [['c', 'decision', 1, 'Lengkap?']], waktu: '15 menit' },
  { kegiatan: 'Menandatangani surat', shapes: [['d', 'process', 2]], waktu: '1 hari' },
  { kegiatan: 'Mengarsipkan', shapes: [['e', 'process', 1]], waktu: '1 jam' },
  { kegiatan: 'Selesai', shapes: [['f', 'terminator', 1]] },
], [['a', 'b'], ['b', 'c'], ['c', 'b', 'Periksa ulang'], ['c', 'a', 'Tidak'], ['c', 'd', 'Ya'], ['d', 'e'], ['e', 'b', 'Ulangi'], ['e', 'f']]);

function laidOut(t: SopTable) {
  const graph = buildGraph(t);
  const nodes = graph.nodes.map((n) => ({ ...n }));
  return { graph, nodes, layout: layoutDraft(nodes, graph.flows, t.columns.length, t.rows.length) };
}

describe.each([['SOP 027 (a row with shapes in two lanes)', pengirimanSurat], ['a table with loops back', withLoops]])('Given %s', (_what, make) => {
  const t = make();
  const { graph, nodes, layout } = laidOut(t);

  test('when it is laid out, then the lanes stand side by side in header order inside the pool', () => {
    expect(layout.lanes).toHaveLength(t.columns.length);
    layout.lanes.forEach((lane, i) => {
      expect(inside(lane, layout.pool)).toBe(true);
      if (i > 0) expect(lane.x).toBe(layout.lanes[i - 1]!.x + layout.lanes[i - 1]!.width);
      expect([lane.y, lane.height]).toEqual([layout.lanes[0]!.y, layout.lanes[0]!.height]);
    });
  });

  test('when it is laid out, then each shape sits in its lane, centred when alone in its cell, and rows go top to bottom', () => {
    for (const n of nodes) {
      const b = layout.shapes.get(n.id)!;
      expect(inside(b, layout.lanes[n.column!]!)).toBe(true);
      const alone = nodes.filter((m) => m.row === n.row && m.column === n.column && m.type !== 'exclusiveGateway').length === 1;
      if (alone) expect(Math.abs(cx(b) - cx(layout.lanes[n.column!]!))).toBeLessThanOrEqual(1);
    }
    const top = (row: number) => Math.min(...nodes.filter((n) => n.row === row).map((n) => layout.shapes.get(n.id)!.y));
    const bottom = (row: number) => Math.max(...nodes.filter((n) => n.row === row).map((n) => { const b = layout.shapes.get(n.id)!; return b.y + b.height; }));
    for (let r = 2; r <= t.rows.length; r++) expect(top(r)).toBeGreaterThan(bottom(r - 1));
  });

  test('when it is laid out, then every arrow is orthogonal, starts at its source and ends on its target', () => {
    for (const f of graph.flows) {
      const { waypoints } = layout.edges.get(f.id)!;
      expect(orthogonal(waypoints)).toBe(true);
      const [s, e] = [layout.shapes.get(f.source)!, layout.shapes.get(f.target)!];
      const onEdge = (p: Point, b: Bounds) => (p.x === b.x || p.x === b.x + b.width) && p.y >= b.y && p.y <= b.y + b.height
        || (p.y === b.y || p.y === b.y + b.height) && p.x >= b.x && p.x <= b.x + b.width;
      expect([f.id, onEdge(waypoints[0]!, s), onEdge(waypoints.at(-1)!, e)]).toEqual([f.id, true, true]);
    }
  });

  test('when it is laid out, then named arrows, events and gateways have label bounds', () => {
    for (const f of graph.flows.filter((x) => x.name)) expect(layout.edges.get(f.id)!.label).toEqual(expect.objectContaining({ width: expect.any(Number), height: 14 }));
    for (const n of nodes.filter((x) => x.type !== 'userTask')) expect(layout.labels.get(n.id)).toBeDefined();
  });
});

describe('Given arrows that loop back up the table', () => {
  const { graph, nodes, layout } = laidOut(withLoops());
  const rowOf = (id: string) => nodes.find((n) => n.id === id)!;
  const loops = graph.flows.filter((f) => rowOf(f.target).row < rowOf(f.source).row);

  test('when they are laid out, then each runs up a channel along a side of its target\'s lane, in a channel of its own', () => {
    expect(loops.map((f) => f.name)).toEqual(['Periksa ulang', 'Tidak', 'Ulangi']);
    const channels = loops.map((f) => {
      const points = layout.edges.get(f.id)!.waypoints;
      const up = points.findIndex((p, i) => i > 0 && p.x === points[i - 1]!.x && p.y < points[i - 1]!.y);
      expect(up).toBeGreaterThan(0);
      const x = points[up]!.x;
      const lane = layout.lanes[rowOf(f.target).column!]!;
      expect(Math.min(x - lane.x, lane.x + lane.width - x)).toBeLessThanOrEqual(30);
      return x;
    });
    expect(new Set(channels).size).toBe(loops.length);
  });

  test('when a decision\'s branch goes to a lower row in another lane, then it leaves the diamond\'s side towards that lane', () => {
    const ya = graph.flows.find((f) => f.name === 'Ya')!;
    const [first, second] = layout.edges.get(ya.id)!.waypoints;
    const gateway = layout.shapes.get('Keputusan3')!;
    expect(first).toEqual({ x: gateway.x + gateway.width, y: gateway.y + gateway.height / 2 });
    expect(second!.y).toBe(first!.y);
  });

  test('when the draft is written, then the pool and lanes are vertical (isHorizontal="false") in diagram interchange', () => {
    const { xml } = buildDraft(withLoops());
    expect(xml.match(/<bpmndi:BPMNShape id="(Pool_Sop|Lane_\d+)_di" bpmnElement="[^"]+" isHorizontal="false">/g)).toHaveLength(1 + withLoops().columns.length);
  });
});
