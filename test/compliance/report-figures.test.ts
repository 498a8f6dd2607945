// The report figures against the hand-computed fixture (report-fixture.ts): per step, per Admin PPE,
// per month, step 6 returns, overdue now, end to end with the agency / applicant split.
import { describe, expect, test } from '@jest/globals';
import { PPBJ_PROCESS_KEY as SHIPPED_PROCESS_KEY } from '../../src/packs/ppbj/process-key.js';
import type { ComplianceReport } from '../../src/compliance/report-service.js';
import { median, percentile, summarise } from '../../src/compliance/stats.js';
import { type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { wib } from './drive.js';
import { buildReportFixture, type ReportFixture } from './report-fixture.js';

const MIN = 60_000;
const mins = (ms: number | null) => (ms === null ? null : ms / MIN);

describe('Given the statistics', () => {
  test('median is the middle value (mean of the two middle ones); P90 is the nearest rank', () => {
    expect(median([20, 5, 10, 10])).toBe(10);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
    expect(percentile([5, 10, 10, 20], 90)).toBe(20);
    expect(percentile(Array.from({ length: 10 }, (_, i) => i + 1), 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(summarise([{ ms: 1, met: true }, { ms: 3, met: false }])).toEqual({ count: 2, medianMs: 2, p90Ms: 3, within: 1, withinShare: 0.5 });
  });
});

describe('Given four cases with hand-computed times (Monday 2 November 2026, now 14.30 WIB)', () => {
  let t: TestApp;
  let f: ReportFixture;
  let r: ComplianceReport;
  useTestApp(async (app) => {
    t = app;
    f = await buildReportFixture(t);
    r = await t.services.compliance.reports.report({ processKey: SHIPPED_PROCESS_KEY, from: wib('2026-10-01T00:00'), to: wib('2026-12-01T00:00') });
  }, 60_000);

  test('per step: count, median, P90 (minutes), share within the standard, queue wait and handling, open and overdue now', () => {
    const rows = r.steps.map((s) => [s.stepNo, s.count, mins(s.medianMs), mins(s.p90Ms), s.within, s.withinShare, s.openNow, s.overdueNow, s.level]);
    expect(rows).toEqual([
      [2, 4, 0, 0, 4, 1, 0, 0, 'good'],
      [3, 4, 10, 20, 3, 0.75, 0, 0, 'warn'],
      [4, 3, 10, 20, 2, 2 / 3, 1, 0, 'warn'],
      [5, 4, 20, 40, 2, 0.5, 1, 1, 'warn'],
      [6, 4, 12.5, 20, 3, 0.75, 0, 0, 'warn'],
      [7, 2, 3.5, 4, 2, 1, 0, 0, 'good'],
    ]);
    const step = (n: number) => r.steps.find((s) => s.stepNo === n)!;
    expect([mins(step(4).waitMedianMs), mins(step(4).handlingMedianMs)]).toEqual([2, 9]);
    expect([mins(step(6).waitMedianMs), mins(step(6).handlingMedianMs)]).toEqual([5, 6.5]);
    expect([step(3).waitMedianMs, step(3).standardMs, step(7).standardMs]).toEqual([null, 15 * MIN, 5 * MIN]);
  });

  test('per Admin PPE: the steps each one completed', () => {
    expect(r.admins.map((a) => [a.userId, a.count, mins(a.medianMs), mins(a.p90Ms), a.within])).toEqual([
      [f.adminId, 6, 12.5, 20, 4],
      [f.admin2Id, 3, 10, 10, 3],
    ].sort((x, y) => (r.admins.findIndex((a) => a.userId === x[0]) - r.admins.findIndex((a) => a.userId === y[0]))));
    expect(r.admins.map((a) => a.name).sort()).toEqual(['Admin Dua', 'Admin PPE'].sort());
  });

  test('per month: October empty, November with every task, case start and end', () => {
    expect(r.months.map((m) => [m.month, m.count, m.within, m.casesStarted, m.casesEnded, mins(m.endToEndMedianMs)])).toEqual([
      ['2026-10', 0, 0, 0, 0, null],
      ['2026-11', 21, 16, 4, 2, 91],
    ]);
    expect(r.trend.find((s) => s.stepNo === 5)?.shares).toEqual([null, 0.5]);
  });

  test('step 6 returns: rate, returns per case, distribution and the most frequent reasons', () => {
    const { returns } = r;
    expect(returns.steps.map((s) => s.stepNo)).toEqual([6]);
    expect([returns.decisions, returns.returns, returns.rate, returns.cases]).toEqual([4, 2, 0.5, 3]);
    expect(returns.returnsPerCase).toBeCloseTo(2 / 3);
    expect(returns.distribution).toEqual([{ returns: '0', cases: 1 }, { returns: '1', cases: 2 }, { returns: '2', cases: 0 }, { returns: '3+', cases: 0 }]);
    expect(returns.reasons).toEqual([
      { code: 'sk-kedaluwarsa', label: 'SK kedaluwarsa', count: 2, share: 1 },
      { code: 'data-tidak-sesuai', label: 'Data tidak sesuai dengan SK', count: 1, share: 0.5 },
    ]);
  });

  test('overdue now: only Citra\'s reopened step 5, 30 minutes late', () => {
    expect(r.overdue.map((o) => [o.caseId, o.stepNo, mins(o.lateMs), o.holder])).toEqual([[f.cases.C, 5, 30, null]]);
  });

  test('end to end: ended cases against the 80-minute sum of the standards, split into agency and applicant time', () => {
    expect(r.cases.map((c) => [c.caseId, mins(c.totalMs), mins(c.agencyMs), mins(c.applicantMs), mins(c.standardMs), c.met, c.returns])).toEqual([
      [f.cases.A, 68, 28, 40, 80, true, 0],
      [f.cases.B, 114, 44, 70, 80, false, 1],
    ]);
    const e = r.endToEnd;
    expect([e.count, mins(e.medianMs), mins(e.p90Ms), e.within, mins(e.standardMs), mins(e.agencyMedianMs), mins(e.applicantMedianMs)]).toEqual([2, 91, 114, 1, 80, 36, 55]);
  });

  test('one running case: every task timed (taken, wait, handling, met) and the clock split so far', async () => {
    const c = await t.services.compliance.reports.caseTiming(f.cases.C);
    expect(c.tasks.map((x) => [x.task.stepNo, mins(x.elapsedMs), x.takenAt !== null, mins(x.waitMs), mins(x.handlingMs), x.met, x.overdue])).toEqual([
      [2, 0, false, null, null, true, false],
      [3, 5, false, null, null, true, false],
      [4, 10, true, 1, 9, true, false],
      [5, 10, false, null, null, true, false],
      [6, 20, true, 5, 15, false, false],
      [5, 45, false, null, null, false, true],
    ]);
    expect([mins(c.clock.agencyMs), mins(c.clock.applicantMs), mins(c.clock.totalMs), c.clock.endedAt, mins(c.standardMs)]).toEqual([30, 60, 90, null, 80]);
  });

  test('the period filter: a report of December alone has no completed task and no ended case, but still lists what is overdue now', async () => {
    const dec = await t.services.compliance.reports.report({ processKey: SHIPPED_PROCESS_KEY, from: wib('2026-12-01T00:00'), to: wib('2027-01-01T00:00') });
    expect(dec.steps.every((s) => s.count === 0 && s.level === 'none')).toBe(true);
    expect(dec.cases).toEqual([]);
    expect(dec.overdue.map((o) => o.caseId)).toEqual([f.cases.C]);
  });
});
