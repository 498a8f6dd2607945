// Report rows from the store's figures and the open tasks: per SOP step, per staff member, per month
// (and per step per month: the trend), end to end, and the tasks overdue now. A task counts in the
// period when it was COMPLETED in it; a case when it ENDED in it.
import type { FigureSummary } from '../store/ports.js';
import type { ReportData } from './report-data.js';
import { share, type DurationSummary } from './stats.js';

export type Level = 'good' | 'warn' | 'bad' | 'none';
/** Share within the standard at which a step "berjalan dengan baik" (Tabel 7), and the warning band. */
export const GOOD_SHARE = 0.8;
export const WARN_SHARE = 0.5;

export const levelOf = (s: DurationSummary, good = GOOD_SHARE): Level =>
  s.withinShare === null ? 'none' : s.withinShare >= good ? 'good' : s.withinShare >= WARN_SHARE ? 'warn' : 'bad';

export interface StepRow extends DurationSummary {
  elementId: string;
  name: string;
  stepNo: number | null;
  groupId: string; // who does the step
  groupName: string;
  standardMs: number;
  waitMedianMs: number | null; // queue wait before a staff member took it
  handlingMedianMs: number | null;
  openNow: number;
  overdueNow: number;
  level: Level;
}

export interface AdminRow extends DurationSummary {
  userId: string;
  name: string;
  waitMedianMs: number | null;
  handlingMedianMs: number | null;
}

export interface MonthRow extends DurationSummary {
  month: string; // 'YYYY-MM', local to the calendar's time zone
  casesStarted: number;
  casesEnded: number;
  endToEndMedianMs: number | null;
}

export interface CaseRow {
  caseId: string;
  applicantName: string;
  version: number;
  createdAt: string;
  endedAt: string;
  totalMs: number;
  agencyMs: number;
  applicantMs: number;
  standardMs: number;
  met: boolean;
  returns: number;
}

const NONE: FigureSummary = { count: 0, within: 0, medianMs: null, p90Ms: null };
/** The store's summary with the share within the standard. */
export const withShare = (s: FigureSummary): DurationSummary => ({ count: s.count, medianMs: s.medianMs, p90Ms: s.p90Ms, within: s.within, withinShare: share(s.within, s.count) });

/** A group's display name from the latest model, else its id (a step no longer in the model). */
export const groupNameOf = (d: Pick<ReportData, 'model'>, groupId: string): string => d.model.groups.find((g) => g.id === groupId)?.name ?? groupId;

/** The model's steps in SOP order, then steps completed in the period that it no longer has. */
export function stepRows(d: ReportData, good = GOOD_SHARE): StepRow[] {
  const specs = d.model.userTasks.map((s) => ({ elementId: s.id, name: s.name, stepNo: s.sop.stepNo, groupId: s.groupId, groupName: s.groupName, standardMs: s.timeStandardMs }));
  for (const f of d.figures.steps) {
    if (!specs.some((s) => s.elementId === f.elementId)) {
      specs.push({ elementId: f.elementId, name: f.name, stepNo: f.stepNo, groupId: f.groupId, groupName: groupNameOf(d, f.groupId), standardMs: f.standardMs });
    }
  }
  return specs.map((s) => {
    const f = d.figures.steps.find((x) => x.elementId === s.elementId);
    const open = d.open.filter((t) => t.task.elementId === s.elementId);
    const summary = withShare(f ?? NONE);
    return {
      ...s, ...summary,
      waitMedianMs: f?.waitMedianMs ?? null,
      handlingMedianMs: f?.handlingMedianMs ?? null,
      openNow: open.length,
      overdueNow: open.filter((t) => t.overdue).length,
      level: levelOf(summary, good),
    };
  });
}

export function adminRows(d: ReportData): AdminRow[] {
  return d.figures.staff
    .map((s) => ({ userId: s.userId, name: d.names.get(s.userId) ?? s.userId, ...withShare(s), waitMedianMs: s.waitMedianMs, handlingMedianMs: s.handlingMedianMs }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export function endToEnd(d: ReportData) {
  const c = d.figures.cases;
  return {
    ...withShare(c),
    standardMs: c.count > 0 ? d.standardMs : null,
    agencyMedianMs: c.agencyMedianMs,
    applicantMedianMs: c.applicantMedianMs,
    agencyTotalMs: c.agencyTotalMs,
    applicantTotalMs: c.applicantTotalMs,
  };
}

export function monthRows(d: ReportData): MonthRow[] {
  return d.months.map((month) => {
    const f = d.figures.months.find((m) => m.key === month);
    return {
      month, ...withShare(f ?? NONE),
      casesStarted: f?.casesStarted ?? 0, casesEnded: f?.casesEnded ?? 0, endToEndMedianMs: f?.endToEndMedianMs ?? null,
    };
  });
}

/** The trend: per step, the share within the standard in each month (null: nothing completed). */
export function stepTrend(d: ReportData, steps: StepRow[]): Array<{ elementId: string; name: string; stepNo: number | null; shares: Array<number | null> }> {
  return steps.map((s) => ({
    elementId: s.elementId, name: s.name, stepNo: s.stepNo,
    shares: d.months.map((month) => {
      const x = d.figures.months.find((m) => m.key === month)?.steps.find((t) => t.elementId === s.elementId);
      return share(x?.within ?? 0, x?.count ?? 0);
    }),
  }));
}

export interface OverdueRow {
  taskId: string;
  caseId: string;
  applicantName: string;
  step: string;
  stepNo: number | null;
  groupId: string;
  groupName: string;
  holder: string | null;
  createdAt: string;
  dueAt: string;
  lateMs: number; // counted time past the standard
}

/** Open tasks past their time standard now, the latest first. */
export function overdueRows(d: ReportData): OverdueRow[] {
  return d.open
    .filter((t) => t.overdue)
    .map((t) => ({
      taskId: t.task.id, caseId: t.task.caseId, applicantName: t.task.applicantName, step: t.task.name, stepNo: t.task.stepNo, groupId: t.task.groupId, groupName: groupNameOf(d, t.task.groupId),
      holder: t.task.assigneeId ? (d.names.get(t.task.assigneeId) ?? t.task.assigneeId) : null,
      createdAt: t.task.createdAt, dueAt: t.task.dueAt, lateMs: t.elapsedMs - t.standardMs,
    }))
    .sort((a, b) => b.lateMs - a.lateMs);
}
