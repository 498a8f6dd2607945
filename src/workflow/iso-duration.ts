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
