// Expected structures of the sample SOP documents (test/importer/expected/*.json, written by reading
// each document) and the comparison of an ImportResult against one, as readable differences.
import { readFileSync, readdirSync } from 'node:fs';
import type { ImportResult, ImportedMutuBaku, ImportedNode, ImportedNodeType } from '../../src/importer/types.js';

export const EXPECTED_DIR = new URL('./expected/', import.meta.url);
export const SAMPLES_DIR = new URL('./fixtures/bps-bengkulu/', import.meta.url);
export const FIXTURES_DIR = new URL('./fixtures/', import.meta.url);

const NODE_TYPES: readonly ImportedNodeType[] = ['startEvent', 'endEvent', 'userTask', 'exclusiveGateway'];
const IDENTITY_FIELDS = [
  'nomor', 'namaSop', 'tanggalPembuatan', 'tanggalRevisi', 'tanggalEfektif',
  'disahkanJabatan', 'disahkanNama', 'disahkanPangkat', 'disahkanNip',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/**
 * One shape of the chart. `ref` is the table row number, "<row>@<lane>" when the row holds shapes in
 * several lanes. `lane`, `name` may be omitted only in a pasted-text expectation (not said by the text).
 */
export interface ExpectedNode {
  ref: string;
  type: ImportedNodeType;
  lane?: string;
  name?: string;
}

/**
 * An arrow. Endpoints are a ref ("4", "4@PPK"): to a decision row means its task, from it its gateway;
 * "<ref>#<type>" picks one node where a ref holds several ("1#startEvent" then "1#userTask").
 * `label` may be omitted only in a pasted-text expectation.
 */
export interface ExpectedFlow {
  from: string;
  to: string;
  label?: string;
}

export interface ExpectedMutuBaku extends ImportedMutuBaku {
  row: number;
}

export interface SampleExpectation {
  /** file name in fixtures/bps-bengkulu/ (a PDF) or fixtures/ (a pasted text) */
  source: string;
  identity: Partial<Record<IdentityField, string>>;
  lanes: string[];
  counts: Record<ImportedNodeType, number>;
  nodes: ExpectedNode[];
  flows: ExpectedFlow[];
  mutuBaku: ExpectedMutuBaku[];
  /** where the document is ambiguous: what was read and why */
  notes?: string[];
}

export const isTextSample = (e: SampleExpectation): boolean => e.source.endsWith('.txt');

/** Whitespace collapsed, trimmed, one trailing '.' or ';' dropped: the only tolerance of the comparison. */
export function norm(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replace(/[.;]$/, '').trim();
}

/** "4@ PPK " -> "4@PPK": the lane part normalised like every text. */
const normRef = (ref: string): string => {
  const at = ref.indexOf('@');
  return at < 0 ? ref.trim() : `${ref.slice(0, at).trim()}@${norm(ref.slice(at + 1))}`;
};
export const nodeKey = (ref: string, type: string): string => `${normRef(ref)}#${type}`;

/** Reads one expectation file and checks it is self-consistent (a bad expectation must not pass quietly). */
export function loadExpectation(file: string): SampleExpectation {
  const exp = JSON.parse(readFileSync(new URL(file, EXPECTED_DIR), 'utf8')) as SampleExpectation;
  const errors = expectationErrors(exp);
  if (errors.length > 0) throw new Error(`expected/${file} is inconsistent:\n  ${errors.join('\n  ')}`);
  return exp;
}

export function expectationFiles(): string[] {
  return readdirSync(EXPECTED_DIR).filter((f) => f.endsWith('.json')).sort();
}

function expectationErrors(exp: SampleExpectation): string[] {
  const errors: string[] = [];
  const text = isTextSample(exp);
  const keys = new Set<string>();
  for (const n of exp.nodes) {
    if (!NODE_TYPES.includes(n.type)) errors.push(`node ${n.ref}: unknown type ${n.type}`);
    if (keys.has(nodeKey(n.ref, n.type))) errors.push(`node ${n.ref}: two ${n.type} with one ref`);
    keys.add(nodeKey(n.ref, n.type));
    if (!text && (n.lane === undefined || n.name === undefined)) errors.push(`node ${n.ref}: lane and name are required`);
    if (n.lane !== undefined && !exp.lanes.includes(n.lane)) errors.push(`node ${n.ref}: lane "${n.lane}" is not a lane`);
    const row = Number(n.ref.split('@')[0]);
    if (!Number.isInteger(row) || row < 1) errors.push(`node ${n.ref}: ref does not start with a row number`);
    if (!exp.mutuBaku.some((m) => m.row === row)) errors.push(`node ${n.ref}: no Mutu Baku for row ${row}`);
  }
  for (const t of NODE_TYPES) {
    const counted = exp.nodes.filter((n) => n.type === t).length;
    if (exp.counts[t] !== counted) errors.push(`counts.${t} is ${exp.counts[t]} but ${counted} nodes are listed`);
  }
  for (const f of exp.flows) {
    for (const end of ['from', 'to'] as const) {
      try {
        resolveEndpoint(exp.nodes, f[end], end);
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    if (!text && f.label === undefined) errors.push(`flow ${f.from} -> ${f.to}: label is required`);
  }
  return errors;
}

/** "4" -> the one node of ref 4, or for a decision row its task (to) / its gateway (from). */
export function resolveEndpoint(nodes: ExpectedNode[], endpoint: string, end: 'from' | 'to'): string {
  const [ref, type] = endpoint.split('#') as [string, string | undefined];
  const ofRef = nodes.filter((n) => normRef(n.ref) === normRef(ref));
  if (type !== undefined) {
    if (!ofRef.some((n) => n.type === type)) throw new Error(`flow endpoint ${endpoint}: no such node`);
    return nodeKey(ref, type);
  }
  if (ofRef.length === 1) return nodeKey(ref, ofRef[0]!.type);
  if (isDecision(ofRef)) return nodeKey(ref, end === 'from' ? 'exclusiveGateway' : 'userTask');
  throw new Error(`flow endpoint ${endpoint}: ${ofRef.length} nodes have this ref; write <ref>#<type>`);
}

const isDecision = (ofRef: { type: string }[]): boolean =>
  ofRef.length === 2 && ofRef.some((n) => n.type === 'userTask') && ofRef.some((n) => n.type === 'exclusiveGateway');

/** The ref an imported node answers to: its row, "@lane" when its row's nodes sit in several lanes. */
function refsOf(nodes: ImportedNode[]): Map<string, string> {
  const lanesByRow = new Map<number, Set<string>>();
  for (const n of nodes) {
    const lanes = lanesByRow.get(n.row) ?? new Set<string>();
    lanes.add(norm(n.lane ?? '?'));
    lanesByRow.set(n.row, lanes);
  }
  const refs = new Map<string, string>();
  for (const n of nodes) {
    const several = (lanesByRow.get(n.row)?.size ?? 0) > 1;
    refs.set(n.id, several ? `${n.row}@${norm(n.lane ?? '?')}` : String(n.row));
  }
  return refs;
}

const show = (s: string): string => JSON.stringify(s);

/** Every difference between the expectation and the import, one readable line each ([] when equal). */
export function compareImport(exp: SampleExpectation, result: ImportResult): string[] {
  return [
    ...compareIdentity(exp, result),
    ...compareLanes(exp, result),
    ...compareCounts(exp, result),
    ...compareNodes(exp, result),
    ...compareFlows(exp, result),
    ...compareMutuBaku(exp, result),
  ];
}

function identityValue(result: ImportResult, field: IdentityField): string {
  const id = result.identity;
  switch (field) {
    case 'disahkanJabatan': return id.disahkan.jabatan;
    case 'disahkanNama': return id.disahkan.nama;
    case 'disahkanPangkat': return id.disahkan.pangkat;
    case 'disahkanNip': return id.disahkan.nip;
    default: return id[field];
  }
}

function compareIdentity(exp: SampleExpectation, result: ImportResult): string[] {
  const diffs: string[] = [];
  for (const field of IDENTITY_FIELDS) {
    const want = exp.identity[field];
    if (want === undefined) continue;
    const got = identityValue(result, field);
    if (norm(got) !== norm(want)) diffs.push(`identity.${field}: expected ${show(want)}, got ${show(got)}`);
  }
  return diffs;
}

function compareLanes(exp: SampleExpectation, result: ImportResult): string[] {
  const want = exp.lanes.map(norm);
  const got = result.lanes.map(norm);
  return want.join(' | ') === got.join(' | ') ? [] : [`lanes: expected [${want.join(' | ')}], got [${got.join(' | ')}]`];
}

function compareCounts(exp: SampleExpectation, result: ImportResult): string[] {
  return NODE_TYPES.flatMap((t) => {
    const got = result.nodes.filter((n) => n.type === t).length;
    return got === exp.counts[t] ? [] : [`count of ${t}: expected ${exp.counts[t]}, got ${got}`];
  });
}

function compareNodes(exp: SampleExpectation, result: ImportResult): string[] {
  const refs = refsOf(result.nodes);
  const imported = new Map(result.nodes.map((n) => [nodeKey(refs.get(n.id)!, n.type), n]));
  const diffs: string[] = [];
  for (const want of exp.nodes) {
    const key = nodeKey(want.ref, want.type);
    const got = imported.get(key);
    imported.delete(key);
    if (!got) {
      diffs.push(`row ${want.ref}: missing ${want.type} ${show(want.name ?? '')} in lane ${show(want.lane ?? '')}`);
      continue;
    }
    if (want.lane !== undefined && norm(got.lane) !== norm(want.lane)) {
      diffs.push(`row ${want.ref} ${want.type}: lane expected ${show(want.lane)}, got ${show(got.lane ?? '(none)')}`);
    }
    if (want.name !== undefined && norm(got.name) !== norm(want.name)) {
      diffs.push(`row ${want.ref} ${want.type}: name expected ${show(want.name)}, got ${show(got.name)}`);
    }
  }
  for (const [key, n] of imported) diffs.push(`row ${key.split('#')[0]}: extra ${n.type} ${show(n.name)} in lane ${show(n.lane ?? '(none)')}`);
  return diffs;
}

interface FlowKey { from: string; to: string; label?: string }

function compareFlows(exp: SampleExpectation, result: ImportResult): string[] {
  const refs = refsOf(result.nodes);
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const keyOf = (id: string): string => {
    const n = byId.get(id);
    return n ? nodeKey(refs.get(id)!, n.type) : `(unknown node ${id})`;
  };
  const got: FlowKey[] = result.flows.map((f) => ({ from: keyOf(f.source), to: keyOf(f.target), label: norm(f.name) }));
  const want: FlowKey[] = exp.flows.map((f) => ({
    from: resolveEndpoint(exp.nodes, f.from, 'from'),
    to: resolveEndpoint(exp.nodes, f.to, 'to'),
    ...(f.label === undefined ? {} : { label: norm(f.label) }),
  }));
  // a decision row's task leads to its gateway: not an arrow of the chart, but part of the draft
  const decisionRefs = new Set(exp.nodes.filter((n) => n.type === 'exclusiveGateway').map((n) => n.ref)
    .filter((ref) => exp.nodes.some((n) => normRef(n.ref) === normRef(ref) && n.type === 'userTask')));
  for (const ref of decisionRefs) want.push({ from: nodeKey(ref, 'userTask'), to: nodeKey(ref, 'exclusiveGateway'), label: '' });
  const fmt = (f: FlowKey): string => `${f.from} -> ${f.to}${f.label === undefined ? '' : ` ${show(f.label)}`}`;
  const diffs: string[] = [];
  for (const w of want) {
    const i = got.findIndex((g) => g.from === w.from && g.to === w.to && (w.label === undefined || g.label === w.label));
    if (i >= 0) got.splice(i, 1);
    else diffs.push(`flow missing: ${fmt(w)}`);
  }
  for (const g of got) diffs.push(`flow extra: ${fmt(g)}`);
  return diffs;
}

const isEmptyMutuBaku = (m: ImportedMutuBaku): boolean =>
  m.persyaratan.length === 0 && norm(m.waktu) === '' && norm(m.output) === '' && m.keterangan.length === 0;

function compareMutuBaku(exp: SampleExpectation, result: ImportResult): string[] {
  const diffs: string[] = [];
  for (const want of exp.mutuBaku) {
    const carriers = result.nodes.filter((n) => n.row === want.row && n.mutuBaku !== undefined);
    if (carriers.length === 0) {
      if (!isEmptyMutuBaku(want)) diffs.push(`row ${want.row} Mutu Baku: no node of the row carries it`);
      continue;
    }
    for (const n of carriers) {
      const where = `row ${want.row} Mutu Baku (${n.type} ${show(n.name)})`;
      diffs.push(...mutuBakuDiffs(want, n.mutuBaku!).map((d) => `${where} ${d}`));
    }
  }
  const rows = new Set(exp.mutuBaku.map((m) => m.row));
  for (const n of result.nodes) {
    if (n.mutuBaku && !rows.has(n.row)) diffs.push(`row ${n.row}: Mutu Baku on ${n.type} ${show(n.name)} of a row the document does not have`);
  }
  return diffs;
}

function mutuBakuDiffs(want: ImportedMutuBaku, got: ImportedMutuBaku): string[] {
  const diffs: string[] = [];
  const list = (field: 'persyaratan' | 'keterangan'): void => {
    const w = want[field].map(norm);
    const g = got[field].map(norm);
    if (JSON.stringify(w) !== JSON.stringify(g)) diffs.push(`${field}: expected ${JSON.stringify(w)}, got ${JSON.stringify(g)}`);
  };
  list('persyaratan');
  if (norm(got.waktu) !== norm(want.waktu)) diffs.push(`waktu: expected ${show(want.waktu)}, got ${show(got.waktu)}`);
  if (got.waktuIso !== want.waktuIso) diffs.push(`waktuIso: expected ${String(want.waktuIso)}, got ${String(got.waktuIso)}`);
  if (got.hariKerja !== want.hariKerja) diffs.push(`hariKerja: expected ${want.hariKerja}, got ${got.hariKerja}`);
  if (norm(got.output) !== norm(want.output)) diffs.push(`output: expected ${show(want.output)}, got ${show(got.output)}`);
  list('keterangan');
  return diffs;
}
