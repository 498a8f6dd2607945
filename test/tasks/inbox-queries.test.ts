// Every task query of the inboxes has the shape the store serves from an index in page order
// (test/store/app-queries.ts, sqlite.query-plans.test.ts, mongo.indexes.test.ts): staff queries name
// the reader's groups, an applicant's their own id. A query by assignee alone scanned every open
// task (Tugas Saya p95 27 ms at 100k cases, against 5 ms).
import { describe, expect, test } from '@jest/globals';
import type { Actor } from '../../src/cases/task-access.js';
import type { Store, TaskQuery } from '../../src/store/ports.js';
import { inboxModel } from '../../src/tasks/inbox-page.js';

/** A store that answers every read with nothing and records the task queries it is asked. */
function recordingStore(queries: TaskQuery[]): Store {
  return new Proxy({} as Store, {
    get: (_target, name: string) => async (query: unknown) => {
      if (name === 'listTasks' || name === 'countTasks') queries.push(query as TaskQuery);
      if (name.startsWith('count')) return 0;
      if (name.startsWith('list')) return [];
      return null;
    },
  });
}

const person = (role: Actor['role'], groups: string[]): Actor => ({
  id: 'u1', email: 'u1@contoh.go.id', whatsapp: null, displayName: 'Ibu Satu', role, passwordHash: 'h', status: 'active', createdAt: 't',
  emailVerifiedAt: 't', whatsappVerifiedAt: null, privacyNoticeVersion: null, privacyAcknowledgedAt: null, groups,
});

describe('Given the inbox pages', () => {
  test.each([
    ['staff, Tugas Saya', person('staff', ['admin-ppe']), 'mine'],
    ['staff, Antrian', person('staff', ['admin-ppe', 'kepala-seksi']), 'queue'],
    ['process owner in a group, Tugas Saya', person('process-owner', ['admin-ppe']), 'mine'],
  ] as const)('when %s is shown with and without filters, then every task query names the reader\'s groups', async (_name, user, view) => {
    const queries: TaskQuery[] = [];
    for (const query of [{}, { status: 'terlambat', cari: 'budi', urut: 'umur' }]) {
      await inboxModel(recordingStore(queries), user, view, query, new Date('2026-12-06T00:00:00Z'));
    }
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) expect(q.groupIds).toEqual(user.groups);
  });

  test('when an applicant opens Tugas Saya, then every task query is of their own steps', async () => {
    const queries: TaskQuery[] = [];
    await inboxModel(recordingStore(queries), person('applicant', []), 'mine', {}, new Date('2026-12-06T00:00:00Z'));
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) expect(q).toMatchObject({ groupIds: ['pemohon'], applicantId: 'u1' });
  });
});
