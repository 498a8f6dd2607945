// A staff member's working day: taking several tasks at once (each the usual atomic, audited take,
// reported one by one), taking the most urgent task of one's groups ("Ambil tugas berikutnya": two
// people pressing at once never get the same task), and the task to open after a decision.
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { APPLICANT_GROUP, type Store, type TaskRecord } from '../store/ports.js';
import type { Actor } from '../cases/task-access.js';
import type { AssignmentService } from './assignment-service.js';

/** At most this many tasks in one bulk take (an inbox page). */
export const MAX_BULK_TAKE = 50;
/** Candidates read per attempt of "take the next task", and attempts before giving up (bounded under contention). */
const NEXT_BATCH = 10;
const NEXT_ROUNDS = 3;

/** taken: now mine; mine: I held it already; held: someone else has it; handled: done or gone; refused: not mine to take. */
export type TakeOutcome = 'taken' | 'mine' | 'held' | 'handled' | 'refused';

export interface TakeResult {
  taskId: string;
  outcome: TakeOutcome;
  name: string; // the step, '' when the task is unknown
  stepNo: number | null;
  applicantName: string;
}

const staffGroups = (actor: Actor): string[] => actor.groups.filter((g) => g !== APPLICANT_GROUP);

/** Takes each task in turn (duplicates once); what happened to each, in the order asked. */
export async function takeMany(assignments: AssignmentService, store: Store, actor: Actor, taskIds: readonly string[]): Promise<TakeResult[]> {
  const ids = [...new Set(taskIds)];
  if (ids.length > MAX_BULK_TAKE) throw new AppError(400, 'bulk.tooMany');
  const results: TakeResult[] = [];
  for (const taskId of ids) {
    const before = await store.getTask(taskId);
    const about = { taskId, name: before?.name ?? '', stepNo: before?.stepNo ?? null, applicantName: before?.applicantName ?? '' };
    try {
      await assignments.take(taskId, actor);
      results.push({ ...about, outcome: before?.assigneeId === actor.id ? 'mine' : 'taken' });
    } catch (err) {
      results.push({ ...about, outcome: await failedTake(store, actor, taskId, err) });
    }
  }
  return results;
}

async function failedTake(store: Store, actor: Actor, taskId: string, err: unknown): Promise<TakeOutcome> {
  if (err instanceof ForbiddenError) return 'refused';
  if (err instanceof NotFoundError) return 'handled';
  if (!(err instanceof ConflictError)) throw err;
  // NOTE: a take that lost a race reads the task again: taken by someone else, or done meanwhile
  const now = await store.getTask(taskId);
  if (now?.status === 'open' && now.assigneeId && now.assigneeId !== actor.id) return 'held';
  return 'handled';
}

/**
 * Takes the most urgent task nobody holds in the actor's groups (of one process when given): the
 * queue read in due order and each tried with the conditional take, so a task another person took
 * a moment earlier is skipped. Null when the queue is empty.
 */
export async function takeNext(assignments: AssignmentService, store: Store, actor: Actor, processKey = ''): Promise<TaskRecord | null> {
  const groupIds = staffGroups(actor);
  for (let round = 0; round < NEXT_ROUNDS; round++) {
    const queue = await store.listTasks({ groupIds, assigneeId: null, sort: 'due', limit: NEXT_BATCH, ...(processKey ? { processKey } : {}) });
    if (queue.length === 0) return null;
    for (const task of queue) {
      try {
        return await assignments.take(task.id, actor);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
  }
  return null;
}

/** After a decision: the actor's most urgent held task, else the most urgent one waiting in their groups (not taken). */
export async function nextAfterDecision(store: Store, actor: Actor): Promise<{ task: TaskRecord; held: boolean } | null> {
  const groupIds = staffGroups(actor);
  const [mine] = await store.listTasks({ groupIds, assigneeId: actor.id, sort: 'due', limit: 1 });
  if (mine) return { task: mine, held: true };
  const [waiting] = await store.listTasks({ groupIds, assigneeId: null, sort: 'due', limit: 1 });
  return waiting ? { task: waiting, held: false } : null;
}
