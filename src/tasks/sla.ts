// Time against the SOP's Mutu Baku Waktu, shaped for templates: an i18n key plus an ISO-8601
// duration that the `duration` helper formats in the reader's language; and NIK masking for lists.

const MINUTE = 60_000;

/** A span of time in whole minutes (rounded down) as ISO-8601; `under` when less than one minute. */
export interface Span {
  iso: string;
  under: boolean;
  minutes: number;
}

/** Days, hours and minutes ("1 hari 6 jam", "1 jam 20 menit"): the one way Alur shows a span, totals included. */
export function span(ms: number): Span {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const time = `${h ? `${h}H` : ''}${m || (!d && !h) ? `${m}M` : ''}`;
  return { iso: `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`, under: minutes === 0, minutes };
}

export interface TimeLeft {
  overdue: boolean;
  /** "sisa 7 menit" / "terlambat 12 menit": `key` then `span`, or `keyUnder` ("kurang dari 1 menit"). */
  key: string;
  span: Span;
}

/** Time left until `dueAt`, or how late it is (overdue = now after dueAt, as everywhere in Alur). */
export function timeLeft(dueAt: string, now: Date): TimeLeft {
  const ms = Date.parse(dueAt) - now.getTime();
  const overdue = ms < 0;
  const s = span(Math.abs(ms));
  const base = overdue ? 'sla.lewat' : 'sla.sisa';
  return { overdue, key: s.under ? `${base}.kurang` : base, span: s.under ? span(MINUTE) : s };
}

/** "6171052609860003" → "6171********0003": first 4 and last 4 digits only. */
export function maskNik(nik: unknown): string | null {
  if (typeof nik !== 'string' || !nik) return null;
  const digits = nik.replace(/\s+/g, '');
  if (digits.length <= 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}
