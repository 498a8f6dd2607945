// ISO-8601 durations (PnYnMnWnDTnHnMnS) to milliseconds. Years and months are calendar
// dependent; they count as 365 and 30 days, which is enough for SOP time standards.

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const UNIT_MS = [365 * 86_400_000, 30 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000];

/** Milliseconds of an ISO-8601 duration, or null if `text` is not one. */
export function parseIsoDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const parts = m.slice(1);
  if (parts.every((p) => p === undefined)) return null;
  return parts.reduce((ms, p, i) => ms + (p === undefined ? 0 : Number(p.replace(',', '.')) * (UNIT_MS[i] as number)), 0);
}

/** Time standards (alur:mutuBaku `waktu`) run from one second to one year (365 days). */
export const MIN_TIME_STANDARD_MS = 1_000;
export const MAX_TIME_STANDARD_MS = 365 * 86_400_000;

/** Why `text` cannot be a time standard (malformed, zero, under a second, over a year), or null. */
export function timeStandardProblem(text: string): string | null {
  const ms = parseIsoDuration(text);
  if (ms === null) return 'is not an ISO-8601 duration (e.g. PT15M, P1D)';
  if (ms < MIN_TIME_STANDARD_MS) return 'is shorter than the minimum time standard of 1 second (PT1S)';
  if (ms > MAX_TIME_STANDARD_MS) return 'is longer than the maximum time standard of 1 year (P1Y, 365 days)';
  return null;
}

/** Latest due date: the last instant with a four-digit year, so ISO strings still sort as dates. */
const MAX_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * `from` plus `ms` as an ISO string that never throws: a NaN or negative `ms` counts as 0,
 * and the sum is held at most at 9999-12-31T23:59:59.999Z (a stored definition may predate the time-standard limits).
 */
export function isoAfter(from: number, ms: number): string {
  const start = Number.isFinite(from) ? Math.min(Math.max(from, 0), MAX_DATE_MS) : 0;
  const add = Number.isNaN(ms) || ms <= 0 ? 0 : ms;
  return new Date(Math.min(start + add, MAX_DATE_MS)).toISOString();
}
