// Bounded purges of the SQLite store (the retention job calls them): expired sessions, used or expired
// codes, finished timers, ended rate-limit windows. Each statement deletes at most `limit` rows,
// found through an index, so one call never holds the write lock for long.
import { pageOf } from '../task-paging.js';
import type { Database } from './database.js';

/** Finished timers, except a BPMN timer (no task) of a running case (exported for the query-plan test). */
export const FINISHED_TIMERS_SQL =
  "SELECT seq FROM timers WHERE status <> 'pending' AND doneAt < @before AND (taskId IS NOT NULL OR caseId IS NULL OR " +
  "NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = timers.caseId AND c.status = 'running')) ORDER BY doneAt LIMIT @limit";
export const EXPIRED_CODES_SQL = 'SELECT seq FROM verifications WHERE expiresAt < @before ORDER BY expiresAt LIMIT @limit';
export const USED_CODES_SQL = 'SELECT seq FROM verifications WHERE usedAt < @before ORDER BY usedAt LIMIT @limit';
export const EXPIRED_SESSIONS_SQL = 'SELECT sid FROM sessions WHERE expiresMs <= @now ORDER BY expiresMs LIMIT @limit';
export const ENDED_WINDOWS_SQL = 'SELECT key FROM rate_limits WHERE resetAt <= @now ORDER BY resetAt LIMIT @limit';

const time = (at: string, what: string): string => {
  if (!Number.isFinite(Date.parse(at))) throw new RangeError(`${what} is not a date: ${at}`);
  return at;
};
const batch = (limit: number) => pageOf({ limit }, 'purge', limit).limit;

export function createPurges(db: Database) {
  const st = {
    sessions: db.prepare<{ now: number; limit: number }>(`DELETE FROM sessions WHERE sid IN (${EXPIRED_SESSIONS_SQL})`),
    expiredCodes: db.prepare<{ before: string; limit: number }>(`DELETE FROM verifications WHERE seq IN (${EXPIRED_CODES_SQL})`),
    usedCodes: db.prepare<{ before: string; limit: number }>(`DELETE FROM verifications WHERE seq IN (${USED_CODES_SQL})`),
    timers: db.prepare<{ before: string; limit: number }>(`DELETE FROM timers WHERE seq IN (${FINISHED_TIMERS_SQL})`),
    windows: db.prepare<{ now: string; limit: number }>(`DELETE FROM rate_limits WHERE key IN (${ENDED_WINDOWS_SQL})`),
  };
  return {
    purgeSessions(now: string, limit: number): number {
      return st.sessions.run({ now: Date.parse(time(now, 'purge time')), limit: batch(limit) }).changes;
    },
    purgeVerifications(before: string, limit: number): number {
      const n = batch(limit);
      const expired = st.expiredCodes.run({ before: time(before, 'purge cutoff'), limit: n }).changes;
      return expired + (expired < n ? st.usedCodes.run({ before, limit: n - expired }).changes : 0);
    },
    purgeTimers(before: string, limit: number): number {
      return st.timers.run({ before: time(before, 'purge cutoff'), limit: batch(limit) }).changes;
    },
    purgeRateLimits(now: string, limit: number): number {
      return st.windows.run({ now: time(now, 'purge time'), limit: batch(limit) }).changes;
    },
  };
}
