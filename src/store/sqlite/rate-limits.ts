// Rate-limit counters of the SQLite store: one row per key, a fixed window each, counted with one
// atomic upsert, so every app process on the file shares the counts and a restart keeps them.
import type { RateLimitHit } from '../ports.js';
import type { Database } from './database.js';

/** Ended windows are deleted on a hit at most this often, a bounded batch at a time. */
const PURGE_INTERVAL_MS = 60_000;
const PURGE_BATCH = 500;

export function createRateLimits(db: Database) {
  const st = {
    // NOTE: in DO UPDATE every right-hand side reads the row as it was, so both CASEs see the old window.
    hit: db.prepare<{ key: string; now: string; resetAt: string }, RateLimitHit>(`
      INSERT INTO rate_limits (key, count, resetAt) VALUES (@key, 1, @resetAt)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limits.resetAt <= @now THEN 1 ELSE rate_limits.count + 1 END,
        resetAt = CASE WHEN rate_limits.resetAt <= @now THEN excluded.resetAt ELSE rate_limits.resetAt END
      RETURNING count, resetAt`),
    release: db.prepare<[string]>('UPDATE rate_limits SET count = count - 1 WHERE key = ? AND count > 0'),
    clear: db.prepare<[string]>('DELETE FROM rate_limits WHERE key = ?'),
    purge: db.prepare<[string, number]>(
      'DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE resetAt <= ? LIMIT ?)',
    ),
  };
  let lastPurge = 0;

  return {
    hitRateLimit(key: string, windowMs: number, now: string): RateLimitHit {
      const at = Date.parse(now);
      if (at - lastPurge >= PURGE_INTERVAL_MS) {
        lastPurge = at;
        st.purge.run(now, PURGE_BATCH);
      }
      const hit = st.hit.get({ key, now, resetAt: new Date(at + windowMs).toISOString() });
      if (!hit) throw new Error(`rate limit ${key}: the upsert returned no row`);
      return { count: hit.count, resetAt: hit.resetAt };
    },
    releaseRateLimitHit(key: string): void {
      st.release.run(key);
    },
    clearRateLimit(key: string): void {
      st.clear.run(key);
    },
  };
}
