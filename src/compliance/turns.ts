// Bounded work per event-loop turn: report arithmetic and CSV encoding give way to other requests
// (setImmediate lets waiting I/O run) once they have held the thread for a few milliseconds.
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch, in ms, a report holds the event loop before it lets other requests run. */
export const TURN_MS = 8;

/** A budget of `ms` per turn: `spent()` says when to give way; `yield()` gives way and starts a new turn. */
export function turnBudget(ms = TURN_MS) {
  let since = performance.now();
  return {
    spent: () => performance.now() - since >= ms,
    async yield(): Promise<void> {
      await nextTurn();
      since = performance.now();
    },
  };
}
