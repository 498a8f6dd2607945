// Store contract, part 11: compliance settings (working calendar, per-version time settings) and
// the plain reads reports aggregate (case summaries, tasks and audit of many cases).
import { describe, expect, test } from '@jest/globals';
import type { ProcessTimeSettings, WorkingCalendarRecord } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, task, update } from './fixtures.js';

const CALENDAR: WorkingCalendarRecord = {
  timeZone: 'Asia/Pontianak',
  hours: [1, 2, 3, 4].map((day) => ({ day, start: '07:30', end: '16:00' })).concat([{ day: 5, start: '07:30', end: '11:30' }, { day: 5, start: '13:00', end: '16:30' }]),
  holidays: [{ date: '2026-12-25', name: 'Hari Raya Natal' }, { date: '2026-08-17', name: 'Hari Kemerdekaan' }],
  updatedAt: at(0),
  updatedBy: 'owner-1',
};

export function complianceContract(store: GetStore): void {
  describe('compliance settings', () => {
    test('The working calendar is null until saved, then read back as saved; saving again replaces it', async () => {
      expect(await store().getWorkingCalendar()).toBeNull();
      await store().saveWorkingCalendar(CALENDAR);
      expect(await store().getWorkingCalendar()).toEqual(CALENDAR);
      const next = { ...CALENDAR, timeZone: 'Asia/Jakarta', holidays: [], updatedAt: at(5), updatedBy: null };
      await store().saveWorkingCalendar(next);
      expect(await store().getWorkingCalendar()).toEqual(next);
    });

    test('Time settings are per process version: null until saved, then upserted', async () => {
      const v1: ProcessTimeSettings = { definitionId: 'def-1', timeBasis: 'working', escalateTo: { MelakukanVerifikasi: 'process-owner' }, updatedAt: at(1), updatedBy: 'owner-1' };
      expect(await store().getProcessTimeSettings('def-1')).toBeNull();
      await store().saveProcessTimeSettings(v1);
      await store().saveProcessTimeSettings({ ...v1, definitionId: 'def-2', timeBasis: 'calendar', escalateTo: {} });
      expect(await store().getProcessTimeSettings('def-1')).toEqual(v1);
      const changed = { ...v1, timeBasis: 'calendar' as const, escalateTo: {}, updatedAt: at(2) };
      await store().saveProcessTimeSettings(changed);
      expect(await store().getProcessTimeSettings('def-1')).toEqual(changed);
      expect((await store().getProcessTimeSettings('def-2'))?.timeBasis).toBe('calendar');
    });
  });

  describe('report reads', () => {
    test('Case summaries: one process, created before the end, changed since the start or still running; no engine state or data', async () => {
      const old = caseRecord({ createdAt: at(0), updatedAt: at(5), status: 'completed' });
      const oldRunning = caseRecord({ createdAt: at(1), updatedAt: at(2) });
      const inside = caseRecord({ createdAt: at(20), updatedAt: at(30), status: 'completed' });
      const after = caseRecord({ createdAt: at(100), updatedAt: at(100) });
      const otherProcess = caseRecord({ createdAt: at(20), updatedAt: at(30), processKey: 'lain' });
      for (const c of [inside, old, oldRunning, after, otherProcess]) await store().applyCaseChange(create(c));

      const got = await store().listCaseSummaries({ processKey: 'pendaftaran-akun-ppbj', activeFrom: at(10), createdBefore: at(50) });
      expect(got.map((c) => c.id)).toEqual([oldRunning.id, inside.id]);
      const { engineState: _e, data: _d, ...summary } = inside;
      expect(got[1]).toEqual(summary);
      expect((await store().listCaseSummaries({ activeFrom: at(10), createdBefore: at(50) })).map((c) => c.id)).toEqual([oldRunning.id, inside.id, otherProcess.id]);
    });

    test('Tasks and audit of many cases: every status, only the asked types, in time order', async () => {
      const [a, b, c] = [caseRecord(), caseRecord(), caseRecord()];
      const ta = task(a, { createdAt: at(3) });
      const tb = task(b, { createdAt: at(1) });
      const tc = task(c, { createdAt: at(2) });
      await store().applyCaseChange(create(a, { openTasks: [ta] }));
      await store().applyCaseChange(create(b, { openTasks: [tb], audit: [audit(b, 'case.started', { at: at(0) }), audit(b, 'task.taken', { at: at(2), taskId: tb.id })] }));
      await store().applyCaseChange(create(c, { openTasks: [tc] }));
      await store().applyCaseChange(update(a, { updatedAt: at(4) }, {
        completeTasks: [{ taskId: ta.id, completedBy: 'admin', completedAt: at(4) }],
        audit: [audit(a, 'case.returned', { at: at(4), data: { reasons: 'SK kedaluwarsa', codes: ['sk-kedaluwarsa'] } }), audit(a, 'task.taken', { at: at(1) })],
      }));

      const tasks = await store().listTasksOfCases([a.id, b.id, 'nope']);
      expect(tasks.map((t) => t.id)).toEqual([tb.id, ta.id]);
      expect(tasks[1]).toMatchObject({ status: 'completed', completedAt: at(4), completedBy: 'admin' });
      expect(await store().listTasksOfCases([])).toEqual([]);

      const events = await store().listAuditOfCases([a.id, b.id, c.id], ['task.taken', 'case.returned']);
      expect(events.map((e) => [e.caseId, e.type, e.at])).toEqual([
        [a.id, 'task.taken', at(1)], [b.id, 'task.taken', at(2)], [a.id, 'case.returned', at(4)],
      ]);
      expect(events[2]?.data).toEqual({ reasons: 'SK kedaluwarsa', codes: ['sk-kedaluwarsa'] });
      expect(await store().listAuditOfCases([a.id], [])).toEqual([]);

      // equal times: by case id, then in the order written (not by event id, nor by which case wrote first)
      const [y, x] = [caseRecord({ id: 'case-y-report' }), caseRecord({ id: 'case-x-report' })];
      const y1 = audit(y, 'task.taken', { id: 'ev-z-y1', at: at(7) });
      const x1 = audit(x, 'task.taken', { id: 'ev-z-x1', at: at(7) });
      const x2 = audit(x, 'task.taken', { id: 'ev-a-x2', at: at(7) });
      await store().applyCaseChange(create(y, { audit: [y1] }));
      await store().applyCaseChange(create(x, { audit: [x1] }));
      await store().appendAudit([x2]);
      expect((await store().listAuditOfCases([y.id, x.id], ['task.taken'])).map((e) => e.id)).toEqual([x1.id, x2.id, y1.id]);
      const many = Array.from({ length: 1500 }, (_, i) => `x-${i}`).concat([b.id]);
      expect((await store().listTasksOfCases(many)).map((t) => t.id)).toEqual([tb.id]);
    });
  });
}
