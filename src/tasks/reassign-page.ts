// View model of "Alihkan tugas": the task in brief (with the case's subject, e.g. a masked NIK), the active members of its group who may receive it
// with the open tasks each holds now, the reason, and on a failed submission the typed values with the field errors.
import type { Store, TaskRecord } from '../store/ports.js';
import { MAX_REASON, type Candidate } from './assignment-service.js';
import { timeLeft } from './sla.js';
import { NO_CASE_SUBJECT, type CaseSubjectOf } from './case-subject.js';

export interface ReassignPageInput {
  task: TaskRecord;
  candidates: Candidate[];
  now: Date;
  values?: { ke?: unknown; alasan?: unknown };
  errors?: Record<string, string>;
  caseSubject?: CaseSubjectOf;
}

const LABELS: Record<string, string> = { ke: 'reassign.to', alasan: 'reassign.reason' };

export async function reassignPageModel(store: Store, input: ReassignPageInput) {
  const { task, candidates, now } = input;
  const [c, holder] = await Promise.all([
    store.getCase(task.caseId),
    task.assigneeId ? store.getUser(task.assigneeId) : Promise.resolve(null),
  ]);
  const chosen = typeof input.values?.ke === 'string' ? input.values.ke : '';
  const errors = input.errors ?? {};
  return {
    title: 'reassign.title',
    task: { ...task, subject: c ? (input.caseSubject ?? NO_CASE_SUBJECT)(c) : null, timeLeft: timeLeft(task.dueAt, now), overdue: now.toISOString() > task.dueAt },
    holderName: holder?.displayName ?? null,
    expectedHolder: task.assigneeId ?? '',
    back: task.assigneeId ? '/tugas' : '/kotak-masuk',
    options: candidates.map(({ user: u, openTasks }) => ({ value: u.id, label: u.displayName, email: u.email, openTasks, selected: u.id === chosen })),
    reason: typeof input.values?.alasan === 'string' ? input.values.alasan : '',
    maxReason: MAX_REASON,
    errors,
    errorList: Object.entries(errors).map(([field, message]) => ({ field, label: LABELS[field] ?? field, message })),
  };
}
