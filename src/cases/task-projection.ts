// Projects the engine's waiting user tasks into queryable task records (inboxes never parse
// engine state) and shapes the audit events that go with them.
import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditType, CaseRecord, TaskRecord } from '../store/ports.js';
import { isoAfter, type WaitingTask } from '../workflow/index.js';

export interface Actor {
  id: string;
  displayName: string;
}

export function auditEvent(
  caseId: string,
  at: string,
  actor: Actor | null,
  type: AuditType,
  data: Record<string, unknown> = {},
  taskId: string | null = null,
): AuditEvent {
  return { id: randomUUID(), caseId, at, actorId: actor?.id ?? null, actorName: actor?.displayName ?? null, type, taskId, data };
}

export function taskFromWaiting(c: CaseRecord, w: WaitingTask, now: Date): TaskRecord {
  return {
    id: randomUUID(),
    caseId: c.id,
    processKey: c.processKey,
    applicantId: c.applicantId,
    applicantName: c.applicantName,
    elementId: w.elementId,
    name: w.spec.name,
    stepNo: w.spec.sop.stepNo,
    groupId: w.spec.groupId,
    formKey: w.spec.formKey,
    assigneeId: null,
    status: 'open',
    createdAt: now.toISOString(),
    dueAt: isoAfter(now.getTime(), w.spec.timeStandardMs), // never throws, even for a stored out-of-range time standard
    timeStandard: w.spec.timeStandard,
    completedAt: null,
    completedBy: null,
    searchText: searchText(c),
  };
}

/** Name, e-mail and NIP of the applicant, lower-cased, for inbox search. */
function searchText(c: CaseRecord): string {
  const parts = [c.applicantName];
  for (const values of Object.values(c.data)) {
    for (const key of ['email', 'nip', 'namaLengkap']) if (typeof values[key] === 'string') parts.push(values[key] as string);
  }
  return [...new Set(parts)].join(' ').toLowerCase();
}

/**
 * New task records for the waiting tasks that have none yet.
 * @param stillOpen element ids of the case's open tasks that stay open after this change
 */
export function newTasks(c: CaseRecord, waiting: WaitingTask[], stillOpen: string[], now: Date): { tasks: TaskRecord[]; audit: AuditEvent[] } {
  const open = [...stillOpen];
  const tasks: TaskRecord[] = [];
  for (const w of waiting) {
    const i = open.indexOf(w.elementId);
    if (i >= 0) open.splice(i, 1);
    else tasks.push(taskFromWaiting(c, w, now));
  }
  const audit = tasks.map((t) =>
    auditEvent(c.id, t.createdAt, null, 'task.created', { step: t.name, stepNo: t.stepNo, groupId: t.groupId, dueAt: t.dueAt }, t.id),
  );
  return { tasks, audit };
}
