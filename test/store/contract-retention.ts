// Store contract: retention. A message's text is deleted after the retention period while its
// delivery log entry stays (kind, channel, masked recipient, user, status, attempts, times); the purges
// remove only what is expired, used or finished, a bounded batch per call.
import { describe, expect, test } from '@jest/globals';
import { NotFoundError } from '../../src/errors.js';
import type { OutboxMessage } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, document, message, task, timer, update, user, verification } from './fixtures.js';

/** What the log keeps of a message: the same kind, channel, user, status, attempts and times, the recipient masked, no text. */
const logOf = (m: OutboxMessage, to: string) => ({
  kind: m.kind, channel: m.channel, to, subject: null, body: '', userId: m.userId, caseId: null, createdAt: m.createdAt,
  status: m.status, attempts: m.attempts, lockedUntil: null, lastError: m.lastError, sentAt: m.sentAt, textDeleted: true,
});

/** Whole minutes ahead of the real clock (rounded to the minute, so one test's times agree). */
const soon = Math.ceil(Date.now() / 60_000) * 60_000;
const ahead = (minutes: number) => new Date(soon + minutes * 60_000).toISOString();

export function retentionContract(store: GetStore): void {
  const list = (userId?: string) => store().listMessages({ limit: 1000, ...(userId ? { userId } : {}) });

  describe('retention: message texts', () => {
    test('Given sent, failed and pending messages, When compacted before a time, Then the old finished ones keep only their log entry', async () => {
      const sent = message({ kind: 'task-created', createdAt: at(1), userId: 'u1', caseId: 'case-1', to: 'budi@kalbarprov.go.id', status: 'sent', sentAt: at(2), attempts: 1 });
      const failed = message({ kind: 'case-returned', channel: 'whatsapp', to: '+6281234567890', createdAt: at(3), userId: 'u2', status: 'failed', attempts: 8, lastError: 'no such number' });
      const pending = message({ createdAt: at(2), userId: 'u1', attempts: 3, lastError: 'SMTP 421' }); // still being retried
      const recent = message({ createdAt: at(10), userId: 'u1', status: 'sent', sentAt: at(10), attempts: 1 });
      await store().enqueueMessages([sent, failed, pending, recent]);

      expect(await store().compactMessages(at(5), 100)).toBe(2);
      const listed = await list();
      expect(listed.map((m) => m.createdAt)).toEqual([at(10), at(3), at(2), at(1)]); // still newest first, merged
      expect(listed[0]).toEqual(recent);
      expect(listed[1]).toMatchObject(logOf(failed, '+62********890'));
      expect(listed[2]).toEqual(pending);
      expect(listed[3]).toMatchObject(logOf(sent, 'b***@kalbarprov.go.id'));
      for (const entry of [listed[1]!, listed[3]!]) {
        expect(typeof entry.id).toBe('string');
        expect([sent.id, failed.id]).not.toContain(entry.id); // the log keeps no message id
        expect(JSON.stringify(entry)).not.toMatch(/budi@|81234567890|tautan/i);
      }
      expect((await list('u1')).map((m) => m.createdAt)).toEqual([at(10), at(2), at(1)]);
      expect(await list('u1')).toContainEqual(expect.objectContaining(logOf(sent, 'b***@kalbarprov.go.id')));
      expect(await store().compactMessages(at(5), 100)).toBe(0); // nothing left to do
      await expect(store().markMessageSent(sent.id, at(6))).rejects.toBeInstanceOf(NotFoundError);
    });

    test('Paging runs across the outbox and the log in one order', async () => {
      const old = Array.from({ length: 4 }, (_, i) => message({ createdAt: at(i), status: 'sent', sentAt: at(i) }));
      const fresh = Array.from({ length: 3 }, (_, i) => message({ createdAt: at(20 + i), status: 'sent', sentAt: at(20 + i) }));
      await store().enqueueMessages([...old, ...fresh]);
      await store().compactMessages(at(10), 100);
      const times = async (limit: number, offset: number) => (await store().listMessages({ limit, offset })).map((m) => m.createdAt);
      expect(await times(3, 2)).toEqual([at(20), at(3), at(2)]);
      expect(await times(10, 5)).toEqual([at(1), at(0)]);
      expect(await times(0, 0)).toEqual([]);
    });

    test('Each call moves at most `limit` messages, the oldest first; `kinds` limits it to those kinds', async () => {
      const batch = Array.from({ length: 5 }, (_, i) => message({ kind: i % 2 ? 'verify-whatsapp' : 'task-created', createdAt: at(i), status: 'sent', sentAt: at(i) }));
      await store().enqueueMessages(batch);
      expect(await store().compactMessages(at(10), 2, ['verify-whatsapp'])).toBe(2);
      const deleted = async () => (await list()).filter((m) => m.textDeleted).map((m) => m.createdAt).sort();
      expect(await deleted()).toEqual([at(1), at(3)]);
      expect(await store().compactMessages(at(10), 2, ['verify-whatsapp'])).toBe(0);
      expect(await store().compactMessages(at(10), 2)).toBe(2);
      expect(await deleted()).toEqual([at(0), at(1), at(2), at(3)]);
      expect(await store().compactMessages(at(10), 0)).toBe(0);
      expect(await store().compactMessages(at(10), 5, [])).toBe(0);
      await expect(store().compactMessages('later', 5)).rejects.toThrow(RangeError);
    });
  });

  describe('retention: audit entries that repeat their task or document', () => {
    test('Given entries repeating the fields of their task and document, When listed, Then each is exactly as written', async () => {
      const c = caseRecord();
      const t = task(c, { stepNo: null });
      const d = document(c, { taskId: t.id });
      const { name: step, stepNo, groupId, dueAt, applicantName, timeStandard } = t;
      const events = [
        audit(c, 'task.created', { taskId: t.id, data: { step, stepNo, groupId, dueAt } }),
        audit(c, 'document.uploaded', { taskId: t.id, at: at(2), actorId: 'ppbj-1', actorName: 'Budi', data: { field: d.field, name: d.originalName, size: d.size, sha256: d.sha256, documentId: d.id } }),
        audit(c, 'task.completed', { taskId: t.id, at: at(2), actorId: 'ppbj-1', actorName: 'Budi', data: { step, fields: { nama: 'Budi', catatan: null } } }),
        audit(c, 'task.overdue', { taskId: t.id, at: at(3), data: { step, stepNo, applicantName, dueAt, timeStandard, groupId, assigneeId: null, reminded: ['u1', 'u2'] } }),
        // what does not repeat the task stays as it is: another step's name, a due time moved, a field of its own
        audit(c, 'case.returned', { taskId: t.id, at: at(4), data: { step: 'Langkah lain', reasons: 'SK tidak terbaca', dueAt: at(99), name: d.originalName } }),
        audit(c, 'task.taken', { taskId: 'no-such-task', at: at(5), data: { step } }),
      ];
      await store().applyCaseChange(create(c, { openTasks: [t], documents: [d], audit: events.slice(0, 3) }));
      await store().appendAudit(events.slice(3, 5));
      await store().applyCaseChange(update(c, { updatedAt: at(5) }, { audit: events.slice(5) }));
      expect(await store().listAudit(c.id)).toEqual(events);
      const reported = await store().listAuditOfCases([c.id], ['task.overdue', 'case.returned', 'document.uploaded']);
      expect(reported).toEqual([events[1], events[3], events[4]]);
    });
  });

  describe('retention: purges', () => {
    test('purgeSessions deletes the sessions expired at `now`, at most `limit`', async () => {
      // NOTE: times ahead of the real clock, which getSession and MongoDB's TTL monitor go by
      for (const [sid, minute] of [['a', 61], ['b', 62], ['c', 63], ['live', 90]] as const) await store().setSession({ sid, data: '{}', expiresAt: ahead(minute) });
      expect(await store().purgeSessions(ahead(65), 2)).toBe(2);
      expect(await store().purgeSessions(ahead(65), 2)).toBe(1);
      expect(await store().purgeSessions(ahead(65), 2)).toBe(0);
      expect(await store().getSession('live')).toEqual({ sid: 'live', data: '{}', expiresAt: ahead(90) });
      expect(await store().getSession('c')).toBeNull();
    });

    test('purgeVerifications deletes codes expired, or used, before the cutoff; live and recently used ones stay', async () => {
      const u = user();
      await store().insertUser(u);
      const expired = verification(u.id, { expiresAt: at(5) });
      const used = verification(u.id, { expiresAt: at(60), usedAt: at(4) });
      const live = verification(u.id, { expiresAt: at(60) });
      const usedLater = verification(u.id, { purpose: 'email', expiresAt: at(60), usedAt: at(20) });
      for (const v of [expired, used, live, usedLater]) await store().insertVerification(v);
      expect(await store().purgeVerifications(at(10), 100)).toBe(2);
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual(live);
      expect(await store().latestVerification(u.id, 'email')).toEqual(usedLater);
      expect(await store().purgeVerifications(at(10), 100)).toBe(0);
      expect(await store().purgeVerifications(at(100), 1)).toBe(1);
    });

    test('purgeTimers deletes finished timers, except a BPMN timer of a case that still runs', async () => {
      const running = caseRecord();
      const ended = caseRecord({ status: 'completed' });
      const t = task(running);
      await store().applyCaseChange(create(running, { openTasks: [t] }));
      await store().applyCaseChange(create(ended));
      const done = (over: Parameters<typeof timer>[0]) => timer({ status: 'done', doneAt: at(2), ...over });
      const [sla, cancelled, failed, bpmnRunning, bpmnEnded, late, pending] = [
        done({ caseId: running.id, taskId: t.id }), done({ status: 'cancelled' }), done({ status: 'failed', lastError: 'x' }),
        done({ kind: 'bpmn.timer', caseId: running.id }), done({ kind: 'bpmn.timer', caseId: ended.id }), done({ doneAt: at(20) }), timer({ dueAt: at(1) }),
      ];
      await store().scheduleTimers([sla, cancelled, failed, bpmnRunning, bpmnEnded, late, pending]);
      expect(await store().purgeTimers(at(10), 2)).toBe(2);
      expect(await store().purgeTimers(at(10), 100)).toBe(2);
      expect(await store().purgeTimers(at(10), 100)).toBe(0);
      const left = [...(await store().listTimers({ caseId: running.id })), ...(await store().listTimers({ limit: 100 }))].map((x) => x.id);
      expect([...new Set(left)].sort()).toEqual([bpmnRunning.id, late.id, pending.id].sort());

      await store().applyCaseChange(update(running, { status: 'completed' })); // the case ends: its BPMN timer may go
      expect(await store().purgeTimers(at(10), 100)).toBe(1);
    });

    test('purgeRateLimits deletes the windows that ended at `now`; a running window keeps its count', async () => {
      await store().hitRateLimit('login:a', 60_000, ahead(60)); // ends ahead(61)
      await store().hitRateLimit('login:b', 60 * 60_000, ahead(60)); // ends ahead(120)
      await store().hitRateLimit('login:b', 60 * 60_000, ahead(60));
      expect(await store().purgeRateLimits(ahead(61), 100)).toBe(1);
      expect(await store().purgeRateLimits(ahead(61), 100)).toBe(0);
      expect(await store().hitRateLimit('login:b', 60 * 60_000, ahead(62))).toEqual({ count: 3, resetAt: ahead(120) });
      expect(await store().hitRateLimit('login:a', 60_000, ahead(62))).toEqual({ count: 1, resetAt: ahead(63) });
    });
  });
}
