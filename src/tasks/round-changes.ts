// What changed since the previous round of a review step: for each form submitted again after the
// reviewer's previous decision on this step (the case came back after a return), the fields whose
// values differ from what that decision saw, read from the audit ('task.completed' keeps each
// submission's values, documents by id), with the earlier value.
// NOTE: rounds are ordered by the audit's own order (oldest first), not by time: two entries may
// carry the same instant.
import type { AuditEvent, TaskRecord } from '../store/ports.js';

export type SubmittedValue = string | string[] | undefined;

/** Field name -> its value in the previous submission (undefined: it was empty then). */
export type FormChanges = Map<string, SubmittedValue>;

/** A 'task.completed' entry with its position in the case's audit. */
export interface Submission {
  event: AuditEvent;
  position: number;
}

/** The submissions of each form key, oldest first (`tasks`: the case's completed tasks). */
export function submissionsByForm(audit: readonly AuditEvent[], tasks: readonly TaskRecord[]): Map<string, Submission[]> {
  const formOf = new Map(tasks.map((t) => [t.id, t.formKey]));
  const out = new Map<string, Submission[]>();
  audit.forEach((event, position) => {
    const formKey = event.type === 'task.completed' && event.taskId ? formOf.get(event.taskId) : undefined;
    if (formKey) out.set(formKey, [...(out.get(formKey) ?? []), { event, position }]);
  });
  return out;
}

/** The position in the audit where the step `elementId` was last completed (its previous round), or null for a first round. */
export function previousRound(audit: readonly AuditEvent[], tasks: readonly TaskRecord[], elementId: string): number | null {
  const ofStep = new Set(tasks.filter((t) => t.elementId === elementId).map((t) => t.id));
  let at: number | null = null;
  audit.forEach((e, i) => {
    if (e.type === 'task.completed' && e.taskId && ofStep.has(e.taskId)) at = i;
  });
  return at;
}

function fieldsOf(e: AuditEvent | undefined): Record<string, unknown> {
  const fields = e?.data.fields;
  return fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
}

function asValue(v: unknown): SubmittedValue {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (Array.isArray(v)) return v.length ? v.map(String) : undefined;
  return undefined;
}

const same = (a: SubmittedValue, b: SubmittedValue): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Per form key submitted again after `since` (the previous round's position): its changed fields,
 * the latest submission against the one the previous round saw. Nothing in a first round.
 */
export function roundChanges(submissions: Map<string, Submission[]>, since: number | null): Map<string, FormChanges> {
  const out = new Map<string, FormChanges>();
  if (since === null) return out;
  for (const [formKey, list] of submissions) {
    const seen = list.filter((s) => s.position < since);
    if (seen.length === 0 || seen.length === list.length) continue; // new since, or not sent again
    const previous = fieldsOf(seen[seen.length - 1]!.event);
    const last = fieldsOf(list[list.length - 1]!.event);
    const changes: FormChanges = new Map();
    for (const name of new Set([...Object.keys(previous), ...Object.keys(last)])) {
      const before = asValue(previous[name]);
      if (!same(before, asValue(last[name]))) changes.set(name, before);
    }
    out.set(formKey, changes);
  }
  return out;
}
