// Report figures from loaded data: per SOP step, per staff member, per month (and per step per month:
// the trend), end to end per case (agency vs applicant), and the tasks overdue now. A task counts
// in the period when it was COMPLETED in it; a case when it ENDED in it.
import { APPLICANT_GROUP } from '../store/ports.js';
import type { ReportData } from './report-data.js';
import { median, share, summarise, type DurationSummary } from './stats.js';
import type { TaskTiming } from './task-timing.js';
import { isoDate } from './working-calendar.js';

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

const inPeriod = (d: ReportData, iso: string | null): iso is string => iso !== null && iso >= d.query.from.toISOString() && iso < d.query.to.toISOString();
const nonNull = (xs: Array<number | null>): number[] => xs.filter((x): x is number => x !== null);
const summaryOf = (ts: TaskTiming[]) => summarise(ts.map((t) => ({ ms: t.elapsedMs, met: t.met === true })));

const months = new WeakMap<ReportData, Map<string, string>>();
/** 'YYYY-MM' of an instant in the calendar's zone (memoised per report: Intl is slow). */
export function monthOf(d: ReportData, iso: string): string {
  let memo = months.get(d);
  if (!memo) months.set(d, (memo = new Map()));
  let month = memo.get(iso);
  if (month === undefined) memo.set(iso, (month = isoDate(d.calendar.localDate(Date.parse(iso))).slice(0, 7)));
  return month;
}

const completedMemo = new WeakMap<ReportData, TaskTiming[]>();
/** Tasks completed in the period. */
function done(d: ReportData): TaskTiming[] {
  let list = completedMemo.get(d);
  if (!list) completedMemo.set(d, (list = d.timings.filter((t) => t.task.status === 'completed' && inPeriod(d, t.task.completedAt))));
  return list;
}

/** Every month the period touches, oldest first. */
export function monthsOf(d: ReportData): string[] {
  const first = monthOf(d, d.query.from.toISOString());
  const last = monthOf(d, new Date(d.query.to.getTime() - 1).toISOString());
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** A group's display name from the latest model, else its id (a step no longer in the model). */
export const groupNameOf = (d: Pick<ReportData, 'model'>, groupId: string): string => d.model.groups.find((g) => g.id === groupId)?.name ?? groupId;

export function stepRows(d: ReportData, good = GOOD_SHARE): StepRow[] {
  const completed = done(d);
  const specs = d.model.userTasks.map((s) => ({ elementId: s.id, name: s.name, stepNo: s.sop.stepNo, groupId: s.groupId, groupName: s.groupName, standardMs: s.timeStandardMs }));
  for (const t of completed) {
    if (!specs.some((s) => s.elementId === t.task.elementId)) {
      specs.push({ elementId: t.task.elementId, name: t.task.name, stepNo: t.task.stepNo, groupId: t.task.groupId, groupName: groupNameOf(d, t.task.groupId), standardMs: t.standardMs });
    }
  }
  return specs.map((s) => {
    const mine = completed.filter((t) => t.task.elementId === s.elementId);
    const open = d.timings.filter((t) => t.open && t.task.elementId === s.elementId);
    const summary = summaryOf(mine);
    return {
      ...s, ...summary,
      waitMedianMs: median(nonNull(mine.map((t) => t.waitMs))),
      handlingMedianMs: median(nonNull(mine.map((t) => t.handlingMs))),
      openNow: open.length,
      overdueNow: open.filter((t) => t.overdue).length,
      level: levelOf(summary, good),
    };
  });
}

export function adminRows(d: ReportData): AdminRow[] {
  const byAdmin = new Map<string, TaskTiming[]>();
  for (const t of done(d).filter((x) => x.task.groupId !== APPLICANT_GROUP && x.task.completedBy)) {
    const list = byAdmin.get(t.task.completedBy!);
    if (list) list.push(t);
    else byAdmin.set(t.task.completedBy!, [t]);
  }
  return [...byAdmin].map(([userId, ts]) => ({
    userId, name: d.names.get(userId) ?? userId, ...summaryOf(ts),
    waitMedianMs: median(nonNull(ts.map((t) => t.waitMs))),
    handlingMedianMs: median(nonNull(ts.map((t) => t.handlingMs))),
  })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export function caseRows(d: ReportData): CaseRow[] {
  const returns = new Map<string, number>();
  for (const e of d.audit) if (e.type === 'case.returned') returns.set(e.caseId, (returns.get(e.caseId) ?? 0) + 1);
  return d.cases.flatMap((c) => {
    const clock = d.caseClocks.get(c.id);
    if (!clock?.endedAt || !inPeriod(d, clock.endedAt)) return [];
    const standardMs = d.standardSumMs.get(c.definitionId) ?? 0;
    return [{
      caseId: c.id, applicantName: c.applicantName, version: c.definitionVersion, createdAt: c.createdAt, endedAt: clock.endedAt,
      totalMs: clock.totalMs, agencyMs: clock.agencyMs, applicantMs: clock.applicantMs, standardMs, met: clock.totalMs <= standardMs,
      returns: returns.get(c.id) ?? 0,
    }];
  });
}

export function endToEnd(rows: CaseRow[]) {
  const s = summarise(rows.map((r) => ({ ms: r.totalMs, met: r.met })));
  return {
    ...s,
    standardMs: rows[0]?.standardMs ?? null,
    agencyMedianMs: median(rows.map((r) => r.agencyMs)),
    applicantMedianMs: median(rows.map((r) => r.applicantMs)),
    agencyTotalMs: rows.reduce((sum, r) => sum + r.agencyMs, 0),
    applicantTotalMs: rows.reduce((sum, r) => sum + r.applicantMs, 0),
  };
}

/** Tasks completed in the period, by the month of their completion. */
function doneByMonth(d: ReportData): Map<string, TaskTiming[]> {
  const out = new Map<string, TaskTiming[]>();
  for (const t of done(d)) {
    const month = monthOf(d, t.task.completedAt!);
    const list = out.get(month);
    if (list) list.push(t);
    else out.set(month, [t]);
  }
  return out;
}

export function monthRows(d: ReportData, cases: CaseRow[]): MonthRow[] {
  const byMonth = doneByMonth(d);
  return monthsOf(d).map((month) => {
    const ended = cases.filter((c) => monthOf(d, c.endedAt) === month);
    return {
      month, ...summaryOf(byMonth.get(month) ?? []),
      casesStarted: d.cases.filter((c) => inPeriod(d, c.createdAt) && monthOf(d, c.createdAt) === month).length,
      casesEnded: ended.length,
      endToEndMedianMs: median(ended.map((c) => c.totalMs)),
    };
  });
}

/** The trend: per step, the share within the standard in each month (null: nothing completed). */
export function stepTrend(d: ReportData, steps: StepRow[], months: string[]): Array<{ elementId: string; name: string; stepNo: number | null; shares: Array<number | null> }> {
  const byMonth = doneByMonth(d);
  return steps.map((s) => ({
    elementId: s.elementId, name: s.name, stepNo: s.stepNo,
    shares: months.map((m) => {
      const ts = (byMonth.get(m) ?? []).filter((t) => t.task.elementId === s.elementId);
      return share(ts.filter((t) => t.met).length, ts.length);
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
  return d.timings
    .filter((t) => t.overdue)
    .map((t) => ({
      taskId: t.task.id, caseId: t.task.caseId, applicantName: t.task.applicantName, step: t.task.name, stepNo: t.task.stepNo, groupId: t.task.groupId, groupName: groupNameOf(d, t.task.groupId),
      holder: t.task.assigneeId ? (d.names.get(t.task.assigneeId) ?? t.task.assigneeId) : null,
      createdAt: t.task.createdAt, dueAt: t.task.dueAt, lateMs: t.elapsedMs - t.standardMs,
    }))
    .sort((a, b) => b.lateMs - a.lateMs);
}
