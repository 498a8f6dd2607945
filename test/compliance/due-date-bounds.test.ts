// Issue 9 item 4 (the date computation itself): a due date never throws a RangeError into a request,
// whatever the time standard of a stored version or the room left in a working calendar.
import { describe, expect, test } from '@jest/globals';
import { CaseTiming } from '../../src/compliance/case-timing.js';
import type { ComplianceSettings } from '../../src/compliance/compliance-settings.js';
import type { TaskRecord } from '../../src/store/ports.js';

const createdAt = '2026-12-07T02:00:00.000Z';
const task = (timeStandard: string, dueAt: string): TaskRecord => ({
  id: 't1', caseId: 'c1', processKey: 'pendaftaran-akun-ppbj', applicantId: 'u1', applicantName: 'Budi', elementId: 'MengisiIdentitas', name: 'Mengisi Identitas PPBJ',
  stepNo: 3, groupId: 'pemohon', formKey: 'ppbj-identitas', assigneeId: null, status: 'open', createdAt, dueAt, timeStandard,
  completedAt: null, completedBy: null, searchText: 'budi',
});

/** A working-time version whose calendar has no room for the standard (addWorkingMs gives up with a RangeError). */
const fullCalendar = {
  clock: async () => ({ basis: 'working', elapsedMs: () => 0, dueAt: () => { throw new RangeError('no working time within 1098 days'); } }),
} as unknown as ComplianceSettings;

describe('Given a working-time version whose calendar cannot fit the time standard', () => {
  test('when a new task is planned, then its due date falls back to the calendar due instead of throwing', async () => {
    const timing = new CaseTiming(fullCalendar, () => new Date(createdAt));
    const plan = await timing.plan({ caseId: 'c1', definitionId: 'd1', next: { tasks: [task('P300D', '2027-10-03T02:00:00.000Z')], audit: [] }, closedTaskIds: [] });
    expect(plan.next.tasks[0]!.dueAt).toBe('2027-10-03T02:00:00.000Z');
    expect(plan.timers[0]).toMatchObject({ dueAt: '2027-10-03T02:00:00.000Z' });
  });

  test('when the stored standard is P300000Y, then the due date is held at 9999-12-31', async () => {
    const timing = new CaseTiming(fullCalendar, () => new Date(createdAt));
    const plan = await timing.plan({ caseId: 'c1', definitionId: 'd1', next: { tasks: [task('P300000Y', '9999-12-31T23:59:59.999Z')], audit: [] }, closedTaskIds: [] });
    expect(plan.next.tasks[0]!.dueAt).toBe('9999-12-31T23:59:59.999Z');
  });
});
