// Store contract: rate-limit counters. A hit counts atomically in a fixed window, a new window
// starts when the old one has ended, a hit can be taken back, a key can be forgotten, and keys
// never share a count.
import { describe, expect, test } from '@jest/globals';
import { race, type GetStore } from './contract-helpers.js';
import { at } from './fixtures.js';

const MIN = 60_000;

export function rateLimitsContract(store: GetStore): void {
  describe('rate-limit counters', () => {
    test('given a new key, when it is hit three times in its window, then the counts are 1, 2, 3 and the window ends windowMs after the first hit', async () => {
      const counts = [];
      for (const minute of [0, 1, 2]) counts.push(await store().hitRateLimit('login:a', 15 * MIN, at(minute)));
      expect(counts).toEqual([
        { count: 1, resetAt: at(15) },
        { count: 2, resetAt: at(15) },
        { count: 3, resetAt: at(15) },
      ]);
    });

    test('given a window that has ended, when the key is hit again, then a new window starts at 1', async () => {
      await store().hitRateLimit('login:b', 15 * MIN, at(0));
      await store().hitRateLimit('login:b', 15 * MIN, at(1));
      expect(await store().hitRateLimit('login:b', 15 * MIN, at(15))).toEqual({ count: 1, resetAt: at(30) });
      expect(await store().hitRateLimit('login:b', 15 * MIN, at(16))).toEqual({ count: 2, resetAt: at(30) });
    });

    test('given two keys, when each is hit, then their counts are separate', async () => {
      await store().hitRateLimit('ip:1', MIN, at(0));
      await store().hitRateLimit('ip:1', MIN, at(0));
      expect((await store().hitRateLimit('ip:2', MIN, at(0))).count).toBe(1);
      expect((await store().hitRateLimit('ip:1', MIN, at(0))).count).toBe(3);
    });

    test('when a hit is released, then the count goes down by one but never below zero; an unknown key is no error', async () => {
      await store().hitRateLimit('k', MIN, at(0));
      await store().hitRateLimit('k', MIN, at(0));
      await store().releaseRateLimitHit('k');
      expect((await store().hitRateLimit('k', MIN, at(0))).count).toBe(2);
      for (let i = 0; i < 4; i++) await store().releaseRateLimitHit('k');
      expect((await store().hitRateLimit('k', MIN, at(0))).count).toBe(1);
      await expect(store().releaseRateLimitHit('never-hit')).resolves.toBeUndefined();
    });

    test('when a key is cleared, then its next hit starts a new window', async () => {
      for (let i = 0; i < 5; i++) await store().hitRateLimit('c', 15 * MIN, at(0));
      await store().clearRateLimit('c');
      expect(await store().hitRateLimit('c', 15 * MIN, at(3))).toEqual({ count: 1, resetAt: at(18) });
      await expect(store().clearRateLimit('never-hit')).resolves.toBeUndefined();
    });

    test('when 20 hits on one new key run at once, then every count from 1 to 20 is handed out exactly once', async () => {
      const hits = Array.from({ length: 20 }, () => store().hitRateLimit('burst', MIN, at(0)));
      const { won, errors } = await race(hits);
      expect(errors).toEqual([]);
      expect(won).toBe(20);
      const counts = (await Promise.all(hits)).map((h) => h.count).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
}
