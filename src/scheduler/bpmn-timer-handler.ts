// A BPMN timer event (boundary on a user task, interrupting or not, or an intermediate catch) that
// is due: recover the case, resume (the engine fires every timer due by now), project the waiting
// user tasks (tasks the engine no longer waits on are cancelled, new ones opened), and save with the
// rev check in one change that also marks the timer done under its lease. A concurrent change to
// the case (409) just retries the timer a moment later; the engine state decides what still fires.
import { ConflictError } from '../errors.js';
import type { AuditEvent, CaseRecord, Store, TaskRecord, TimerRecord } from '../store/ports.js';
import { resumeCase, timersOf, type EngineResult } from '../workflow/index.js';
import { auditEvent, newTasks } from '../cases/task-projection.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { CaseNotifications } from '../notifications/case-notifications.js';
import type { CaseTiming } from '../compliance/case-timing.js';
import type { TimerContext, TimerOutcome } from './timer-scheduler.js';

export interface BpmnTimerDeps {
  store: Store;
  definitions: DefinitionService;
  timing: CaseTiming;
  notifications?: CaseNotifications;
}

/** How soon a timer is tried again after a concurrent change to its case. */
const BUSY_RETRY_MS = 2_000;

/** Open tasks the engine still waits on stay; the others are closed (cancelled) by this change. */
function splitOpen(open: TaskRecord[], result: EngineResult): { stay: TaskRecord[]; cancel: TaskRecord[] } {
  const waiting = result.waiting.map((w) => w.elementId);
  const stay: TaskRecord[] = [];
  const cancel: TaskRecord[] = [];
  for (const t of open) {
    const i = waiting.indexOf(t.elementId);
    if (i >= 0 && result.status === 'running') {
      waiting.splice(i, 1);
      stay.push(t);
    } else cancel.push(t);
  }
  return { stay, cancel };
}

function endAudit(caseId: string, r: EngineResult, at: string): AuditEvent[] {
  if (r.status === 'completed') return [auditEvent(caseId, at, null, 'case.completed')];
  if (r.status === 'failed') return [auditEvent(caseId, at, null, 'case.failed', { error: r.error })];
  return [];
}

export function bpmnTimerHandler(deps: BpmnTimerDeps) {
  const { store } = deps;

  return async function fireBpmnTimer(timer: TimerRecord, { lease, now }: TimerContext): Promise<TimerOutcome> {
    const at = now.toISOString();
    const nothing = async () => ((await store.completeTimer(lease, at)) ? 'done' : 'lost');
    const c = timer.caseId ? await store.getCase(timer.caseId) : null;
    if (!c || c.status !== 'running') return nothing();
    const result = await resumeCase(await deps.definitions.byId(c.definitionId), c.engineState);
    const timers = timersOf(result);
    const key = String(timer.data.key ?? '');
    if (result.status !== 'failed' && timers.fired.length === 0) {
      // not fired: still pending by the engine's clock (retry then), or consumed by an earlier change
      const pending = timers.pending.find((t) => t.key === key);
      return pending ? { retryAt: pending.expireAt > at ? pending.expireAt : new Date(now.getTime() + BUSY_RETRY_MS).toISOString() } : nothing();
    }

    const open = await store.listTasks({ caseId: c.id, status: 'open', limit: 1000 });
    const { stay, cancel } = splitOpen(open, result);
    const planned = await deps.timing.plan({
      caseId: c.id, definitionId: c.definitionId, engine: result,
      next: newTasks(c, result.status === 'running' ? result.waiting : [], stay.map((t) => t.elementId), now),
      closedTaskIds: cancel.map((t) => t.id),
    });
    const updated: CaseRecord = { ...c, rev: c.rev + 1, status: result.status, engineState: result.engineState, error: result.error, updatedAt: at };
    const audit: AuditEvent[] = [
      ...planned.next.audit.filter((e) => e.type === 'timer.fired'), // what fired, then what it did
      ...cancel.map((t) => auditEvent(c.id, at, null, 'task.cancelled', { step: t.name, stepNo: t.stepNo, reason: 'timer' }, t.id)),
      ...planned.next.audit.filter((e) => e.type !== 'timer.fired'),
      ...endAudit(c.id, result, at),
    ];
    const outbox = (await deps.notifications?.completion({ case: c, newTasks: planned.next.tasks, effects: {}, values: {}, now })) ?? [];
    try {
      await store.applyCaseChange({
        expectedRev: c.rev,
        case: updated,
        completeTasks: cancel.map((t) => ({ taskId: t.id, completedBy: null, completedAt: at, status: 'cancelled' as const })),
        openTasks: planned.next.tasks,
        outbox,
        audit,
        timers: planned.timers,
        cancelTimers: planned.cancelTimers.filter((id) => id !== timer.id),
        firedTimer: { ...lease, at },
      });
      return 'done';
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // lease lost (someone else fired it) or the case moved on: the next claim decides afresh
      return { retryAt: new Date(now.getTime() + BUSY_RETRY_MS).toISOString() };
    }
  };
}
