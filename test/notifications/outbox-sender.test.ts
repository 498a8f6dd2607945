// The background sender over a real SQLite store: delivery, retry with exponential backoff after a
// transport failure, giving up after 8 attempts, a restart with undelivered messages, and two
// senders on one store file delivering each message exactly once.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outboxMessage } from '../../src/notifications/messages.js';
import { OutboxSender } from '../../src/notifications/outbox-sender.js';
import { BACKOFF_BASE_MS, MAX_DELIVERY_ATTEMPTS, OUTBOX_LEASE_MS, retryAt } from '../../src/notifications/policy.js';
import type { Transport, Transports } from '../../src/notifications/transports/transport.js';
import type { OutboxMessage, Store } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** A transport that records what it sends and fails while `failures` > 0. */
function recorder(failures = 0): Transport & { sent: OutboxMessage[]; failures: number } {
  const t = {
    kind: 'test', sent: [] as OutboxMessage[], failures,
    async send(m: OutboxMessage) {
      if (t.failures > 0) {
        t.failures -= 1;
        throw new Error('SMTP 451 try again later');
      }
      t.sent.push(m);
    },
  };
  return t;
}

const both = (t: Transport): Transports => ({ email: t, whatsapp: t });

describe('Given an outbox on a SQLite store', () => {
  let dir: string;
  let store: Store;
  let clock: { now: Date };
  const now = () => clock.now;
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  const enqueue = async (n: number, to = 'budi@kalbarprov.go.id'): Promise<OutboxMessage[]> => {
    const messages = Array.from({ length: n }, (_, i) => outboxMessage('task-created', 'email', { userId: null, to }, { subject: `Tugas ${i}`, body: `isi ${i}` }, clock.now));
    await store.enqueueMessages(messages);
    return messages;
  };
  const stored = async (id: string) => (await store.listMessages({ limit: 1000 })).find((m) => m.id === id)!;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alur-outbox-'));
    store = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await store.init();
    clock = { now: new Date('2026-03-02T01:00:00.000Z') };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when the transport works, then every due message is sent once and marked sent', async () => {
    const [m] = await enqueue(1);
    const transport = recorder();
    const sender = new OutboxSender({ store, transports: both(transport), now });
    expect(await sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent.map((x) => x.id)).toEqual([m!.id]);
    expect(await stored(m!.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now.toISOString(), lockedUntil: null });
  });

  test('when the transport fails, then the error is kept and the message is retried after 30 s, then 60 s (backoff), and sent', async () => {
    const [m] = await enqueue(1);
    const transport = recorder(2);
    const sender = new OutboxSender({ store, transports: both(transport), now });

    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 1 });
    const first = await stored(m!.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP 451 try again later', lockedUntil: null });
    expect(first.nextAttemptAt).toBe(new Date(clock.now.getTime() + 30_000).toISOString());

    later(29_000);
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 0 }); // not due yet
    later(1_000);
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 1 });
    const second = await stored(m!.id);
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt).toBe(new Date(clock.now.getTime() + 60_000).toISOString());

    later(60_000);
    expect(await sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await stored(m!.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(transport.sent).toHaveLength(1);
  });

  test('when every attempt fails, then after 8 attempts the message is given up as failed', async () => {
    const [m] = await enqueue(1);
    const sender = new OutboxSender({ store, transports: both(recorder(100)), now });
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 1 });
      later(BACKOFF_BASE_MS * 2 ** (attempt - 1));
    }
    expect(await stored(m!.id)).toMatchObject({ status: 'failed', attempts: 8, lastError: 'SMTP 451 try again later' });
    later(24 * 3600_000);
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(retryAt(clock.now, 7)).toBe(new Date(clock.now.getTime() + 30_000 * 64).toISOString());
    expect(retryAt(clock.now, 8)).toBeNull();
  });

  test('when the app restarts with undelivered messages, then a new sender on the same file delivers them, including one leased by the stopped process', async () => {
    const messages = await enqueue(3);
    // the old process leased one message, then died before sending it
    const leased = await store.claimDueMessages(clock.now.toISOString(), 1, OUTBOX_LEASE_MS);
    expect(leased).toHaveLength(1);
    await store.close();

    store = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await store.init();
    const transport = recorder();
    const sender = new OutboxSender({ store, transports: both(transport), now });
    expect(await sender.deliverDue()).toEqual({ sent: 2, failed: 0 });
    later(OUTBOX_LEASE_MS);
    expect(await sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(transport.sent.map((m) => m.id).sort()).toEqual(messages.map((m) => m.id).sort());
    expect(await stored(leased[0]!.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('when two senders (two store connections, as two app instances) run at once, then each message is delivered exactly once', async () => {
    const messages = await enqueue(60);
    const other = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await other.init();
    try {
      const sends: string[] = [];
      const slow: Transport = { kind: 'test', send: async (m) => void (await new Promise((r) => setTimeout(r, 2)), sends.push(m.id)) };
      const a = new OutboxSender({ store, transports: both(slow), now, batch: 7 });
      const b = new OutboxSender({ store: other, transports: both(slow), now, batch: 7 });
      const [ra, rb] = await Promise.all([a.deliverDue(), b.deliverDue()]);
      expect(ra.sent + rb.sent).toBe(60);
      expect(sends).toHaveLength(60);
      expect(new Set(sends).size).toBe(60);
      expect(sends.sort()).toEqual(messages.map((m) => m.id).sort());
    } finally {
      await other.close();
    }
  });

  test('when started, then the sender delivers on its own timer, and stop() ends it', async () => {
    const transport = recorder();
    const lines: string[] = [];
    const sender = new OutboxSender({ store, transports: both(transport), now, intervalMs: 20, log: (l) => lines.push(l) });
    sender.start();
    try {
      await enqueue(2);
      for (let i = 0; i < 100 && transport.sent.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(transport.sent).toHaveLength(2);
    } finally {
      await sender.stop();
    }
    await enqueue(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(transport.sent).toHaveLength(2);
    expect(lines.filter((l) => l.includes('sent by test'))).toHaveLength(2);
  });
});
