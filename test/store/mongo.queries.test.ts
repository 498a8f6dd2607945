// MongoDB adapter checks that need NO server: the filters, sorts and updates the new methods build.
// Mongoose casts a query (and validates an update) before it reaches the driver, so a method that
// fails only on the missing connection has built a query its schema accepts.
import { afterAll, describe, expect, test } from '@jest/globals';
import mongoose from 'mongoose';
import { createMongoStore } from '../../src/store/mongo/mongo-store.js';
import { dueFilter } from '../../src/store/mongo/outbox.js';
import { escapeRegex, taskFilter, taskOrder } from '../../src/store/mongo/task-query.js';
import { patchSet } from '../../src/store/mongo/users.js';
import { leaseEnd } from '../../src/store/task-paging.js';
import type { Store, UserPatch } from '../../src/store/ports.js';
import { at, draft } from './fixtures.js';

const store = createMongoStore({ uri: 'mongodb://127.0.0.1:9/never-opened' });
const conn = mongoose.createConnection(); // never opened: no I/O
afterAll(async () => {
  await store.close();
  await conn.close();
});

describe('MongoDB task queries', () => {
  test('elementId, a due window and search join the filter; nothing else is added', () => {
    expect(taskFilter({ elementId: 'verifikasi', dueBefore: at(9) })).toEqual({ status: 'open', elementId: 'verifikasi', dueAt: { $lt: at(9) } });
    expect(taskFilter({ dueFrom: at(1) })).toEqual({ status: 'open', dueAt: { $gte: at(1) } });
    expect(taskFilter({ dueFrom: at(1), dueBefore: at(9) })).toEqual({ status: 'open', dueAt: { $lt: at(9), $gte: at(1) } });
    expect(taskFilter({ search: 'Budi' })).toEqual({ status: 'open', searchText: { $regex: 'budi', $options: 'i' } });
  });

  test('a NUL (which MongoDB refuses inside a pattern) or other control character never reaches the query', () => {
    expect(taskFilter({ search: '\u0000' })).toEqual({ status: 'open' });
    expect(taskFilter({ search: 'bu\u0000di\u0007' })).toEqual({ status: 'open', searchText: { $regex: 'budi', $options: 'i' } });
  });

  test('search is literal: every regular-expression character is escaped', () => {
    const special = 'A.b*c+d?e^f$g{1}(h)|[i]\\j%_';
    const { $regex } = taskFilter({ search: special }).searchText as { $regex: string };
    expect($regex).toBe(escapeRegex(special.toLowerCase()));
    const re = new RegExp($regex, 'i');
    expect(re.test(`x ${special.toLowerCase()} y`)).toBe(true);
    expect(re.test('axbbbc+d?e^f$g{1}(h)|[i]\\j%_')).toBe(false);
    expect(new RegExp(escapeRegex('.*'), 'i').test('anything')).toBe(false);
  });

  test("sort: 'due' (default) and 'age', each made total by _id; anything else is refused", () => {
    expect(taskOrder({})).toEqual({ dueAt: 1, createdAt: 1, _id: 1 });
    expect(taskOrder({ sort: 'due' })).toEqual({ dueAt: 1, createdAt: 1, _id: 1 });
    expect(taskOrder({ sort: 'age' })).toEqual({ createdAt: 1, _id: 1 });
    expect(() => taskOrder({ sort: 'name' as 'due' })).toThrow(RangeError);
  });
});

describe('MongoDB outbox and user patches', () => {
  test('the claim filter: pending, due, and a free or expired lease (on the server clock)', () => {
    expect(dueFilter(at(5))).toEqual({
      status: 'pending',
      nextAttemptAt: { $lte: at(5) },
      $expr: { $lte: ['$leaseExpires', '$$NOW'] },
    });
    expect(leaseEnd(at(5), 60_000)).toBe(at(6));
    expect(() => leaseEnd(at(5), 0)).toThrow(RangeError);
    expect(() => leaseEnd('later', 1000)).toThrow(RangeError);
  });

  test('a patch sets only its defined fields; fields outside UserPatch are refused', () => {
    expect(patchSet({ status: 'active', displayName: undefined, whatsapp: null })).toEqual({ status: 'active', whatsapp: null });
    expect(() => patchSet({ role: 'process-owner' } as unknown as UserPatch)).toThrow(/role/);
  });
});

describe('MongoDB store without a server: every new method builds a valid query', () => {
  const noConnection = /before initial connection is complete if `bufferCommands = false`/;
  const calls: Array<[string, (s: Store) => Promise<unknown>]> = [
    ['listUsersByRole', (s) => s.listUsersByRole('staff')],
    ['updateUser', (s) => s.updateUser('u1', { status: 'active', emailVerifiedAt: at(1), whatsapp: null })],
    ['updateUser (empty patch)', (s) => s.updateUser('u1', {})],
    // insertVerification runs in a transaction (it takes the user's next number): mongo.sequences.test.ts
    ['latestVerification', (s) => s.latestVerification('u1', 'email')],
    ['countVerificationsSince', (s) => s.countVerificationsSince('u1', 'email', at(0))],
    ['recordVerificationAttempt', (s) => s.recordVerificationAttempt('v1')],
    ['claimDueMessages', (s) => s.claimDueMessages(at(1), 5, 60_000)],
    ['markMessageSent', (s) => s.markMessageSent('m1', at(1))],
    ['markMessageFailed (retry)', (s) => s.markMessageFailed('m1', 'timeout', at(3))],
    ['markMessageFailed (give up)', (s) => s.markMessageFailed('m1', 'bounced', null)],
    ['listMessages', (s) => s.listMessages({ userId: 'u1', limit: 5, offset: 5 })],
    ['saveDraft', (s) => s.saveDraft(draft('t1', 'u1'))],
    ['getDraft', (s) => s.getDraft('t1', 'u1')],
    ['listTasks (new filters)', (s) => s.listTasks({ elementId: 'e', search: 'a.b', dueBefore: at(9), dueFrom: at(1), sort: 'age' })],
    ['countTasks (new filters)', (s) => s.countTasks({ elementId: 'e', search: '(x)', dueBefore: at(9) })],
  ];
  test.each(calls)('%s', async (_name, call) => {
    await expect(call(store)).rejects.toThrow(noConnection);
  });

  test('a patch the schema refuses fails before any I/O', async () => {
    await expect(store.updateUser('u1', { status: 'sleeping' as 'active' })).rejects.toThrow(/status/);
    await expect(store.updateUser('u1', { displayName: null as unknown as string })).rejects.toThrow(/displayName/);
  });

});
