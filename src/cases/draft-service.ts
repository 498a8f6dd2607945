// "Simpan Draf": keeps what the applicant typed (and the files already accepted) for an open task
// of a form that allows drafts. A draft never moves the case: no engine call, no rev change, no
// audit entry (nothing happened to the case; the audit records submissions). The store deletes a
// task's drafts in the change that completes the task.
// NOTE: an upload saved with a draft is checked (type by content, size, SHA-256) and kept on disk
// as a staged file inside the draft, not as a DocumentRecord: it becomes a document (and is
// audited) only when the form is submitted, so staff never see half-finished files. Unlike the
// session's staged files it survives a logout. A staged file replaced before submission stays
// unreferenced on disk (as with the session's staged files).
import { AppError, ValidationError } from '../errors.js';
import { draftValues } from '../forms/draft-values.js';
import type { FormValues } from '../forms/form-types.js';
import type { Store, TaskRecord, UserRecord } from '../store/ports.js';
import type { CaseService, StoredUpload } from './case-service.js';
import type { Actor } from './task-access.js';

/** Key of the accepted uploads inside DraftRecord.values (form field names never start with "_"). */
const STAGED_KEY = '_staged';

export interface Draft {
  values: FormValues;
  staged: StoredUpload[];
  updatedAt: string;
}

export class DraftService {
  constructor(private readonly deps: { store: Store; cases: CaseService; now: () => Date }) {}

  /**
   * Saves the draft of `actor` for an open task they may act on (404/403/409 as for completing it).
   * @param files accepted uploads to keep with the draft (new ones first; later duplicates of a field are dropped)
   */
  async save(taskId: string, actor: Actor, raw: Record<string, unknown>, files: StoredUpload[]): Promise<void> {
    const task = await this.deps.cases.openTaskFor(taskId, actor);
    const form = await this.deps.cases.formOf(task);
    if (!form.drafts) throw new AppError(400, 'error.draftNotAllowed');
    const { values, errors } = draftValues(form, raw);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const fileFields = new Set(form.fields.filter((f) => f.type === 'file').map((f) => f.name));
    const staged = files.filter((f, i) => fileFields.has(f.field) && files.findIndex((g) => g.field === f.field) === i);
    await this.deps.store.saveDraft({
      taskId: task.id, userId: actor.id, values: { ...values, [STAGED_KEY]: staged }, updatedAt: this.deps.now().toISOString(),
    });
  }

  /** The viewer's draft of an open task whose form allows drafts, if any. */
  async load(task: TaskRecord, viewer: UserRecord): Promise<Draft | null> {
    if (task.status !== 'open' || !(await this.deps.cases.formOf(task)).drafts) return null;
    const record = await this.deps.store.getDraft(task.id, viewer.id);
    if (!record) return null;
    const { [STAGED_KEY]: staged, ...values } = record.values;
    return { values: values as FormValues, staged: Array.isArray(staged) ? staged.filter(isStoredUpload) : [], updatedAt: record.updatedAt };
  }
}

function isStoredUpload(x: unknown): x is StoredUpload {
  const u = x as Partial<StoredUpload> | null;
  return Boolean(u) && typeof u!.field === 'string' && typeof u!.storedName === 'string' && typeof u!.sha256 === 'string'
    && typeof u!.originalName === 'string' && typeof u!.mime === 'string' && typeof u!.size === 'number';
}
