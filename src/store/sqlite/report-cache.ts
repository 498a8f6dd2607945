// What the SQLite report reader keeps between reports (one cache per reader): report_days rows
// decoded while their rev is unchanged, the facts of a cut day and a report's figures while the rows
// they come from are unchanged. A report of unchanged data then reads only the (day, series, rev) list.
import type { ReportFigures } from '../ports.js';
import type { SortedRun } from '../report-stats.js';
import { decodeRun } from './report-days.js';

export type DayRow = {
  day: string; series: string; n: number; within: number; returns: number; sumW: number; sumH: number; r0: number; r1: number; r2: number; r3: number; rSum: number;
  e: Uint8Array; w: Uint8Array; h: Uint8Array; reasons: string; meta: string;
};
/** A completion that repeats one of its case at the same step (after a return). */
export type AgainRow = { elementId: string; caseId: string; completedAt: string; caseReturns: number; previousCaseReturns: number; previousAt: string };
export type RawTask = {
  elementId: string; completedAt: string; completedBy: string | null; groupId: string; elapsedMs: number; waitMs: number | null; handlingMs: number | null;
  met: number; returnReasons: string | null; caseReturns: number;
};
export type RawCase = { endedAt: string; totalMs: number; agencyMs: number; applicantMs: number; met: number };
export type Runs = { e: SortedRun; w: SortedRun; h: SortedRun };
/** Decoded values a cache keeps at most (int32 or float64 each): beyond it, it starts afresh. */
const MAX_CACHED_VALUES = 8_000_000;
/** Reports (and cut days) a cache keeps at most. */
const MAX_CACHED_RESULTS = 100;

/**
 * report_days rows decoded, by process, day and series, while their rev is unchanged; the facts of a
 * cut day and a report's figures while the rows they were computed from are unchanged: a report read
 * again reads only the (day, series, rev) of its period and what changed. One per reader.
 */
export class DayCache {
  private readonly rows = new Map<string, { rev: number; row: DayRow; runs: Runs }>();
  private values = 0;

  get(processKey: string, day: string, series: string, rev: number): { row: DayRow; runs: Runs } | undefined {
    const hit = this.rows.get(`${processKey}\u0000${day}\u0000${series}`);
    return hit && hit.rev === rev ? hit : undefined;
  }

  /** Whatever is cached for the row (it changed between the listing and the read: the newer one). */
  latest(processKey: string, day: string, series: string): { row: DayRow; runs: Runs } | undefined {
    return this.rows.get(`${processKey}\u0000${day}\u0000${series}`);
  }

  private readonly cut = new Map<string, { signature: string; tasks: RawTask[]; cases: RawCase[] }>();
  private readonly results = new Map<string, { signature: string; figures: ReportFigures }>();

  /** The facts of a cut day, read while its rows were as `signature` says. */
  cutDay(processKey: string, day: string, signature: string): { tasks: RawTask[]; cases: RawCase[] } | undefined {
    const hit = this.cut.get(`${processKey}\u0000${day}`);
    return hit && hit.signature === signature ? hit : undefined;
  }

  putCutDay(processKey: string, day: string, signature: string, facts: { tasks: RawTask[]; cases: RawCase[] }): void {
    if (this.cut.size >= MAX_CACHED_RESULTS) this.cut.clear();
    this.cut.set(`${processKey}\u0000${day}`, { signature, ...facts });
  }

  private readonly repeated = new Map<string, { rev: number; rows: AgainRow[] }>();

  /** The repeated completions of a step on a day, read while the day's row of the step had `rev`. */
  again(processKey: string, series: string, day: string, rev: number): AgainRow[] | undefined {
    const hit = this.repeated.get(`${processKey}\u0000${day}\u0000${series}`);
    return hit && hit.rev === rev ? hit.rows : undefined;
  }

  putAgain(processKey: string, series: string, day: string, rev: number, rows: AgainRow[]): void {
    if (this.repeated.size >= 20 * MAX_CACHED_RESULTS) this.repeated.clear();
    this.repeated.set(`${processKey}\u0000${day}\u0000${series}`, { rev, rows });
  }

  /** A report's figures, computed from rows as `signature` says (the period's rows and their revs). */
  figures(key: string, signature: string): ReportFigures | undefined {
    const hit = this.results.get(key);
    return hit && hit.signature === signature ? hit.figures : undefined;
  }

  putFigures(key: string, signature: string, figures: ReportFigures): void {
    if (this.results.size >= MAX_CACHED_RESULTS) this.results.clear();
    this.results.set(key, { signature, figures });
  }

  put(processKey: string, row: DayRow & { rev: number }): { row: DayRow; runs: Runs } {
    const runs = { e: decodeRun(row.e), w: decodeRun(row.w), h: decodeRun(row.h) };
    const size = runs.e.length + runs.w.length + runs.h.length;
    if (this.values + size > MAX_CACHED_VALUES) {
      this.rows.clear();
      this.values = 0;
    }
    const entry = { rev: row.rev, row, runs };
    const key = `${processKey}\u0000${row.day}\u0000${row.series}`;
    const old = this.rows.get(key);
    if (old) this.values -= old.runs.e.length + old.runs.w.length + old.runs.h.length;
    this.rows.set(key, entry);
    this.values += size;
    return entry;
  }
}

