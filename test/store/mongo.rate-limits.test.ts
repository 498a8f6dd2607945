// MongoDB rate-limit counters, checked WITHOUT a server (none exists here; the contract suite runs
// them against a replica set when MONGODB_URI is set): the TTL index, the hit pipeline, and that
// each method builds a query mongoose accepts (it fails only on the missing connection).
import { afterAll, describe, expect, test } from '@jest/globals';
import { createMongoStore } from '../../src/store/mongo/mongo-store.js';
import { rateLimitSchema } from '../../src/store/mongo/rate-limit-schema.js';
import { hitPipeline } from '../../src/store/mongo/rate-limits.js';
import { at } from './fixtures.js';

const store = createMongoStore({ uri: 'mongodb://127.0.0.1:9/never-opened' });
afterAll(async () => store.close());

describe('Given the MongoDB rate-limit collection', () => {
  test('when its indexes are read, then ended windows are deleted by a TTL index on resetAt', () => {
    expect(rateLimitSchema.indexes()).toEqual([[{ resetAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]]);
  });

  test('when a hit is built, then one $set stage keeps an open window (+1) and restarts an ended or missing one at 1', () => {
    const now = new Date(at(0));
    const end = new Date(at(15));
    const open = { $gt: ['$resetAt', now] };
    expect(hitPipeline(now, end)).toEqual([
      { $set: { count: { $cond: [open, { $add: ['$count', 1] }, 1] }, resetAt: { $cond: [open, '$resetAt', end] } } },
    ]);
  });

  const noConnection = /before initial connection is complete if `bufferCommands = false`/;
  test.each([
    ['hitRateLimit', () => store.hitRateLimit('login:x', 60_000, at(0))],
    ['releaseRateLimitHit', () => store.releaseRateLimitHit('login:x')],
    ['clearRateLimit', () => store.clearRateLimit('login:x')],
  ])('when %s runs without a server, then only the missing connection stops it', async (_name, call) => {
    await expect(call()).rejects.toThrow(noConnection);
  });
});
