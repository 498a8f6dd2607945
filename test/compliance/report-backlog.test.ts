// The report facts of a store that had cases before them (the upgrade): its migration lists every case
// with a completed task on the report backlog, and the catch-up computes facts that give exactly the
// figures of the facts recorded with each change. Facts are not rewritten by a later calendar change.
import { describe, expect, test } from '@jest/globals';
import { PPBJ_PROCESS_KEY as KEY } from '../../src/packs/ppbj/process-key.js';
import type { ComplianceReport } from '../../src/compliance/report-service.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { REPORT_DAYS_REV_MIGRATION, REPORT_FACTS_MIGRATION } from '../../src/store/sqlite/report-migration.js';
import { TASK_FACTS_PACKED_MIGRATION } from '../../src/store/sqlite/task-facts-packed.js';
import { type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { wib } from './drive.js';
import { buildReportFixture } from './report-fixture.js';

const PERIOD = { processKey: KEY, from: wib('2026-10-01T00:00'), to: wib('2026-12-01T00:00') };
const figures = (r: ComplianceReport) => ({ ...r, generatedAt: '' });

describe('Given the hand-computed history (report-fixture.ts)', () => {
  let t: TestApp;
  let before: ComplianceReport;
  useTestApp(async (app) => {
    t = app;
    await buildReportFixture(t);
    before = await t.services.compliance.reports.report(PERIOD);
  }, 60_000);

  test('when its facts are gone and the facts migration runs (an upgrade), then every case is on the backlog and the catch-up gives the same report', async () => {
    const db = openDatabase(t.config.sqliteFile);
    try {
      db.exec('DROP TABLE task_facts; DROP TABLE case_facts; DROP TABLE report_days; DROP TABLE report_backlog;');
      db.exec(REPORT_FACTS_MIGRATION);
      db.exec(REPORT_DAYS_REV_MIGRATION);
      db.exec(TASK_FACTS_PACKED_MIGRATION);
    } finally {
      db.close();
    }
    const { store } = t.services;
    expect((await store.listReportBacklog(100)).length).toBe(4); // A and B ended; C and D have completed tasks
    expect((await store.reportFigures({ ...PERIOD, from: PERIOD.from.toISOString(), to: PERIOD.to.toISOString(), months: [], returnSteps: [] })).steps).toEqual([]);

    expect(await t.services.compliance.facts.catchUpAll()).toBe(4);
    expect(await store.listReportBacklog(100)).toEqual([]);
    expect(figures(await t.services.compliance.reports.report(PERIOD))).toEqual(figures(before));
  });

  test('when the version is switched to working time afterwards, then the figures of tasks already completed stay as they were recorded', async () => {
    const def = await t.services.definitions.latest(KEY);
    await t.services.compliance.settings.saveProcessSettings(def.id, { timeBasis: 'working', escalateTo: {} }, null);
    await t.services.compliance.settings.saveCalendar({ timeZone: 'Asia/Pontianak', hours: [{ day: 1, start: '12:00', end: '13:00' }], holidays: [] }, null);
    const after = await t.services.compliance.reports.report(PERIOD);
    expect(after.steps.map((s) => [s.elementId, s.count, s.medianMs, s.p90Ms, s.within])).toEqual(before.steps.map((s) => [s.elementId, s.count, s.medianMs, s.p90Ms, s.within]));
    expect(after.endToEnd).toEqual(before.endToEnd);
  });
});
