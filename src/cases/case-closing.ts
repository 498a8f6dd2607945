// Ending a case before its process ends: the applicant withdraws it ('withdrawn'), or staff close it
// as abandoned ('closed') once the only open step is the applicant's and has waited ALUR_ABANDON_DAYS.
// Either is one atomic change guarded by the case's rev (the rev the page showed): open tasks are
// cancelled (so they leave every inbox and stop counting as overdue), pending timers are cancelled,
// the audit says who, when and why, and the applicant is told.
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { CaseNotifications } from '../notifications/case-notifications.js';
import { APPLICANT_GROUP, type AuditEvent, type CaseRecord, type CaseStatus, type Store, type TaskRecord } from '../store/ports.js';
import { auditEvent } from './task-projection.js';
import type { Actor } from './task-access.js';

/** A reason is optional for a withdrawal and required to close; at most this long. */
export const MAX_REASON = 500;
const DAY_MS = 86_400_000;
/** Open tasks and pending timers one case can have (bounded reads). */
const OPEN_LIMIT = 1000;

export interface ClosingDeps {
  store: Store;
  definitions: DefinitionService;
  now: () => Date;
  /** Days an applicant's open step must have waited before staff may close the case. */
  abandonDays: number;
  notifications?: CaseNotifications;
}

/** Whether staff may close a case as abandoned now, and since when its applicant's step waits. */
export interface Closability {
  allowed: boolean;
  /** The applicant's open step waits since (null: not the applicant's turn). */
  idleSince: string | null;
  /** When it may be closed (idleSince + abandonDays). */
  closableAt: string | null;
}

export class CaseClosing {
  constructor(private readonly deps: ClosingDeps) {}

  get abandonDays(): number {
    return this.deps.abandonDays;
  }

  /** The applicant withdraws their own running case. */
  async withdraw(caseId: string, actor: Actor, input: { rev: unknown; reason: unknown }): Promise<void> {
    const c = await this.load(caseId);
    if (actor.role !== 'applicant' || c.applicantId !== actor.id || actor.status === 'disabled') throw new ForbiddenError();
    const reason = reasonOf(input.reason, false);
    await this.end(c, actor, 'withdrawn', input.rev, { reason });
  }

  /** Staff close a case whose applicant's step has waited at least abandonDays (see closability). */
  async closeAbandoned(caseId: string, actor: Actor, input: { rev: unknown; reason: unknown }): Promise<void> {
    const c = await this.load(caseId);
    if (!(await this.mayClose(c, actor))) throw new ForbiddenError();
    const reason = reasonOf(input.reason, true);
    const open = await this.openTasks(c);
    const state = this.closability(c, open);
    if (!state.allowed) throw new ConflictError(`case ${c.id} cannot be closed as abandoned`, 'close.notIdle');
    const idleDays = Math.floor((this.deps.now().getTime() - Date.parse(state.idleSince!)) / DAY_MS);
    await this.end(c, actor, 'closed', input.rev, { reason, abandoned: true, idleDays });
  }

  /** Staff who may close cases of this process: a process owner, or a member of a group with a step in its model. */
  async mayClose(c: CaseRecord, actor: Actor): Promise<boolean> {
    if (actor.role === 'applicant' || actor.status === 'disabled') return false;
    if (actor.role === 'process-owner') return true;
    const model = await this.deps.definitions.model(await this.deps.definitions.byId(c.definitionId));
    return model.groups.some((g) => g.id !== APPLICANT_GROUP && actor.groups.includes(g.id));
  }

  /** Closable: running, every open task the applicant's, the newest of them waiting at least abandonDays. */
  closability(c: CaseRecord, open: TaskRecord[]): Closability {
    if (c.status !== 'running' || open.length === 0 || open.some((t) => t.groupId !== APPLICANT_GROUP)) {
      return { allowed: false, idleSince: null, closableAt: null };
    }
    const idleSince = open.map((t) => t.createdAt).sort().at(-1)!;
    const closableAt = new Date(Date.parse(idleSince) + this.deps.abandonDays * DAY_MS).toISOString();
    return { allowed: this.deps.now().toISOString() >= closableAt, idleSince, closableAt };
  }

  openTasks(c: CaseRecord): Promise<TaskRecord[]> {
    return this.deps.store.listTasks({ caseId: c.id, status: 'open', limit: OPEN_LIMIT });
  }

  private async load(caseId: string): Promise<CaseRecord> {
    const c = await this.deps.store.getCase(caseId);
    if (!c) throw new NotFoundError();
    return c;
  }

  /** The atomic change that ends `c` as `status`, if it is still at the rev the page showed. */
  private async end(c: CaseRecord, actor: Actor, status: Extract<CaseStatus, 'withdrawn' | 'closed'>, rev: unknown, data: Record<string, unknown>): Promise<void> {
    if (c.status !== 'running') throw new ConflictError(`case ${c.id} is ${c.status}`, 'close.notRunning');
    if (String(rev ?? '') !== String(c.rev)) throw new ConflictError(`case ${c.id} changed since the page was shown`, 'close.changed');
    const now = this.deps.now();
    const at = now.toISOString();
    const [open, timers] = await Promise.all([
      this.openTasks(c),
      this.deps.store.listTimers({ caseId: c.id, status: 'pending', limit: OPEN_LIMIT }),
    ]);
    const who = { id: actor.id, displayName: actor.displayName };
    // NOTE: one entry names the cancelled tasks ('task.cancelled' means a BPMN deadline's cancellation)
    const cancelled = open.map((t) => ({ taskId: t.id, step: t.name, stepNo: t.stepNo }));
    const audit: AuditEvent[] = [auditEvent(c.id, at, who, status === 'withdrawn' ? 'case.withdrawn' : 'case.closed', { ...data, cancelledTasks: cancelled })];
    const applicant = await this.deps.store.getUser(c.applicantId);
    const processName = (await this.deps.store.getDefinition(c.definitionId))?.name || undefined;
    const outbox = applicant && this.deps.notifications ? this.deps.notifications.caseEnded(applicant, c, status, processName, now) : [];
    await this.deps.store.applyCaseChange({
      expectedRev: c.rev,
      case: { ...c, status, rev: c.rev + 1, updatedAt: at },
      completeTasks: open.map((t) => ({ taskId: t.id, completedBy: null, completedAt: at, status: 'cancelled' as const })),
      cancelTimers: timers.map((t) => t.id),
      outbox,
      audit,
    });
  }
}

/** The reason typed: trimmed, at most MAX_REASON characters; `required` to close (422 with the field's error). */
function reasonOf(raw: unknown, required: boolean): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length > MAX_REASON) throw new ValidationError({ reason: 'close.reason.tooLong' });
  if (required && !reason) throw new ValidationError({ reason: 'close.reason.required' });
  return reason;
}
