// Progress of one case over the SOP steps: "Langkah 4 dari 6", and per step the time taken against
// its Mutu Baku Waktu (done: createdAt → completedAt of each round; current: elapsed so far), with
// the total against the sum of the standards (80 minutes for the shipped SOP: "1 jam 20 menit", like every span).
import type { AuditEvent, CaseRecord, TaskRecord } from '../store/ports.js';
import { span, type Span } from '../tasks/sla.js';
import type { UserTaskSpec } from '../workflow/index.js';

export interface StepView {
  elementId: string;
  stepNo: number | null;
  name: string;
  state: 'done' | 'current' | 'pending';
  doneBy?: string | null;
  doneAt?: string | null;
  timeStandard: string;
  actual: Span | null; // null = not started
  actualMs: number;
  over: boolean; // took (or is taking) longer than the standard
  rounds: number;
  repeated: boolean; // more than one round: a return sent the case back to this step
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

export function stepViews(specs: UserTaskSpec[], open: TaskRecord[], done: TaskRecord[], audit: AuditEvent[], now: Date): StepView[] {
  const completedBy = new Map(audit.filter((e) => e.type === 'task.completed' && e.taskId).map((e) => [e.taskId!, e.actorName]));
  return [...specs]
    .sort((a, b) => (a.sop.stepNo ?? 0) - (b.sop.stepNo ?? 0))
    .map((spec) => {
      const rounds = done.filter((t) => t.elementId === spec.id).sort((a, b) => String(a.completedAt).localeCompare(String(b.completedAt)));
      const last = rounds[rounds.length - 1];
      const current = open.find((t) => t.elementId === spec.id);
      const doneMs = rounds.reduce((sum, t) => sum + Math.max(0, ms(t.completedAt) - ms(t.createdAt) || 0), 0);
      const actualMs = doneMs + (current ? Math.max(0, now.getTime() - ms(current.createdAt)) : 0);
      const started = rounds.length > 0 || Boolean(current);
      return {
        elementId: spec.id,
        stepNo: spec.sop.stepNo,
        name: spec.name,
        state: current ? 'current' : last ? 'done' : 'pending',
        doneBy: !current && last ? completedBy.get(last.id) : undefined,
        doneAt: !current && last ? last.completedAt : undefined,
        timeStandard: spec.timeStandard,
        actual: started ? span(actualMs) : null,
        actualMs,
        over: started && actualMs > spec.timeStandardMs,
        rounds: rounds.length + (current ? 1 : 0),
        repeated: rounds.length + (current ? 1 : 0) > 1,
      };
    });
}

export function progressOf(c: CaseRecord, steps: StepView[], specs: UserTaskSpec[]) {
  const total = steps.length;
  const currentIndex = steps.findIndex((s) => s.state === 'current');
  const position = c.status === 'completed' ? total : currentIndex >= 0 ? currentIndex + 1 : steps.filter((s) => s.state === 'done').length;
  const standardMs = specs.reduce((sum, s) => sum + (s.timeStandardMs || 0), 0);
  const actualMs = steps.reduce((sum, s) => sum + s.actualMs, 0);
  return {
    position,
    total,
    completed: c.status === 'completed',
    doneCount: c.status === 'completed' ? total : Math.max(0, position - (currentIndex >= 0 ? 1 : 0)),
    totalStandard: span(standardMs),
    totalActual: span(actualMs),
    totalOver: actualMs > standardMs,
  };
}
