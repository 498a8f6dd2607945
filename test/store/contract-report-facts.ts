// Store contract, report facts: facts written with a case change or afterwards (the backlog), the
// figures of a period the store aggregates from them (hand-computed below, including facts on days
// that a local-midnight boundary cuts), and the paged lists of the exports.
import { describe, expect, test } from '@jest/globals';
import type { CaseFacts, CaseRecord, ReportFiguresQuery, TaskFacts, TaskRecord } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { audit, caseRecord, create, task, update } from './fixtures.js';

const MIN = 60_000;
const KEY = 'pendaftaran-akun-ppbj';
/** WIB (UTC+7) local time → ISO instant. */
const wib = (local: string): string => new Date(`${local}:00+07:00`).toISOString();

/** A completed task of `c` and its facts (durations in minutes). */
function done(
  c: CaseRecord,
  o: { step: 'S1' | 'S2'; at: string; by: string; e: number; w?: number | null; h?: number | null; reasons?: string[]; caseReturns?: number; previous?: TaskFacts },
) {
  const t: TaskRecord = task(c, {
    elementId: o.step, name: o.step === 'S1' ? 'Memeriksa' : 'Mengisi', stepNo: o.step === 'S1' ? 6 : 3, groupId: o.step === 'S1' ? 'admin-ppe' : 'pemohon',
    status: 'completed', createdAt: new Date(Date.parse(o.at) - o.e * MIN).toISOString(), completedAt: o.at, completedBy: o.by, timeStandard: 'PT15M',
  });
  const f: TaskFacts = {
    taskId: t.id, caseId: c.id, processKey: c.processKey, elementId: t.elementId, name: t.name, stepNo: t.stepNo, groupId: t.groupId,
    completedAt: o.at, completedBy: o.by, takenAt: o.w == null ? null : new Date(Date.parse(t.createdAt) + o.w * MIN).toISOString(),
    elapsedMs: o.e * MIN, waitMs: o.w == null ? null : o.w * MIN, handlingMs: o.h == null ? null : o.h * MIN, standardMs: 15 * MIN, met: o.e <= 15,
    returnReasons: o.reasons ?? null, caseReturns: o.caseReturns ?? 0,
    previousAt: o.previous?.completedAt ?? null, previousCaseReturns: o.previous?.caseReturns ?? null,
  };
  return { t, f };
}

const ended = (c: CaseRecord, endedAt: string, total: number, agency: number, applicant: number, returns: number): CaseFacts => ({
  caseId: c.id, processKey: c.processKey, createdAt: c.createdAt, endedAt, totalMs: total * MIN, agencyMs: agency * MIN, applicantMs: applicant * MIN,
  standardMs: 80 * MIN, met: total <= 80, returns,
});

// Period 16 Oct – 30 Nov 2026 (WIB): its boundaries and the month boundary fall at 17.00 UTC
const QUERY: ReportFiguresQuery = {
  processKey: KEY, from: wib('2026-10-16T00:00'), to: wib('2026-12-01T00:00'), returnSteps: [],
  months: [
    { key: '2026-10', from: wib('2026-10-16T00:00'), to: wib('2026-11-01T00:00') },
    { key: '2026-11', from: wib('2026-11-01T00:00'), to: wib('2026-12-01T00:00') },
  ],
};

/** Four cases: c1 and c3 on whole days, c2 on both sides of the month boundary (a cut day), c4 outside. */
async function seed(store: GetStore) {
  const c1 = caseRecord({ createdAt: '2026-10-20T01:00:00.000Z', updatedAt: '2026-10-20T03:30:00.000Z', status: 'completed' });
  const c2 = caseRecord({ createdAt: '2026-10-30T00:00:00.000Z' });
  const c3 = caseRecord({ createdAt: '2026-11-09T00:00:00.000Z' });
  const c4 = caseRecord({ createdAt: '2026-11-30T10:00:00.000Z', status: 'completed', updatedAt: '2026-11-30T18:30:00.000Z' });
  const a = done(c1, { step: 'S1', at: '2026-10-20T03:00:00.000Z', by: 'admin-a', e: 10, w: 2, h: 8 });
  const b1 = done(c2, { step: 'S1', at: wib('2026-10-31T23:30'), by: 'admin-b', e: 20, w: 5, h: 15, reasons: ['x', 'y'], caseReturns: 1 });
  const b2 = done(c2, { step: 'S1', at: wib('2026-11-01T00:30'), by: 'admin-a', e: 30, w: 10, h: 20, caseReturns: 1, previous: b1.f });
  const c = done(c3, { step: 'S1', at: '2026-11-10T05:00:00.000Z', by: 'admin-a', e: 40, w: 1, h: 39, reasons: ['x'], caseReturns: 1 });
  const d = done(c3, { step: 'S2', at: '2026-11-10T04:00:00.000Z', by: 'applicant-3', e: 5 });
  const late = done(c4, { step: 'S1', at: wib('2026-12-01T01:00'), by: 'admin-a', e: 50, w: 1, h: 49 });
  const early = done(c4, { step: 'S1', at: wib('2026-10-15T23:00'), by: 'admin-a', e: 60, w: 1, h: 59 });
  // with the change that completes them …
  await store().applyCaseChange(create(c1, { openTasks: [a.t], facts: { tasks: [a.f], case: ended(c1, a.f.completedAt, 60, 40, 20, 0) } }));
  await store().applyCaseChange(create(c2, { openTasks: [b1.t], facts: { tasks: [b1.f] } }));
  await store().applyCaseChange(create(c3, { openTasks: [c.t, d.t], facts: { tasks: [c.f, d.f] } }));
  // … or afterwards (a case closed without them is on the backlog)
  await store().applyCaseChange(update({ ...c2, rev: 1 }, { status: 'completed', updatedAt: wib('2026-11-01T00:40') }, { openTasks: [b2.t] }));
  await store().applyCaseChange(create(c4, { openTasks: [late.t, early.t] }));
  await store().saveReportFacts({
    tasks: [b2.f, late.f, early.f], cases: [ended(c2, wib('2026-11-01T00:40'), 100, 70, 30, 1), ended(c4, '2026-11-30T18:30:00.000Z', 200, 100, 100, 0)],
    done: await store().listReportBacklog(10),
  });
  return { c1, c2, c3, c4, tasks: { a, b1, b2, c, d, late } };
}

const mins = (ms: number | null) => (ms === null ? null : ms / MIN);

export function reportFactsContract(store: GetStore): void {
  describe('report facts', () => {
    test('Figures of a period: per step, staff member, month and ended case, returns per case and reasons; facts on cut days counted on their side', async () => {
      await seed(store);
      const f = await store().reportFigures(QUERY);
      expect(f.steps.map((s) => [s.elementId, s.name, s.stepNo, s.groupId, mins(s.standardMs), s.count, s.within, mins(s.medianMs), mins(s.p90Ms), mins(s.waitMedianMs), mins(s.handlingMedianMs), s.returns]))
        .toEqual([
          ['S1', 'Memeriksa', 6, 'admin-ppe', 15, 4, 1, 25, 40, 3.5, 17.5, 2],
          ['S2', 'Mengisi', 3, 'pemohon', 15, 1, 1, 5, 5, null, null, 0],
        ]);
      expect(f.staff.map((s) => [s.userId, s.count, s.within, mins(s.medianMs), mins(s.p90Ms), mins(s.waitMedianMs), mins(s.handlingMedianMs)])).toEqual([
        ['admin-a', 3, 1, 30, 40, 2, 20],
        ['admin-b', 1, 0, 20, 20, 5, 15],
      ]);
      expect(f.months.map((m) => [m.key, m.count, m.within, mins(m.medianMs), mins(m.p90Ms), m.casesStarted, m.casesEnded, mins(m.endToEndMedianMs), m.steps])).toEqual([
        ['2026-10', 2, 1, 15, 20, 2, 1, 60, [{ elementId: 'S1', count: 2, within: 1 }]],
        ['2026-11', 3, 1, 30, 40, 2, 1, 100, [{ elementId: 'S1', count: 2, within: 0 }, { elementId: 'S2', count: 1, within: 1 }]],
      ]);
      const c = f.cases;
      expect([c.count, c.within, mins(c.medianMs), mins(c.p90Ms), mins(c.agencyMedianMs), mins(c.applicantMedianMs), mins(c.agencyTotalMs), mins(c.applicantTotalMs)])
        .toEqual([2, 1, 80, 100, 55, 25, 110, 50]);
      expect(f.returns).toEqual({
        steps: ['S1'], decisions: 4, returns: 2, cases: 3, caseReturns: 2, distribution: [1, 2, 0, 0],
        reasons: [{ reason: 'x', count: 2 }, { reason: 'y', count: 1 }],
      });
    });

    test('A report read again after new facts on a day it read (a whole day, a cut day) counts them', async () => {
      const s = await seed(store);
      expect((await store().reportFigures(QUERY)).steps[0]?.count).toBe(4);
      const more = done(s.c1, { step: 'S1', at: '2026-10-20T04:00:00.000Z', by: 'admin-b', e: 1, w: 0, h: 1, previous: s.tasks.a.f }); // c1 decided again
      await store().applyCaseChange(update({ ...s.c1, rev: 1 }, {}, { openTasks: [more.t], facts: { tasks: [more.f] } }));
      const f = await store().reportFigures(QUERY);
      expect([f.steps[0]?.count, f.steps[0]?.within, mins(f.steps[0]!.medianMs), f.months[0]?.count]).toEqual([5, 2, 20, 3]);
      expect([f.returns.decisions, f.returns.cases, f.returns.distribution]).toEqual([5, 3, [1, 2, 0, 0]]);
      const late = done(s.c3, { step: 'S1', at: wib('2026-10-31T23:50'), by: 'admin-b', e: 2, w: 1, h: 1 }); // on the cut day
      await store().applyCaseChange(update({ ...s.c3, rev: 1 }, {}, { openTasks: [late.t], facts: { tasks: [late.f] } }));
      const g = await store().reportFigures(QUERY);
      expect([g.steps[0]?.count, g.months[0]?.count, g.months[1]?.count, g.staff.find((x) => x.userId === 'admin-b')?.count]).toEqual([6, 4, 3, 3]);
    });

    test('A period where nothing was returned decides by the query\'s steps; an empty period has no figures; a period must end after it starts', async () => {
      await seed(store);
      const oct20 = { ...QUERY, from: wib('2026-10-20T00:00'), to: wib('2026-10-21T00:00'), months: [{ key: '2026-10', from: wib('2026-10-20T00:00'), to: wib('2026-10-21T00:00') }], returnSteps: ['S1'] };
      const f = await store().reportFigures(oct20);
      expect([f.steps.map((s) => s.elementId), f.returns.steps, f.returns.decisions, f.returns.returns, f.returns.cases, f.returns.distribution]).toEqual([['S1'], ['S1'], 1, 0, 1, [1, 0, 0, 0]]);
      const none = await store().reportFigures({ ...QUERY, processKey: 'lain' });
      expect([none.steps, none.staff, none.cases.count, none.cases.medianMs, none.returns.cases, none.months.map((m) => m.count)]).toEqual([[], [], 0, null, 0, [0, 0]]);
      await expect(store().reportFigures({ ...QUERY, to: QUERY.from })).rejects.toThrow(RangeError);
    });

    test('The backlog: a change that completes a task or ends a case without facts lists the case; a save clears an entry only if it was not listed again meanwhile', async () => {
      const c = caseRecord();
      const open = task(c);
      await store().applyCaseChange(create(c, { openTasks: [open] }));
      expect(await store().listReportBacklog(10)).toEqual([]);
      const closed = done(c, { step: 'S1', at: '2026-11-10T05:00:00.000Z', by: 'admin-a', e: 10, w: 1, h: 9 });
      await store().applyCaseChange(update(c, {}, { completeTasks: [{ taskId: open.id, completedBy: 'admin-a', completedAt: '2026-11-10T05:00:00.000Z' }] }));
      const [first] = await store().listReportBacklog(10);
      expect(first?.caseId).toBe(c.id);
      await store().applyCaseChange(update({ ...c, rev: 2 }, { status: 'completed' })); // ends without case facts: listed again
      const [again] = await store().listReportBacklog(10);
      expect(again?.mark).not.toBe(first?.mark);
      const fact = { ...closed.f, taskId: open.id };
      await store().saveReportFacts({ tasks: [fact], cases: [], done: [first!] }); // a stale mark: kept
      expect((await store().listReportBacklog(10)).map((b) => b.caseId)).toEqual([c.id]);
      await store().saveReportFacts({ tasks: [fact], cases: [], done: [again!] }); // the same fact again: counted once
      expect(await store().listReportBacklog(10)).toEqual([]);
      const f = await store().reportFigures({ ...QUERY, months: [] });
      expect(f.steps.map((s) => [s.elementId, s.count])).toEqual([['S1', 1]]);
      const given = caseRecord();
      const g = done(given, { step: 'S2', at: '2026-11-10T06:00:00.000Z', by: 'applicant-9', e: 3 });
      await store().applyCaseChange(create({ ...given, status: 'completed' }, { openTasks: [g.t], facts: { tasks: [g.f], case: ended(given, g.f.completedAt, 3, 0, 3, 0) } }));
      expect(await store().listReportBacklog(10)).toEqual([]); // it brought its facts
    });

    test('The export lists: completed tasks by step and time, ended cases by end time, a page at a time; open tasks of cases created before a time, with their first take', async () => {
      const s = await seed(store);
      const tasks = await store().listTaskFacts({ processKey: KEY, from: QUERY.from, to: QUERY.to, limit: 10, offset: 0 });
      const order = [s.tasks.a, s.tasks.b1, s.tasks.b2, s.tasks.c, s.tasks.d].map((x) => x.t.id);
      expect(tasks.map((x) => x.task.id)).toEqual(order);
      expect(tasks[1]).toEqual({ task: { ...s.tasks.b1.t, searchText: '' }, facts: s.tasks.b1.f }); // written closed: no search text
      expect((await store().listTaskFacts({ processKey: KEY, from: QUERY.from, to: QUERY.to, limit: 2, offset: 2 })).map((x) => x.task.id)).toEqual(order.slice(2, 4));
      const cases = await store().listCaseFacts({ processKey: KEY, from: QUERY.from, to: QUERY.to, limit: 10, offset: 0 });
      expect(cases.map((x) => [x.caseId, mins(x.totalMs), x.met, x.returns, x.applicantName, x.definitionVersion])).toEqual([
        [s.c1.id, 60, true, 0, 'Budi Santoso', 1], [s.c2.id, 100, false, 1, 'Budi Santoso', 1],
      ]);
      expect(await store().listCaseFacts({ processKey: KEY, from: QUERY.from, to: QUERY.to, limit: 1, offset: 2 })).toEqual([]);
      await expect(store().listTaskFacts({ processKey: KEY, from: QUERY.from, to: QUERY.to, limit: 10_001, offset: 0 })).rejects.toThrow(RangeError);

      const before = caseRecord({ createdAt: '2026-11-01T00:00:00.000Z', definitionId: 'def-7' });
      const after = caseRecord({ createdAt: '2026-12-05T00:00:00.000Z' });
      const [o1, o2] = [task(before, { createdAt: '2026-11-02T00:00:00.000Z' }), task(before, { createdAt: '2026-11-01T00:00:00.000Z', elementId: 'S3' })];
      const taken = audit(before, 'task.taken', { taskId: o1.id, at: '2026-11-02T01:00:00.000Z' });
      await store().applyCaseChange(create(before, { openTasks: [o1, o2], audit: [audit(before, 'case.started', { at: before.createdAt }), taken] }));
      await store().applyCaseChange(create(after, { openTasks: [task(after, { createdAt: '2026-12-05T00:00:00.000Z' })] }));
      const open = await store().listOpenReportTasks({ processKey: KEY, caseCreatedBefore: '2026-12-01T00:00:00.000Z', limit: 10 });
      expect(open).toEqual([{ task: o2, definitionId: 'def-7', takenAt: null }, { task: o1, definitionId: 'def-7', takenAt: taken.at }]);
      expect((await store().listOpenReportTasks({ processKey: KEY, caseCreatedBefore: '2026-12-31T00:00:00.000Z', limit: 1 })).map((x) => x.task.id)).toEqual([o2.id]);
    });
  });
}
