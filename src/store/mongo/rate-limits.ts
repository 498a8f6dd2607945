// Rate-limit counters of the MongoDB store: one document per key, counted with one atomic upsert
// (an update pipeline decides "same window or a new one" on the server), shared by every instance.
import type { PipelineStage } from 'mongoose';
import type { Store } from '../ports.js';
import { isDuplicateKey } from './mapping.js';
import type { Models } from './models.js';

type RateLimits = Pick<Store, 'hitRateLimit' | 'releaseRateLimitHit' | 'clearRateLimit'>;

/**
 * The update of one hit at `now`: a missing document or an ended window (resetAt <= now) starts
 * again at 1 until `resetAt`; otherwise the count goes up by one and the window stays.
 * NOTE: a missing field compares lower than any date, so an upserted document starts a window.
 */
export function hitPipeline(now: Date, resetAt: Date): PipelineStage.Set[] {
  const open = { $gt: ['$resetAt', now] };
  return [{ $set: { count: { $cond: [open, { $add: ['$count', 1] }, 1] }, resetAt: { $cond: [open, '$resetAt', resetAt] } } }];
}

export function createRateLimits(m: Models): RateLimits {
  const hit = (key: string, now: Date, resetAt: Date) =>
    m.RateLimit.findOneAndUpdate({ _id: key }, hitPipeline(now, resetAt), {
      upsert: true, returnDocument: 'after', updatePipeline: true, setDefaultsOnInsert: false,
    }).lean();

  return {
    async hitRateLimit(key, windowMs, now) {
      const at = new Date(now);
      const resetAt = new Date(at.getTime() + windowMs);
      let doc;
      try {
        doc = await hit(key, at, resetAt);
      } catch (err) {
        // two first hits on one key may both try to insert; the loser finds the winner's document
        if (!isDuplicateKey(err)) throw err;
        doc = await hit(key, at, resetAt);
      }
      if (!doc) throw new Error(`rate limit ${key}: the upsert returned no document`);
      return { count: doc.count, resetAt: new Date(doc.resetAt).toISOString() };
    },
    async releaseRateLimitHit(key) {
      await m.RateLimit.updateOne({ _id: key, count: { $gt: 0 } }, { $inc: { count: -1 } });
    },
    async clearRateLimit(key) {
      await m.RateLimit.deleteOne({ _id: key });
    },
  };
}
