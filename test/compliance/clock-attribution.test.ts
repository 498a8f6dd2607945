// Agency vs applicant time of a case, hand-computed: sequential steps, a slow applicant overnight on
// working time, parallel tasks counted once, and a stretch held by nobody.
import { describe, expect, test } from '@jest/globals';
import { attributeCase } from '../../src/compliance/clock-attribution.js';
import { clockFor } from '../../src/compliance/compliance-settings.js';
import { timeTask } from '../../src/compliance/task-timing.js';
import { DEFAULT_CALENDAR, WorkingCalendar } from '../../src/compliance/working-calendar.js';
import type { CaseSummary, TaskRecord } from '../../src/store/ports.js';
import { caseRecord, task } from '../store/fixtures.js';
import { wib } from './drive.js';

const MIN = 60_000;
const calendarTime = clockFor('calendar', new WorkingCalendar(DEFAULT_CALENDAR));
const workingTime = clockFor('working', new WorkingCalendar(DEFAULT_CALENDAR));
const summary = (over: Partial<CaseSummary>): CaseSummary => {
  const { engineState: _e, data: _d, ...c } = caseRecord({ createdAt: wib('2026-11-23T08:00').toISOString(), ...over });
  return c;
};
const step = (c: CaseSummary, groupId: TaskRecord['groupId'], from: string, to: string | null, standard = 'PT15M'): TaskRecord =>
  task({ ...c, engineState: Buffer.alloc(0), data: {} }, {
    groupId, createdAt: wib(from).toISOString(), completedAt: to ? wib(to).toISOString() : null, status: to ? 'completed' : 'open',
    timeStandard: standard, dueAt: new Date(wib(from).getTime() + 15 * MIN).toISOString(),
  });

describe('Given a case with Admin PPE and PPBJ steps', () => {
  test('when a slow applicant step and an overnight Admin PPE step follow each other, then each side gets only its own time, on either clock', () => {
    const c = summary({ status: 'completed' });
    const tasks = [
      step(c, 'pemohon', '2026-11-23T08:00', '2026-11-23T08:10'), // 10 min
      step(c, 'admin-ppe', '2026-11-23T08:10', '2026-11-23T08:25'), // 15 min
      step(c, 'pemohon', '2026-11-23T08:25', '2026-11-23T15:30'), // 7 h 5 min
      step(c, 'admin-ppe', '2026-11-23T15:30', '2026-11-24T07:45'), // overnight: 30 + 15 working minutes
    ];
    const cal = attributeCase(c, tasks, calendarTime, wib('2026-11-25T00:00'));
    expect([cal.applicantMs / MIN, cal.agencyMs / MIN, cal.totalMs / MIN]).toEqual([10 + 425, 15 + 16 * 60 + 15, 23 * 60 + 45]);
    expect(cal.endedAt).toBe(wib('2026-11-24T07:45').toISOString());
    const work = attributeCase(c, tasks, workingTime, wib('2026-11-25T00:00'));
    expect([work.applicantMs / MIN, work.agencyMs / MIN, work.totalMs / MIN]).toEqual([435, 15 + 45, 480 + 15]);
  });

  test('when two tasks of one side run at once, then their overlap counts once; time held by nobody counts for neither', () => {
    const c = summary({ status: 'running' });
    const tasks = [
      step(c, 'admin-ppe', '2026-11-23T09:00', '2026-11-23T09:30'),
      step(c, 'admin-ppe', '2026-11-23T09:20', '2026-11-23T09:40'), // overlaps 10 minutes
      // 09.40–10.00: the case waits on a BPMN timer, nobody holds it
      step(c, 'pemohon', '2026-11-23T10:00', null), // open until now
    ];
    const r = attributeCase(c, tasks, calendarTime, wib('2026-11-23T10:30'));
    expect([r.agencyMs / MIN, r.applicantMs / MIN, r.totalMs / MIN, r.endedAt]).toEqual([40, 30, 150, null]);
  });
});

describe('Given one task', () => {
  test('met is decided on completion; an open task is undecided until it passes its standard, then overdue', () => {
    const c = summary({});
    const done = step(c, 'admin-ppe', '2026-11-23T09:00', '2026-11-23T09:15');
    const open = step(c, 'pemohon', '2026-11-23T09:00', null);
    expect(timeTask(done, calendarTime, wib('2026-11-23T09:05').toISOString(), new Date())).toMatchObject({ elapsedMs: 15 * MIN, waitMs: 5 * MIN, handlingMs: 10 * MIN, met: true, overdue: false });
    expect(timeTask(open, calendarTime, null, wib('2026-11-23T09:10'))).toMatchObject({ elapsedMs: 10 * MIN, met: null, overdue: false });
    expect(timeTask(open, calendarTime, null, wib('2026-11-23T09:16'))).toMatchObject({ met: false, overdue: true });
    // on working time, an evening does not make it late
    expect(timeTask(step(c, 'pemohon', '2026-11-23T15:55', null), workingTime, null, wib('2026-11-23T22:00'))).toMatchObject({ elapsedMs: 5 * MIN, overdue: false });
  });
});
