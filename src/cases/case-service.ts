// Starts cases and completes their user tasks: load → authorise → validate → engine (recover,
// signal, getState) → one atomic store change guarded by the case's rev → audit.
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { FormDef } from '../forms/form-types.js';
import { rejection, storableValues, validateForm } from '../forms/validate-form.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice.js';
import { APPLICANT_GROUP, type AuditEvent, type CaseChange, type CaseRecord, type Store, type TaskRecord, type UserRecord } from '../store/ports.js';
import { completeUserTask, startProcess, TaskNotWaitingError, type EngineResult } from '../workflow/index.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { auditEvent, newTasks, taskFromWaiting } from './task-projection.js';
import type { CaseNotifications } from '../notifications/case-notifications.js';
import { assertContactsVerified } from '../notifications/contact-requirement.js';
import type { CaseTiming } from '../compliance/case-timing.js';
import { TaskForms } from './task-forms.js';
import { applyResult, endAudit, newCase } from './case-records.js';
import { confirmedWarnings, documentRecord, fileValues } from './submission.js';
import { assertMayAct, type Actor } from './task-access.js';
import { CaseNumbering } from './case-number.js';
import type { ApplicantReminders } from './applicant-reminders.js';
import type { ContactChanges } from '../notifications/contact-change.js';

/** A file already checked (type by content, size) and written under the uploads folder. */
export interface StoredUpload {
  field: string;
  originalName: string;
  storedName: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface CaseServiceDeps {
  store: Store;
  definitions: DefinitionService;
  now?: () => Date;
  notifications?: CaseNotifications; // messages written with each change (outbox)
  timing?: CaseTiming; // SLA and BPMN timers written with each change (src/compliance)
  formRegistry: FormRegistry; // the packs' coded forms; other forms are declared in the case's model version
  numbering?: CaseNumbering; // the nomor permohonan's prefix per process (default: the process name's initials)
  reminders?: ApplicantReminders; // the applicant's reminder timers (none without)
  contacts?: ContactChanges; // a changed e-mail or WhatsApp in an applicant's form is proved before the step counts
}

/** A new applicant's first step, done at once with the form they signed up with (see startWithNewApplicant). */
export interface NewApplicantStart {
  processKey: string; // its latest version starts
  stepId: string; // the user task the process waits at first, completed by the new applicant
  user: UserRecord; // the new applicant (role 'applicant'), created in the same change
  formKey: string; // the values are stored under this key of case.data
  values: Record<string, unknown>; // storable values of the sign-up form
}

export class CaseService {
  private readonly store: Store;
  private readonly definitions: DefinitionService;
  private readonly now: () => Date;
  private readonly notifications: CaseNotifications | undefined;
  private readonly timing: CaseTiming | undefined;
  private readonly forms: TaskForms;
  private readonly numbering: CaseNumbering;
  private readonly reminders: ApplicantReminders | undefined;
  private readonly contacts: ContactChanges | undefined;

  constructor(deps: CaseServiceDeps) {
    this.reminders = deps.reminders;
    this.contacts = deps.contacts;
    this.numbering = deps.numbering ?? new CaseNumbering();
    this.store = deps.store;
    this.definitions = deps.definitions;
    this.now = deps.now ?? (() => new Date());
    this.notifications = deps.notifications;
    this.timing = deps.timing;
    this.forms = new TaskForms(deps.store, deps.definitions, deps.formRegistry);
  }

  /** The form of a task (see TaskForms). */
  formOf(task: TaskRecord, c?: CaseRecord): Promise<FormDef> {
    return this.forms.of(task, c);
  }

  /** Forms declared in the model that hold data in `c` (see TaskForms.withData). */
  modelFormsWithData(c: CaseRecord): Promise<FormDef[]> {
    return this.forms.withData(c);
  }

  /**
   * A sign-up that starts a process (a pack's own start page): creates the new applicant, starts a
   * case on the latest version of `processKey` and completes its first step `stepId` as that
   * applicant with the sign-up values, all in one change (audit 'case.started' with the privacy
   * notice version the applicant acknowledged, the step's 'task.created' and 'task.completed').
   */
  async startWithNewApplicant(input: NewApplicantStart): Promise<CaseRecord> {
    const { user, values } = input;
    const now = this.now();
    const at = now.toISOString();
    const def = await this.definitions.latest(input.processKey);
    const started = await startProcess(def);
    const c = newCase(def, user, started, at);
    const first = started.waiting.find((w) => w.elementId === input.stepId);
    if (!first) throw new Error(`Process ${def.processKey} v${def.version} does not start with ${input.stepId}`);

    const withData: CaseRecord = { ...c, data: { [input.formKey]: values } };
    const done = await completeUserTask(def, started.engineState, first.elementId, {});
    const step2: TaskRecord = { ...taskFromWaiting(c, first, now), assigneeId: user.id, status: 'completed', completedAt: at, completedBy: user.id };
    const { next, timers, cancelTimers } = await this.planTimers(c.id, def.id, newTasks(withData, done.waiting, [], now), [], done);
    const actor = { id: user.id, displayName: user.displayName };
    const messages = await this.notifications?.signUp(user, c, next.tasks, now);
    await this.store.applyCaseChange(await this.withFacts({
      expectedRev: null,
      caseNumberScope: this.numbering.scopeOf(def, now),
      timers, cancelTimers,
      outbox: messages?.outbox ?? [],
      case: applyResult(withData, done, at),
      newUser: user,
      openTasks: [step2, ...next.tasks],
      audit: [
        auditEvent(c.id, at, actor, 'case.started', { processKey: def.processKey, version: def.version, privacyNoticeVersion: PRIVACY_NOTICE_VERSION }),
        auditEvent(c.id, at, null, 'task.created', { step: step2.name, stepNo: step2.stepNo, groupId: step2.groupId, dueAt: step2.dueAt }, step2.id),
        auditEvent(c.id, at, actor, 'task.completed', { step: step2.name, fields: values }, step2.id),
        ...next.audit,
        ...endAudit(c.id, done, at),
      ],
    }));
    await messages?.commit(); // the codes' hashes, once the user exists
    return (await this.store.getCase(c.id)) ?? applyResult(withData, done, at); // with the number the store gave it
  }

  /** Completes an open task for `actor` with a form submission; see the module comment. */
  async completeTask(taskId: string, actor: Actor, raw: Record<string, unknown>, uploads: StoredUpload[] = []): Promise<TaskRecord> {
    const task = await this.openTaskFor(taskId, actor);
    const c = await this.store.getCase(task.caseId);
    if (!c) throw new NotFoundError();
    const form = await this.forms.of(task, c);
    if (form.requiresVerifiedContacts) await assertContactsVerified(this.store, task.applicantId);
    const at = this.now().toISOString();
    const documents = uploads.map((u) => documentRecord(u, c.id, task.id, actor.id, at));
    const check = validateForm(form, raw, fileValues(form, c, documents), { now: this.now() });
    const rejected = rejection(check);
    if (rejected) throw rejected;
    if (this.contacts && task.groupId === APPLICANT_GROUP && actor.id === c.applicantId) {
      const applicant = await this.store.getUser(c.applicantId);
      if (applicant) await this.contacts.assertUnchanged(form, check.clean, applicant); // never a silent change of a proved contact
    }

    const def = await this.definitions.byId(c.definitionId);
    let result: EngineResult;
    try {
      result = await completeUserTask(def, c.engineState, task.elementId, form.engineOutput?.(check.clean) ?? {});
    } catch (err) {
      if (err instanceof TaskNotWaitingError) throw new ConflictError(err.message);
      await this.markFailed(c, err, actor);
      throw new AppError(500, 'error.caseFailed', err instanceof Error ? err.message : String(err));
    }
    const values = storableValues(form, check.clean);
    const effects = form.effects?.(check.clean) ?? {};
    const stillOpen = (await this.store.listTasks({ caseId: c.id, status: 'open', limit: 1000 })).filter((t) => t.id !== task.id);
    const updated: CaseRecord = { ...c, data: { ...c.data, [form.key]: values } };
    const { next, timers, cancelTimers } = await this.planTimers(c.id, c.definitionId, newTasks(updated, result.waiting, stillOpen.map((t) => t.elementId), this.now()), [task.id], result);
    const who = { id: actor.id, displayName: actor.displayName };
    const audit: AuditEvent[] = [
      ...documents.map((d) =>
        auditEvent(c.id, at, who, 'document.uploaded', { field: d.field, name: d.originalName, size: d.size, sha256: d.sha256, documentId: d.id }, task.id)),
      auditEvent(c.id, at, who, 'task.completed', { step: task.name, fields: values, ...confirmedWarnings(check.warnings) }, task.id),
    ];
    if (effects.returnedReasons) {
      const { returnedReasons: reasons, returnedCodes: codes = [], returnedNote: note = '' } = effects;
      audit.push(auditEvent(c.id, at, who, 'case.returned', { step: task.name, reasons, codes, note }, task.id));
    }
    if (effects.activateAccount) audit.push(auditEvent(c.id, at, who, 'account.activated', { userId: c.applicantId, systems: values.sistem ?? [] }, task.id));
    audit.push(...next.audit, ...endAudit(c.id, result, at));

    const outbox = (await this.notifications?.completion({ case: c, newTasks: next.tasks, effects, values, now: this.now(), actorId: actor.id, ended: result.status === 'completed' })) ?? [];
    await this.store.applyCaseChange(await this.withFacts({
      expectedRev: c.rev,
      timers, cancelTimers,
      case: applyResult({ ...updated, rev: c.rev + 1 }, result, at),
      completeTasks: [{ taskId: task.id, completedBy: actor.id, completedAt: at }],
      openTasks: next.tasks,
      documents,
      outbox,
      ...(effects.activateAccount ? { userStatus: { userId: c.applicantId, status: 'active' as const } } : {}),
      audit,
    }));
    return task;
  }

  /** The open task, if `actor` may act on it: a member of its group holding it, or the case's applicant for a 'pemohon' step. */
  async openTaskFor(taskId: string, actor: Actor): Promise<TaskRecord> {
    const task = await this.store.getTask(taskId);
    if (!task) throw new NotFoundError();
    assertMayAct(task, actor);
    if (task.status !== 'open') throw new ConflictError(`task ${task.id} is ${task.status}`, 'error.taskHandled');
    if (task.groupId !== APPLICANT_GROUP && task.assigneeId !== actor.id) {
      throw new ForbiddenError(task.assigneeId ? 'error.taskHeldByOther' : 'error.taskNotTaken');
    }
    return task;
  }

  /** The change with the report facts of what it completes (src/compliance/report-facts.ts; none without a CaseTiming). */
  private withFacts(change: CaseChange): Promise<CaseChange> {
    return this.timing?.withFacts(change) ?? Promise.resolve(change);
  }

  /** The SLA and BPMN timers that go with a change (none without a CaseTiming), and the applicant's reminders. */
  private async planTimers(caseId: string, definitionId: string, next: ReturnType<typeof newTasks>, closedTaskIds: string[], engine: EngineResult) {
    const planned = await (this.timing?.plan({ caseId, definitionId, next, closedTaskIds, engine }) ?? Promise.resolve({ next, timers: [], cancelTimers: [] }));
    const reminders = this.reminders?.plan(planned.next.tasks, closedTaskIds, this.now()) ?? { timers: [], cancelTimers: [] };
    return { ...planned, timers: [...planned.timers, ...reminders.timers], cancelTimers: [...planned.cancelTimers, ...reminders.cancelTimers] };
  }

  /** An engine that cannot even recover: the case is marked failed and shown to staff, never retried blindly. */
  private async markFailed(c: CaseRecord, err: unknown, actor: UserRecord): Promise<void> {
    const at = this.now().toISOString();
    const error = err instanceof Error ? err.message : String(err);
    await this.store
      .applyCaseChange({
        expectedRev: c.rev,
        case: { ...c, status: 'failed', error, rev: c.rev + 1, updatedAt: at },
        audit: [auditEvent(c.id, at, { id: actor.id, displayName: actor.displayName }, 'case.failed', { error })],
      })
      .catch(() => undefined); // a concurrent change won: that request reports the case's fate
  }
}
