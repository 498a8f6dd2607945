// Every report table as a CSV table (encoded by src/csv.ts). Minutes and percentages are number
// cells with a decimal point, so a negative figure stays a number and is never taken for a formula.
// The case and task tables come part by part (ReportService.caseRows / taskRows).
import { toCsv, type Table } from '../csv.js';
import type { CaseRow } from './report-figures.js';
import type { ComplianceReport } from './report-service.js';
import type { TaskTiming } from './task-timing.js';
import { csvMinutes, csvPercent } from './report-format.js';
import { turnBudget } from './turns.js';

export const CSV_TABLES = ['langkah', 'admin', 'bulan', 'tren', 'pengembalian', 'alasan', 'terlambat', 'kasus', 'tugas'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
export const isCsvTable = (name: string): name is CsvTable => (CSV_TABLES as readonly string[]).includes(name);
/** The tables exported part by part (caseTable, taskTable); the others are one file each (csvTable). */
export type PartedTable = 'kasus' | 'tugas';
export const isPartedTable = (name: CsvTable): name is PartedTable => name === 'kasus' || name === 'tugas';

type T = (key: string) => string;
const yesNo = (v: boolean | null, t: T) => (v === null ? '' : t(v ? 'report.csv.yes' : 'report.csv.no'));

export function csvTable(name: Exclude<CsvTable, PartedTable>, r: ComplianceReport, t: T): Table {
  const h = (...keys: string[]) => keys.map((k) => t(`report.col.${k}`));
  switch (name) {
    case 'langkah':
      return {
        header: h('no', 'step', 'role', 'standardMin', 'count', 'medianMin', 'p90Min', 'within', 'withinPct', 'waitMin', 'handlingMin', 'openNow', 'overdueNow', 'level'),
        rows: r.steps.map((s) => [s.stepNo, s.name, s.groupName, csvMinutes(s.standardMs), s.count, csvMinutes(s.medianMs), csvMinutes(s.p90Ms), s.within,
          csvPercent(s.withinShare), csvMinutes(s.waitMedianMs), csvMinutes(s.handlingMedianMs), s.openNow, s.overdueNow, t(`report.level.${s.level}`)]),
      };
    case 'admin':
      return {
        header: h('admin', 'count', 'medianMin', 'p90Min', 'within', 'withinPct', 'waitMin', 'handlingMin'),
        rows: r.admins.map((a) => [a.name, a.count, csvMinutes(a.medianMs), csvMinutes(a.p90Ms), a.within, csvPercent(a.withinShare), csvMinutes(a.waitMedianMs), csvMinutes(a.handlingMedianMs)]),
      };
    case 'bulan':
      return {
        header: h('month', 'casesStarted', 'casesEnded', 'count', 'within', 'withinPct', 'endToEndMin'),
        rows: r.months.map((m) => [m.month, m.casesStarted, m.casesEnded, m.count, m.within, csvPercent(m.withinShare), csvMinutes(m.endToEndMedianMs)]),
      };
    case 'tren':
      return {
        header: [...h('no', 'step'), ...r.months.map((m) => `${m.month} (%)`)],
        rows: r.trend.map((s) => [s.stepNo, s.name, ...s.shares.map(csvPercent)]),
      };
    case 'pengembalian':
      return {
        header: h('returns', 'cases'),
        rows: r.returns.distribution.map((d) => [d.returns, d.cases]),
      };
    case 'alasan':
      return {
        header: h('code', 'reason', 'count', 'sharePct'),
        rows: r.returns.reasons.map((x) => [x.code, x.label, x.count, csvPercent(x.share)]),
      };
    case 'terlambat':
      return {
        header: h('applicant', 'case', 'no', 'step', 'role', 'holder', 'created', 'due', 'lateMin'),
        rows: r.overdue.map((o) => [o.applicantName, o.caseId, o.stepNo, o.step, o.groupName, o.holder ?? '', o.createdAt, o.dueAt, csvMinutes(o.lateMs)]),
      };
  }
}

/** One part of the case export. */
export function caseTable(cases: CaseRow[], t: T): Table {
  return {
    header: ['case', 'applicant', 'version', 'started', 'ended', 'totalMin', 'agencyMin', 'applicantMin', 'standardMin', 'met', 'returns'].map((k) => t(`report.col.${k}`)),
    rows: cases.map((c) => [c.caseId, c.applicantName, c.version, c.createdAt, c.endedAt, csvMinutes(c.totalMs), csvMinutes(c.agencyMs), csvMinutes(c.applicantMs),
      csvMinutes(c.standardMs), yesNo(c.met, t), c.returns]),
  };
}

/** One part of the task export. */
export function taskTable(tasks: TaskTiming[], t: T): Table {
  const keys = ['task', 'case', 'applicant', 'no', 'step', 'role', 'created', 'taken', 'completed', 'completedBy', 'elapsedMin', 'waitMin', 'handlingMin', 'standardMin', 'met', 'status'];
  return {
    header: keys.map((k) => t(`report.col.${k}`)),
    rows: tasks.map((x) => [x.task.id, x.task.caseId, x.task.applicantName, x.task.stepNo, x.task.name, x.task.groupId, x.task.createdAt, x.takenAt ?? '',
      x.task.completedAt ?? '', x.task.completedBy ?? '', csvMinutes(x.elapsedMs), csvMinutes(x.waitMs), csvMinutes(x.handlingMs), csvMinutes(x.standardMs), yesNo(x.met, t), x.task.status]),
  };
}

/** Rows encoded at a time (csv-stringify takes ~0.1 ms a row with its formula escaping). */
const ROWS_PER_CHUNK = 50;

/**
 * The CSV text of a table (src/csv.ts's encoding, to the byte) in pieces: the first with the BOM and
 * the header, then ROWS_PER_CHUNK rows each, from `rows` as they come; the encoding gives way to other
 * requests (a turn of the event loop) every TURN_MS and before each batch it is handed.
 */
export async function* csvChunks(header: string[], rows: Iterable<CsvRow[]> | AsyncIterable<CsvRow[]>): AsyncGenerator<string> {
  const head = toCsv({ header, rows: [] });
  yield head;
  const turn = turnBudget();
  for await (const batch of rows) {
    await turn.yield();
    for (let i = 0; i < batch.length; i += ROWS_PER_CHUNK) {
      if (turn.spent()) await turn.yield();
      yield toCsv({ header, rows: batch.slice(i, i + ROWS_PER_CHUNK) }).slice(head.length);
    }
  }
}

type CsvRow = Table['rows'][number];
