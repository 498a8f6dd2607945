// The timing facts the reports aggregate (store/report-ports.ts), computed once: a task's when it is
// completed, a case's when it ends, each on its version's clock as it is at that moment.
import type { AuditEvent, CaseFacts, CaseSummary, TaskFacts, TaskRecord } from '../store/ports.js';
import { attributeCase } from './clock-attribution.js';
import type { TimeClock } from './compliance-settings.js';
import { timeTask } from './task-timing.js';

/** The reasons of a 'case.returned' entry: its codes, else its reason text ('—' when it has none). */
export function returnReasonsOf(e: AuditEvent): string[] {
  return Array.isArray(e.data.codes) && e.data.codes.length ? (e.data.codes as unknown[]).map(String) : [String(e.data.reasons ?? '—')];
}

/** Facts of a completed task (completedAt set). */
export function taskFactsOf(
  task: TaskRecord, clock: TimeClock,
  o: { takenAt: string | null; returnReasons: string[] | null; caseReturns: number; previous: { at: string; caseReturns: number } | null },
): TaskFacts {
  if (task.status !== 'completed' || !task.completedAt) throw new Error(`task ${task.id} is not completed`);
  const t = timeTask(task, clock, o.takenAt, new Date(task.completedAt));
  return {
    taskId: task.id, caseId: task.caseId, processKey: task.processKey, elementId: task.elementId, name: task.name, stepNo: task.stepNo,
    groupId: task.groupId, completedAt: task.completedAt, completedBy: task.completedBy, takenAt: t.takenAt,
    elapsedMs: t.elapsedMs, waitMs: t.waitMs, handlingMs: t.handlingMs, standardMs: t.standardMs, met: t.met === true,
    returnReasons: o.returnReasons, caseReturns: o.caseReturns,
    previousAt: o.previous?.at ?? null, previousCaseReturns: o.previous?.caseReturns ?? null,
  };
}

/**
 * Facts of the completed tasks of one case (those in `only`, else all), from all its tasks and its
 * 'task.taken' / 'case.returned' entries in time order.
 */
export function taskFactsFor(tasks: TaskRecord[], audit: AuditEvent[], clock: TimeClock, only?: ReadonlySet<string>): TaskFacts[] {
  const taken = new Map<string, string>();
  for (const e of audit) if (e.type === 'task.taken' && e.taskId && !taken.has(e.taskId)) taken.set(e.taskId, e.at);
  const returned = audit.filter((e) => e.type === 'case.returned');
  // returns up to a completion: its own return included, else those not after it
  const returnsUpTo = (t: TaskRecord): number => {
    const own = returned.findIndex((e) => e.taskId === t.id);
    return own >= 0 ? own + 1 : returned.filter((e) => e.at <= t.completedAt!).length;
  };
  const completed = tasks.filter((t) => t.status === 'completed' && t.completedAt);
  return completed.filter((t) => !only || only.has(t.id)).map((t) => {
    const own = returned.find((e) => e.taskId === t.id);
    const earlier = completed.filter((x) => x.elementId === t.elementId && x.id !== t.id && x.completedAt! < t.completedAt!);
    const previous = earlier.reduce<TaskRecord | null>((p, x) => (p === null || x.completedAt! > p.completedAt! ? x : p), null);
    return taskFactsOf(t, clock, {
      takenAt: taken.get(t.id) ?? null, returnReasons: own ? returnReasonsOf(own) : null, caseReturns: returnsUpTo(t),
      previous: previous ? { at: previous.completedAt!, caseReturns: returnsUpTo(previous) } : null,
    });
  });
}

/** Facts of a case that ended ('completed'), from all its tasks (closed). */
export function caseFactsOf(c: CaseSummary, tasks: TaskRecord[], clock: TimeClock, standardMs: number, returns: number): CaseFacts {
  if (c.status !== 'completed') throw new Error(`case ${c.id} has not ended`);
  const split = attributeCase(c, tasks, clock, new Date(c.updatedAt));
  return {
    caseId: c.id, processKey: c.processKey, createdAt: c.createdAt, endedAt: split.endedAt ?? c.updatedAt,
    totalMs: split.totalMs, agencyMs: split.agencyMs, applicantMs: split.applicantMs, standardMs, met: split.totalMs <= standardMs, returns,
  };
}

/** Facts of every completed task of one case and of the case if it ended: what the backlog catch-up computes. */
export function factsOfCase(
  c: CaseSummary, tasks: TaskRecord[], audit: AuditEvent[], clock: TimeClock, standardMs: number,
): { tasks: TaskFacts[]; case: CaseFacts | null } {
  const returns = audit.filter((e) => e.type === 'case.returned').length;
  return { tasks: taskFactsFor(tasks, audit, clock), case: c.status === 'completed' ? caseFactsOf(c, tasks, clock, standardMs, returns) : null };
}
