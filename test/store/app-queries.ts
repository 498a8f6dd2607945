// The query shapes the app asks the store for, shared by the index checks of both adapters
// (sqlite.query-plans.test.ts, mongo.indexes.test.ts). Keep in step with src/tasks/inbox-*.ts,
// src/cases/*, src/scheduler/* and src/studio/monitor-service.ts.
import type { TaskQuery } from '../../src/store/ports.js';

const SORTS = ['due', 'age', 'process', 'step', 'applicant'] as const;

/** The task queries the app makes: the inboxes with every filter (step, search, state, sort), an applicant's and a case's tasks, the monitor. */
export function appTaskQueries(): TaskQuery[] {
  const queries: TaskQuery[] = [];
  // a member of one group, and of two (their queues merged in page order)
  const scopes: TaskQuery[] = [];
  for (const groupIds of [['admin-ppe'], ['admin-ppe', 'kepala-seksi']]) scopes.push({ groupIds, assigneeId: null }, { groupIds, assigneeId: 'a1' });
  for (const scope of scopes) {
    // the step filter always pairs a step with its process; the bare step stays for older links
    for (const step of [{}, { elementId: 'verifikasi' }, { processKey: 'p' }, { processKey: 'p', elementId: 'verifikasi' }]) {
      for (const search of [{}, { search: 'budi' }]) {
        for (const state of [{}, { dueBefore: 'x' }, { dueFrom: 'x' }]) {
          // the inbox's columns: due time, age, process, step and applicant (each '-desc' reads the same index backwards)
          for (const sort of SORTS) queries.push({ ...scope, ...step, ...search, ...state, sort });
        }
      }
    }
  }
  queries.push(
    { groupIds: ['pemohon'], applicantId: 'p1' },
    { applicantId: 'p1' },
    { caseId: 'c1', status: 'open' },
    { caseId: 'c1', status: 'completed' },
    { elementId: 'verifikasi', status: 'open', sort: 'due' },
    { elementId: 'verifikasi', status: 'open', sort: 'due', dueBefore: 'x' },
  );
  return queries;
}
