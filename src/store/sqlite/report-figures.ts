// reportFigures for the SQLite store: a period's figures from report_days (one row per series and
// UTC day: counts and sorted durations), plus the facts themselves for a day cut by a boundary of the
// period or of a month (local midnights are not UTC ones). Returns per case: every completion of the
// step counted by the case's returns up to it, corrected by the completions that repeat a case's.
import { APPLICANT_GROUP, MAX_REPORT_REASONS, type ReportFigures, type ReportFiguresQuery, type StepFigures } from '../ports.js';
import { SortedRuns, sortedRun, summaryOf, type SortedRun } from '../report-stats.js';
import { DayCache, type AgainRow, type DayRow, type RawCase, type RawTask } from './report-cache.js';
import { dayOf, returnsBucket, type StepMeta } from './report-days.js';
import type { ReportReader } from './report-reader.js';
import { readFact } from './task-facts-packed.js';

const DAY_MS = 86_400_000;
const startOf = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const iso = (ms: number): string => new Date(ms).toISOString();

type Range = { from: number; to: number };

/** One series over one range: counts, sums and the sorted runs of its durations. */
class Acc {
  n = 0;
  within = 0;
  returns = 0;
  sumW = 0;
  sumH = 0;
  readonly e = new SortedRuns();
  readonly w = new SortedRuns();
  readonly h = new SortedRuns();
  readonly raw = { e: [] as number[], w: [] as number[], h: [] as number[] };
  readonly reasons = new Map<string, number>();
  /** steps: completions by the case's returns up to them (0, 1, 2, 3+), and their sum */
  readonly r = [0, 0, 0, 0];
  rSum = 0;

  addRow(r: DayRow, runs: { e: SortedRun; w: SortedRun; h: SortedRun }): void {
    this.n += r.n;
    [r.r0, r.r1, r.r2, r.r3].forEach((n, i) => (this.r[i]! += n));
    this.rSum += r.rSum;
    this.within += r.within;
    this.returns += r.returns;
    this.sumW += r.sumW;
    this.sumH += r.sumH;
    this.e.add(runs.e);
    this.w.add(runs.w);
    this.h.add(runs.h);
    for (const [reason, n] of Object.entries(JSON.parse(r.reasons) as Record<string, number>)) this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + n);
  }

  addRaw(met: boolean, e: number, w: number | null, h: number | null, step: { reasons: string[] | null; caseReturns: number } | null = null): void {
    this.n += 1;
    const reasons = step?.reasons ?? null;
    if (step) {
      this.r[returnsBucket(step.caseReturns)]! += 1;
      this.rSum += step.caseReturns;
    }
    this.within += met ? 1 : 0;
    this.raw.e.push(e);
    if (w !== null) this.raw.w.push(w);
    if (h !== null) this.raw.h.push(h);
    if (reasons) {
      this.returns += 1;
      for (const reason of reasons) this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    }
  }

  /** Call once, after every row and raw fact was added. */
  seal(): this {
    this.e.add(sortedRun(this.raw.e));
    this.w.add(sortedRun(this.raw.w));
    this.h.add(sortedRun(this.raw.h));
    return this;
  }
}

/** Accumulators per range (0 = the period, 1… = the months) and series. */
class Accs {
  private readonly bySeries: Array<Map<string, Acc>>;
  constructor(ranges: number) {
    this.bySeries = Array.from({ length: ranges }, () => new Map());
  }
  of(range: number, series: string): Acc {
    const map = this.bySeries[range]!;
    let acc = map.get(series);
    if (!acc) map.set(series, (acc = new Acc()));
    return acc;
  }
  series(range: number): Map<string, Acc> {
    return this.bySeries[range]!;
  }
  seal(): void {
    for (const map of this.bySeries) for (const acc of map.values()) acc.seal();
  }
}

/** The UTC days within [from, to) that a boundary cuts: their facts are read one by one. */
function cutDays(boundaries: number[], firstDay: string, lastDay: string): Set<string> {
  const cut = new Set<string>();
  for (const b of boundaries) {
    if (b % DAY_MS === 0) continue;
    const day = dayOf(iso(b));
    if (day >= firstDay && day <= lastDay) cut.add(day);
  }
  return cut;
}

const EMPTY: ReportFigures['cases'] = { count: 0, within: 0, medianMs: null, p90Ms: null, agencyMedianMs: null, applicantMedianMs: null, agencyTotalMs: 0, applicantTotalMs: 0 };

export async function reportFigures(reader: ReportReader, q: ReportFiguresQuery, cache = new DayCache()): Promise<ReportFigures> {
  const period: Range = { from: Date.parse(q.from), to: Date.parse(q.to) };
  if (!(period.to > period.from)) throw new RangeError(`report period must end after it starts: ${q.from} – ${q.to}`);
  const ranges: Range[] = [period, ...q.months.map((m) => ({ from: Date.parse(m.from), to: Date.parse(m.to) }))];
  const firstDay = dayOf(q.from);
  const lastDay = dayOf(iso(period.to - 1));
  const cut = [...cutDays(ranges.flatMap((r) => [r.from, r.to]), firstDay, lastDay)].sort();

  // 1. the period's rows (day, series, rev) and the cases started per month
  const first = await reader.read([
    { sql: 'SELECT day, series, rev FROM report_days WHERE processKey = ? AND day >= ? AND day <= ? ORDER BY day, series', params: [q.processKey, firstDay, lastDay] },
    ...q.months.map((m) => ({ sql: 'SELECT count(*) AS n FROM cases WHERE processKey = ? AND createdAt >= ? AND createdAt < ?', params: [q.processKey, iso(Date.parse(m.from)), iso(Date.parse(m.to))] })),
  ]);
  const listed = first[0] as Array<{ day: string; series: string; rev: number }>;
  const started = first.slice(1).map((rows) => (rows[0] as { n: number }).n);
  const withStarted = (f: ReportFigures): ReportFigures => ({ ...f, months: f.months.map((m, i) => ({ ...m, casesStarted: started[i] ?? 0 })) });
  // the same report of unchanged rows: its figures as computed then
  const key = JSON.stringify([q.processKey, q.from, q.to, q.months, q.returnSteps]);
  const signature = listed.map((r) => `${r.day}${r.series}:${r.rev}`).join(' ');
  const known = cache.figures(key, signature);
  if (known) return withStarted(known);

  // 2. the rows not cached (or changed since), whole; the facts of cut days not read since their rows changed
  const cutSet = new Set(cut);
  const stale = listed.filter((r) => !cache.get(q.processKey, r.day, r.series, r.rev));
  const signatures = new Map<string, string>();
  for (const r of listed) if (cutSet.has(r.day)) signatures.set(r.day, `${signatures.get(r.day) ?? ''} ${r.series}:${r.rev}`);
  const daySignature = (day: string) => signatures.get(day) ?? '';
  const unread = cut.filter((day) => !cache.cutDay(q.processKey, day, daySignature(day)));
  const second = await reader.read([
    ...(stale.length ? [{
      sql: 'SELECT day, series, rev, n, within, returns, sumW, sumH, r0, r1, r2, r3, rSum, e, w, h, reasons, meta FROM report_days ' +
        'WHERE processKey = ? AND day >= ? AND day <= ? AND day || series IN (SELECT value FROM json_each(?))', // a day has 10 characters
      params: [q.processKey, firstDay, lastDay, JSON.stringify(stale.map((r) => `${r.day}${r.series}`))],
    }] : []),
    ...unread.flatMap((day) => [
      {
        sql: `SELECT elementId, ${readFact('completedAt')}, ${readFact('completedBy')}, groupId, elapsedMs, waitMs, handlingMs, met, returnReasons, caseReturns FROM task_facts ` + // packed
          "WHERE processKey = ? AND elementId IN (SELECT substr(series, 6) FROM report_days WHERE processKey = ? AND day = ? AND substr(series, 1, 5) = 'step:') " +
          'AND completedAt >= ? AND completedAt < ?',
        params: [q.processKey, q.processKey, day, startOf(day), startOf(day) + DAY_MS], // completedAt in ms
      },
      { sql: 'SELECT endedAt, totalMs, agencyMs, applicantMs, met FROM case_facts WHERE processKey = ? AND endedAt >= ? AND endedAt < ?', params: [q.processKey, iso(startOf(day)), iso(startOf(day) + DAY_MS)] },
    ]),
  ]);
  if (stale.length) for (const row of second.shift() as Array<DayRow & { rev: number }>) cache.put(q.processKey, row);
  unread.forEach((day, i) => cache.putCutDay(q.processKey, day, daySignature(day), { tasks: second[2 * i] as RawTask[], cases: second[2 * i + 1] as RawCase[] }));
  const days = listed.flatMap((r) => {
    const hit = cache.get(q.processKey, r.day, r.series, r.rev) ?? cache.latest(q.processKey, r.day, r.series);
    return hit ? [hit] : [];
  });
  const rawTasks = cut.flatMap((day) => cache.cutDay(q.processKey, day, daySignature(day))?.tasks ?? []);
  const rawCases = cut.flatMap((day) => cache.cutDay(q.processKey, day, daySignature(day))?.cases ?? []);

  const accs = new Accs(ranges.length);
  const meta = new Map<string, StepMeta>();
  for (const { row, runs } of days) {
    if (row.series.startsWith('step:') && !meta.has(row.series)) meta.set(row.series, JSON.parse(row.meta) as StepMeta);
    if (cutSet.has(row.day)) continue; // its facts are read one by one
    const start = startOf(row.day);
    ranges.forEach((r, i) => {
      if (start >= r.from && start + DAY_MS <= r.to) accs.of(i, row.series).addRow(row, runs);
    });
  }
  for (const f of rawTasks) {
    const at = Date.parse(f.completedAt);
    const series = [`step:${f.elementId}`, ...(f.groupId !== APPLICANT_GROUP && f.completedBy ? [`staff:${f.completedBy}`] : [])];
    const reasons = f.returnReasons ? (JSON.parse(f.returnReasons) as string[]) : null;
    ranges.forEach((r, i) => {
      if (at < r.from || at >= r.to) return;
      for (const s of series) accs.of(i, s).addRaw(f.met === 1, f.elapsedMs, f.waitMs, f.handlingMs, s.startsWith('step:') ? { reasons, caseReturns: f.caseReturns } : null);
    });
  }
  for (const c of rawCases) {
    const at = Date.parse(c.endedAt);
    ranges.forEach((r, i) => {
      if (at < r.from || at >= r.to) return;
      const acc = accs.of(i, 'case');
      acc.addRaw(c.met === 1, c.totalMs, c.agencyMs, c.applicantMs);
      acc.sumW += c.agencyMs;
      acc.sumH += c.applicantMs;
    });
  }
  accs.seal();

  const whole = accs.series(0);
  const steps: StepFigures[] = [...whole].filter(([s]) => s.startsWith('step:')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, acc]) => {
    const elementId = s.slice(5);
    const m = meta.get(s) ?? { name: elementId, stepNo: null, groupId: '', standardMs: 0 };
    return { elementId, ...m, ...summaryOf(acc.e, acc.within), waitMedianMs: acc.w.median(), handlingMedianMs: acc.h.median(), returns: acc.returns };
  });
  const staff = [...whole].filter(([s]) => s.startsWith('staff:')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, acc]) => ({
    userId: s.slice(6), ...summaryOf(acc.e, acc.within), waitMedianMs: acc.w.median(), handlingMedianMs: acc.h.median(),
  }));
  const months = q.months.map((m, i) => {
    const all = new SortedRuns();
    let within = 0;
    const stepsOfMonth: Array<{ elementId: string; count: number; within: number }> = [];
    for (const [s, acc] of accs.series(i + 1)) {
      if (!s.startsWith('step:')) continue;
      stepsOfMonth.push({ elementId: s.slice(5), count: acc.n, within: acc.within });
      within += acc.within;
      all.addRuns(acc.e);
    }
    const ended = accs.series(i + 1).get('case');
    return {
      key: m.key, ...summaryOf(all, within), casesStarted: started[i] ?? 0, casesEnded: ended?.n ?? 0, endToEndMedianMs: ended?.e.median() ?? null,
      steps: stepsOfMonth.sort((a, b) => (a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0)),
    };
  });
  const ended = whole.get('case');
  const cases = ended
    ? { ...summaryOf(ended.e, ended.within), agencyMedianMs: ended.w.median(), applicantMedianMs: ended.h.median(), agencyTotalMs: ended.sumW, applicantTotalMs: ended.sumH }
    : EMPTY;

  const returning = steps.filter((s) => s.returns > 0).map((s) => s.elementId);
  const returnSteps = returning.length ? returning : [...q.returnSteps];
  const reasons = new Map<string, number>();
  for (const [s, acc] of whole) if (s.startsWith('step:')) for (const [r, n] of acc.reasons) reasons.set(r, (reasons.get(r) ?? 0) + n);
  const dist = await returnsPerCase(reader, q, returnSteps.map((id) => whole.get(`step:${id}`)).filter((a): a is Acc => !!a), returnSteps, { listed, cache });
  const figures: ReportFigures = {
    steps, staff, months, cases,
    returns: {
      steps: returnSteps,
      decisions: steps.filter((s) => returnSteps.includes(s.elementId)).reduce((sum, s) => sum + s.count, 0),
      returns: steps.reduce((sum, s) => sum + s.returns, 0),
      cases: dist.cases,
      caseReturns: dist.total,
      distribution: dist.buckets,
      reasons: [...reasons].map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)).slice(0, MAX_REPORT_REASONS),
    },
  };
  cache.putFigures(key, signature, figures);
  return figures;
}

/**
 * Cases that completed a returning step in the period, by their returns up to their last such
 * completion (per step). Every completion of the period counts its case once, by the case's returns
 * up to it (the steps' accumulators); a completion that repeats one of the period (a case returned
 * and decided again) is taken out, and its case moved from the bucket of its first completion in the
 * period to the bucket of its last.
 */
async function returnsPerCase(
  reader: ReportReader, q: ReportFiguresQuery, steps: Acc[], ids: string[],
  known: { listed: Array<{ day: string; series: string; rev: number }>; cache: DayCache },
) {
  const buckets: [number, number, number, number] = [0, 0, 0, 0];
  let cases = 0;
  let total = 0;
  for (const acc of steps) {
    acc.r.forEach((n, i) => (buckets[i as 0 | 1 | 2 | 3] += n));
    cases += acc.n;
    total += acc.rSum;
  }
  if (cases === 0) return { cases, total, buckets };
  // the repeated completions of the steps, per day (kept while the day's row of the step is unchanged)
  const rows = known.listed.filter((r) => ids.includes(r.series.slice(5)) && r.series.startsWith('step:'));
  const unread = rows.filter((r) => !known.cache.again(q.processKey, r.series, r.day, r.rev));
  const read = unread.length
    ? await reader.read(unread.map((r) => ({
      sql: `SELECT elementId, ${readFact('caseId')}, ${readFact('completedAt')}, caseReturns, previousCaseReturns, ${readFact('previousAt')} FROM task_facts ` + // packed
        'WHERE processKey = ? AND elementId = ? AND completedAt >= ? AND completedAt < ? AND previousAt IS NOT NULL',
      params: [q.processKey, r.series.slice(5), startOf(r.day), startOf(r.day) + DAY_MS], // completedAt in ms
    })))
    : [];
  unread.forEach((r, i) => known.cache.putAgain(q.processKey, r.series, r.day, r.rev, read[i] as AgainRow[]));
  const [from, to] = [iso(Date.parse(q.from)), iso(Date.parse(q.to))];
  const again = rows.flatMap((r) => known.cache.again(q.processKey, r.series, r.day, r.rev) ?? [])
    .filter((x) => x.completedAt >= from && x.completedAt < to && x.previousAt >= from);
  // per step and case: the first (its previous completion's returns) and the last completion repeated in the period
  const byCase = new Map<string, { first: string; firstReturns: number; last: string; lastReturns: number }>();
  for (const row of again) {
    buckets[returnsBucket(row.caseReturns) as 0 | 1 | 2 | 3] -= 1;
    total -= row.caseReturns;
    cases -= 1;
    const key = `${row.elementId} ${row.caseId}`;
    const seen = byCase.get(key);
    if (!seen) byCase.set(key, { first: row.completedAt, firstReturns: row.previousCaseReturns, last: row.completedAt, lastReturns: row.caseReturns });
    else {
      if (row.completedAt < seen.first) Object.assign(seen, { first: row.completedAt, firstReturns: row.previousCaseReturns });
      if (row.completedAt > seen.last) Object.assign(seen, { last: row.completedAt, lastReturns: row.caseReturns });
    }
  }
  for (const { firstReturns, lastReturns } of byCase.values()) {
    buckets[returnsBucket(firstReturns) as 0 | 1 | 2 | 3] -= 1;
    buckets[returnsBucket(lastReturns) as 0 | 1 | 2 | 3] += 1;
    total += lastReturns - firstReturns;
  }
  return { cases, total, buckets };
}
