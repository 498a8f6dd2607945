// Compliance reports for process owners and staff leads: the period's figures from the store (one
// aggregate read and the open tasks), the per-step compliance for the diagram, the paged rows of
// the case and task exports, and one case's timing.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DefinitionService } from '../definitions/definition-service.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import type { ComplianceSettings } from './compliance-settings.js';
import { attributeCase, type CaseClock } from './clock-attribution.js';
import { loadReportData, OPEN_TASKS_LIMIT, openTimings, type ReportQuery } from './report-data.js';
import type { ReportFacts } from './report-facts.js';
import {
  adminRows, endToEnd, GOOD_SHARE, monthRows, overdueRows, stepRows, stepTrend,
  type AdminRow, type CaseRow, type MonthRow, type OverdueRow, type StepRow,
} from './report-figures.js';
import { returningSteps, returnsReport, type ReturnsCatalogue, type ReturnsReport } from './returns-report.js';
import { firstTakes, timeTask, type TaskTiming } from './task-timing.js';

/** Rows of one part of the case and task exports (each part is one CSV file: ?halaman=N). */
export const CSV_PART_ROWS = 2000;
/** Ended cases a report carries itself (the export lists all of them, part by part). */
export const CASE_PREVIEW = 100;

export interface ComplianceReport {
  processKey: string;
  processName: string;
  version: number;
  from: string;
  to: string;
  generatedAt: string;
  timeZone: string;
  goodShare: number;
  steps: StepRow[];
  admins: AdminRow[];
  months: MonthRow[];
  trend: ReturnType<typeof stepTrend>;
  returns: ReturnsReport;
  overdue: OverdueRow[];
  endToEnd: ReturnType<typeof endToEnd>;
  /** the first ended cases of the period, by end time (at most CASE_PREVIEW; endToEnd.count of them in all) */
  cases: CaseRow[];
  /** open tasks (timed now) of cases created before the period's end, at most OPEN_TASKS_LIMIT */
  open: TaskTiming[];
  /** more open tasks than OPEN_TASKS_LIMIT: openNow, overdue and the task export count the first ones */
  openTruncated: boolean;
}

export interface CaseTimingReport {
  caseId: string;
  applicantName: string;
  timeBasis: string;
  tasks: TaskTiming[];
  clock: CaseClock;
  standardMs: number;
}

/** Rows of a list and whether more follow. */
export interface Part<T> {
  rows: T[];
  more: boolean;
}

/** Rows an export reads at a time: each batch is encoded and written before the next is read. */
export const EXPORT_READ_ROWS = 500;

/** One part of an export: whether a next part exists, and its rows in batches. */
export interface ExportPart<T> {
  more: boolean;
  chunks(): AsyncGenerator<T[]>;
}

export class ReportService {
  constructor(
    private readonly deps: { store: Store; definitions: DefinitionService; settings: ComplianceSettings; now: () => Date; returns?: ReturnsCatalogue; facts?: ReportFacts },
  ) {}

  async report(query: ReportQuery, goodShare = GOOD_SHARE): Promise<ComplianceReport> {
    await this.deps.facts?.catchUp(); // cases a BPMN timer ended since the last report (bounded)
    const now = this.deps.now();
    const [d, preview] = await Promise.all([
      loadReportData({ ...this.deps, returnSteps: (model) => returningSteps(model, this.deps.returns) }, query, now),
      this.caseRows(query, 0, CASE_PREVIEW),
    ]);
    await nextTurn(); // the open tasks' timing and the figures' shaping are two turns: neither holds other requests long
    const steps = stepRows(d, goodShare);
    return {
      processKey: query.processKey, processName: d.model.name, version: d.version, from: query.from.toISOString(), to: query.to.toISOString(),
      generatedAt: now.toISOString(), timeZone: d.calendar.spec.timeZone, goodShare,
      steps, admins: adminRows(d), months: monthRows(d), trend: stepTrend(d, steps),
      returns: returnsReport(d, this.deps.returns), overdue: overdueRows(d), endToEnd: endToEnd(d),
      cases: preview.rows, open: d.open, openTruncated: d.openTruncated,
    };
  }

  /** Per-step compliance for the process diagram (bpmn-js colours each user task by `level`). */
  async stepCompliance(query: ReportQuery, goodShare = GOOD_SHARE) {
    const r = await this.report(query, goodShare);
    return {
      processKey: r.processKey, version: r.version, from: r.from, to: r.to, generatedAt: r.generatedAt, goodShare,
      steps: r.steps.map((s) => ({
        elementId: s.elementId, name: s.name, stepNo: s.stepNo, groupId: s.groupId, standardMinutes: s.standardMs / 60_000,
        count: s.count, within: s.within, withinShare: s.withinShare,
        medianMinutes: s.medianMs === null ? null : s.medianMs / 60_000, p90Minutes: s.p90Ms === null ? null : s.p90Ms / 60_000,
        openNow: s.openNow, overdueNow: s.overdueNow, level: s.level,
      })),
    };
  }

  /** Cases ended in the period, by end time: `limit` from `offset`. */
  async caseRows(query: ReportQuery, offset: number, limit = CSV_PART_ROWS): Promise<Part<CaseRow>> {
    const rows = await this.deps.store.listCaseFacts({ processKey: query.processKey, from: query.from.toISOString(), to: query.to.toISOString(), limit: limit + 1, offset });
    return {
      rows: rows.slice(0, limit).map((c) => ({
        caseId: c.caseId, applicantName: c.applicantName, version: c.definitionVersion, createdAt: c.createdAt, endedAt: c.endedAt,
        totalMs: c.totalMs, agencyMs: c.agencyMs, applicantMs: c.applicantMs, standardMs: c.standardMs, met: c.met, returns: c.returns,
      })),
      more: rows.length > limit,
    };
  }

  /** Part `part` (0-based) of the case export: whether another part follows, and its rows a few hundred at a time. */
  async casePart(query: ReportQuery, part: number): Promise<ExportPart<CaseRow>> {
    const start = part * CSV_PART_ROWS;
    const more = (await this.caseRows(query, start + CSV_PART_ROWS, 0)).more;
    const self = this;
    return {
      more,
      async *chunks() {
        for (let offset = start; offset < start + CSV_PART_ROWS; offset += EXPORT_READ_ROWS) {
          const got = await self.caseRows(query, offset, Math.min(EXPORT_READ_ROWS, start + CSV_PART_ROWS - offset));
          yield got.rows;
          if (!got.more) return;
        }
      },
    };
  }

  /**
   * Part `part` (0-based) of the task export: the open tasks (timed now), then the tasks completed in
   * the period by step and time; whether another part follows, and its rows a few hundred at a time.
   */
  async taskPart(query: ReportQuery, part: number): Promise<ExportPart<TaskTiming>> {
    const { store, settings } = this.deps;
    const open = (await openTimings(store, settings, await settings.calendar(), query, this.deps.now())).open;
    const start = part * CSV_PART_ROWS;
    const openRows = open.slice(start, start + CSV_PART_ROWS);
    const first = Math.max(0, start - open.length); // of the completed tasks
    const count = CSV_PART_ROWS - openRows.length;
    const page = (offset: number, limit: number) =>
      store.listTaskFacts({ processKey: query.processKey, from: query.from.toISOString(), to: query.to.toISOString(), limit, offset });
    const more = start + CSV_PART_ROWS < open.length || (await page(first + count, 1)).length > 0;
    return {
      more,
      async *chunks() {
        for (let i = 0; i < openRows.length; i += EXPORT_READ_ROWS) yield openRows.slice(i, i + EXPORT_READ_ROWS);
        for (let offset = first; offset < first + count; offset += EXPORT_READ_ROWS) {
          const limit = Math.min(EXPORT_READ_ROWS, first + count - offset);
          const done = await page(offset, limit);
          yield done.map(({ task, facts: f }) => ({
            task, takenAt: f.takenAt, elapsedMs: f.elapsedMs, waitMs: f.waitMs, handlingMs: f.handlingMs, standardMs: f.standardMs, met: f.met, open: false, overdue: false,
          }));
          if (done.length < limit) return;
        }
      },
    };
  }

  /** One case: every task's times against its standard, and the agency / applicant split. */
  async caseTiming(caseId: string): Promise<CaseTimingReport> {
    const { store, settings, definitions } = this.deps;
    const c = await store.getCase(caseId);
    if (!c) throw new NotFoundError();
    const now = this.deps.now();
    const clock = await settings.clock(c.definitionId);
    // in time order; tasks opened at one instant by the order they were done (open ones last)
    const end = (t: { completedAt: string | null }) => t.completedAt ?? '\uffff';
    const tasks = (await store.listTasksOfCases([c.id])).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || end(a).localeCompare(end(b)));
    const taken = firstTakes(await store.listAuditOfCases([c.id], ['task.taken']));
    const model = await definitions.model(await definitions.byId(c.definitionId));
    const { engineState: _state, data: _data, ...summary } = c;
    return {
      caseId: c.id, applicantName: c.applicantName, timeBasis: clock.basis,
      tasks: tasks.map((t) => timeTask(t, clock, taken.get(t.id) ?? null, now)),
      clock: attributeCase(summary, tasks, clock, now),
      standardMs: model.userTasks.reduce((sum, t) => sum + t.timeStandardMs, 0),
    };
  }
}

export { OPEN_TASKS_LIMIT };
