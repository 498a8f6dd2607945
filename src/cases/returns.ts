// Step 6 "Tidak lengkap" returns: which reasons still apply to an open task.
import type { AuditEvent, TaskRecord } from '../store/ports.js';

/** The latest return reasons, while the step they sent the case back to has not been resubmitted. */
export function pendingReturn(task: TaskRecord, audit: AuditEvent[]): AuditEvent | undefined {
  for (let i = audit.length - 1; i >= 0; i--) {
    const e = audit[i]!;
    if (e.type === 'task.completed' && e.data.step === task.name) return undefined;
    if (e.type === 'case.returned') return e;
  }
  return undefined;
}
