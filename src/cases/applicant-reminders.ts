// A reminder to the applicant when a step of theirs has waited `days` (ALUR_APPLICANT_REMINDER_DAYS):
// a durable timer per open applicant task (src/scheduler), scheduled with the change that opens the
// task and cancelled with the one that closes it; when it fires on a task still open, the applicant
// gets an e-mail and a WhatsApp message, written atomically with marking the timer done.
import { outboxMessage, type Links } from '../notifications/messages.js';
import { applicantTurnEmail, applicantTurnWhatsapp } from '../notifications/templates/applicant-turn.js';
import { newTimer } from '../scheduler/timer-ids.js';
import type { TimerContext, TimerHandler, TimerOutcome } from '../scheduler/timer-scheduler.js';
import { APPLICANT_GROUP, type OutboxMessage, type Store, type TaskRecord, type TimerRecord } from '../store/ports.js';

export const APPLICANT_REMINDER_KIND = 'applicant.reminder';
export const reminderTimerId = (taskId: string): string => `reminder:${taskId}`;
const DAY_MS = 86_400_000;

/** What the applicant's journey is configured with (config.ts: ALUR_APPLICANT_REMINDER_DAYS, ALUR_ABANDON_DAYS). */
export interface ApplicantSettings {
  /** Days an applicant's open step waits before they are reminded. */
  reminderDays: number;
  /** Days an applicant's open step must have waited before staff may close the case as abandoned. */
  abandonDays: number;
}

export const DEFAULT_APPLICANT_SETTINGS: Readonly<ApplicantSettings> = Object.freeze({ reminderDays: 3, abandonDays: 30 });

export class ApplicantReminders {
  constructor(private readonly days: number) {}

  /** Timers for the applicant's tasks a change opens, and the cancellation of those of the tasks it closes. */
  plan(opened: TaskRecord[], closedTaskIds: string[], now: Date): { timers: TimerRecord[]; cancelTimers: string[] } {
    const timers = opened.filter((t) => t.groupId === APPLICANT_GROUP).map((t) => newTimer({
      id: reminderTimerId(t.id), kind: APPLICANT_REMINDER_KIND, caseId: t.caseId, taskId: t.id,
      dueAt: new Date(Date.parse(t.createdAt) + this.days * DAY_MS).toISOString(), data: { days: this.days },
    }, now));
    return { timers, cancelTimers: closedTaskIds.map(reminderTimerId) };
  }
}

export function applicantReminderHandler(deps: { store: Store; links: Links }): TimerHandler {
  const { store } = deps;
  return async function remind(timer: TimerRecord, { lease, now }: TimerContext): Promise<TimerOutcome> {
    const at = now.toISOString();
    const done = async (outbox: OutboxMessage[] = []) => ((await store.completeTimer(lease, at, { outbox })) ? 'done' : 'lost');
    const task = timer.taskId ? await store.getTask(timer.taskId) : null;
    const c = task ? await store.getCase(task.caseId) : null;
    const applicant = c ? await store.getUser(c.applicantId) : null;
    if (!task || !c || !applicant || task.status !== 'open' || c.status !== 'running') return done(); // nothing waits any more
    const processName = (await store.getDefinition(c.definitionId))?.name || undefined;
    const days = Math.max(1, Math.floor((now.getTime() - Date.parse(task.createdAt)) / DAY_MS));
    const d = { name: applicant.displayName, step: task.name, link: deps.links.to(`/tugas/${task.id}`), processName, caseNumber: c.caseNumber, waitedDays: days };
    const outbox = [outboxMessage('applicant-reminder', 'email', { userId: applicant.id, to: applicant.email }, applicantTurnEmail(d), now, c.id)];
    if (applicant.whatsapp) outbox.push(outboxMessage('applicant-reminder', 'whatsapp', { userId: applicant.id, to: applicant.whatsapp }, applicantTurnWhatsapp(d), now, c.id));
    return done(outbox);
  };
}
