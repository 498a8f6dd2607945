// What changed since the previous round: when a form was submitted more than once (the case came back
// after a return), the fields whose values differ between its last two submissions, read from the
// audit ('task.completed' keeps each submission's values, documents by id), with the earlier value.
import type { AuditEvent, TaskRecord } from '../store/ports.js';

export type SubmittedValue = string | string[] | undefined;

/** Field name -> its value in the previous submission (undefined: it was empty then). */
export type FormChanges = Map<string, SubmittedValue>;

/** The 'task.completed' entries of each form key, oldest first (`tasks`: the case's completed tasks). */
export function submissionsByForm(audit: readonly AuditEvent[], tasks: readonly TaskRecord[]): Map<string, AuditEvent[]> {
  const formOf = new Map(tasks.map((t) => [t.id, t.formKey]));
  const out = new Map<string, AuditEvent[]>();
  for (const e of audit) {
    const formKey = e.type === 'task.completed' && e.taskId ? formOf.get(e.taskId) : undefined;
    if (formKey) out.set(formKey, [...(out.get(formKey) ?? []), e]);
  }
  return out;
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

/** Per form key submitted at least twice: its changed fields (last submission against the one before). */
export function roundChanges(submissions: Map<string, AuditEvent[]>): Map<string, FormChanges> {
  const out = new Map<string, FormChanges>();
  for (const [formKey, list] of submissions) {
    if (list.length < 2) continue;
    const previous = fieldsOf(list[list.length - 2]);
    const last = fieldsOf(list[list.length - 1]);
    const changes: FormChanges = new Map();
    for (const name of new Set([...Object.keys(previous), ...Object.keys(last)])) {
      const before = asValue(previous[name]);
      if (!same(before, asValue(last[name]))) changes.set(name, before);
    }
    out.set(formKey, changes);
  }
  return out;
}
