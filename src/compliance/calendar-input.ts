// The working-calendar form (process owner) → a validated calendar, or field errors keyed like the
// form's fields. Per ISO weekday one interval "mulai"–"selesai" (empty = day off); holidays one per
// line as "YYYY-MM-DD Name".
import type { Holiday, WorkingHours } from '../store/ports.js';
import { isTimeZone, type CalendarSpec } from './working-calendar.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MAX_HOLIDAYS = 400;
const HHMM = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarErrors = Record<string, string>;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "2026-12-25 Hari Raya Natal" lines → holidays (sorted, one per date), or the first bad line's number. */
export function parseHolidays(raw: string): { holidays: Holiday[]; badLine: number | null } {
  const byDate = new Map<string, Holiday>();
  const lines = raw.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const [date = '', ...name] = trimmed.split(/\s+/);
    if (!validDate(date) || name.join(' ').trim() === '') return { holidays: [], badLine: i + 1 };
    byDate.set(date, { date, name: name.join(' ').slice(0, 120) });
  }
  return { holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)), badLine: null };
}

export const holidaysText = (holidays: Holiday[]): string => holidays.map((h) => `${h.date} ${h.name}`).join('\n');

/** Form values → calendar; `errors` is empty when it is valid. */
export function parseCalendarForm(body: Record<string, unknown>): { calendar: CalendarSpec; errors: CalendarErrors } {
  const errors: CalendarErrors = {};
  const timeZone = text(body.zonaWaktu);
  if (!timeZone) errors.zonaWaktu = 'field.required';
  else if (!isTimeZone(timeZone)) errors.zonaWaktu = 'calendar.error.timeZone';

  const hours: WorkingHours[] = [];
  for (const day of WEEKDAYS) {
    const start = text(body[`mulai${day}`]);
    const end = text(body[`selesai${day}`]);
    if (!start && !end) continue;
    const s = HHMM.exec(start);
    const e = HHMM.exec(end);
    if (!s || !e) errors[`mulai${day}`] = 'calendar.error.time';
    else if (`${e[1]}:${e[2]}` <= `${s[1]}:${s[2]}`) errors[`mulai${day}`] = 'calendar.error.order';
    else hours.push({ day, start: `${s[1]}:${s[2]}`, end: `${e[1]}:${e[2]}` });
  }
  if (!Object.keys(errors).some((k) => k.startsWith('mulai')) && hours.length === 0) errors.mulai1 = 'calendar.error.noHours';

  const { holidays, badLine } = parseHolidays(typeof body.libur === 'string' ? body.libur : '');
  if (badLine !== null) errors.libur = 'calendar.error.holidayLine';
  else if (holidays.length > MAX_HOLIDAYS) errors.libur = 'calendar.error.tooMany';

  return { calendar: { timeZone, hours, holidays }, errors };
}

/** The form's values for a calendar (what the page shows, or shows again after an error). */
export function calendarFormValues(c: CalendarSpec): Record<string, string> {
  const values: Record<string, string> = { zonaWaktu: c.timeZone, libur: holidaysText(c.holidays) };
  for (const day of WEEKDAYS) {
    const h = c.hours.find((x) => x.day === day);
    values[`mulai${day}`] = h?.start ?? '';
    values[`selesai${day}`] = h?.end ?? '';
  }
  return values;
}
