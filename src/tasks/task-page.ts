// View model of a task page: the form with its values (typed, drafted, saved or carried over from
// earlier steps; a staff decision starts empty in every later round), data to review with every
// document version, an inline preview and what changed since the previous round, the admin's
// reasons after a return, and who may act.
import type { StoredUpload } from '../cases/case-service.js';
import type { Draft } from '../cases/draft-service.js';
import { pendingReturn, returnView } from '../cases/returns.js';
import { NotFoundError } from '../errors.js';
import { fieldViews } from '../forms/field-views.js';
import type { FormRegistry } from '../forms/form-registry.js';
import type { FormDef, FormValues, FormWarning } from '../forms/form-types.js';
import { APPLICANT_GROUP, type CaseRecord, type DocumentRecord, type Store, type TaskRecord, type UserRecord } from '../store/ports.js';
import { reviewSections } from './review-sections.js';
import { previousRound, roundChanges, submissionsByForm, type Submission } from './round-changes.js';

export { reviewSections } from './review-sections.js';

export interface TaskPageInput {
  task: TaskRecord;
  form: FormDef; // the task's form (CaseService.formOf)
  forms: FormRegistry; // the coded forms (reviews of earlier steps, return reasons)
  /** Forms declared in the model with data in the case, shown to staff after `form.reviews`. */
  modelForms?: (c: CaseRecord) => Promise<FormDef[]>;
  viewer: UserRecord;
  values?: Record<string, unknown>; // what the user typed (after a failed submission)
  errors?: Record<string, string>;
  warnings?: FormWarning[]; // to confirm (after a submission with unconfirmed warnings)
  staged?: StoredUpload[];
  draft?: Draft | null; // the viewer's saved draft of this task
  now: Date;
}

/**
 * Values to show on first open. The applicant's form: saved for this form, else the same field from
 * earlier forms, else the field's default. A staff decision: the defaults the first time only; a
 * later round (the case came back) starts empty, never with the previous round's decision.
 */
function prefill(form: FormDef, c: CaseRecord): FormValues {
  const own = c.data[form.key];
  if (own && form.groupId === APPLICANT_GROUP) return own as FormValues;
  const merged: FormValues = {};
  if (own) return merged;
  for (const f of form.fields) if (f.defaultValue !== undefined) merged[f.name] = f.defaultValue;
  if (form.groupId === APPLICANT_GROUP) for (const values of Object.values(c.data)) Object.assign(merged, values);
  return merged;
}

async function uploaderNames(store: Store, documents: DocumentRecord[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(documents.map((d) => d.uploaderId))) names.set(id, (await store.getUser(id))?.displayName ?? '');
  return names;
}

/** Per form key: the warnings (i18n keys) the applicant confirmed on its latest submission. */
function confirmedWarnings(submissions: Map<string, Submission[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [formKey, list] of submissions) {
    const latest = list[list.length - 1]!.event;
    const codes = Array.isArray(latest.data.confirmedWarnings) ? latest.data.confirmedWarnings : [];
    out.set(formKey, codes.map((code) => `warning.${String(code)}`));
  }
  return out;
}

/** The document each file field shows: staged (accepted, not yet submitted) first, else the one saved. */
function fileDocuments(form: FormDef, c: CaseRecord, documents: DocumentRecord[], staged: StoredUpload[]) {
  const docs: Record<string, { id: string; originalName: string; size: number; staged?: boolean }> = {};
  for (const f of form.fields.filter((x) => x.type === 'file')) {
    const pending = staged.find((s) => s.field === f.name);
    const prev = documents.find((d) => d.id === c.data[form.key]?.[f.name]);
    if (pending) docs[f.name] = { id: '', originalName: pending.originalName, size: pending.size, staged: true };
    else if (prev) docs[f.name] = prev;
  }
  return docs;
}

export async function taskPageModel(store: Store, input: TaskPageInput): Promise<Record<string, unknown>> {
  const { task, form, viewer, draft } = input;
  const c = await store.getCase(task.caseId);
  if (!c) throw new NotFoundError();
  const [documents, audit] = await Promise.all([store.listDocuments(c.id), store.listAudit(c.id)]);
  const values = input.values ?? (draft ? { ...prefill(form, c), ...draft.values } : prefill(form, c));
  const staged = [...(input.staged ?? []), ...(draft?.staged ?? [])];
  const pending = task.groupId === APPLICANT_GROUP && task.status === 'open' ? pendingReturn(task, audit) : undefined;
  const returned = pending ? returnView(pending, input.forms) : null;
  const holder = task.assigneeId && task.assigneeId !== viewer.id ? await store.getUser(task.assigneeId) : null;
  const staffTask = task.groupId !== APPLICANT_GROUP;
  const registered = (form.reviews ?? []).map((key) => input.forms.find(key)).filter((f): f is FormDef => f !== undefined);
  const done = staffTask ? await store.listTasks({ caseId: c.id, status: 'completed', limit: 1000 }) : [];
  const submissions = submissionsByForm(audit, done);
  const { sections, previews } = staffTask
    ? reviewSections([...registered, ...((await input.modelForms?.(c)) ?? []).filter((f) => f.key !== form.key)], c, documents,
      await uploaderNames(store, documents), confirmedWarnings(submissions), roundChanges(submissions, previousRound(audit, done, task.elementId)))
    : reviewSections(registered, c, documents, new Map(), new Map());
  return {
    title: form.title,
    task,
    form: { intro: form.intro, submitLabel: form.submitLabel, drafts: Boolean(form.drafts) && viewer.id === task.applicantId },
    overdue: task.status === 'open' && input.now.toISOString() > task.dueAt,
    returned,
    draft: draft ? { updatedAt: draft.updatedAt } : null,
    sections,
    previews: staffTask ? previews : [],
    // a staff review: the decision in a panel beside the data (views/tasks/task.hbs), on the screen's width
    staffTask,
    wide: staffTask,
    mustTake: staffTask && !task.assigneeId,
    heldByOther: staffTask && Boolean(holder),
    holderName: holder?.displayName,
    canRelease: staffTask && task.assigneeId === viewer.id,
    ...fieldViews(form, values, input.errors, fileDocuments(form, c, documents, staged), {
      ...(input.warnings ? { warnings: input.warnings } : {}),
      ...(returned ? { returnReasons: returned.byField } : {}),
    }),
  };
}
