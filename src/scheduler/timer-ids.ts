// Deterministic ids and kinds of the durable timers: scheduling the same timer twice keeps one.
import type { TimerRecord } from '../store/ports.js';

export const SLA_KIND = 'sla.overdue';
export const BPMN_KIND = 'bpmn.timer';

/** The SLA timer of a task: due when the task passes its time standard. */
export const slaTimerId = (taskId: string): string => `sla:${taskId}`;
/** A BPMN timer event of a case, by the engine's execution id of the timer. */
export const bpmnTimerId = (caseId: string, key: string): string => `bpmn:${caseId}:${key}`;

/** A new pending timer record. */
export function newTimer(t: Pick<TimerRecord, 'id' | 'kind' | 'caseId' | 'taskId' | 'dueAt' | 'data'>, now: Date): TimerRecord {
  return {
    ...t, nextAttemptAt: t.dueAt, status: 'pending', attempts: 0, leaseToken: null, lockedUntil: null, lastError: null,
    createdAt: now.toISOString(), doneAt: null,
  };
}
