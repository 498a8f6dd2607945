// Which time counts: the working calendar (one per installation) and, per process version, whether
// its time standards count calendar or working time and which role a late step is escalated to.
// Defaults when nothing is saved: DEFAULT_CALENDAR, calendar time, no escalation.
import { APPLICANT_GROUP, ROLES, type ProcessTimeSettings, type Store, type TimeBasis, type UserRecord } from '../store/ports.js';
import { isGroupId } from '../workflow/index.js';

/** A group a late step may be escalated to: a valid group id, never the applicant or a system role. */
export const isEscalationGroup = (group: string): boolean =>
  isGroupId(group) && group !== APPLICANT_GROUP && !(ROLES as readonly string[]).includes(group);
import { DEFAULT_CALENDAR, WorkingCalendar, type CalendarSpec } from './working-calendar.js';

export interface TimeClock {
  basis: TimeBasis;
  /** Milliseconds that count between two instants. */
  elapsedMs(from: number, to: number): number;
  /** The instant `ms` of counted time after `from`. */
  dueAt(from: number, ms: number): number;
}

export function clockFor(basis: TimeBasis, calendar: WorkingCalendar): TimeClock {
  if (basis === 'working') {
    return { basis, elapsedMs: (a, b) => calendar.workingMs(a, b), dueAt: (a, ms) => calendar.addWorkingMs(a, ms) };
  }
  return { basis, elapsedMs: (a, b) => Math.max(0, b - a), dueAt: (a, ms) => a + ms };
}

export const defaultProcessSettings = (definitionId: string): ProcessTimeSettings => ({
  definitionId, timeBasis: 'calendar', escalateTo: {}, updatedAt: '', updatedBy: null,
});

export interface ProcessSettingsInput {
  timeBasis: TimeBasis;
  escalateTo: Record<string, string>; // user task id -> group id
}

export class ComplianceSettings {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async calendarSpec(): Promise<CalendarSpec> {
    const saved = await this.store.getWorkingCalendar();
    return saved ? { timeZone: saved.timeZone, hours: saved.hours, holidays: saved.holidays } : DEFAULT_CALENDAR;
  }

  async calendar(): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.calendarSpec());
  }

  async saveCalendar(spec: CalendarSpec, actor: UserRecord | null): Promise<void> {
    await this.store.saveWorkingCalendar({ ...spec, updatedAt: this.now().toISOString(), updatedBy: actor?.id ?? null });
  }

  async processSettings(definitionId: string): Promise<ProcessTimeSettings> {
    return (await this.store.getProcessTimeSettings(definitionId)) ?? defaultProcessSettings(definitionId);
  }

  /** Saves a version's settings; an escalation to anything but a valid staff group id is dropped. */
  async saveProcessSettings(definitionId: string, input: ProcessSettingsInput, actor: UserRecord | null): Promise<void> {
    const escalateTo = Object.fromEntries(Object.entries(input.escalateTo).filter(([, group]) => isEscalationGroup(group)));
    await this.store.saveProcessTimeSettings({
      definitionId, timeBasis: input.timeBasis === 'working' ? 'working' : 'calendar', escalateTo,
      updatedAt: this.now().toISOString(), updatedBy: actor?.id ?? null,
    });
  }

  /** The clock of one process version (its time basis on the current calendar). */
  async clock(definitionId: string, calendar?: WorkingCalendar): Promise<TimeClock> {
    const { timeBasis } = await this.processSettings(definitionId);
    return clockFor(timeBasis, calendar ?? (await this.calendar()));
  }
}
