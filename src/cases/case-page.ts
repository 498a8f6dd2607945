// Read model of one case for its owner (the applicant) and for staff: status, progress over the SOP steps
// (who, when, time taken against the Mutu Baku Waktu), the current step and its holder, the start
// form's answers, return reasons, documents and the audit history.
import type { DefinitionService } from '../definitions/definition-service.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { modelFormStatus } from '../forms/model-form.js';
import { APPLICANT_GROUP, type AuditEvent, type CaseRecord, type Store, type TaskRecord } from '../store/ports.js';
import { reviewSections } from '../tasks/task-page.js';
import { othersCanReceive } from '../tasks/assignment-service.js';
import { progressOf, stepViews } from './case-progress.js';
import { pendingReturn } from './returns.js';
import { startFormOfDefinition } from './start-form.js';
import { isModelFormKey } from './task-forms.js';
import { mayAct, type Actor } from './task-access.js';

/** An applicant sees only their own cases; staff and process owners see any. */
export function mayViewCase(c: CaseRecord, viewer: Actor): boolean {
  return viewer.role === 'applicant' ? c.applicantId === viewer.id : true;
}

/** Documents: the case's applicant, and staff who are members of a group (they work the steps). */
export function mayViewDocuments(c: CaseRecord, viewer: Actor): boolean {
  return viewer.role === 'applicant' ? c.applicantId === viewer.id : viewer.groups.length > 0;
}

/** A finished case: 'Selesai', unless the form of its last step names the end status (a pack's, e.g. 'Aktif'). */
function completedKey(done: TaskRecord[], forms: FormRegistry): string {
  const last = [...done].sort((a, b) => String(b.completedAt).localeCompare(String(a.completedAt)))[0];
  return (last && forms.find(last.formKey)?.completedStatus) || 'status.selesai';
}

/** The case's status badge (i18n key): the end status, or the open step's form's status (returned or not). */
export function statusKey(c: CaseRecord, open: TaskRecord[], done: TaskRecord[], audit: AuditEvent[], forms: FormRegistry): string {
  if (c.status === 'completed') return completedKey(done, forms);
  if (c.status === 'failed') return 'status.gagal';
  if (c.status === 'withdrawn') return 'status.ditarik';
  if (c.status === 'closed') return 'status.ditutup';
  const task = open[0];
  if (task && isModelFormKey(task.formKey)) return modelFormStatus(task.groupId);
  const form = task ? forms.find(task.formKey) : undefined;
  if (!task || !form) return 'status.draf';
  return form.returnedStatus && pendingReturn(task, audit) ? form.returnedStatus : (form.caseStatus ?? 'status.draf');
}

/** Reassignment reasons are internal to staff: the applicant sees who handed the task to whom. */
function detail(e: AuditEvent, staff: boolean): string | undefined {
  switch (e.type) {
    case 'case.returned':
      return String(e.data.reasons ?? '');
    case 'document.uploaded':
      return String(e.data.name ?? '');
    case 'account.activated':
      return Array.isArray(e.data.systems) ? e.data.systems.join(', ') : undefined;
    case 'case.failed':
      return String(e.data.error ?? '');
    case 'case.withdrawn':
    case 'case.closed':
      return String(e.data.reason ?? '') || undefined;
    case 'task.reassigned':
      return `${String(e.data.fromName ?? '—')} → ${String(e.data.toName ?? '')}${staff && e.data.reason ? `: ${String(e.data.reason)}` : ''}`;
    default:
      return undefined;
  }
}

/** `now` dates the elapsed time of the current step (the route should pass the app clock); `forms` gives the coded forms' statuses. */
export async function casePageModel(store: Store, definitions: DefinitionService, forms: FormRegistry, caseId: string, viewer: Actor, now: Date = new Date()) {
  const c = await store.getCase(caseId);
  if (!c) throw new NotFoundError();
  if (!mayViewCase(c, viewer)) throw new ForbiddenError();
  const [open, done, audit, documents, def] = await Promise.all([
    store.listTasks({ caseId, status: 'open', limit: 100 }),
    store.listTasks({ caseId, status: 'completed', limit: 1000 }),
    store.listAudit(caseId),
    mayViewDocuments(c, viewer) ? store.listDocuments(caseId) : Promise.resolve(null),
    definitions.byId(c.definitionId),
  ]);
  const [model, startForm] = await Promise.all([definitions.model(def), startFormOfDefinition(def)]);
  const holders = new Map<string, string>();
  for (const t of open) {
    if (t.assigneeId && !holders.has(t.assigneeId)) holders.set(t.assigneeId, (await store.getUser(t.assigneeId))?.displayName ?? '');
  }
  const steps = stepViews(model.userTasks, open, done, audit, now);
  const staff = viewer.role !== 'applicant';
  const receivers = staff ? await othersCanReceive(store, open.map((t) => t.groupId), viewer) : new Map<string, boolean>();
  return {
    title: 'case.title',
    case: c,
    statusKey: statusKey(c, open, done, audit, forms),
    startData: startForm ? reviewSections([startForm], c, [], new Map(), new Map()).sections : [],
    current: open.map((t) => ({
      ...t,
      groupName: model.userTasks.find((s) => s.id === t.elementId)?.groupName ?? t.groupId,
      assigneeName: t.assigneeId ? holders.get(t.assigneeId) : null,
      holderName: t.groupId === APPLICANT_GROUP ? c.applicantName : t.assigneeId ? holders.get(t.assigneeId) : null,
      actionable: mayAct(t, viewer),
      waitingForAdmin: t.groupId !== APPLICANT_GROUP && !t.assigneeId,
      canReassign: t.groupId !== APPLICANT_GROUP && mayAct(t, viewer) && (!t.assigneeId || t.assigneeId === viewer.id) && receivers.get(t.groupId) === true,
    })),
    returns: audit.filter((e) => e.type === 'case.returned').map((e) => ({ at: e.at, actorName: e.actorName, reasons: e.data.reasons })),
    steps,
    progress: progressOf(c, steps, model.userTasks),
    documents,
    history: audit.map((e) => ({ type: e.type, at: e.at, actorName: e.actorName, step: e.data.step, detail: detail(e, staff) })),
  };
}
