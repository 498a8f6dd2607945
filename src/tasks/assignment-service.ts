// Take (Ambil), release (Lepaskan) and reassign (Alihkan) of group-queue tasks: conditional on the
// current holder, audited in the same atomic store operation, so two members acting on one task at
// once get one winner.
//
// Reassign rule: the holder may hand a task to another active member of the task's group; a task
// nobody holds may be handed by any member (a coordinator dispatching the queue). A task held by
// someone else can only be handed on by its holder. A reason is required; never to oneself or to a
// non-member.
// The new holder must be active when the change commits: the store checks that atomically
// (InactiveAssigneeError), so a deactivation racing a reassign or a take never leaves a task held
// by a disabled account.
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { APPLICANT_GROUP, InactiveAssigneeError, type Store, type TaskRecord, type UserRecord } from '../store/ports.js';
import { assertMayAct, type Actor } from '../cases/task-access.js';
import { auditEvent } from '../cases/task-projection.js';
import { mayHoldTasks } from '../staff/staff-roles.js';

export const MAX_REASON = 500;
/** At most this many colleagues are listed (and their load counted) on one reassign page. */
export const MAX_CANDIDATES = 100;

/** A colleague who could receive a task, with the open tasks they hold now. */
export interface Candidate {
  user: UserRecord;
  openTasks: number;
}

export interface ReassignInput {
  to: unknown; // user id chosen in the form
  reason: unknown;
  /** The holder when the form was shown ('' = nobody); a different holder now means a stale form. */
  expectedHolder?: unknown;
}

export class AssignmentService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async take(taskId: string, actor: Actor): Promise<TaskRecord> {
    const task = await this.loadQueueTask(taskId, actor);
    if (task.assigneeId === actor.id) return task;
    if (task.assigneeId) throw new ConflictError('task is held', 'error.taskHeldByOther');
    await this.store.changeAssignee({
      taskId, from: null, to: actor.id,
      audit: auditEvent(task.caseId, this.now().toISOString(), actor, 'task.taken', { step: task.name }, task.id),
    });
    return { ...task, assigneeId: actor.id };
  }

  async release(taskId: string, actor: Actor): Promise<TaskRecord> {
    const task = await this.loadQueueTask(taskId, actor);
    if (task.assigneeId !== actor.id) throw new ForbiddenError('error.taskHeldByOther');
    await this.store.changeAssignee({
      taskId, from: actor.id, to: null,
      audit: auditEvent(task.caseId, this.now().toISOString(), actor, 'task.released', { step: task.name }, task.id),
    });
    return { ...task, assigneeId: null };
  }

  /** The open task `actor` may reassign now (403 if held by someone else, 409 if no longer open). */
  async reassignable(taskId: string, actor: Actor): Promise<TaskRecord> {
    const task = await this.loadQueueTask(taskId, actor);
    assertMayReassign(task, actor);
    return task;
  }

  /** Active members of the task's group who could receive it: not the actor, not the holder; never a deactivated or invited account. */
  async candidates(task: TaskRecord, actor: Actor): Promise<UserRecord[]> {
    const users = await this.store.listGroupMembers(task.groupId, MAX_CANDIDATES);
    return users.filter((u) => u.role !== 'applicant' && mayHoldTasks(u) && u.id !== actor.id && u.id !== task.assigneeId);
  }

  /** The candidates with each one's load: the open tasks they hold (in their groups, through the inbox index), fewest first. */
  async candidatesWithLoad(task: TaskRecord, actor: Actor): Promise<Candidate[]> {
    const users = await this.candidates(task, actor);
    const loads = await Promise.all(users.map(async (user) => {
      const groupIds = await this.store.listUserGroups(user.id);
      return { user, openTasks: await this.store.countTasks({ groupIds, assigneeId: user.id }) };
    }));
    return loads.sort((a, b) => a.openTasks - b.openTasks || a.user.displayName.localeCompare(b.user.displayName));
  }

  /** Per group: whether anyone besides `actor` could receive a task of it (Alihkan is offered only then). */
  othersCanReceive(groupIds: Iterable<string>, actor: Actor): Promise<Map<string, boolean>> {
    return othersCanReceive(this.store, groupIds, actor);
  }

  async reassign(taskId: string, actor: Actor, input: ReassignInput): Promise<{ task: TaskRecord; from: string | null; to: UserRecord }> {
    const task = await this.loadQueueTask(taskId, actor);
    if (typeof input.expectedHolder === 'string' && input.expectedHolder !== (task.assigneeId ?? '')) {
      throw new ConflictError(`task ${taskId} changed hands`, 'error.reassignStale');
    }
    assertMayReassign(task, actor);
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    const toId = typeof input.to === 'string' ? input.to : '';
    const errors: Record<string, string> = {};
    const to = toId ? await this.store.getUser(toId) : null;
    if (!toId) errors.ke = 'reassign.to.required';
    else if (toId === actor.id) errors.ke = 'reassign.to.self';
    else if (!to || to.role === 'applicant' || !mayHoldTasks(to) || !(await this.store.listUserGroups(to.id)).includes(task.groupId)) errors.ke = 'reassign.to.invalid';
    else if (toId === task.assigneeId) errors.ke = 'reassign.to.holder';
    if (!reason) errors.alasan = 'reassign.reason.required';
    else if (reason.length > MAX_REASON) errors.alasan = 'reassign.reason.tooLong';
    if (Object.keys(errors).length > 0 || !to) throw new ValidationError(errors);

    const from = task.assigneeId ? await this.store.getUser(task.assigneeId) : null;
    try {
      await this.store.changeAssignee({
        taskId, from: task.assigneeId, to: to.id,
        audit: auditEvent(task.caseId, this.now().toISOString(), actor, 'task.reassigned', {
          step: task.name, from: task.assigneeId, fromName: from?.displayName ?? null, to: to.id, toName: to.displayName, reason,
        }, task.id),
      });
    } catch (err) {
      // deactivated after it was read above: the store's check is the one that counts
      if (err instanceof InactiveAssigneeError) throw new ValidationError({ ke: 'reassign.to.inactive' });
      throw err;
    }
    return { task: { ...task, assigneeId: to.id }, from: task.assigneeId, to };
  }

  private async loadQueueTask(taskId: string, actor: Actor): Promise<TaskRecord> {
    const task = await this.store.getTask(taskId);
    if (!task) throw new NotFoundError();
    assertMayAct(task, actor);
    if (task.groupId === APPLICANT_GROUP) throw new ForbiddenError(); // the applicant's own step is never queued
    if (task.status !== 'open') throw new ConflictError(`task ${task.id} is ${task.status}`, 'error.taskHandled');
    return task;
  }
}

function assertMayReassign(task: TaskRecord, actor: Actor): void {
  if (task.assigneeId && task.assigneeId !== actor.id) throw new ForbiddenError('error.reassignNotHolder');
}

/** Per group: whether anyone besides `actor` could receive a task of it (the inbox and the case page offer Alihkan only then). */
export async function othersCanReceive(store: Pick<Store, 'countActiveMembers'>, groupIds: Iterable<string>, actor: Actor): Promise<Map<string, boolean>> {
  const ids = [...new Set(groupIds)];
  const active = ids.length ? await store.countActiveMembers(ids) : {};
  const self = (g: string) => (mayHoldTasks(actor) && actor.groups.includes(g) ? 1 : 0);
  return new Map(ids.map((g) => [g, (active[g] ?? 0) - self(g) > 0]));
}
