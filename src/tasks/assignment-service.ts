// Take (Ambil) and release (Lepaskan) of role-queue tasks: conditional on the current holder,
// audited in the same atomic store operation, so two admins taking one task at once get one winner.
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { Store, TaskRecord, UserRecord } from '../store/ports.js';
import { assertMayAct } from '../cases/case-service.js';
import { auditEvent } from '../cases/task-projection.js';

export class AssignmentService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async take(taskId: string, actor: UserRecord): Promise<TaskRecord> {
    const task = await this.loadQueueTask(taskId, actor);
    if (task.assigneeId === actor.id) return task;
    if (task.assigneeId) throw new ConflictError('task is held', 'error.taskHeldByOther');
    await this.store.changeAssignee({
      taskId, from: null, to: actor.id,
      audit: auditEvent(task.caseId, this.now().toISOString(), actor, 'task.taken', { step: task.name }, task.id),
    });
    return { ...task, assigneeId: actor.id };
  }

  async release(taskId: string, actor: UserRecord): Promise<TaskRecord> {
    const task = await this.loadQueueTask(taskId, actor);
    if (task.assigneeId !== actor.id) throw new ForbiddenError('error.taskHeldByOther');
    await this.store.changeAssignee({
      taskId, from: actor.id, to: null,
      audit: auditEvent(task.caseId, this.now().toISOString(), actor, 'task.released', { step: task.name }, task.id),
    });
    return { ...task, assigneeId: null };
  }

  private async loadQueueTask(taskId: string, actor: UserRecord): Promise<TaskRecord> {
    const task = await this.store.getTask(taskId);
    if (!task) throw new NotFoundError();
    assertMayAct(task, actor);
    if (task.role === 'ppbj') throw new ForbiddenError();
    if (task.status !== 'open') throw new ConflictError(`task ${task.id} is ${task.status}`, 'error.taskHandled');
    return task;
  }
}
