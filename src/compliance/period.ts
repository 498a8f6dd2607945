// Report periods in the calendar's time zone: "dari"/"sampai" local dates (both inclusive), or a
// semester ("2026-1" = January–June, "2026-2" = July–December, Permen PANRB 35/2012 monitors every
// six months). Out: [from, to) as instants.
import { isoDate, zonedTime, type LocalDate, type WorkingCalendar } from './working-calendar.js';

export interface Period {
  from: Date;
  to: Date;
  dari: string; // 'YYYY-MM-DD'
  sampai: string; // 'YYYY-MM-DD', inclusive
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DAYS = 3 * 366;

function parseDate(value: unknown): LocalDate | null {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}
const addDays = (d: LocalDate, n: number): LocalDate => {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const daysBetween = (a: LocalDate, b: LocalDate): number => (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000;

function periodOf(first: LocalDate, last: LocalDate, calendar: WorkingCalendar): Period {
  const tz = calendar.spec.timeZone;
  return { from: new Date(zonedTime(first, 0, tz)), to: new Date(zonedTime(addDays(last, 1), 0, tz)), dari: isoDate(first), sampai: isoDate(last) };
}

/** The default period: the current month and the five before it, up to today. */
export function defaultPeriod(calendar: WorkingCalendar, now: Date): Period {
  const today = calendar.localDate(now.getTime());
  const start = new Date(Date.UTC(today.y, today.m - 1 - 5, 1));
  return periodOf({ y: start.getUTCFullYear(), m: start.getUTCMonth() + 1, d: 1 }, today, calendar);
}

/** The period asked for, or the default when a date is missing, invalid, reversed or too long a span. */
export function periodFrom(query: { dari?: unknown; sampai?: unknown }, calendar: WorkingCalendar, now: Date): Period {
  const first = parseDate(query.dari);
  const last = parseDate(query.sampai);
  if (!first || !last || daysBetween(first, last) < 0 || daysBetween(first, last) > MAX_DAYS) return defaultPeriod(calendar, now);
  return periodOf(first, last, calendar);
}

export interface Semester extends Period {
  key: string; // '2026-1'
  year: number;
  half: 1 | 2;
}

/** "2026-1" / "2026-2", else the semester of `now`. */
export function semesterFrom(value: unknown, calendar: WorkingCalendar, now: Date): Semester {
  const m = typeof value === 'string' ? /^(\d{4})-([12])$/.exec(value) : null;
  const today = calendar.localDate(now.getTime());
  const year = m ? Number(m[1]) : today.y;
  const half = (m ? Number(m[2]) : today.m <= 6 ? 1 : 2) as 1 | 2;
  const first = { y: year, m: half === 1 ? 1 : 7, d: 1 };
  const last = half === 1 ? { y: year, m: 6, d: 30 } : { y: year, m: 12, d: 31 };
  return { ...periodOf(first, last, calendar), key: `${year}-${half}`, year, half };
}

/** The last `count` semesters up to the one of `now`, newest first (for a chooser). */
export function recentSemesters(calendar: WorkingCalendar, now: Date, count = 6): string[] {
  const current = semesterFrom(undefined, calendar, now);
  const out: string[] = [];
  for (let i = 0, y = current.year, h = current.half as number; i < count; i++) {
    out.push(`${y}-${h}`);
    [y, h] = h === 1 ? [y - 1, 2] : [y, 1];
  }
  return out;
}
