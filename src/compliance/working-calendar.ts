// Working-time arithmetic on a configurable calendar: a time zone, working hours per ISO weekday
// (several intervals a day for breaks) and public holidays. Pure: no store, no clock.
// NOTE: times in and out are UTC milliseconds; local dates and hours are those of `timeZone`
// (Intl, so any IANA zone works, with or without daylight saving).
import type { Holiday, WorkingHours } from '../store/ports.js';

export interface CalendarSpec {
  timeZone: string;
  hours: WorkingHours[];
  holidays: Holiday[];
}

const DAY_MS = 86_400_000;
/** How far ahead a due time is searched: a calendar with no working hours at all has no due time. */
const MAX_DAYS = 3 * 366;

/** Default: Asia/Pontianak (WIB), Monday to Friday 07.30–16.00, no holidays until the owner lists them. */
export const DEFAULT_CALENDAR: CalendarSpec = Object.freeze({
  timeZone: 'Asia/Pontianak',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '07:30', end: '16:00' })),
  holidays: [],
});

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True if `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDate {
  y: number;
  m: number; // 1-12
  d: number;
}

/** Local wall-clock fields of an instant. */
export function localParts(ms: number, timeZone: string): LocalDate & { h: number; min: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) };
}

const OFFSETS = new Map<string, number>();
const MAX_OFFSETS = 200_000;

/**
 * The zone's UTC offset (ms) at an instant. NOTE: cached per zone and quarter hour (offsets only
 * change on such boundaries; Intl is slow and reports ask for thousands of instants).
 */
export function utcOffset(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / 900_000);
  const key = `${timeZone}|${bucket}`;
  let offset = OFFSETS.get(key);
  if (offset === undefined) {
    const start = bucket * 900_000;
    const p = localParts(start, timeZone);
    offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - start;
    if (OFFSETS.size >= MAX_OFFSETS) OFFSETS.clear();
    OFFSETS.set(key, offset);
  }
  return offset;
}

/** The instant (UTC ms) when the local clock of `timeZone` reads `minutes` after midnight of `date`. */
export function zonedTime(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d, 0, minutes);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(guess, timeZone);
    const seen = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
    if (seen === wall) return guess;
    guess += wall - seen;
  }
  return guess; // a wall time skipped by a daylight-saving jump: the nearest instant
}

export const isoDate = (d: LocalDate): string => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
const nextDate = (d: LocalDate): LocalDate => {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: LocalDate): number => ((new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay() + 6) % 7) + 1;
const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly intervalsByDay = new Map<string, Array<[number, number]>>();

  constructor(readonly spec: CalendarSpec) {
    this.holidays = new Set(spec.holidays.map((h) => h.date));
  }

  localDate(ms: number): LocalDate {
    const t = new Date(ms + utcOffset(ms, this.spec.timeZone));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }

  isHoliday(date: LocalDate): boolean {
    return this.holidays.has(isoDate(date));
  }

  /** The working intervals of one local date as UTC ms, in order; none on holidays and days off. */
  intervals(date: LocalDate): Array<[number, number]> {
    const key = isoDate(date);
    let list = this.intervalsByDay.get(key);
    if (!list) {
      const weekday = isoWeekday(date);
      list = this.holidays.has(key)
        ? []
        : this.spec.hours
            .filter((h) => h.day === weekday && minutesOf(h.end) > minutesOf(h.start))
            .map((h): [number, number] => [zonedTime(date, minutesOf(h.start), this.spec.timeZone), zonedTime(date, minutesOf(h.end), this.spec.timeZone)])
            .sort((a, b) => a[0] - b[0])
            .reduce<Array<[number, number]>>((merged, [s, e]) => {
              const last = merged.at(-1); // overlapping intervals count once
              if (last && s <= last[1]) last[1] = Math.max(last[1], e);
              else merged.push([s, e]);
              return merged;
            }, []);
      this.intervalsByDay.set(key, list);
    }
    return list;
  }

  /** Working milliseconds between two instants (0 if `to` is not after `from`). */
  workingMs(from: number, to: number): number {
    if (!(to > from)) return 0;
    let total = 0;
    // start a day early: in zones west of UTC a local day's hours can begin before its UTC date
    let date = this.localDate(from - DAY_MS);
    for (let i = 0; i < Math.ceil((to - from) / DAY_MS) + 3; i++, date = nextDate(date)) {
      for (const [s, e] of this.intervals(date)) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
    }
    return total;
  }

  /**
   * The instant when `ms` of working time have passed since `from` (a task's due time). Time before
   * the next working interval does not count; with `ms` = 0 it is `from` itself.
   */
  addWorkingMs(from: number, ms: number): number {
    if (ms <= 0) return from;
    let left = ms;
    let date = this.localDate(from - DAY_MS);
    for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
      for (const [s, e] of this.intervals(date)) {
        const start = Math.max(s, from);
        if (e <= start) continue;
        if (left <= e - start) return start + left;
        left -= e - start;
      }
    }
    throw new RangeError(`no working time within ${MAX_DAYS} days of ${new Date(from).toISOString()}: check the working calendar`);
  }
}
