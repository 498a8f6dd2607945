// Loads what a report needs in four store reads (cases, their tasks, their audit, staff names) and
// times every task on its version's clock. Everything after this is pure arithmetic (report-figures).
import type { DefinitionService } from '../definitions/definition-service.js';
import type { AuditEvent, CaseSummary, Store, TaskRecord } from '../store/ports.js';
import type { ProcessModel } from '../workflow/index.js';
import { attributeCase, type CaseClock } from './clock-attribution.js';
import type { ComplianceSettings, TimeClock } from './compliance-settings.js';
import { firstTakes, timeTask, type TaskTiming } from './task-timing.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface ReportQuery {
  processKey: string;
  from: Date; // inclusive
  to: Date; // exclusive
}

export interface ReportData {
  query: ReportQuery;
  now: Date;
  calendar: WorkingCalendar;
  /** the latest version's model: the steps reports list, in SOP order */
  model: ProcessModel;
  version: number;
  cases: CaseSummary[];
  timings: TaskTiming[];
  audit: AuditEvent[]; // 'case.returned', 'task.overdue', 'task.escalated' of the loaded cases
  caseClocks: Map<string, CaseClock>;
  /** sum of the time standards of each case's version (80 minutes for the shipped SOP) */
  standardSumMs: Map<string, number>;
  names: Map<string, string>;
  clockOf: (definitionId: string) => TimeClock;
}

export const REPORT_AUDIT = ['task.taken', 'case.returned', 'task.overdue', 'task.escalated'] as const;

export async function loadReportData(
  deps: { store: Store; definitions: DefinitionService; settings: ComplianceSettings },
  query: ReportQuery,
  now: Date,
): Promise<ReportData> {
  const { store, definitions, settings } = deps;
  const latest = await definitions.latest(query.processKey);
  const model = await definitions.model(latest);
  const cases = await store.listCaseSummaries({ processKey: query.processKey, activeFrom: query.from.toISOString(), createdBefore: query.to.toISOString() });
  const ids = cases.map((c) => c.id);
  const [tasks, audit] = [await store.listTasksOfCases(ids), await store.listAuditOfCases(ids, [...REPORT_AUDIT])];

  const calendar = await settings.calendar();
  const clocks = new Map<string, TimeClock>();
  const standardSumMs = new Map<string, number>();
  for (const definitionId of new Set([latest.id, ...cases.map((c) => c.definitionId)])) {
    clocks.set(definitionId, await settings.clock(definitionId, calendar));
    const versionModel = definitionId === latest.id ? model : await definitions.model(await definitions.byId(definitionId));
    standardSumMs.set(definitionId, versionModel.userTasks.reduce((sum, t) => sum + t.timeStandardMs, 0));
  }
  const clockOf = (definitionId: string): TimeClock => clocks.get(definitionId) ?? (clocks.get(latest.id) as TimeClock);

  const caseById = new Map(cases.map((c) => [c.id, c]));
  const taken = firstTakes(audit);
  const timings = tasks
    .filter((t) => caseById.has(t.caseId))
    .map((t) => timeTask(t, clockOf(caseById.get(t.caseId)!.definitionId), taken.get(t.id) ?? null, now));
  const tasksByCase = new Map<string, TaskRecord[]>();
  for (const t of tasks) {
    const list = tasksByCase.get(t.caseId);
    if (list) list.push(t);
    else tasksByCase.set(t.caseId, [t]);
  }
  const caseClocks = new Map(cases.map((c) => [c.id, attributeCase(c, tasksByCase.get(c.id) ?? [], clockOf(c.definitionId), now)]));

  const names = new Map<string, string>();
  for (const role of ['staff', 'process-owner'] as const) for (const u of await store.listUsersByRole(role)) names.set(u.id, u.displayName);

  return {
    query, now, calendar, model, version: latest.version, cases, timings,
    audit: audit.filter((e) => e.type !== 'task.taken'), caseClocks, standardSumMs, names, clockOf,
  };
}
