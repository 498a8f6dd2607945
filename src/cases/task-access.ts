// Who may act on a task: the rule shared by completing, taking and viewing it.
import { ForbiddenError } from '../errors.js';
import { APPLICANT_GROUP, type TaskRecord, type UserRecord } from '../store/ports.js';

/** A user acting on a case, with the groups they are a member of. */
export type Actor = UserRecord & { groups: readonly string[] };

/**
 * A step of the applicant ('pemohon') only by the case's own applicant; any other step only by a
 * staff member or process owner who is a member of its group. A disabled account never.
 */
export function mayAct(task: TaskRecord, actor: Actor): boolean {
  if (actor.status === 'disabled') return false;
  if (task.groupId === APPLICANT_GROUP) return task.applicantId === actor.id;
  return actor.role !== 'applicant' && actor.groups.includes(task.groupId);
}

export function assertMayAct(task: TaskRecord, actor: Actor): void {
  if (!mayAct(task, actor)) throw new ForbiddenError();
}
