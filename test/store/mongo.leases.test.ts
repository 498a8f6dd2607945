// Leases of the MongoDB outbox and timers (no server: the recorded commands). A lease is judged on
// the server's clock ($$NOW), never on the claiming instance's; a claim that fails part-way hands
// over what it leased instead of counting attempts for messages nobody sends.
import { describe, expect, test } from '@jest/globals';
import { at, message, timer } from './fixtures.js';
import { recordingStore, type DriverCall } from './mongo-recorder.js';

const claimsOf = (calls: DriverCall[]) => calls.filter((c) => c.method === 'findOneAndUpdate');

describe('MongoDB leases run on the server clock', () => {
  test.each([
    ['outbox', (s: ReturnType<typeof recordingStore>['store']) => s.claimDueMessages(at(10), 1, 60_000)],
    ['timers', (s: ReturnType<typeof recordingStore>['store']) => s.claimDueTimers(at(10), 1, 60_000)],
  ])('Given a %s claim, Then the free-lease test compares leaseExpires with $$NOW and the new lease ends at $$NOW + lease', async (_name, claim) => {
    const { store, calls } = recordingStore();
    await claim(store);
    const [call] = claimsOf(calls);
    const [filter, update, options] = call!.args as [Record<string, unknown>, unknown, Record<string, unknown>];
    // due-ness is the caller's business (nextAttemptAt was set by the app); the lease is the server's
    expect(filter).toEqual({ status: 'pending', nextAttemptAt: { $lte: at(10) }, $expr: { $lte: ['$leaseExpires', '$$NOW'] } });
    expect(JSON.stringify(filter)).not.toContain('lockedUntil');
    expect(update).toEqual([
      { $set: expect.objectContaining({ lockedUntil: at(11), leaseExpires: { $add: ['$$NOW', 60_000] }, attempts: { $add: ['$attempts', 1] } }) },
    ]);
    expect(options).toMatchObject({ returnDocument: 'after' });
  });

  test('Given a sent or failed message and a done or released timer, Then the server-side lease is cleared too', async () => {
    const { store, calls } = recordingStore();
    await store.markMessageSent('m1', at(1));
    await store.markMessageFailed('m1', 'x', at(2));
    await store.releaseTimer({ id: 't1', token: 'k' }, at(2), at(3), 'busy');
    await store.completeTimer({ id: 't1', token: 'k' }, at(2));
    const sets = calls.filter((c) => c.method === 'updateOne').map((c) => (c.args[1] as { $set: Record<string, unknown> }).$set);
    expect(sets).toHaveLength(4);
    for (const set of sets) expect(set).toMatchObject({ lockedUntil: null, leaseExpires: null });
  });
});

describe('A claim that fails part-way', () => {
  test('Given the second lease fails (primary lost), Then the claim returns the first message instead of throwing it away', async () => {
    const first = message({ nextAttemptAt: at(0) });
    let n = 0;
    const { store } = recordingStore((call) => {
      if (call.method !== 'findOneAndUpdate') return undefined;
      n++;
      if (n === 1) return Promise.resolve({ ...first, _id: first.id, attempts: 1, lockedUntil: at(11) });
      return Promise.reject(Object.assign(new Error('not primary'), { code: 10107 }));
    });
    const claimed = await store.claimDueMessages(at(10), 5, 60_000);
    expect(claimed.map((m) => m.id)).toEqual([first.id]);
  });

  test('Given the very first lease fails, Then the claim fails (nothing was leased)', async () => {
    const { store } = recordingStore((call) => (call.method === 'findOneAndUpdate' ? Promise.reject(new Error('not primary')) : undefined));
    await expect(store.claimDueTimers(at(10), 5, 60_000)).rejects.toThrow('not primary');
  });

  test('scheduleTimers alone is idempotent per timer ($setOnInsert by id), so a half-done schedule is completed by its retry', async () => {
    const { store, calls } = recordingStore();
    const t = timer();
    await store.scheduleTimers([t]);
    const [bulk] = calls.filter((c) => c.method === 'bulkWrite');
    expect(bulk!.args[0]).toEqual([{ updateOne: { filter: { _id: t.id }, update: { $setOnInsert: expect.objectContaining({ _id: t.id }) }, upsert: true } }]);
  });
});

describe('Insertion order of cases (the tie-break of equal times, as SQLite\'s rowid)', () => {
  test('Given a new case, Then it takes the next number of the cases counter in its transaction, and lists sort by (time, seq)', async () => {
    const { store, calls } = recordingStore();
    const { caseRecord, create } = await import('./fixtures.js');
    await store.applyCaseChange(create(caseRecord()));
    const counter = calls.find((c) => c.collection === 'counters');
    expect(counter?.args.slice(0, 2)).toEqual([{ _id: 'cases' }, { $inc: { value: 1 } }]);
    const insert = calls.find((c) => c.collection === 'cases' && c.method === 'insertMany');
    expect((insert?.args[0] as Array<{ seq: number }>)[0]?.seq).toBe(1);
    await store.listCasesByApplicant('u1');
    await store.listCasesByStatus('failed');
    const sorts = calls.filter((c) => c.collection === 'cases' && c.method === 'find').map((c) => (c.args[1] as { sort: unknown }).sort);
    expect(sorts).toEqual([{ createdAt: -1, seq: -1 }, { updatedAt: -1, seq: -1 }]);
  });
});
