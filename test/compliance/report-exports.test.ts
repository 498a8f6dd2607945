// The case and task exports come in parts (never every case of a year in one response), each CSV
// written piece by piece with exactly src/csv.ts's encoding.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { toCsv, type Table } from '../../src/csv.js';
import { PPBJ_PROCESS_KEY as KEY } from '../../src/packs/ppbj/process-key.js';
import { csvChunks } from '../../src/compliance/report-csv.js';
import { OVERDUE_ON_PAGE, reportPageModel } from '../../src/compliance/report-page.js';
import { CSV_PART_ROWS } from '../../src/compliance/report-service.js';
import { periodFrom } from '../../src/compliance/period.js';
import { DEFAULT_CALENDAR, WorkingCalendar } from '../../src/compliance/working-calendar.js';
import { OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { wib } from './drive.js';
import { buildReportFixture, type ReportFixture } from './report-fixture.js';

describe('Given a table of 600 rows with formula-like cells', () => {
  test('when it is written in pieces, then the pieces make exactly the CSV of the whole table', async () => {
    const table: Table = {
      header: ['Nama', 'Nilai', 'Catatan'],
      rows: Array.from({ length: 600 }, (_, i) => [i % 7 === 0 ? `=HYPERLINK("x${i}")` : `Pemohon ${i} “ä”`, i % 3 ? -i / 4 : null, i % 5 ? 'baris\r\nbaru, "kutip"' : '+62 812']),
    };
    const pieces: string[] = [];
    for await (const piece of csvChunks(table.header, [table.rows.slice(0, 420), table.rows.slice(420)])) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(toCsv(table));
  });
});

describe('Given the hand-computed history', () => {
  let t: TestApp;
  let f: ReportFixture;
  let owner: TestAgent;
  const query = { processKey: KEY, from: wib('2026-10-01T00:00'), to: wib('2026-12-01T00:00') };
  useTestApp(async (app) => {
    t = app;
    f = await buildReportFixture(t);
    owner = await loggedIn(app, OWNER);
  }, 60_000);

  test('when the exports are read a part at a time, then each part has its rows (open tasks first) and says whether another follows', async () => {
    const { reports } = t.services.compliance;
    expect(await reports.caseRows(query, 0, 1)).toEqual({ rows: [expect.objectContaining({ caseId: f.cases.A })], more: true });
    expect(await reports.caseRows(query, 1, 1)).toEqual({ rows: [expect.objectContaining({ caseId: f.cases.B, returns: 1 })], more: false });
    const tasks = await reports.taskPart(query, 0);
    const rows = [];
    for await (const batch of tasks.chunks()) rows.push(...batch);
    expect([rows.length, tasks.more]).toEqual([23, false]);
    expect(rows.slice(0, 2).map((x) => [x.task.caseId, x.open])).toEqual([[f.cases.C, true], [f.cases.D, true]]); // open tasks first
    const cases = await reports.casePart(query, 0);
    const ended = [];
    for await (const batch of cases.chunks()) ended.push(...batch.map((c) => c.caseId));
    expect([ended, cases.more]).toEqual([[f.cases.A, f.cases.B], false]);
  });

  test('when a part of the case export is asked, then the first is the default, a part that does not exist is 404, and no next part is announced', async () => {
    const path = `/laporan/unduh/kasus.csv?proses=${KEY}&dari=2026-10-01&sampai=2026-11-30`;
    const first = await owner.get(path);
    expect([first.status, first.headers.link]).toEqual([200, undefined]);
    expect((await owner.get(`${path}&halaman=1`)).text).toBe(first.text);
    for (const part of ['2', '0', 'abc', '1e3', '-1']) expect([part, (await owner.get(`${path}&halaman=${part}`)).status]).toEqual([part, 404]);
  });
});

describe('Given the hand-computed report with many more overdue tasks and tasks than one part holds', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    await buildReportFixture(t);
  }, 60_000);

  test('when the page is shaped, then it lists the most late overdue tasks only, says how many more the CSV has, and links every part of the exports', async () => {
    const r = await t.services.compliance.reports.report({ processKey: KEY, from: wib('2026-10-01T00:00'), to: wib('2026-12-01T00:00') });
    const late = r.overdue[0]!;
    const many = { ...r, overdue: Array.from({ length: OVERDUE_ON_PAGE + 50 }, (_, i) => ({ ...late, taskId: `t${i}`, lateMs: 1e6 - i })), endToEnd: { ...r.endToEnd, count: 2 * CSV_PART_ROWS + 1 } };
    const period = periodFrom({ dari: '2026-10-01', sampai: '2026-11-30' }, new WorkingCalendar(DEFAULT_CALENDAR), wib('2026-11-02T14:30'));
    const page = reportPageModel(many, period, 'id');
    expect([page.overdue.length, page.overdue[0]?.taskId, page.overdueHidden]).toEqual([OVERDUE_ON_PAGE, 't0', 50]);
    expect(page.caseParts).toEqual([2, 3]);
    expect(reportPageModel(r, period, 'id').taskParts).toEqual([]); // 23 tasks: one part
  });
});
