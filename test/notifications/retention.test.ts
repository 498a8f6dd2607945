// The retention job (src/scheduler/retention-job.ts) on a SQLite store: after the retention period a
// message keeps only its delivery log (kind, channel, masked recipient, status, times), a one-time
// secret loses its text once it no longer works, and only expired, used or finished rows are purged.
// It runs as a scheduler timer, once per slot across instances; the mailbox shows a log entry as
// "isi dihapus (retensi)".
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { outboxMessage } from '../../src/notifications/messages.js';
import { OutboxSender } from '../../src/notifications/outbox-sender.js';
import { verifyWhatsapp } from '../../src/notifications/templates/verify-whatsapp.js';
import { taskCreated } from '../../src/notifications/templates/task-created.js';
import { devMailboxTransport } from '../../src/notifications/transports/dev-mailbox-transport.js';
import { RETENTION_KIND, RetentionJob } from '../../src/scheduler/retention-job.js';
import { TimerScheduler } from '../../src/scheduler/timer-scheduler.js';
import type { OutboxMessage, Store } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { $, login, OWNER, startTestApp } from '../helpers/app.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const start = new Date('2026-03-02T01:00:00.000Z');
const transports = { email: devMailboxTransport('email', () => undefined), whatsapp: devMailboxTransport('whatsapp', () => undefined) };

function taskMail(now: Date, to = 'dewi@kalbarprov.go.id'): OutboxMessage {
  const text = taskCreated({ name: 'Dewi', step: 'Verifikasi', stepNo: 4, applicantName: 'Budi Santoso', link: 'https://alur.example/tugas/t-1', dueAt: now.toISOString() });
  return outboxMessage('task-created', 'email', { userId: 'dewi', to }, text, now, 'case-1');
}
const code = (now: Date) => outboxMessage('verify-whatsapp', 'whatsapp', { userId: 'budi', to: '+6281234567890' }, verifyWhatsapp({ code: '482913', minutes: 10 }), now);

describe('Given a store with delivered messages', () => {
  let store: Store;
  let clock: { now: Date };
  const job = () => new RetentionJob({ store, messageRetentionDays: 30 });
  const listed = async () => store.listMessages({ limit: 100 });

  beforeEach(async () => {
    store = createSqliteStore({ file: ':memory:' });
    await store.init();
    clock = { now: start };
  });
  afterEach(async () => store.close());

  test('when 31 days have passed, then the old message keeps only its delivery log; a newer one keeps its text', async () => {
    const old = taskMail(start);
    await store.enqueueMessages([old]);
    await new OutboxSender({ store, transports, now: () => clock.now }).deliverDue();
    clock.now = new Date(start.getTime() + 20 * DAY);
    const newer = taskMail(clock.now, 'rina@kalbarprov.go.id');
    await store.enqueueMessages([newer]);
    await new OutboxSender({ store, transports, now: () => clock.now }).deliverDue();

    expect(await job().run(new Date(start.getTime() + 29 * DAY))).toMatchObject({ messages: 0, more: false });
    const counts = await job().run(new Date(start.getTime() + 31 * DAY));
    expect(counts).toMatchObject({ messages: 1, more: false });

    const [recent, logged] = await listed();
    expect(recent).toMatchObject({ id: newer.id, body: newer.body, subject: newer.subject, status: 'sent' });
    expect(logged).toMatchObject({
      kind: 'task-created', channel: 'email', to: 'd***@kalbarprov.go.id', userId: 'dewi', status: 'sent', attempts: 1,
      createdAt: old.createdAt, sentAt: start.toISOString(), subject: null, body: '', caseId: null, textDeleted: true,
    });
    expect(JSON.stringify(logged)).not.toMatch(/Budi Santoso|dewi@|tugas\/t-1/);
  });

  test('when a code delivered to the development mailbox stops working, then its text is deleted, long before the retention period', async () => {
    const m = code(start);
    await store.enqueueMessages([m]);
    await new OutboxSender({ store, transports, now: () => clock.now }).deliverDue();
    await job().run(new Date(start.getTime() + 9 * MINUTE));
    expect((await listed())[0]!.body).toContain('482913'); // still usable: the mailbox is where it is read
    expect(await job().run(new Date(start.getTime() + 10 * MINUTE))).toMatchObject({ secrets: 1, messages: 0 });
    const [entry] = await listed();
    expect(entry).toMatchObject({ kind: 'verify-whatsapp', textDeleted: true, to: '+62********890', status: 'sent' });
    expect(JSON.stringify(entry)).not.toContain('482913');
  });

  test('when a message is still pending (retried), then no retention deletes it, however old', async () => {
    const m = taskMail(start);
    await store.enqueueMessages([m]);
    expect(await job().run(new Date(start.getTime() + 90 * DAY))).toMatchObject({ messages: 0 });
    expect((await listed())[0]).toEqual(m);
  });

  test('when more is due than a run does, then a run stops after its batches and says so; the next run goes on', async () => {
    await store.enqueueMessages(Array.from({ length: 7 }, () => ({ ...taskMail(start), status: 'sent' as const, sentAt: start.toISOString() })));
    const small = new RetentionJob({ store, messageRetentionDays: 30, batch: 2, maxBatches: 2 });
    const later = new Date(start.getTime() + 31 * DAY);
    expect(await small.run(later)).toMatchObject({ messages: 4, more: true });
    expect(await small.run(later)).toMatchObject({ messages: 3, more: false });
    expect((await listed()).every((x) => x.textDeleted)).toBe(true);
  });
});

describe('Given two instances scheduling the retention job on one store', () => {
  test('when both start in one slot and their schedulers run, then the job runs once per slot and schedules the next slot', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    await store.init();
    try {
      const now = new Date('2026-03-02T01:03:00.000Z');
      const jobs = [0, 1].map(() => new RetentionJob({ store, messageRetentionDays: 30, intervalMs: 10 * MINUTE }));
      for (const j of jobs) await j.schedule(now);
      const ran: number[] = [];
      const schedulers = jobs.map((j, i) => {
        const handler = j.handlers[RETENTION_KIND]!;
        return new TimerScheduler({ store, now: () => now, handlers: { [RETENTION_KIND]: async (t, ctx) => (ran.push(i), handler(t, ctx)) } });
      });
      await Promise.all(schedulers.map((s) => s.runDue()));
      expect(ran).toHaveLength(1);
      const timers = await store.listTimers({ kind: RETENTION_KIND, limit: 10 });
      expect(timers.map((t) => [t.id, t.status])).toEqual([
        ['retention:2026-03-02T01:00:00.000Z', 'done'],
        ['retention:2026-03-02T01:10:00.000Z', 'pending'],
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('Given the development mailbox (/kotak-surat) after the retention period', () => {
  test('when the process owner opens it, then the old message is a log row "isi dihapus (retensi)" without its text, the recent one shows its text', async () => {
    const t = await startTestApp({ mailbox: 'everyone' });
    try {
      const { store } = t.services;
      const old = { ...taskMail(new Date(t.clock.now.getTime() - 40 * DAY)), status: 'sent' as const, attempts: 1, sentAt: t.clock.now.toISOString() };
      const recent = { ...taskMail(t.clock.now, 'rina@kalbarprov.go.id'), status: 'sent' as const, attempts: 1, sentAt: t.clock.now.toISOString() };
      await store.enqueueMessages([old, recent]);
      await new RetentionJob({ store, messageRetentionDays: 30 }).run(t.clock.now);
      const owner = t.agent();
      await login(owner, OWNER);
      const page = $((await owner.get('/kotak-surat')).text);
      const rows = page('li.message[data-kind="task-created"]');
      expect(rows).toHaveLength(2);
      const [first, second] = [rows.eq(0), rows.eq(1)];
      expect(first.attr('data-to')).toBe('rina@kalbarprov.go.id');
      expect(first.find('.body').text()).toContain('Budi Santoso');
      expect(second.attr('data-to')).toBe('d***@kalbarprov.go.id');
      expect(second.attr('data-status')).toBe('sent');
      expect(second.find('.text-deleted').text()).toContain('Isi dihapus (retensi)');
      expect(second.find('.body, .subject')).toHaveLength(0);
      expect(second.text()).not.toContain('Budi Santoso');
    } finally {
      await t.close();
    }
  });
});
