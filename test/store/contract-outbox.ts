// Store contract, part 7: the outbox. Messages are written with the change that causes them (or
// alone), leased by senders (never one message to two senders), then sent, retried or given up.
import { describe, expect, test } from '@jest/globals';
import { NotFoundError } from '../../src/errors.js';
import type { OutboxMessage } from '../../src/store/ports.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { leaseEnd } from '../../src/store/task-paging.js';
import { at, audit, caseRecord, create, message, update } from './fixtures.js';

const MINUTE = 60_000;

export function outboxContract(store: GetStore): void {
  const ids = (msgs: OutboxMessage[]) => msgs.map((x) => x.id);
  const one = async (id: string) => (await store().listMessages({ limit: 1000 })).find((x) => x.id === id);

  describe('outbox: enqueue and list', () => {
    test('listMessages: newest first (insertion order breaks a tie), by user, with paging', async () => {
      const m1 = message({ createdAt: at(1), userId: 'u1', subject: null, caseId: 'case-x' });
      const m2 = message({ createdAt: at(3), userId: 'u2', channel: 'whatsapp', to: '+628111', kind: 'verify-whatsapp' });
      const m3 = message({ createdAt: at(3), userId: 'u1', body: '' });
      const m4 = message({ createdAt: at(2), userId: null });
      await store().enqueueMessages([m1, m2]);
      await store().enqueueMessages([m3, m4]);
      await store().enqueueMessages([]);

      expect(await store().listMessages({})).toEqual([m3, m2, m4, m1]);
      expect(await store().listMessages({ userId: 'u1' })).toEqual([m3, m1]);
      expect(ids(await store().listMessages({ limit: 2, offset: 1 }))).toEqual([m2.id, m4.id]);
      expect(await store().listMessages({ userId: 'nobody' })).toEqual([]);
      expect(await store().listMessages({ limit: 0 })).toEqual([]);
    });

    test('When one message of a batch has an existing id, Then ConflictError and none of the batch is written', async () => {
      const first = message();
      await store().enqueueMessages([first]);
      await expectConflict(store().enqueueMessages([message(), { ...first, body: 'again' }]));
      expect(await store().listMessages({})).toEqual([first]);
    });

    test('applyCaseChange writes its outbox messages with the case; a conflicting change writes none', async () => {
      const c = caseRecord();
      const created = message({ kind: 'task-created', caseId: c.id });
      await store().applyCaseChange(create(c, { outbox: [created] }));
      expect(await store().listMessages({})).toEqual([created]);

      const returned = message({ kind: 'case-returned', caseId: c.id, createdAt: at(5) });
      await store().applyCaseChange(update(c, { updatedAt: at(5) }, { outbox: [returned] }));
      const stale = update(c, { status: 'failed' }, { outbox: [message({ kind: 'stale' })], audit: [audit(c, 'case.failed')] });
      await expectConflict(store().applyCaseChange(stale));
      expect(ids(await store().listMessages({}))).toEqual([returned.id, created.id]);
    });
  });

  describe('outbox: claiming', () => {
    test('Only pending messages due at `now` are claimed, oldest due first, up to the limit', async () => {
      const [a, b, c, future, sent, failed] = [
        message({ nextAttemptAt: at(3) }), message({ nextAttemptAt: at(1) }), message({ nextAttemptAt: at(10) }),
        message({ nextAttemptAt: at(11) }), message({ status: 'sent', sentAt: at(0) }), message({ status: 'failed' }),
      ];
      await store().enqueueMessages([a, b, c, future, sent, failed]);

      const claimed = await store().claimDueMessages(at(10), 2, 5 * MINUTE);
      expect(claimed).toEqual([b, a].map((x) => ({ ...x, attempts: 1, lockedUntil: at(15) })));
      expect(ids(await store().claimDueMessages(at(10), 10, 5 * MINUTE))).toEqual([c.id]);
      expect(await store().claimDueMessages(at(10), 10, 5 * MINUTE)).toEqual([]); // all leased now
      expect(await store().claimDueMessages(at(10), 0, 5 * MINUTE)).toEqual([]);
      expect(await one(a.id)).toEqual({ ...a, attempts: 1, lockedUntil: at(15) });
    });

    test('When several senders claim at once, Then no message is claimed twice and all are claimed', async () => {
      const batch = Array.from({ length: 10 }, (_, i) => message({ nextAttemptAt: at(i % 3) }));
      await store().enqueueMessages(batch);
      const claims = await Promise.all([1, 2, 3].map(() => store().claimDueMessages(at(5), 4, MINUTE)));
      const all = claims.flatMap(ids);
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(ids(batch).sort());
      expect(claims.flat().every((x) => x.attempts === 1)).toBe(true);
    });

    // NOTE: real time: a lease runs on the store's clock (SQLite: the `now` given; MongoDB: the
    // server's, so instances whose clocks differ never take over a live lease)
    test('When a lease runs out (real time), Then the message is claimable again with one more attempt', async () => {
      const msg = message({ nextAttemptAt: at(0) });
      await store().enqueueMessages([msg]);
      const lease = 1000;
      const first = new Date().toISOString();
      expect(await store().claimDueMessages(first, 5, lease)).toEqual([{ ...msg, attempts: 1, lockedUntil: leaseEnd(first, lease) }]);
      expect(await store().claimDueMessages(new Date().toISOString(), 5, lease)).toEqual([]); // still held
      await new Promise((r) => setTimeout(r, lease + 100));
      const later = new Date().toISOString();
      expect(await store().claimDueMessages(later, 5, lease)).toEqual([{ ...msg, attempts: 2, lockedUntil: leaseEnd(later, lease) }]);
    });

    test('Given a caller whose clock runs a lease ahead, When it claims, Then on SQLite its now decides; the claim is refused while the store holds it on MongoDB', async () => {
      const msg = message({ nextAttemptAt: at(0) });
      await store().enqueueMessages([msg]);
      const now = new Date().toISOString();
      expect(ids(await store().claimDueMessages(now, 5, MINUTE))).toEqual([msg.id]);
      const fastClock = new Date(Date.now() + 2 * MINUTE).toISOString(); // another host, two minutes ahead
      const stolen = await store().claimDueMessages(fastClock, 5, MINUTE);
      expect(ids(stolen)).toEqual(store().kind === 'mongodb' ? [] : [msg.id]);
    });

    test('A lease that is not a whole number of ms >= 1, or a time that is not a date, is refused', async () => {
      await expect(store().claimDueMessages(at(0), 5, 0)).rejects.toThrow(RangeError);
      await expect(store().claimDueMessages(at(0), 5, 1.5)).rejects.toThrow(RangeError);
      await expect(store().claimDueMessages('soon', 5, MINUTE)).rejects.toThrow(RangeError);
      await expect(store().claimDueMessages(at(0), -1, MINUTE)).rejects.toThrow(RangeError);
    });
  });

  describe('outbox: delivery results', () => {
    const claimOne = async (msg: OutboxMessage, now: string) => {
      await store().enqueueMessages([msg]);
      expect(ids(await store().claimDueMessages(now, 1, MINUTE))).toEqual([msg.id]);
    };

    test('markMessageSent: sent, with its time, lease released, never claimed again', async () => {
      const msg = message();
      await claimOne(msg, at(1));
      await store().markMessageSent(msg.id, at(1));
      expect(await one(msg.id)).toEqual({ ...msg, status: 'sent', sentAt: at(1), attempts: 1, lockedUntil: null });
      expect(await store().claimDueMessages(at(100), 5, MINUTE)).toEqual([]);
    });

    test('markMessageFailed with retryAt: pending again from retryAt, with the error', async () => {
      const msg = message();
      await claimOne(msg, at(1));
      await store().markMessageFailed(msg.id, 'SMTP 421 try later', at(6));
      const retry = { ...msg, attempts: 1, nextAttemptAt: at(6), lockedUntil: null, lastError: 'SMTP 421 try later' };
      expect(await one(msg.id)).toEqual(retry);
      expect(await store().claimDueMessages(at(5), 5, MINUTE)).toEqual([]);
      expect(await store().claimDueMessages(at(6), 5, MINUTE)).toEqual([{ ...retry, attempts: 2, lockedUntil: at(7) }]);
      await store().markMessageSent(msg.id, at(6));
      expect(await one(msg.id)).toMatchObject({ status: 'sent', lastError: 'SMTP 421 try later', sentAt: at(6) });
    });

    test('markMessageFailed with retryAt null: given up (failed), never claimed again', async () => {
      const msg = message();
      await claimOne(msg, at(1));
      await store().markMessageFailed(msg.id, 'mailbox does not exist', null);
      expect(await one(msg.id)).toEqual({ ...msg, status: 'failed', attempts: 1, lastError: 'mailbox does not exist' });
      expect(await store().claimDueMessages(at(100), 5, MINUTE)).toEqual([]);
    });

    test('A late failure report (expired lease) never reopens a message another sender has sent', async () => {
      const msg = message();
      await claimOne(msg, at(1));
      expect(ids(await store().claimDueMessages(at(2), 1, MINUTE))).toEqual([msg.id]); // lease ran out
      await store().markMessageSent(msg.id, at(2));
      await store().markMessageFailed(msg.id, 'timeout', at(3));
      expect(await one(msg.id)).toMatchObject({ status: 'sent', lastError: null, attempts: 2 });
    });

    test('markMessageSent with a redacted text: subject and body replaced with the sent mark; without one, the text stays', async () => {
      const [secret, plain] = [message({ subject: 'Kode 123456', body: 'Tautan http://x/a.SECRET' }), message()];
      await claimOne(secret, at(1));
      await claimOne(plain, at(1));
      await store().markMessageSent(secret.id, at(1), { subject: 'Kode [disembunyikan]', body: 'Tautan [disembunyikan]' });
      await store().markMessageSent(plain.id, at(1));
      expect(await one(secret.id)).toEqual({ ...secret, subject: 'Kode [disembunyikan]', body: 'Tautan [disembunyikan]', status: 'sent', sentAt: at(1), attempts: 1, lockedUntil: null });
      expect(await one(plain.id)).toMatchObject({ subject: plain.subject, body: plain.body, status: 'sent' });
    });

    test('markMessageFailed with a redacted text: replaced when given up; a late report on a sent message changes nothing', async () => {
      const [gaveUp, sent] = [message({ channel: 'whatsapp', subject: null, body: 'Kode 123456' }), message({ body: 'Kode 654321' })];
      await claimOne(gaveUp, at(1));
      await store().markMessageFailed(gaveUp.id, 'no such number', null, { subject: null, body: 'Kode [disembunyikan]' });
      expect(await one(gaveUp.id)).toEqual({ ...gaveUp, body: 'Kode [disembunyikan]', status: 'failed', attempts: 1, lastError: 'no such number' });
      await claimOne(sent, at(1));
      await store().markMessageSent(sent.id, at(1));
      await store().markMessageFailed(sent.id, 'timeout', null, { subject: null, body: 'late' });
      expect(await one(sent.id)).toMatchObject({ status: 'sent', body: 'Kode 654321', subject: sent.subject });
    });

    test('Marking an unknown message is NotFoundError', async () => {
      await expect(store().markMessageSent('no-such-message', at(1))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store().markMessageFailed('no-such-message', 'x', null)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
