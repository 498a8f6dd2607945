// The statistics every report uses, defined once so a hand-computed fixture can check them:
// median = the middle value (the mean of the two middle values for an even count);
// P90 = nearest rank (the smallest value with at least 90% of the values at or below it).

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** part / whole, or null when there is nothing to divide. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Summary of a list of durations (ms) against a standard. */
export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  within: number; // how many met the standard
  withinShare: number | null;
}

export function summarise(items: Array<{ ms: number; met: boolean }>): DurationSummary {
  const ms = items.map((i) => i.ms);
  const within = items.filter((i) => i.met).length;
  return { count: items.length, medianMs: median(ms), p90Ms: percentile(ms, 90), within, withinShare: share(within, items.length) };
}
