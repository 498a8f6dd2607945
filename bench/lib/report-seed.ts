// Seeds the reports benchmark FAST: N cases of the shipped process spread over `months` months up to
// now, each written with its tasks by one Store.applyCaseChange WITHOUT facts (as data from before the
// facts: the store lists the case on its report backlog), then the facts of each batch of cases with
// one Store.saveReportFacts (which clears their backlog entries). Step times are random (minutes,
// whole ms), 20 % of cases are returned at step 6 once or more, the newest 1 % still run.
import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/composition.js';
import { PPBJ_PROCESS_KEY as SHIPPED_PROCESS_KEY } from '../../src/packs/ppbj/process-key.js';
import { taskFromWaiting } from '../../src/cases/task-projection.js';
import { APPLICANT_GROUP, type AuditEvent, type CaseFacts, type CaseRecord, type TaskFacts, type TaskRecord } from '../../src/store/ports.js';
import type { UserTaskSpec } from '../../src/workflow/index.js';
import { seeded, type Random } from '../seed-demo-people.js';
import { driveCase } from './drive-case.js';

export interface ReportSeedPlan {
  cases: number;
  months: number;
  /** newest share of cases still running (one open task each) */
  runningShare: number;
}

const MIN = 60_000;
const DAY = 86_400_000;
const BATCH = 1000;
const REASONS = ['sk-kedaluwarsa', 'data-tidak-sesuai', 'dokumen-tidak-terbaca', 'jabatan-tidak-sesuai'];

/** How many times step 6 returns a case: 0 (80 %), 1 (15 %), 2 (4 %), 3 (1 %). */
const returnsOf = (r: Random): number => {
  const x = r();
  return x < 0.8 ? 0 : x < 0.95 ? 1 : x < 0.99 ? 2 : 3;
};
/** A duration of lo..hi minutes in whole ms. */
const minutes = (r: Random, lo: number, hi: number): number => Math.round((lo + r() * (hi - lo)) * MIN);

interface Planned {
  c: CaseRecord;
  tasks: TaskRecord[];
  facts: TaskFacts[];
  caseFacts: CaseFacts | null;
  audit: AuditEvent[];
}

/** Plans cases of the seed (`planCase(n)`: the n-th of the plan; `planCase(n, createdMs)`: a completed one started then). */
async function casePlanner(services: Services, plan: ReportSeedPlan, admins: string[]) {
  const { definitions } = services;
  const def = await definitions.latest(SHIPPED_PROCESS_KEY);
  const specs = new Map((await definitions.model(def)).userTasks.map((s) => [s.id, s]));
  const samples = await driveCase(def, 0);
  const completedState = samples.at(-1)!.result.engineState;
  const runningState = samples[3]!.result.engineState;
  const standardMs = [...specs.values()].reduce((sum, s) => sum + s.timeStandardMs, 0);
  const random = seeded(20261206);
  const now = Date.now();
  const span = plan.months * 30.44 * DAY;
  const running = Math.round(plan.cases * plan.runningShare);

  return function planCase(n: number, createdMs?: number): Planned {
    const created = createdMs ?? now - span + (n / plan.cases) * (span - 2 * DAY) + Math.floor(random() * 3_600_000);
    const c: CaseRecord = {
      id: randomUUID(), definitionId: def.id, processKey: def.processKey, definitionVersion: def.version, applicantId: `applicant-${n}`,
      applicantName: `Pengelola PBJ ${n}`, status: 'completed', engineState: completedState, data: {}, rev: 1, error: null,
      createdAt: new Date(created).toISOString(), updatedAt: new Date(created).toISOString(),
    };
    const returns = returnsOf(random);
    const steps: Array<{ id: string; returned?: string[] }> = [{ id: 'MembuatAkun' }, { id: 'MengisiIdentitas' }, { id: 'MelakukanVerifikasi' }];
    for (let i = 0; i < returns; i++) steps.push({ id: 'MelengkapiInformasi' }, { id: 'MemeriksaInformasi', returned: [REASONS[Math.floor(random() * REASONS.length)]!] });
    steps.push({ id: 'MelengkapiInformasi' }, { id: 'MemeriksaInformasi' }, { id: 'MengaktifkanAkun' });
    const stopAt = createdMs === undefined && n >= plan.cases - running ? 1 + Math.floor(random() * (steps.length - 1)) : steps.length; // a running case waits there
    const out: Planned = { c, tasks: [], facts: [], caseFacts: null, audit: [event(c.id, c.createdAt, 'case.started', null)] };
    let at = created;
    let caseReturns = 0;
    let [agencyMs, applicantMs] = [0, 0];
    const previous = new Map<string, { at: string; caseReturns: number }>(); // per step: its last completion
    steps.slice(0, Math.min(stopAt + 1, steps.length)).forEach((step, i) => {
      const spec = specs.get(step.id) as UserTaskSpec;
      const t = taskFromWaiting(c, { elementId: spec.id, spec }, new Date(at));
      out.tasks.push(t);
      if (i === stopAt) return; // the open task of a running case
      const staff = spec.groupId !== APPLICANT_GROUP;
      const wait = staff ? minutes(random, 0, 40) : null;
      const handling = staff ? minutes(random, 1, 15) : null;
      const elapsed = i === 0 ? 0 : staff ? wait! + handling! : minutes(random, 1, 90);
      at += elapsed;
      const by = staff ? admins[Math.floor(random() * admins.length)]! : c.applicantId;
      Object.assign(t, { status: 'completed', completedAt: new Date(at).toISOString(), completedBy: by, assigneeId: staff ? by : null });
      if (step.returned) caseReturns += 1;
      if (staff) agencyMs += elapsed;
      else applicantMs += elapsed;
      out.facts.push({
        taskId: t.id, caseId: c.id, processKey: c.processKey, elementId: t.elementId, name: t.name, stepNo: t.stepNo, groupId: t.groupId,
        completedAt: t.completedAt!, completedBy: by, takenAt: staff ? new Date(Date.parse(t.createdAt) + wait!).toISOString() : null,
        elapsedMs: elapsed, waitMs: wait, handlingMs: handling, standardMs: spec.timeStandardMs, met: elapsed <= spec.timeStandardMs,
        returnReasons: step.returned ?? null, caseReturns,
        previousAt: previous.get(t.elementId)?.at ?? null, previousCaseReturns: previous.get(t.elementId)?.caseReturns ?? null,
      });
      previous.set(t.elementId, { at: t.completedAt!, caseReturns });
    });
    c.updatedAt = new Date(at).toISOString();
    if (stopAt < steps.length) {
      Object.assign(c, { status: 'running', engineState: runningState });
    } else {
      const totalMs = at - created;
      out.caseFacts = {
        caseId: c.id, processKey: c.processKey, createdAt: c.createdAt, endedAt: c.updatedAt, totalMs, agencyMs, applicantMs, standardMs,
        met: totalMs <= standardMs, returns: caseReturns,
      };
      out.audit.push(event(c.id, c.updatedAt, 'case.completed', null));
    }
    return out;
  };
}

export async function seedReportCases(services: Services, plan: ReportSeedPlan, admins: string[], onBatch: (done: number) => void): Promise<void> {
  const { store } = services;
  const planCase = await casePlanner(services, plan, admins);
  for (let start = 0; start < plan.cases; start += BATCH) {
    const batch: Planned[] = [];
    for (let n = start; n < Math.min(plan.cases, start + BATCH); n++) batch.push(planCase(n));
    for (const p of batch) await store.applyCaseChange({ expectedRev: null, case: p.c, openTasks: p.tasks, audit: p.audit });
    await store.saveReportFacts({
      tasks: batch.flatMap((p) => p.facts),
      cases: batch.flatMap((p) => (p.caseFacts ? [p.caseFacts] : [])),
      done: batch.filter((p) => p.facts.length > 0 || p.caseFacts).map((p) => ({ caseId: p.c.id, mark: 1 })),
    });
    onBatch(Math.min(plan.cases, start + BATCH));
  }
}

function event(caseId: string, at: string, type: AuditEvent['type'], taskId: string | null): AuditEvent {
  return { id: randomUUID(), caseId, at, actorId: null, actorName: null, type, taskId, data: {} };
}

/**
 * Writes completed cases as the case service does while the office works: each with its facts in
 * the change (CaseChange.facts), started `minutesAgo` before now. Returns the writer.
 */
export async function officeAtWork(services: Services, admins: string[]): Promise<(n: number, minutesAgo: number) => Promise<void>> {
  const planCase = await casePlanner(services, { cases: 1, months: 1, runningShare: 0 }, admins);
  return async (n, minutesAgo) => {
    const p = planCase(1_000_000 + n, Date.now() - minutesAgo * 60_000);
    await services.store.applyCaseChange({ expectedRev: null, case: p.c, openTasks: p.tasks, audit: p.audit, facts: { tasks: p.facts, ...(p.caseFacts ? { case: p.caseFacts } : {}) } });
  };
}
