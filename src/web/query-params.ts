// Numbers read from the query string. Total: any value (missing, repeated, not a number, beyond
// the integer range) gives a usable number, never NaN, Infinity or an offset the store refuses.

/** Page numbers past this are treated as this one (a list of 1000 pages of 50 is beyond any inbox). */
export const MAX_PAGE = 1000;

/** `?halaman=` and other 1-based page numbers: an integer in 1..MAX_PAGE, 1 when absent or not a number. */
export function pageNumber(value: unknown): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || !/^\s*\d+\s*$/.test(raw)) return 1;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? Math.min(Math.max(1, n), MAX_PAGE) : MAX_PAGE;
}
