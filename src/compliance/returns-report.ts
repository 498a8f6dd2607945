// The "tidak lengkap → dilengkapi kembali" loop of a process: how often the returning step sends a
// case back, how many returns a case needs (up to its last decision in the period), and the most
// frequent reasons (the codes of 'case.returned', labelled from the packs' reason catalogue, or the
// reason text of entries without codes), from the store's figures.
import type { FormDef, ReturnReason } from '../forms/form-types.js';
import type { ProcessModel } from '../workflow/index.js';
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

/** The deciding steps when nothing was returned in the period: those whose form offers the return reasons. */
export const returningSteps = (model: ProcessModel, catalogue: ReturnsCatalogue = NO_RETURNS_CATALOGUE): string[] =>
  model.userTasks.filter((s) => s.formKey && catalogue.formKeys.has(s.formKey)).map((s) => s.id);

export function returnsReport(d: ReportData, catalogue: ReturnsCatalogue = NO_RETURNS_CATALOGUE): ReturnsReport {
  const r = d.figures.returns;
  const reasons = r.reasons
    .map(({ reason: code, count }) => ({ code, label: catalogue.reasons.find((x) => x.code === code)?.record ?? code, count, share: share(count, r.returns) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id'));
  const steps = r.steps.map((id) => {
    const spec = d.model.userTasks.find((s) => s.id === id);
    const seen = d.figures.steps.find((s) => s.elementId === id);
    return { elementId: id, name: spec?.name ?? seen?.name ?? id, stepNo: spec?.sop.stepNo ?? seen?.stepNo ?? null };
  });
  return {
    steps,
    decisions: r.decisions,
    returns: r.returns,
    rate: share(r.returns, r.decisions),
    cases: r.cases,
    returnsPerCase: share(r.caseReturns, r.cases),
    distribution: BUCKETS.map((b, i) => ({ returns: b, cases: r.distribution[i] ?? 0 })),
    reasons,
  };
}
