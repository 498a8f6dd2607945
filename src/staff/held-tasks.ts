// Tasks a staff member holds going back to their queue when the person may no longer act on them
// (account deactivated, removed from the step's group): conditionally on the holder, audited on each case.
import { auditEvent } from '../cases/task-projection.js';
import { ConflictError } from '../errors.js';
import type { Store, TaskQuery, UserRecord } from '../store/ports.js';

/** Releases in batches; bounded work per request (more would be an anomaly). */
const RELEASE_BATCH = 100;
const MAX_RELEASE_BATCHES = 20;
/** The reason recorded on each case whose task goes back to the queue. */
export const RELEASE_REASON = 'Akun pemegang dinonaktifkan / the holder\'s account was deactivated';
export type ReleaseCause = 'account-deactivated' | 'membership-removed';
const RELEASE_REASONS: Record<ReleaseCause, string> = {
  'account-deactivated': RELEASE_REASON,
  'membership-removed': 'Pemegang dikeluarkan dari grup langkah ini / the holder was removed from this step\'s group',
};

/** Gives each open task `user` holds (of the groups of `scope`) back to its queue; returns how many. */
export async function releaseHeldTasks(
  deps: { store: Store; now: () => Date }, actor: { id: string; displayName: string }, user: UserRecord,
  scope: Pick<TaskQuery, 'groupIds'>, cause: ReleaseCause,
): Promise<number> {
  const { store } = deps;
  let released = 0;
  for (let batch = 0; batch < MAX_RELEASE_BATCHES; batch++) {
    const held = await store.listTasks({ ...scope, assigneeId: user.id, limit: RELEASE_BATCH });
    let moved = 0;
    for (const task of held) {
      const at = deps.now().toISOString();
      try {
        await store.changeAssignee({
          taskId: task.id, from: user.id, to: null,
          audit: auditEvent(task.caseId, at, actor, 'task.released', {
            step: task.name, holder: user.id, holderName: user.displayName, cause, reason: RELEASE_REASONS[cause],
          }, task.id),
        });
        moved++;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err; // completed or handed on meanwhile: not held any more
      }
    }
    released += moved;
    if (held.length < RELEASE_BATCH || moved === 0) break;
  }
  return released;
}
