// Time of one task against its SOP time standard, on its version's clock (calendar or working
// time): created, taken (first 'task.taken'), completed; queue wait, handling, elapsed; met or not.
import type { AuditEvent, TaskRecord } from '../store/ports.js';
import { parseIsoDuration } from '../workflow/index.js';
import type { TimeClock } from './compliance-settings.js';

export interface TaskTiming {
  task: TaskRecord;
  takenAt: string | null;
  /** counted time from creation to completion (or to `now` while open) */
  elapsedMs: number;
  /** counted time from creation to the first take (staff tasks), else null */
  waitMs: number | null;
  /** counted time from the first take to completion, else null */
  handlingMs: number | null;
  standardMs: number;
  /** completed: within the standard or not; open: false once past it, null before */
  met: boolean | null;
  open: boolean;
  overdue: boolean;
}

/** First take of each task, from 'task.taken' audit events. */
export function firstTakes(audit: AuditEvent[]): Map<string, string> {
  const taken = new Map<string, string>();
  for (const e of audit) if (e.type === 'task.taken' && e.taskId && !taken.has(e.taskId)) taken.set(e.taskId, e.at);
  return taken;
}

export function standardMsOf(task: TaskRecord): number {
  return parseIsoDuration(task.timeStandard) ?? Math.max(0, Date.parse(task.dueAt) - Date.parse(task.createdAt));
}

export function timeTask(task: TaskRecord, clock: TimeClock, takenAt: string | null, now: Date): TaskTiming {
  const created = Date.parse(task.createdAt);
  const open = task.status === 'open';
  const end = task.completedAt ? Date.parse(task.completedAt) : now.getTime();
  const taken = takenAt && Date.parse(takenAt) <= end ? Date.parse(takenAt) : null;
  const elapsedMs = clock.elapsedMs(created, end);
  const standardMs = standardMsOf(task);
  const late = elapsedMs > standardMs;
  return {
    task,
    takenAt: taken === null ? null : takenAt,
    elapsedMs,
    waitMs: taken === null ? null : clock.elapsedMs(created, taken),
    handlingMs: taken === null || open ? null : clock.elapsedMs(taken, end),
    standardMs,
    met: open ? (late ? false : null) : !late,
    open,
    overdue: open && late,
  };
}
