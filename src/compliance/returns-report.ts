// The "tidak lengkap → dilengkapi kembali" loop of a process: how often the returning step sends a
// case back, how many returns a case needs, and the most frequent reasons (audit 'case.returned':
// data.codes, labelled from the packs' reason catalogue, or the reason text of entries without codes).
import type { FormDef, ReturnReason } from '../forms/form-types.js';
import type { ReportData } from './report-data.js';
import { share } from './stats.js';

export interface ReturnsReport {
  /** the step(s) that returned cases (element ids), e.g. ['MemeriksaInformasi'] */
  steps: Array<{ elementId: string; name: string; stepNo: number | null }>;
  decisions: number; // completions of those steps in the period
  returns: number; // of which returned
  rate: number | null;
  cases: number; // cases that reached the step in the period
  returnsPerCase: number | null; // mean returns of those cases
  distribution: Array<{ returns: string; cases: number }>; // '0', '1', '2', '3+'
  reasons: Array<{ code: string; label: string; count: number; share: number | null }>;
}

/** The structured return reasons and the forms that return cases with them (from the process packs). */
export interface ReturnsCatalogue {
  reasons: readonly ReturnReason[];
  /** camunda:formKey of the forms whose submission may return a case (offering reason codes). */
  formKeys: ReadonlySet<string>;
}

export const NO_RETURNS_CATALOGUE: ReturnsCatalogue = { reasons: [], formKeys: new Set() };

/** The catalogue from the coded forms and the reasons: a returning form offers the reason codes as options. */
export function returnsCatalogue(forms: readonly FormDef[], reasons: readonly ReturnReason[]): ReturnsCatalogue {
  const codes = new Set(reasons.map((r) => r.code));
  const formKeys = new Set(forms.filter((f) => f.fields.some((x) => (x.options ?? []).some((o) => codes.has(o.value)))).map((f) => f.key));
  return { reasons, formKeys };
}

const BUCKETS = ['0', '1', '2', '3+'];

export function returnsReport(d: ReportData, catalogue: ReturnsCatalogue = NO_RETURNS_CATALOGUE): ReturnsReport {
  const from = d.query.from.toISOString();
  const to = d.query.to.toISOString();
  const within = (iso: string | null): boolean => iso !== null && iso >= from && iso < to;
  const returned = d.audit.filter((e) => e.type === 'case.returned');
  const taskById = new Map(d.timings.map((t) => [t.task.id, t.task]));
  const stepIds = new Set(returned.map((e) => (e.taskId ? taskById.get(e.taskId)?.elementId : undefined)).filter((x): x is string => !!x));
  // the deciding step when nothing was returned yet: the one whose form offers the return reasons
  if (stepIds.size === 0) for (const s of d.model.userTasks) if (s.formKey && catalogue.formKeys.has(s.formKey)) stepIds.add(s.id);

  const decisions = d.timings.filter((t) => stepIds.has(t.task.elementId) && t.task.status === 'completed' && within(t.task.completedAt));
  const inPeriod = returned.filter((e) => within(e.at));
  const caseIds = new Set(decisions.map((t) => t.task.caseId));
  const perCase = [...caseIds].map((id) => returned.filter((e) => e.caseId === id).length);

  const tally = new Map<string, number>();
  for (const e of inPeriod) {
    const codes = Array.isArray(e.data.codes) && e.data.codes.length ? (e.data.codes as unknown[]).map(String) : [String(e.data.reasons ?? '—')];
    for (const code of codes) tally.set(code, (tally.get(code) ?? 0) + 1);
  }
  const reasons = [...tally]
    .map(([code, count]) => ({ code, label: catalogue.reasons.find((r) => r.code === code)?.record ?? code, count, share: share(count, inPeriod.length) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id'));

  const steps = [...stepIds].map((id) => {
    const spec = d.model.userTasks.find((s) => s.id === id);
    const task = decisions.find((t) => t.task.elementId === id)?.task;
    return { elementId: id, name: spec?.name ?? task?.name ?? id, stepNo: spec?.sop.stepNo ?? task?.stepNo ?? null };
  });
  return {
    steps,
    decisions: decisions.length,
    returns: inPeriod.length,
    rate: share(inPeriod.length, decisions.length),
    cases: caseIds.size,
    returnsPerCase: share(perCase.reduce((a, b) => a + b, 0), perCase.length),
    distribution: BUCKETS.map((b, i) => ({ returns: b, cases: perCase.filter((n) => (i === 3 ? n >= 3 : n === i)).length })),
    reasons,
  };
}
