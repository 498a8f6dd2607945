// Working-time arithmetic, hand-computed: within a day, across the end of the working day, across
// midnight, weekends, holidays, breaks, other zones (also one with daylight saving), and the form.
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_CALENDAR, WorkingCalendar, zonedTime, type CalendarSpec } from '../../src/compliance/working-calendar.js';
import { clockFor } from '../../src/compliance/compliance-settings.js';
import { calendarFormValues, parseCalendarForm } from '../../src/compliance/calendar-input.js';

const MIN = 60_000;
/** Pontianak local time (UTC+7, no daylight saving) → UTC ms. */
const wib = (local: string): number => Date.parse(`${local}:00+07:00`);
const iso = (ms: number): string => new Date(ms).toISOString();

// Mon–Fri 07.30–16.00 in Asia/Pontianak; 2026-11-23 is a Monday, 2026-11-27 a Friday
const cal = new WorkingCalendar(DEFAULT_CALENDAR);

describe('Given the default calendar (Asia/Pontianak, Mon–Fri 07.30–16.00)', () => {
  test('when a task starts and ends inside one working day, then working time is wall time', () => {
    expect(cal.workingMs(wib('2026-11-23T09:00'), wib('2026-11-23T09:12'))).toBe(12 * MIN);
    expect(cal.addWorkingMs(wib('2026-11-23T09:00'), 15 * MIN)).toBe(wib('2026-11-23T09:15'));
  });

  test('when 15 minutes start at 15.50, then the due time is 07.35 the next morning (across the working day and midnight)', () => {
    expect(iso(cal.addWorkingMs(wib('2026-11-23T15:50'), 15 * MIN))).toBe(iso(wib('2026-11-24T07:35')));
    expect(cal.workingMs(wib('2026-11-23T15:50'), wib('2026-11-24T07:35'))).toBe(15 * MIN);
  });

  test('when a task runs from 23.00 to 08.00 the next day, then only 07.30–08.00 counts', () => {
    expect(cal.workingMs(wib('2026-11-23T23:00'), wib('2026-11-24T08:00'))).toBe(30 * MIN);
    expect(cal.workingMs(wib('2026-11-23T16:00'), wib('2026-11-24T07:30'))).toBe(0);
  });

  test('when a task starts before the working day, then its time counts from 07.30', () => {
    expect(cal.addWorkingMs(wib('2026-11-23T06:00'), 15 * MIN)).toBe(wib('2026-11-23T07:45'));
  });

  test('when 15 minutes start on Friday at 15.55, then the weekend does not count: due Monday 07.40', () => {
    expect(cal.addWorkingMs(wib('2026-11-27T15:55'), 15 * MIN)).toBe(wib('2026-11-30T07:40'));
    expect(cal.workingMs(wib('2026-11-27T15:00'), wib('2026-11-30T08:00'))).toBe(90 * MIN);
    expect(cal.workingMs(wib('2026-11-28T08:00'), wib('2026-11-29T15:00'))).toBe(0); // Saturday to Sunday
  });

  test('when the next Monday is a holiday, then it is skipped too: due Tuesday 07.40', () => {
    const withHoliday = new WorkingCalendar({ ...DEFAULT_CALENDAR, holidays: [{ date: '2026-11-30', name: 'Cuti bersama' }] });
    expect(withHoliday.addWorkingMs(wib('2026-11-27T15:55'), 15 * MIN)).toBe(wib('2026-12-01T07:40'));
    expect(withHoliday.workingMs(wib('2026-11-27T15:00'), wib('2026-12-01T08:00'))).toBe(90 * MIN);
    expect(withHoliday.intervals({ y: 2026, m: 11, d: 30 })).toEqual([]);
  });

  test('when several working days pass, then each contributes 8.5 hours', () => {
    expect(cal.workingMs(wib('2026-11-23T07:30'), wib('2026-11-27T16:00'))).toBe(5 * 510 * MIN);
    expect(cal.addWorkingMs(wib('2026-11-23T07:30'), 3 * 510 * MIN)).toBe(wib('2026-11-25T16:00'));
  });

  test('edge cases: zero time is the start itself; an empty or reversed span is zero', () => {
    expect(cal.addWorkingMs(wib('2026-11-28T10:00'), 0)).toBe(wib('2026-11-28T10:00'));
    expect(cal.workingMs(wib('2026-11-23T10:00'), wib('2026-11-23T09:00'))).toBe(0);
  });
});

describe('Given other calendars', () => {
  test('a break at lunch (07.30–12.00 and 13.00–16.00) is not working time', () => {
    const spec: CalendarSpec = { ...DEFAULT_CALENDAR, hours: [1, 2, 3, 4, 5].flatMap((day) => [{ day, start: '07:30', end: '12:00' }, { day, start: '13:00', end: '16:00' }]) };
    const lunch = new WorkingCalendar(spec);
    expect(lunch.addWorkingMs(wib('2026-11-23T11:50'), 15 * MIN)).toBe(wib('2026-11-23T13:05'));
    expect(lunch.workingMs(wib('2026-11-23T11:00'), wib('2026-11-23T14:00'))).toBe(120 * MIN);
  });

  test('Asia/Jayapura (UTC+9): the same local hours are two hours earlier in UTC', () => {
    const wit = new WorkingCalendar({ ...DEFAULT_CALENDAR, timeZone: 'Asia/Jayapura' });
    expect(iso(wit.addWorkingMs(Date.parse('2026-11-23T06:50:00Z'), 15 * MIN))).toBe('2026-11-23T22:35:00.000Z'); // 15.50 WIT → 07.35 WIT
  });

  test('Europe/Berlin across the start of summer time: due Monday 09.05 local = 07.05 UTC', () => {
    const berlin = new WorkingCalendar({ timeZone: 'Europe/Berlin', hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })), holidays: [] });
    expect(iso(berlin.addWorkingMs(Date.parse('2026-03-27T15:55:00Z'), 10 * MIN))).toBe('2026-03-30T07:05:00.000Z'); // Fri 16.55 CET
    expect(iso(zonedTime({ y: 2026, m: 3, d: 29 }, 2 * 60 + 30, 'Europe/Berlin'))).toMatch(/^2026-03-29T0[01]:30/); // a skipped wall time
  });

  test('a calendar without working hours has no due time; calendar-time clocks ignore it', () => {
    const none = new WorkingCalendar({ ...DEFAULT_CALENDAR, hours: [] });
    expect(() => none.addWorkingMs(wib('2026-11-23T09:00'), MIN)).toThrow(RangeError);
    const calendarTime = clockFor('calendar', none);
    expect(calendarTime.dueAt(wib('2026-11-27T15:55'), 15 * MIN)).toBe(wib('2026-11-27T16:10'));
    expect(calendarTime.elapsedMs(wib('2026-11-27T15:55'), wib('2026-11-30T07:40'))).toBe((2 * 1440 + 15 * 60 + 45) * MIN);
    expect(clockFor('working', cal).elapsedMs(wib('2026-11-27T15:55'), wib('2026-11-30T07:40'))).toBe(15 * MIN);
  });
});

describe('Given the calendar form', () => {
  const valid = { zonaWaktu: 'Asia/Pontianak', mulai1: '07:30', selesai1: '16:00', mulai5: '07.30', selesai5: '11.30', libur: '2026-12-25 Hari Raya Natal\n\n2026-08-17  Hari Kemerdekaan RI' };

  test('when it is valid, then it becomes a calendar (dots accepted in times, holidays sorted)', () => {
    const { calendar, errors } = parseCalendarForm(valid);
    expect(errors).toEqual({});
    expect(calendar).toEqual({
      timeZone: 'Asia/Pontianak',
      hours: [{ day: 1, start: '07:30', end: '16:00' }, { day: 5, start: '07:30', end: '11:30' }],
      holidays: [{ date: '2026-08-17', name: 'Hari Kemerdekaan RI' }, { date: '2026-12-25', name: 'Hari Raya Natal' }],
    });
    expect(calendarFormValues(calendar)).toMatchObject({ mulai1: '07:30', selesai5: '11:30', mulai2: '', libur: '2026-08-17 Hari Kemerdekaan RI\n2026-12-25 Hari Raya Natal' });
  });

  test('when fields are wrong, then each gets its error', () => {
    const { errors } = parseCalendarForm({ zonaWaktu: 'Mars/Olympus', mulai1: '16:00', selesai1: '07:30', mulai2: '7', selesai2: '', libur: '2026-02-30 Tidak ada' });
    expect(errors).toEqual({ zonaWaktu: 'calendar.error.timeZone', mulai1: 'calendar.error.order', mulai2: 'calendar.error.time', libur: 'calendar.error.holidayLine' });
    expect(parseCalendarForm({ zonaWaktu: '', libur: '2026-12-25' }).errors).toEqual({ zonaWaktu: 'field.required', mulai1: 'calendar.error.noHours', libur: 'calendar.error.holidayLine' });
  });
});
