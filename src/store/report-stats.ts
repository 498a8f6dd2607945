// Order statistics over several sorted runs of whole milliseconds (a store's per-day sorted
// durations), without merging them: the median (mean of the two middle values for an even count)
// and the nearest-rank percentile that src/compliance/stats.ts defines for the reports.
import type { FigureSummary } from './report-ports.js';

/** 0-based index of the nearest-rank percentile `p` of `n` sorted values (stats.ts's formula, to the bit). */
export const nearestRank = (p: number, n: number): number => Math.max(0, Math.ceil((p / 100) * n) - 1);

/** An ascending run of whole milliseconds. */
export type SortedRun = Int32Array | Float64Array;

/** First index in `run` whose value is > v. */
function upperBound(run: SortedRun, v: number): number {
  let lo = 0;
  let hi = run.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (run[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return hi;
}

/** A multiset of integers held as sorted runs (each ascending). */
export class SortedRuns {
  private readonly runs: SortedRun[] = [];
  count = 0;

  add(run: SortedRun): this {
    if (run.length > 0) {
      this.runs.push(run);
      this.count += run.length;
    }
    return this;
  }

  /** Adds every run of `other` (shared, not copied). */
  addRuns(other: SortedRuns): this {
    for (const run of other.runs) this.add(run);
    return this;
  }

  /** The k-th smallest value (0-based): the least integer v with at least k + 1 values <= v. */
  kth(k: number): number {
    if (!(k >= 0 && k < this.count)) throw new RangeError(`rank ${k} of ${this.count} values`);
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of this.runs) {
      lo = Math.min(lo, r[0]!);
      hi = Math.max(hi, r[r.length - 1]!);
    }
    // NOTE: bisection over the integers between the smallest and the largest value: the answer is
    // always one of the values (the count of values <= v only grows at a value)
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      let leq = 0;
      for (const r of this.runs) leq += upperBound(r, mid);
      if (leq >= k + 1) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  median(): number | null {
    if (this.count === 0) return null;
    const mid = Math.floor(this.count / 2);
    return this.count % 2 ? this.kth(mid) : (this.kth(mid - 1) + this.kth(mid)) / 2;
  }

  percentile(p: number): number | null {
    return this.count === 0 ? null : this.kth(nearestRank(p, this.count));
  }
}

/** Sorts whole milliseconds into a run (values that are not whole are refused: the bisection needs integers). */
export function sortedRun(values: number[]): Float64Array {
  for (const v of values) if (!Number.isSafeInteger(v)) throw new RangeError(`a duration must be a whole number of ms: ${v}`);
  return Float64Array.from(values).sort();
}

export function summaryOf(runs: SortedRuns, within: number): FigureSummary {
  return { count: runs.count, within, medianMs: runs.median(), p90Ms: runs.percentile(90) };
}
