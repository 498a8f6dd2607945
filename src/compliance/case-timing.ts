// The timers a case change carries (CaseChange.timers / cancelTimers), planned before the change is
// written so they land in the same transaction: an SLA timer per new task at its due time (on the
// version's time basis: a working-time version moves dueAt to the working-time due), the SLA timers
// of tasks the change closes cancelled, and the engine's BPMN timers mirrored as scheduler entries.
import type { AuditEvent, CaseChange, TaskRecord, TimerRecord } from '../store/ports.js';
import { isoAfter, parseIsoDuration, timersOf, type EngineResult } from '../workflow/index.js';
import { BPMN_KIND, bpmnTimerId, newTimer, SLA_KIND, slaTimerId } from '../scheduler/timer-ids.js';
import { auditEvent } from '../cases/task-projection.js';
import type { ComplianceSettings } from './compliance-settings.js';
import type { ReportFacts } from './report-facts.js';

export interface PlannedTasks {
  tasks: TaskRecord[];
  audit: AuditEvent[];
}

export interface TimingInput {
  caseId: string;
  definitionId: string;
  /** New tasks and their audit (newTasks() of cases/task-projection). */
  next: PlannedTasks;
  /** Tasks this change completes or cancels. */
  closedTaskIds: string[];
  /** The engine call behind the change, for its BPMN timers. */
  engine?: EngineResult | null;
}

export interface TimingPlan {
  next: PlannedTasks;
  timers: TimerRecord[];
  cancelTimers: string[];
}

/** The working-time due; the calendar due when the working calendar has no room for it (never a RangeError). */
function workingDue(clock: { dueAt(from: number, ms: number): number }, from: number, ms: number): string {
  try {
    return isoAfter(clock.dueAt(from, ms), 0);
  } catch {
    return isoAfter(from, ms);
  }
}

export class CaseTiming {
  constructor(
    private readonly settings: ComplianceSettings,
    private readonly now: () => Date = () => new Date(),
    private readonly facts?: ReportFacts,
  ) {}

  /** The change with the report facts of the tasks it completes and of its case if it ends (report-facts.ts). */
  withFacts(change: CaseChange): Promise<CaseChange> {
    return this.facts ? this.facts.forChange(change) : Promise.resolve(change);
  }

  async plan(input: TimingInput): Promise<TimingPlan> {
    const now = this.now();
    const next = input.next.tasks.length ? await this.dueTimes(input.definitionId, input.next) : input.next;
    const sla = next.tasks
      .filter((t) => t.status === 'open')
      .map((t) => newTimer({ id: slaTimerId(t.id), kind: SLA_KIND, caseId: t.caseId, taskId: t.id, dueAt: t.dueAt, data: { elementId: t.elementId, step: t.name } }, now));
    const engine = input.engine ? timersOf(input.engine) : null;
    const bpmn = (engine?.pending ?? []).map((e) =>
      newTimer({ id: bpmnTimerId(input.caseId, e.key), kind: BPMN_KIND, caseId: input.caseId, taskId: null, dueAt: e.expireAt, data: { elementId: e.elementId, key: e.key } }, now),
    );
    // timers the engine fired in this call (on a resume, when they were due) are audited with the change
    const fired = (engine?.fired ?? []).map((f) => auditEvent(input.caseId, now.toISOString(), null, 'timer.fired', { elementId: f.elementId, timerId: bpmnTimerId(input.caseId, f.key) }));
    return {
      next: { ...next, audit: [...fired, ...next.audit] },
      timers: [...sla, ...bpmn],
      cancelTimers: [...input.closedTaskIds.map(slaTimerId), ...(engine?.ended ?? []).map((key) => bpmnTimerId(input.caseId, key))],
    };
  }

  /** On a working-time version, each new task's dueAt (and its task.created audit) is the working-time due. */
  private async dueTimes(definitionId: string, next: PlannedTasks): Promise<PlannedTasks> {
    const clock = await this.settings.clock(definitionId);
    if (clock.basis === 'calendar') return next;
    const due = new Map<string, string>();
    const tasks = next.tasks.map((t) => {
      const ms = parseIsoDuration(t.timeStandard) ?? Date.parse(t.dueAt) - Date.parse(t.createdAt);
      const dueAt = workingDue(clock, Date.parse(t.createdAt), ms);
      due.set(t.id, dueAt);
      return { ...t, dueAt };
    });
    const audit = next.audit.map((e) =>
      e.type === 'task.created' && e.taskId && due.has(e.taskId) ? { ...e, data: { ...e.data, dueAt: due.get(e.taskId) } } : e,
    );
    return { tasks, audit };
  }
}
