// Mongoose schema of the rate-limit counters. Pure definition: nothing here touches a server.
import { Schema } from 'mongoose';
import { id, int, options } from './schema-kit.js';

/** One key's fixed window: `_id` is the key, `resetAt` (a Date, for the TTL index) its end. */
export interface RateLimitDoc {
  _id: string;
  count: number;
  resetAt: Date;
}

export const rateLimitSchema = new Schema<RateLimitDoc>(
  {
    _id: id,
    count: int(0),
    resetAt: { type: Date, required: true },
  },
  options('rate_limits'),
);
// MongoDB's TTL monitor deletes ended windows (about once a minute); a hit treats an ended one as new anyway.
rateLimitSchema.index({ resetAt: 1 }, { expireAfterSeconds: 0 });
