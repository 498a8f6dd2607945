// View model of a task page: the form with its values (typed, saved or carried over from earlier
// steps), data to review, the admin's reasons after a return, and who may act.
import { requireForm } from '../cases/case-service.js';
import { fieldViews } from '../forms/field-views.js';
import { findForm } from '../forms/form-registry.js';
import type { FormDef, FormValues } from '../forms/form-types.js';
import type { StoredUpload } from '../cases/case-service.js';
import type { CaseRecord, DocumentRecord, Store, TaskRecord, UserRecord } from '../store/ports.js';
import { NotFoundError } from '../errors.js';
import { pendingReturn } from '../cases/returns.js';

export interface TaskPageInput {
  task: TaskRecord;
  viewer: UserRecord;
  values?: Record<string, unknown>; // what the user typed (after a failed submission)
  errors?: Record<string, string>;
  staged?: StoredUpload[];
  now: Date;
}

/** Values to show on first open: saved for this form, else (PPBJ forms) the same field from earlier forms. */
function prefill(form: FormDef, c: CaseRecord): FormValues {
  const own = c.data[form.key];
  if (own) return own as FormValues;
  if (form.role !== 'ppbj') return {};
  const merged: FormValues = {};
  for (const values of Object.values(c.data)) Object.assign(merged, values);
  return merged;
}

function reviewSections(form: FormDef, c: CaseRecord, documents: DocumentRecord[]) {
  return (form.reviews ?? []).flatMap((key) => {
    const reviewed = findForm(key);
    const values = c.data[key];
    if (!reviewed || !values) return [];
    const rows = reviewed.fields
      .filter((f) => f.type !== 'password' && values[f.name] !== undefined && values[f.name] !== '')
      .map((f) => {
        const v = values[f.name]!;
        if (f.type === 'file') return { label: f.label, document: documents.find((d) => d.id === v) };
        return { label: f.label, value: Array.isArray(v) ? v.join(', ') : v };
      });
    return [{ title: reviewed.title, rows }];
  });
}

export async function taskPageModel(store: Store, input: TaskPageInput): Promise<Record<string, unknown>> {
  const { task, viewer } = input;
  const form = requireForm(task.formKey);
  const c = await store.getCase(task.caseId);
  if (!c) throw new NotFoundError();
  const [documents, audit] = await Promise.all([store.listDocuments(c.id), store.listAudit(c.id)]);
  const values = input.values ?? prefill(form, c);
  const docs: Record<string, { id: string; originalName: string; size: number; staged?: boolean }> = {};
  for (const f of form.fields.filter((x) => x.type === 'file')) {
    const staged = input.staged?.find((s) => s.field === f.name);
    const prevId = c.data[form.key]?.[f.name];
    const prev = documents.find((d) => d.id === prevId);
    if (staged) docs[f.name] = { id: '', originalName: staged.originalName, size: staged.size, staged: true };
    else if (prev) docs[f.name] = prev;
  }
  const returned = task.role === 'ppbj' && task.status === 'open' ? pendingReturn(task, audit) : undefined;
  const holder = task.assigneeId && task.assigneeId !== viewer.id ? await store.getUser(task.assigneeId) : null;
  const staffTask = task.role !== 'ppbj';
  return {
    title: form.title,
    task,
    form: { intro: form.intro, submitLabel: form.submitLabel },
    overdue: task.status === 'open' && input.now.toISOString() > task.dueAt,
    returned: returned ? { reasons: returned.data.reasons, actorName: returned.actorName, at: returned.at } : null,
    sections: reviewSections(form, c, documents),
    mustTake: staffTask && !task.assigneeId,
    heldByOther: staffTask && Boolean(holder),
    holderName: holder?.displayName,
    canRelease: staffTask && task.assigneeId === viewer.id,
    ...fieldViews(form, values, input.errors, docs),
  };
}
