// Who held a case, and for how long: the agency (staff groups' steps) or the applicant ('pemohon'
// steps). Each side's time is the union of its tasks' open intervals on the case's clock, so
// parallel tasks never count twice, a slow applicant never counts against the agency and vice
// versa; time when nobody holds the case (e.g. waiting on a BPMN timer) counts for neither.
import { APPLICANT_GROUP, type CaseSummary, type TaskRecord } from '../store/ports.js';
import type { TimeClock } from './compliance-settings.js';

export interface CaseClock {
  caseId: string;
  agencyMs: number;
  applicantMs: number;
  /** counted time from the case's start to its end (or to now while it runs) */
  totalMs: number;
  endedAt: string | null; // completion of the last task of a completed case
}

type Interval = [number, number];

function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const measure = (intervals: Interval[], clock: TimeClock): number => union(intervals).reduce((sum, [s, e]) => sum + clock.elapsedMs(s, e), 0);

export function attributeCase(c: CaseSummary, tasks: TaskRecord[], clock: TimeClock, now: Date): CaseClock {
  const interval = (t: TaskRecord): Interval => [Date.parse(t.createdAt), t.completedAt ? Date.parse(t.completedAt) : now.getTime()];
  const agency = tasks.filter((t) => t.groupId !== APPLICANT_GROUP).map(interval);
  const applicant = tasks.filter((t) => t.groupId === APPLICANT_GROUP).map(interval);
  const completions = tasks.map((t) => t.completedAt).filter((x): x is string => x !== null).sort();
  const endedAt = c.status === 'completed' ? (completions.at(-1) ?? c.updatedAt) : null;
  const end = endedAt ? Date.parse(endedAt) : now.getTime();
  return {
    caseId: c.id,
    agencyMs: measure(agency, clock),
    applicantMs: measure(applicant, clock),
    totalMs: clock.elapsedMs(Date.parse(c.createdAt), end),
    endedAt,
  };
}
