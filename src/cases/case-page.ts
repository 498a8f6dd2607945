// Read model of one case for its owner (PPBJ) and for staff: status, progress over the SOP steps
// (who, when, time taken against the Mutu Baku Waktu), the current step and its holder, return
// reasons, documents and the audit history.
import type { DefinitionService } from '../definitions/definition-service.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { findForm } from '../forms/form-registry.js';
import { modelFormStatus } from '../forms/model-form.js';
import type { AuditEvent, CaseRecord, Store, TaskRecord, UserRecord } from '../store/ports.js';
import { progressOf, stepViews } from './case-progress.js';
import { pendingReturn } from './returns.js';
import { isModelFormKey } from './task-forms.js';

export function mayViewCase(c: CaseRecord, viewer: UserRecord): boolean {
  return viewer.role === 'ppbj' ? c.applicantId === viewer.id : true;
}

/** Documents: the owning PPBJ and Admin PPE only. */
export function mayViewDocuments(c: CaseRecord, viewer: UserRecord): boolean {
  return viewer.role === 'admin-ppe' || (viewer.role === 'ppbj' && c.applicantId === viewer.id);
}

function statusKey(c: CaseRecord, open: TaskRecord[], audit: AuditEvent[]): string {
  if (c.status === 'completed') return 'status.aktif';
  if (c.status === 'failed') return 'status.gagal';
  const task = open[0];
  if (task && isModelFormKey(task.formKey)) return modelFormStatus(task.role);
  const form = task ? findForm(task.formKey) : undefined;
  if (!task || !form) return 'status.draf';
  return form.returnedStatus && pendingReturn(task, audit) ? form.returnedStatus : (form.caseStatus ?? 'status.draf');
}

/** Reassignment reasons are internal to the Admin PPE: the PPBJ sees who handed the task to whom. */
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
    case 'task.reassigned':
      return `${String(e.data.fromName ?? '—')} → ${String(e.data.toName ?? '')}${staff && e.data.reason ? `: ${String(e.data.reason)}` : ''}`;
    default:
      return undefined;
  }
}

/** `now` dates the elapsed time of the current step (the route should pass the app clock). */
export async function casePageModel(store: Store, definitions: DefinitionService, caseId: string, viewer: UserRecord, now: Date = new Date()) {
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
  const model = await definitions.model(def);
  const holders = new Map<string, string>();
  for (const t of open) {
    if (t.assigneeId && !holders.has(t.assigneeId)) holders.set(t.assigneeId, (await store.getUser(t.assigneeId))?.displayName ?? '');
  }
  const steps = stepViews(model.userTasks, open, done, audit, now);
  const staff = viewer.role !== 'ppbj';
  return {
    title: 'case.title',
    case: c,
    statusKey: statusKey(c, open, audit),
    current: open.map((t) => ({
      ...t,
      assigneeName: t.assigneeId ? holders.get(t.assigneeId) : null,
      holderName: t.role === 'ppbj' ? c.applicantName : t.assigneeId ? holders.get(t.assigneeId) : null,
      actionable: t.role === viewer.role && (t.role !== 'ppbj' || t.applicantId === viewer.id),
      waitingForAdmin: t.role !== 'ppbj' && !t.assigneeId,
      canReassign: viewer.role === 'admin-ppe' && t.role === 'admin-ppe' && (!t.assigneeId || t.assigneeId === viewer.id),
    })),
    returns: audit.filter((e) => e.type === 'case.returned').map((e) => ({ at: e.at, actorName: e.actorName, reasons: e.data.reasons })),
    steps,
    progress: progressOf(c, steps, model.userTasks),
    documents,
    history: audit.map((e) => ({ type: e.type, at: e.at, actorName: e.actorName, step: e.data.step, detail: detail(e, staff) })),
  };
}
