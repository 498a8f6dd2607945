// The flow of a read SOP table: each chart shape becomes a node (terminator -> start/end event, process
// box -> user task, diamond -> user task + exclusive gateway), each connector a flow named by its label.
// Rows, Mutu Baku and lanes are carried over; what does not fit is a problem naming the row.
import type { ImportedFlow, ImportedMutuBaku, ImportedNode, ImportProblem, SopTable, TableRow, TableShape } from './types.js';
import { readWaktu } from './waktu.js';
import { collapse, splitItems } from './items.js';

/** A node with what the writer and layout need beyond the contract. */
export interface DraftNode extends ImportedNode {
  /** the source shape; a decision's task and gateway share it */
  shapeId: string;
  /** Pelaksana column index, null when the shape had none */
  column: number | null;
  /** the first shape of its row carries the row's Mutu Baku; the others only its langkah and time */
  primary: boolean;
  /** a decision's task: the id of its gateway */
  gateway?: string;
  /** `alur:mutuBaku uraian`: the whole Kegiatan when the name had to be clipped */
  uraian?: string;
  /** the time standard written on a node that is not primary (the row's, when readable) */
  waktuIso?: string | null;
}

export interface DraftFlow extends ImportedFlow {
  /** a decision's task -> its gateway */
  internal: boolean;
}

export interface DraftGraph {
  nodes: DraftNode[];
  flows: DraftFlow[];
  problems: ImportProblem[];
}

/** Names are at most 200 characters in a deployable model (src/workflow/model-text-limits.ts). */
const NAME_MAX = 200;
/** Any text the draft takes from the document is bounded (a cell of a hostile file can be long). */
const TEXT_MAX = 2000;
const clip = (text: string): string => (text.length <= TEXT_MAX ? text : `${text.slice(0, TEXT_MAX - 1)}…`);

export function problem(code: string, row: { index: number; row: TableRow } | null, elementId: string | null, args?: Record<string, string>, severity: ImportProblem['severity'] = 'warning'): ImportProblem {
  return { code, severity, row: row ? row.index + 1 : null, step: row ? collapse(row.row.kegiatan) : '', elementId, ...(args ? { args } : {}) };
}

export function mutuBakuOfRow(row: TableRow): ImportedMutuBaku {
  const waktu = collapse(row.waktu);
  const read = readWaktu(waktu);
  return {
    // a cell without numbering or bullets lists the things required separated by ',' or ';'
    persyaratan: row.persyaratan.length === 1 ? splitItems(row.persyaratan[0]!, { commas: true }) : row.persyaratan.map(collapse).filter(Boolean),
    waktu,
    waktuIso: read.iso,
    hariKerja: read.hariKerja,
    output: collapse(row.output),
    keterangan: splitItems(row.keterangan),
  };
}

interface Degree { into: number; out: number; sameRowInto: number }

/** The shape entered from outside its row comes first; a decision before a box; then left to right. */
function primaryShape(shapes: TableShape[], degree: Map<string, Degree>): TableShape | undefined {
  const score = (s: TableShape): number => (degree.get(s.id)!.sameRowInto > 0 ? 2 : 0) + (s.kind === 'decision' ? 0 : 1);
  return [...shapes].sort((a, b) => score(a) - score(b))[0];
}

const ID_BASE = { startEvent: 'Mulai', endEvent: 'Selesai', userTask: 'Langkah', exclusiveGateway: 'Keputusan' } as const;

/** Nodes and flows of `table`, with the problems of the chart (rows without shapes, dangling arrows, ...). */
export function buildGraph(table: SopTable): DraftGraph {
  const problems: ImportProblem[] = [];
  const rowOfShape = new Map<string, number>();
  table.rows.forEach((row, i) => row.shapes.forEach((s) => rowOfShape.set(s.id, i)));
  const degree = new Map<string, Degree>([...rowOfShape.keys()].map((id) => [id, { into: 0, out: 0, sameRowInto: 0 }]));
  const connectors = table.connectors.filter((c, i, all) => {
    const known = degree.has(c.from) && degree.has(c.to);
    if (!known) {
      const end = degree.has(c.from) ? c.from : degree.has(c.to) ? c.to : null;
      const at = end === null ? null : rowOfShape.get(end)!;
      problems.push(problem('dangling-connector', at === null ? null : { index: at, row: table.rows[at]! }, null, { label: c.label }));
      return false;
    }
    return all.findIndex((o) => o.from === c.from && o.to === c.to && o.label === c.label) === i;
  });
  for (const c of connectors) {
    degree.get(c.from)!.out++;
    degree.get(c.to)!.into++;
    if (rowOfShape.get(c.from) === rowOfShape.get(c.to) && c.from !== c.to) degree.get(c.to)!.sameRowInto++;
  }

  const nodes: DraftNode[] = [];
  const entry = new Map<string, string>(); // shape id -> node a connector enters
  const exit = new Map<string, string>(); // shape id -> node a connector leaves
  const flows: DraftFlow[] = [];
  const used = new Set<string>();
  const idFor = (base: string, rowNo: number, k: number): string => {
    let id = `${base}${rowNo}${k > 0 ? `_${k + 1}` : ''}`;
    for (let n = 2; used.has(id); n++) id = `${base}${rowNo}_${k + n}`;
    used.add(id);
    return id;
  };

  table.rows.forEach((row, index) => {
    const at = { index, row };
    const rowNo = index + 1;
    const kegiatan = collapse(row.kegiatan);
    if (row.shapes.length === 0) {
      problems.push(problem('row-no-shape', at, null));
      return;
    }
    const first = primaryShape(row.shapes, degree)!;
    const ordered = [first, ...row.shapes.filter((s) => s !== first)];
    const mutuBaku = mutuBakuOfRow(row);
    // NOTE: a step is named by its whole Kegiatan, also past the 200 characters a deployed name may have:
    // the owner shortens it (flagged), while `uraian` keeps the whole text for the SOP document
    const name = clip(kegiatan || `Langkah ${row.no || rowNo}`);
    if (!kegiatan) problems.push(problem('row-no-kegiatan', at, null));
    ordered.forEach((shape, k) => {
      const d = degree.get(shape.id)!;
      const lane = shape.column !== null ? (table.columns[shape.column] ?? null) : null;
      const column = lane === null ? null : shape.column;
      // NOTE: a terminator with arrows in AND out (a loop back to the first step) is a start event followed
      // by a task for the row's activity, which the loop enters: a start event cannot be entered
      const reentered = shape.kind === 'terminator' && d.into > 0 && d.out > 0;
      let type: DraftNode['type'] = shape.kind === 'terminator' ? (d.into === 0 || reentered ? 'startEvent' : 'endEvent') : 'userTask';
      if (shape.kind === 'terminator' && d.into === 0 && d.out === 0) type = index < table.rows.length / 2 ? 'startEvent' : 'endEvent';
      const primary = k === 0;
      const node: DraftNode = {
        id: idFor(ID_BASE[type], rowNo, k), type, name, lane, row: rowNo, shapeId: shape.id, column, primary,
        ...(primary ? { mutuBaku } : { waktuIso: mutuBaku.waktuIso }),
        ...(kegiatan.length > NAME_MAX ? { uraian: kegiatan } : {}),
      };
      nodes.push(node);
      entry.set(shape.id, node.id);
      exit.set(shape.id, node.id);
      if (lane === null) problems.push(problem('shape-no-lane', at, node.id));
      if (name.length > NAME_MAX) problems.push(problem('name-too-long', at, node.id, { count: String(name.length), max: String(NAME_MAX) }));
      if (!primary) problems.push(problem('row-several-shapes', at, node.id, { count: String(row.shapes.length) }));
      if (reentered) {
        const task: DraftNode = { ...node, id: idFor(ID_BASE.userTask, rowNo, k), type: 'userTask', primary: false, waktuIso: mutuBaku.waktuIso };
        delete task.mutuBaku;
        nodes.push(task);
        entry.set(shape.id, task.id);
        exit.set(shape.id, task.id);
        flows.push({ id: `Flow_${node.id}_${task.id}`, source: node.id, target: task.id, name: '', internal: false });
        problems.push(problem('terminator-in-flow', at, task.id));
      }
      if (shape.kind === 'terminator' && d.into === 0 && d.out === 0) problems.push(problem('terminator-unconnected', at, node.id));
      if (shape.kind === 'decision') {
        const gatewayName = clip(collapse(shape.text) || `${kegiatan || name}?`);
        const gateway: DraftNode = { id: idFor(ID_BASE.exclusiveGateway, rowNo, k), type: 'exclusiveGateway', name: gatewayName, lane, row: rowNo, shapeId: shape.id, column, primary: false };
        node.gateway = gateway.id;
        nodes.push(gateway);
        exit.set(shape.id, gateway.id);
        flows.push({ id: `Flow_${node.id}_${gateway.id}`, source: node.id, target: gateway.id, name: '', internal: true });
      }
    });
  });

  for (const c of connectors) {
    const source = exit.get(c.from)!;
    const target = entry.get(c.to)!;
    let id = `Flow_${source}_${target}`;
    for (let n = 2; flows.some((f) => f.id === id); n++) id = `Flow_${source}_${target}_${n}`;
    flows.push({ id, source, target, name: clip(collapse(c.label)), internal: false });
  }
  return { nodes, flows, problems };
}
