// Mongoose schemas of the scheduler and compliance features: durable timers, the working calendar
// (one document) and per-version time settings. Pure definitions: nothing here touches a server.
import { Schema } from 'mongoose';
import { type ProcessTimeSettings, type TimerRecord, type TimerStatus, type WorkingCalendarRecord } from '../ports.js';
import { id, int, nullableStr, options, str } from './schema-kit.js';
import type { Stored } from './schemas.js';

export const TIMER_STATUSES = ['pending', 'done', 'cancelled', 'failed'] as const satisfies readonly TimerStatus[];
/** The `_id` of the one working-calendar document. */
export const CALENDAR_ID = 'working-calendar';

export type TimerDoc = Stored<TimerRecord> & { leaseExpires?: Date | null };
export type CalendarDoc = WorkingCalendarRecord & { _id: string };
export type TimeSettingsDoc = Omit<ProcessTimeSettings, 'definitionId'> & { _id: string };

export const timerSchema = new Schema<TimerDoc>(
  {
    _id: id,
    kind: str,
    caseId: nullableStr,
    taskId: nullableStr,
    dueAt: str,
    nextAttemptAt: str,
    data: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true, enum: TIMER_STATUSES },
    attempts: int(0),
    leaseToken: nullableStr,
    lockedUntil: nullableStr,
    leaseExpires: { type: Date, default: null }, // the lease's end on the server's clock (outbox.ts dueFilter)
    lastError: nullableStr,
    createdAt: str,
    doneAt: nullableStr,
  },
  options('timers'),
);
// the claim: pending timers in due order
timerSchema.index({ status: 1, nextAttemptAt: 1, _id: 1 });
// a case's timers (by due time)
timerSchema.index({ caseId: 1, dueAt: 1, _id: 1 });
// the retention job: finished timers by the time they finished
timerSchema.index({ status: 1, doneAt: 1, _id: 1 });

const hoursSchema = new Schema({ day: int(1), start: str, end: str }, { _id: false });
const holidaySchema = new Schema({ date: str, name: str }, { _id: false });

export const calendarSchema = new Schema<CalendarDoc>(
  {
    _id: id,
    timeZone: str,
    hours: { type: [hoursSchema], required: true },
    holidays: { type: [holidaySchema], required: true },
    updatedAt: str,
    updatedBy: nullableStr,
  },
  options('working_calendar'),
);

export const timeSettingsSchema = new Schema<TimeSettingsDoc>(
  {
    _id: id, // the definition (process version) id
    timeBasis: { type: String, required: true, enum: ['calendar', 'working'] },
    escalateTo: { type: Schema.Types.Mixed, required: true },
    updatedAt: str,
    updatedBy: nullableStr,
  },
  options('process_time_settings'),
);
