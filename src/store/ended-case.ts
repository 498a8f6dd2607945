// An ended case keeps no engine state (issue 14, a lean store): both adapters store an empty one for a
// case completed, withdrawn or closed. Nothing recovers such a case: a task is completed and a timer
// resumes only a running case; pages read the case's tasks, audit and data. A failed case keeps its state.
import type { CaseRecord, CaseStatus } from './ports.js';

/** The statuses whose case keeps no engine state (a case never leaves them). */
export const STATELESS_CASE_STATUSES: readonly CaseStatus[] = ['completed', 'withdrawn', 'closed'];

/** The case as stored: its engine state emptied once it has ended. */
export function storedCase(c: CaseRecord): CaseRecord {
  return STATELESS_CASE_STATUSES.includes(c.status) && c.engineState.length > 0 ? { ...c, engineState: Buffer.alloc(0) } : c;
}
