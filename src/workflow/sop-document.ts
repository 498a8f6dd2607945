// Turns the executable process into the SOP procedure table (Permen PANRB 35/2012): one row per
// start/end event, task, or deciding gateway, in flow order, each in its lane's Pelaksana column
// with its flowchart symbol and Mutu Baku, plus the arrows between rows.
// NOTE: a user task whose only outgoing flow enters a diverging gateway without its own
// `alur:mutuBaku langkah` forms ONE row with that gateway (symbol: decision). This is how an SOP row
// such as "Memeriksa berkas. Jika Lengkap, … Jika Tidak, …" maps to the task + gateway pair.
// Steps with the same `langkah` are one row with a shape in each of their lanes (the first in flow
// order that carries the Mutu Baku names the row; an arrow names the shapes it joins in such rows), and
// `langkah` orders the rows that have one.
import { allNodes, type ModdleNode } from './moddle.js';
import { mutuBakuOf, readLanes, type MutuBaku } from './process-model.js';
import { readSopIdentity } from './sop-identity.js';
import type { SopDocument, SopEdge, SopRow, SopRowShape, SopSymbol } from './sop-types.js';
import { clip, clipList, TEXT_LIMITS as MAX } from './model-text-limits.js';

interface Unit {
  main: ModdleNode;
  exit: ModdleNode; // the merged gateway, else main
  symbol: SopSymbol;
  order: number; // discovery order, for stable sorting
}

const isGateway = (n: ModdleNode): boolean => n.$type.endsWith('Gateway');
const isFlowNode = (n: ModdleNode): boolean =>
  typeof n.$instanceOf === 'function' && (n.$instanceOf as (t: string) => boolean).call(n, 'bpmn:FlowNode');

function flowGraph(process: ModdleNode) {
  const elements = (process.flowElements as ModdleNode[] | undefined) ?? [];
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const nodes = elements.filter(isFlowNode);
  const out = (n: ModdleNode) => flows.filter((f) => f.sourceRef === n);
  const inc = (n: ModdleNode) => flows.filter((f) => f.targetRef === n);
  return { nodes, out, inc };
}

function buildUnits(graph: ReturnType<typeof flowGraph>): Map<ModdleNode, Unit> {
  const { nodes, out, inc } = graph;
  const unitOf = new Map<ModdleNode, Unit>();
  const symbolOf = (n: ModdleNode): SopSymbol =>
    n.$type === 'bpmn:StartEvent' || n.$type === 'bpmn:EndEvent' ? 'terminator' : isGateway(n) ? 'decision' : 'process';
  nodes.filter((n) => !isGateway(n)).forEach((n, i) => unitOf.set(n, { main: n, exit: n, symbol: symbolOf(n), order: i }));
  for (const gateway of nodes.filter((n) => isGateway(n) && out(n).length > 1)) {
    const incoming = inc(gateway);
    const source = incoming.length === 1 ? (incoming[0]!.sourceRef as ModdleNode) : undefined;
    const owner = source ? unitOf.get(source) : undefined;
    if (owner && out(source!).length === 1 && owner.symbol === 'process' && mutuBakuOf(gateway)?.langkah === undefined) {
      owner.exit = gateway;
      owner.symbol = 'decision';
      unitOf.set(gateway, owner);
    } else {
      unitOf.set(gateway, { main: gateway, exit: gateway, symbol: 'decision', order: unitOf.size });
    }
  }
  return unitOf;
}

/** Successor units of a unit with the label of the flow taken; pass-through gateways are followed. */
function successors(unit: Unit, graph: ReturnType<typeof flowGraph>, unitOf: Map<ModdleNode, Unit>): Array<{ to: Unit; label: string }> {
  const found: Array<{ to: Unit; label: string }> = [];
  const seen = new Set<ModdleNode>();
  const follow = (flow: ModdleNode, label: string): void => {
    const target = flow.targetRef as ModdleNode;
    const name = label || String(flow.name ?? '').trim();
    const to = unitOf.get(target);
    if (to && to !== unit) found.push({ to, label: name });
    else if (to === unit && target === unit.main) found.push({ to, label: name });
    else if (!to && !seen.has(target)) {
      seen.add(target);
      graph.out(target).forEach((f) => follow(f, name));
    }
  };
  graph.out(unit.exit).forEach((f) => follow(f, ''));
  return found;
}

/** Flow order: forward edges (DFS back edges removed) topologically, ties by langkah then discovery; end events last. */
function orderUnits(units: Unit[], next: Map<Unit, Unit[]>): Unit[] {
  const back = new Set<string>();
  const state = new Map<Unit, 'active' | 'done'>();
  const visit = (u: Unit): void => {
    state.set(u, 'active');
    for (const v of next.get(u) ?? []) {
      if (state.get(v) === 'active') back.add(`${u.order}>${v.order}`);
      else if (!state.has(v)) visit(v);
    }
    state.set(u, 'done');
  };
  const starts = units.filter((u) => u.main.$type === 'bpmn:StartEvent');
  [...starts, ...units].forEach((u) => state.has(u) || visit(u));
  const indegree = new Map(units.map((u) => [u, 0]));
  const forward = (u: Unit) => (next.get(u) ?? []).filter((v) => !back.has(`${u.order}>${v.order}`) && v !== u);
  units.forEach((u) => forward(u).forEach((v) => indegree.set(v, indegree.get(v)! + 1)));
  const key = (u: Unit): [number, number, number] => [u.main.$type === 'bpmn:EndEvent' ? 1 : 0, mutuBakuOf(u.main)?.langkah ?? Infinity, u.order];
  const before = (a: Unit, b: Unit): number => key(a).reduce((d, x, i) => d || (x === key(b)[i] ? 0 : x < key(b)[i]! ? -1 : 1), 0);
  const ready = units.filter((u) => indegree.get(u) === 0);
  const ordered: Unit[] = [];
  while (ready.length) {
    ready.sort(before);
    const u = ready.shift()!;
    ordered.push(u);
    for (const v of forward(u)) {
      indegree.set(v, indegree.get(v)! - 1);
      if (indegree.get(v) === 0) ready.push(v);
    }
  }
  return byLangkah([...ordered, ...units.filter((u) => !ordered.includes(u))]);
}

/** The rows that have a `langkah` take their slots in langkah order (stable); the others keep theirs. */
function byLangkah(ordered: Unit[]): Unit[] {
  const langkah = (u: Unit): number | undefined => mutuBakuOf(u.main)?.langkah;
  const numbered = ordered.filter((u) => langkah(u) !== undefined);
  const sorted = [...numbered].sort((a, b) => langkah(a)! - langkah(b)!);
  let next = 0;
  return ordered.map((u) => (langkah(u) !== undefined ? sorted[next++]! : u));
}

/** Units in row order grouped into rows: a unit with the `langkah` of an earlier one joins that one's row. */
function groupRows(ordered: Unit[]): Unit[][] {
  const rows: Unit[][] = [];
  const byStep = new Map<number, Unit[]>();
  for (const u of ordered) {
    const step = mutuBakuOf(u.main)?.langkah;
    const row = step === undefined ? undefined : byStep.get(step);
    if (row) row.push(u);
    else {
      const fresh = [u];
      rows.push(fresh);
      if (step !== undefined) byStep.set(step, fresh);
    }
  }
  return rows;
}

/** The Waktu cell: the text printed in an imported document while `waktu` is still what the import wrote, else `waktu`. */
function waktuCell(mutu: MutuBaku | undefined): string {
  const printed = mutu as (MutuBaku & { waktuTeks?: string; waktuImpor?: string }) | undefined;
  const waktu = mutu?.waktu?.trim() ?? '';
  const teks = printed?.waktuTeks?.trim() ?? '';
  return teks && waktu === (printed?.waktuImpor?.trim() ?? '') ? clip(teks, MAX.output) : clip(waktu, MAX.waktu);
}

/**
 * Where each lane is drawn, by lane id: its top for a horizontal lane (the default), its left edge
 * for a vertical one. The Pelaksana columns follow the diagram, not the order lanes were written in.
 */
function lanePositions(definitions: ModdleNode): Map<string, number> {
  const at = new Map<string, number>();
  for (const diagram of (definitions.diagrams as ModdleNode[] | undefined) ?? []) {
    for (const shape of ((diagram.plane as ModdleNode | undefined)?.planeElement as ModdleNode[] | undefined) ?? []) {
      const element = shape.bpmnElement as ModdleNode | undefined;
      const bounds = shape.bounds as { x?: number; y?: number } | undefined;
      if (element?.$type !== 'bpmn:Lane' || !element.id || !bounds) continue;
      const value = shape.isHorizontal === false ? bounds.x : bounds.y;
      if (typeof value === 'number' && Number.isFinite(value)) at.set(element.id, value);
    }
  }
  return at;
}

function columnsOf(process: ModdleNode, ordered: Unit[], definitions: ModdleNode): { columns: string[]; columnOf: (u: Unit) => number | null } {
  const { lanes, laneOf } = readLanes(process);
  const drawn = lanePositions(definitions);
  const inFlow = lanes.filter((lane) => [...laneOf.values()].includes(lane));
  // a lane without a shape keeps the written order (a stable sort on the drawn position alone would not)
  const used = inFlow.every((l) => drawn.has(l.id)) ? [...inFlow].sort((a, b) => drawn.get(a.id)! - drawn.get(b.id)!) : inFlow;
  if (used.length) {
    return { columns: used.map((l) => clip(l.name, MAX.name)), columnOf: (u) => { const lane = laneOf.get(u.main.id ?? ''); return lane ? used.indexOf(lane) : null; } };
  }
  const roleOf = (u: Unit) => String(u.main.candidateGroups ?? '').trim();
  const roles = [...new Set(ordered.map(roleOf).filter(Boolean))];
  return { columns: roles.length ? roles.map((r) => clip(r, MAX.name)) : ['Pelaksana'], columnOf: (u) => (roleOf(u) ? roles.indexOf(roleOf(u)) : roles.length ? null : 0) };
}

/**
 * A row's steps per Pelaksana column, in order: steps of one row in one column are ONE drawn shape
 * (an imported start capsule that carries the first activity is a start event and a task).
 */
function byColumn(units: Unit[], columnOf: (u: Unit) => number): Unit[][] {
  const groups = new Map<number, Unit[]>();
  for (const u of units) groups.set(columnOf(u), [...(groups.get(columnOf(u)) ?? []), u]);
  return [...groups.values()];
}

/** The symbol of steps drawn as one shape: a terminator (start or end) wins, then a decision. */
const symbolOf = (units: Unit[]): SopSymbol =>
  units.some((u) => u.symbol === 'terminator') ? 'terminator' : units.some((u) => u.symbol === 'decision') ? 'decision' : units[0]!.symbol;

/** The SOP document of the definition's executable process. */
export function buildSopDocument(definitions: ModdleNode): SopDocument {
  const processes = ((definitions.rootElements as ModdleNode[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process');
  const process = processes.find((p) => p.isExecutable === true) ?? processes[0];
  const participant = allNodes(definitions).find((n) => n.$type === 'bpmn:Participant' && n.processRef === process);
  // NOTE: every text is clipped to the deploy limits (model-text-limits.ts), so a definition stored
  // before those limits still renders with bounded work
  const name = clip(String(participant?.name ?? process?.name ?? process?.id ?? ''), MAX.name);
  if (!process) return { processKey: '', name, identity: readSopIdentity(undefined, name), columns: [], rows: [], edges: [] };

  const graph = flowGraph(process);
  const unitOf = buildUnits(graph);
  const units = [...new Set(unitOf.values())];
  const next = new Map(units.map((u) => [u, successors(u, graph, unitOf)]));
  const ordered = orderUnits(units, new Map([...next].map(([u, s]) => [u, s.map((x) => x.to)])));
  const { columns, columnOf } = columnsOf(process, ordered, definitions);

  // events outside any lane take the column of the unit before (else after) them
  const resolved: number[] = ordered.map((u) => columnOf(u) ?? -1);
  for (let i = 1; i < resolved.length; i++) if (resolved[i] === -1) resolved[i] = resolved[i - 1]!;
  for (let i = resolved.length - 2; i >= 0; i--) if (resolved[i] === -1) resolved[i] = resolved[i + 1]!;
  const columnAt = new Map(ordered.map((u, i) => [u, Math.max(0, resolved[i]!)]));
  const grouped = groupRows(ordered);
  const rowOf = new Map(grouped.flatMap((units, i) => units.map((u) => [u, i] as const)));
  const idsOf = (u: Unit): string[] => [u.main.id ?? '', ...(u.exit !== u.main ? [u.exit.id ?? ''] : [])];
  const carries = (x: Unit): boolean => { const m = mutuBakuOf(x.main); return !!(m?.output || m?.persyaratan?.length || m?.keterangan?.length || m?.uraian); };
  const shapeOf = new Map<Unit, number>(); // a unit's index among its row's shapes, in rows with several
  const rows: SopRow[] = grouped.map((units, i) => {
    // the row is the first step (flow order) that carries its Mutu Baku, else its first step
    const u = units.find(carries) ?? units[0]!;
    const mutu = mutuBakuOf(u.main);
    const groups = byColumn([u, ...units.filter((x) => x !== u)], (x) => columnAt.get(x)!);
    if (groups.length > 1) groups.forEach((g, k) => g.forEach((x) => shapeOf.set(x, k)));
    const shapes: SopRowShape[] = groups.map((g) => ({ column: columnAt.get(g[0]!)!, symbol: symbolOf(g), elementIds: g.flatMap(idsOf) }));
    return {
      no: i + 1,
      elementIds: units.flatMap(idsOf),
      uraian: clip(mutu?.uraian?.trim() || String(u.main.name ?? u.main.id ?? '').trim(), MAX.uraian),
      column: shapes[0]!.column,
      symbol: shapes[0]!.symbol,
      requirements: clipList(mutu?.persyaratan ?? [], MAX.persyaratan),
      timeStandard: waktuCell(mutu),
      output: clip(mutu?.output?.trim() ?? '', MAX.output),
      keterangan: clipList(mutu?.keterangan ?? [], MAX.keterangan),
      ...(shapes.length > 1 ? { shapes } : {}),
    };
  });
  const seen = new Set<string>();
  const shapeIndexes = (u: Unit, to: Unit) => ({
    ...(shapeOf.has(u) ? { fromShape: shapeOf.get(u)! } : {}), ...(shapeOf.has(to) ? { toShape: shapeOf.get(to)! } : {}),
  });
  const edges: SopEdge[] = ordered.flatMap((u) =>
    (next.get(u) ?? []).map((s) => ({ from: rowOf.get(u)!, to: rowOf.get(s.to)!, label: clip(s.label, MAX.name), ...shapeIndexes(u, s.to) })),
  ).filter((e) => {
    if (e.from === e.to && (e.fromShape ?? 0) === (e.toShape ?? 0)) return false; // within one drawn shape
    const key = `${e.from}.${e.fromShape ?? 0}>${e.to}.${e.toShape ?? 0}>${e.label}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  return { processKey: process.id ?? '', name, identity: readSopIdentity(process, name), columns, rows, edges };
}
