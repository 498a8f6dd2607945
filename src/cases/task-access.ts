// Who may act on a task: the rule shared by completing, taking and viewing it.
import { ForbiddenError } from '../errors.js';
import type { TaskRecord, UserRecord } from '../store/ports.js';

/** Role and ownership rules shared by completing, taking and viewing a task. */
export function assertMayAct(task: TaskRecord, actor: UserRecord): void {
  if (actor.role !== task.role) throw new ForbiddenError();
  if (task.role === 'ppbj' && task.applicantId !== actor.id) throw new ForbiddenError();
}
