// Compliance reports for process owners and staff leads: one load per request, then the figures
// (report-figures, returns-report), the per-step compliance for the diagram, and one case's timing.
import type { DefinitionService } from '../definitions/definition-service.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import type { ComplianceSettings } from './compliance-settings.js';
import { attributeCase, type CaseClock } from './clock-attribution.js';
import { loadReportData, REPORT_AUDIT, type ReportQuery } from './report-data.js';
import {
  adminRows, caseRows, endToEnd, GOOD_SHARE, monthRows, monthsOf, overdueRows, stepRows, stepTrend,
  type AdminRow, type CaseRow, type MonthRow, type OverdueRow, type StepRow,
} from './report-figures.js';
import { returnsReport, type ReturnsCatalogue, type ReturnsReport } from './returns-report.js';
import { firstTakes, timeTask, type TaskTiming } from './task-timing.js';

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
  cases: CaseRow[];
  /** tasks completed in the period, and every open task */
  tasks: TaskTiming[];
}

export interface CaseTimingReport {
  caseId: string;
  applicantName: string;
  timeBasis: string;
  tasks: TaskTiming[];
  clock: CaseClock;
  standardMs: number;
}

export class ReportService {
  constructor(private readonly deps: { store: Store; definitions: DefinitionService; settings: ComplianceSettings; now: () => Date; returns?: ReturnsCatalogue }) {}

  async report(query: ReportQuery, goodShare = GOOD_SHARE): Promise<ComplianceReport> {
    const now = this.deps.now();
    const d = await loadReportData(this.deps, query, now);
    const cases = caseRows(d);
    const steps = stepRows(d, goodShare);
    const months = monthsOf(d);
    const from = query.from.toISOString();
    const to = query.to.toISOString();
    return {
      processKey: query.processKey, processName: d.model.name, version: d.version, from, to,
      generatedAt: now.toISOString(), timeZone: d.calendar.spec.timeZone, goodShare,
      steps, admins: adminRows(d), months: monthRows(d, cases), trend: stepTrend(d, steps, months),
      returns: returnsReport(d, this.deps.returns), overdue: overdueRows(d), endToEnd: endToEnd(cases), cases,
      tasks: d.timings.filter((t) => t.open || (t.task.completedAt !== null && t.task.completedAt >= from && t.task.completedAt < to)),
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
    const taken = firstTakes(await store.listAuditOfCases([c.id], [...REPORT_AUDIT]));
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
