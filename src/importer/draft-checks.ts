// What the importer is unsure of once the flow is built: times it could not read, decisions with one or
// unlabelled branches, steps where the flow splits or stops, several or no starts and ends, steps no
// start reaches, unnamed columns. Every problem names the row (number and Kegiatan) and the element.
import type { ImportProblem, SopTable } from './types.js';
import { problem, type DraftGraph, type DraftNode } from './draft-graph.js';
import { readWaktu } from './waktu.js';
import { MAX_LIST_ITEMS, TEXT_LIMITS } from '../workflow/index.js';

/** Cells longer (or lists longer) than a deployed model may hold: the owner shortens them (the SOP document clips them). */
function overLimits(n: DraftNode, kegiatan: string): Array<{ code: string; args: Record<string, string> }> {
  const m = n.mutuBaku!;
  const out: Array<{ code: string; args: Record<string, string> }> = [];
  const text = (field: string, values: string[], max: number): void => {
    const longest = Math.max(0, ...values.map((v) => v.length));
    if (longest > max) out.push({ code: 'text-too-long', args: { field, count: String(longest), max: String(max) } });
  };
  text('Kegiatan', [kegiatan], TEXT_LIMITS.uraian);
  text('Persyaratan', m.persyaratan, TEXT_LIMITS.persyaratan);
  text('Output', [m.output], TEXT_LIMITS.output);
  text('Keterangan', m.keterangan, TEXT_LIMITS.keterangan);
  for (const [field, list] of [['Persyaratan', m.persyaratan], ['Keterangan', m.keterangan]] as const) {
    if (list.length > MAX_LIST_ITEMS) out.push({ code: 'list-too-long', args: { field, count: String(list.length), max: String(MAX_LIST_ITEMS) } });
  }
  return out;
}

function reachable(graph: DraftGraph, from: DraftNode[]): Set<string> {
  const seen = new Set(from.map((n) => n.id));
  const stack = [...seen];
  while (stack.length) {
    const id = stack.pop()!;
    for (const f of graph.flows) if (f.source === id && !seen.has(f.target)) { seen.add(f.target); stack.push(f.target); }
  }
  return seen;
}

export function checkDraft(table: SopTable, graph: DraftGraph): ImportProblem[] {
  const out: ImportProblem[] = [];
  const at = (n: DraftNode) => ({ index: n.row - 1, row: table.rows[n.row - 1]! });
  const outgoing = (id: string) => graph.flows.filter((f) => f.source === id);

  for (const n of graph.nodes) {
    const m = n.mutuBaku;
    if (m) {
      for (const o of overLimits(n, table.rows[n.row - 1]!.kegiatan.replace(/\s+/g, ' ').trim())) out.push(problem(o.code, at(n), n.id, o.args));
      const printed = m.waktu;
      if (m.waktuIso === null && printed) {
        out.push(problem(readWaktu(printed).problem ?? 'waktu-unreadable', at(n), n.id, { waktu: printed }));
      } else if (!printed && n.type === 'userTask') out.push(problem('waktu-empty', at(n), n.id));
    }
    if (n.type === 'exclusiveGateway') {
      const branches = outgoing(n.id);
      if (branches.length < 2) out.push(problem('decision-one-branch', at(n), n.id, { count: String(branches.length) }));
      else for (const f of branches.filter((b) => !b.name)) out.push(problem('decision-branch-unlabelled', at(n), f.id));
    }
    if (n.type === 'userTask' && !n.gateway) {
      const count = outgoing(n.id).length;
      if (count > 1) out.push(problem('task-many-outgoing', at(n), n.id, { count: String(count) }));
      if (count === 0) out.push(problem('step-no-outgoing', at(n), n.id));
    }
  }

  const starts = graph.nodes.filter((n) => n.type === 'startEvent');
  const ends = graph.nodes.filter((n) => n.type === 'endEvent');
  if (graph.nodes.length && starts.length === 0) out.push(problem('no-start', null, null));
  for (const extra of starts.slice(1)) out.push(problem('several-starts', at(extra), extra.id, { count: String(starts.length) }));
  if (graph.nodes.length && ends.length === 0) out.push(problem('no-end', null, null));
  if (ends.length > 1) out.push(problem('several-ends', null, null, { count: String(ends.length) }));
  if (starts.length) {
    const seen = reachable(graph, starts);
    for (const n of graph.nodes.filter((x) => !seen.has(x.id) && !(x.type === 'exclusiveGateway'))) out.push(problem('unreachable', at(n), n.id));
  }
  table.columns.forEach((header, i) => { if (!header.trim()) out.push(problem('column-unnamed', null, null, { column: String(i + 1) })); });
  if (!table.identity.namaSop.trim()) out.push(problem('identity-no-name', null, null));
  return out;
}
