// Dates as people read them, in the office's time zone (Asia/Pontianak, WIB): "6 Desember 2026
// 08.14 WIB" / "6 December 2026 08:14 WIB", "6 Desember 2026", "Juli 2026". Every view uses these
// through the datetime, date and month helpers (view-engine.ts).
import { formatDateTime, type Lang } from './i18n.js';

export { formatDateTime };

const TIME_ZONE = 'Asia/Pontianak';
const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
// NOTE: Intl formatters are costly to build: once per language.
const DAY: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALE.id, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
};
const CALENDAR_DAY: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALE.id, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};
const MONTH: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(LOCALE.id, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * "6 Desember 2026": a calendar date ("2026-12-06", shown as written, no time zone shift) or an
 * instant (ISO timestamp, its day in WIB). Anything else is returned as it is.
 */
export function formatDate(value: string, lang: Lang): string {
  const day = CALENDAR_DATE.exec(value);
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return d.getUTCDate() === Number(day[3]) ? CALENDAR_DAY[lang].format(d) : value;
  }
  const d = new Date(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(d.getTime()) ? DAY[lang].format(d) : value;
}

/** "2026-07" -> "Juli 2026" / "July 2026"; anything else as it is. */
export function formatMonth(value: string, lang: Lang): string {
  const m = YEAR_MONTH.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return value;
  return MONTH[lang].format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
