// A read SOP table (SopTable) -> the BPMN draft the process owner checks and deploys (ImportResult):
// the flow (draft-graph.ts), what is unsure (draft-checks.ts), the layout (draft-layout.ts) and the XML
// (draft-xml.ts), with executable-ready defaults: process id from the Nama SOP, lanes named as the
// Pelaksana headers (the groups), the start lane's group as starter, a generic form per step.
import { isGroupId, slugifyGroup } from '../workflow/index.js';
import { PROCESS_KEY_MAX, RESERVED_PROCESS_KEYS } from '../definitions/process-key.js';
import type { ImportedFlow, ImportedNode, ImportProblem, ImportResult, SopTable } from './types.js';
import { buildGraph, type DraftNode } from './draft-graph.js';
import { checkDraft } from './draft-checks.js';
import { layoutDraft } from './draft-layout.js';
import { draftXml } from './draft-xml.js';
import { collapse } from './items.js';

export const FALLBACK_KEY = 'sop-impor';
const SYSTEM_ROLES = new Set(['applicant', 'staff', 'process-owner']);

/** "PENGIRIMAN SURAT DINAS (2025)" -> "pengiriman-surat-dinas-2025": a letter first, at most 64, never a reserved word. */
export function processKeyOf(namaSop: string): string {
  const slug = namaSop.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '').slice(0, PROCESS_KEY_MAX).replace(/-+$/, '');
  if (!slug) return FALLBACK_KEY;
  return RESERVED_PROCESS_KEYS.includes(slug) ? `${slug}-sop` : slug;
}

/** The group of the lane holding the (first) start event, when its name makes a valid group. */
function starterGroupOf(nodes: DraftNode[]): string | null {
  const start = nodes.find((n) => n.type === 'startEvent' && n.lane) ?? nodes.find((n) => n.lane);
  const group = start?.lane ? slugifyGroup(start.lane) : '';
  return group && isGroupId(group) && !SYSTEM_ROLES.has(group) ? group : null;
}

/** Problems of the reader and the builder, once each (the reader's wins), tied to the row's element. */
function mergeProblems(read: ImportProblem[], built: ImportProblem[], nodes: DraftNode[]): ImportProblem[] {
  const key = (p: ImportProblem) => `${p.code}@${p.row ?? ''}`;
  const readKeys = new Set(read.map(key));
  const elementOfRow = (row: number | null): string | null => (row === null ? null : nodes.find((n) => n.row === row && n.primary)?.id ?? null);
  return [
    ...read.map((p) => ({ ...p, step: p.step || '', elementId: p.elementId ?? elementOfRow(p.row) })),
    ...built.filter((p) => !readKeys.has(key(p))),
  ];
}

const publicNode = (n: DraftNode): ImportedNode => ({
  id: n.id, type: n.type, name: n.name, lane: n.lane, row: n.row, ...(n.mutuBaku ? { mutuBaku: n.mutuBaku } : {}),
});

/** The draft of `table`. The draft need not pass validation: what is unsure is in `problems`. */
export function buildDraft(table: SopTable): ImportResult {
  const graph = buildGraph(table);
  const problems = mergeProblems(table.problems, [...graph.problems, ...checkDraft(table, graph)], graph.nodes);
  const identity = { ...table.identity, namaSop: collapse(table.identity.namaSop) };
  const name = identity.namaSop || 'SOP impor';
  const processKey = processKeyOf(identity.namaSop);
  const lanes = table.columns.map((c, i) => collapse(c) || `Pelaksana ${i + 1}`);
  const nodes = graph.nodes.map((n) => (n.column !== null ? { ...n, lane: lanes[n.column]! } : n));
  const layout = layoutDraft(nodes, graph.flows, lanes.length, table.rows.length);
  const xml = draftXml({ processKey, name, identity, lanes, starterGroup: starterGroupOf(nodes), nodes, flows: graph.flows, layout });
  const flows: ImportedFlow[] = graph.flows.map(({ id, source, target, name: label }) => ({ id, source, target, name: label }));
  return { source: table.source, pages: table.pages, processKey, name, identity, lanes, nodes: nodes.map(publicNode), flows, problems, xml };
}
