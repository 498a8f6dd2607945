// Returns of a case to its applicant ("Tidak lengkap"): which reasons still apply to an open task,
// and how they read on the reopened form (at the top and next to the fields they concern). The
// reason codes come from the packs' catalogues (FormRegistry.reason).
import type { FormRegistry } from '../forms/form-registry.js';
import type { AuditEvent, TaskRecord } from '../store/ports.js';

/** The latest return reasons, while the step they sent the case back to has not been resubmitted. */
export function pendingReturn(task: TaskRecord, audit: AuditEvent[]): AuditEvent | undefined {
  for (let i = audit.length - 1; i >= 0; i--) {
    const e = audit[i]!;
    if (e.type === 'task.completed' && e.data.step === task.name) return undefined;
    if (e.type === 'case.returned') return e;
  }
  return undefined;
}

export interface ReturnView {
  reasons: Array<{ code: string; label: string }>; // label = i18n key
  note: string; // the free note (older returns: their whole text)
  byField: Record<string, string[]>; // field -> reason label keys
  actorName: string | null;
  at: string;
}

export function returnView(e: AuditEvent, forms: Pick<FormRegistry, 'reason'>): ReturnView {
  const codes = Array.isArray(e.data.codes) ? e.data.codes.filter((c): c is string => typeof c === 'string') : [];
  const known = codes.map((code) => forms.reason(code)).filter((r) => r !== undefined);
  const byField: Record<string, string[]> = {};
  for (const r of known) for (const f of r.fields) (byField[f] ??= []).push(r.label);
  // returns recorded before structured reasons carry only the text in data.reasons
  const note = 'codes' in e.data ? String(e.data.note ?? '') : String(e.data.reasons ?? '');
  return { reasons: known.map((r) => ({ code: r.code, label: r.label })), note, byField, actorName: e.actorName, at: e.at };
}
