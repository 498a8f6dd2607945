// What a report needs, in a bounded number of store reads: the period's figures, aggregated by the
// store from the recorded facts (report-facts.ts), and the open tasks (few) timed now on their
// version's clock. Nothing here grows with the number of cases of the period.
import type { DefinitionService } from '../definitions/definition-service.js';
import type { ReportFigures, Store } from '../store/ports.js';
import type { ProcessModel } from '../workflow/index.js';
import type { ComplianceSettings, TimeClock } from './compliance-settings.js';
import { timeTask, type TaskTiming } from './task-timing.js';
import { turnBudget } from './turns.js';
import { isoDate, zonedTime, type WorkingCalendar } from './working-calendar.js';

export interface ReportQuery {
  processKey: string;
  from: Date; // inclusive
  to: Date; // exclusive
}

/** Open tasks a report times (oldest first); a process with more lists the first ones and says so. */
export const OPEN_TASKS_LIMIT = 5000;

export interface ReportData {
  query: ReportQuery;
  now: Date;
  calendar: WorkingCalendar;
  /** the latest version's model: the steps reports list, in SOP order */
  model: ProcessModel;
  version: number;
  /** sum of the latest version's time standards (80 minutes for the shipped SOP) */
  standardMs: number;
  /** 'YYYY-MM' of every month the period touches, local to the calendar's zone */
  months: string[];
  figures: ReportFigures;
  /** open tasks of cases created before the period's end, timed now */
  open: TaskTiming[];
  openTruncated: boolean;
  names: Map<string, string>;
}

export interface ReportDeps {
  store: Store;
  definitions: DefinitionService;
  settings: ComplianceSettings;
  /** the deciding steps when no completion of the period returned a case (the packs' returning forms) */
  returnSteps: (model: ProcessModel) => string[];
}

/** The calendar months [from, to) touches, each clipped to [from, to). */
export function monthRanges(calendar: WorkingCalendar, from: Date, to: Date): Array<{ key: string; from: string; to: string }> {
  const tz = calendar.spec.timeZone;
  const first = calendar.localDate(from.getTime());
  const last = calendar.localDate(to.getTime() - 1);
  const out: Array<{ key: string; from: string; to: string }> = [];
  for (let y = first.y, m = first.m; y < last.y || (y === last.y && m <= last.m); [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]) {
    const start = zonedTime({ y, m, d: 1 }, 0, tz);
    const end = zonedTime(m === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: m + 1, d: 1 }, 0, tz);
    out.push({
      key: isoDate({ y, m, d: 1 }).slice(0, 7),
      from: new Date(Math.max(start, from.getTime())).toISOString(),
      to: new Date(Math.min(end, to.getTime())).toISOString(),
    });
  }
  return out;
}

/** The open tasks, timed now on their version's clock. */
export async function openTimings(store: Store, settings: ComplianceSettings, calendar: WorkingCalendar, query: ReportQuery, now: Date): Promise<{ open: TaskTiming[]; openTruncated: boolean }> {
  const open = await store.listOpenReportTasks({ processKey: query.processKey, caseCreatedBefore: query.to.toISOString(), limit: OPEN_TASKS_LIMIT + 1 });
  const clocks = new Map<string, TimeClock>();
  const timings: TaskTiming[] = [];
  // NOTE: working-time arithmetic of thousands of open tasks (months old) takes tens of ms: it gives way every few ms
  const turn = turnBudget();
  for (const { task, definitionId, takenAt } of open.slice(0, OPEN_TASKS_LIMIT)) {
    let clock = clocks.get(definitionId);
    if (!clock) clocks.set(definitionId, (clock = await settings.clock(definitionId, calendar)));
    timings.push(timeTask(task, clock, takenAt, now));
    if (turn.spent()) await turn.yield();
  }
  return { open: timings, openTruncated: open.length > OPEN_TASKS_LIMIT };
}

export async function loadReportData(deps: ReportDeps, query: ReportQuery, now: Date): Promise<ReportData> {
  const { store, definitions, settings } = deps;
  const latest = await definitions.latest(query.processKey);
  const model = await definitions.model(latest);
  const calendar = await settings.calendar();
  const months = monthRanges(calendar, query.from, query.to);
  const [figures, { open, openTruncated }] = await Promise.all([
    store.reportFigures({ processKey: query.processKey, from: query.from.toISOString(), to: query.to.toISOString(), months, returnSteps: deps.returnSteps(model) }),
    openTimings(store, settings, calendar, query, now),
  ]);
  const names = new Map<string, string>();
  for (const role of ['staff', 'process-owner'] as const) for (const u of await store.listUsersByRole(role)) names.set(u.id, u.displayName);
  return {
    query, now, calendar, model, version: latest.version, standardMs: model.userTasks.reduce((sum, t) => sum + t.timeStandardMs, 0),
    months: months.map((m) => m.key), figures, open, openTruncated, names,
  };
}
