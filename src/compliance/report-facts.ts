// Puts the report facts into the change that completes a task or ends a case (CaseChange.facts,
// written in its transaction), and computes them afterwards for the cases on the store's backlog
// (changes that brought none, e.g. a BPMN timer ending a case, and cases older than the facts).
// NOTE: facts are measured on the calendar and time basis in force when they are computed; a later
// change of either does not rewrite them (README: "Which time counts").
import type { DefinitionService } from '../definitions/definition-service.js';
import type { CaseChange, CaseSummary, Store, TaskFacts, TaskRecord } from '../store/ports.js';
import type { ComplianceSettings } from './compliance-settings.js';
import { caseFactsOf, factsOfCase, taskFactsFor } from './task-facts.js';

/** Cases of the backlog one catch-up handles. */
export const CATCH_UP_BATCH = 100;
const FACT_AUDIT = ['task.taken', 'case.returned'] as const;

export class ReportFacts {
  private readonly standards = new Map<string, number>();

  constructor(private readonly deps: { store: Store; definitions: DefinitionService; settings: ComplianceSettings }) {}

  /** Sum of a version's time standards (cached: a deployed version never changes). */
  private async standardOf(definitionId: string): Promise<number> {
    let ms = this.standards.get(definitionId);
    if (ms === undefined) {
      const model = await this.deps.definitions.model(await this.deps.definitions.byId(definitionId));
      this.standards.set(definitionId, (ms = model.userTasks.reduce((sum, t) => sum + t.timeStandardMs, 0)));
    }
    return ms;
  }

  /** The change with the facts of the tasks it completes and of its case if it ends. */
  async forChange(change: CaseChange): Promise<CaseChange> {
    const c = change.case;
    const closing = new Map((change.completeTasks ?? []).map((t) => [t.taskId, t]));
    const completedIds = [
      ...(change.completeTasks ?? []).filter((t) => (t.status ?? 'completed') === 'completed').map((t) => t.taskId),
      ...(change.openTasks ?? []).filter((t) => t.caseId === c.id && t.status === 'completed').map((t) => t.id),
    ];
    const ends = c.status === 'completed';
    if (completedIds.length === 0 && !ends) return change;

    const { store, settings } = this.deps;
    const isNew = change.expectedRev === null;
    const [stored, prior] = isNew ? [[], []] : await Promise.all([store.listTasksOfCases([c.id]), store.listAuditOfCases([c.id], [...FACT_AUDIT])]);
    // the case's tasks as the change leaves them
    const tasks: TaskRecord[] = [
      ...stored.map((t) => {
        const close = closing.get(t.id);
        return close ? { ...t, status: close.status ?? 'completed', completedAt: close.completedAt, completedBy: close.completedBy } : t;
      }),
      ...(change.openTasks ?? []).filter((t) => t.caseId === c.id),
    ];
    const clock = await settings.clock(c.definitionId);
    const audit = [...prior, ...change.audit.filter((e) => e.caseId === c.id && (FACT_AUDIT as readonly string[]).includes(e.type))];
    const facts: TaskFacts[] = taskFactsFor(tasks, audit, clock, new Set(completedIds));
    const returns = audit.filter((e) => e.type === 'case.returned').length;
    const { engineState: _state, data: _data, ...summary } = c;
    const caseFacts = ends ? caseFactsOf(summary, tasks, clock, await this.standardOf(c.definitionId), returns) : undefined;
    return { ...change, facts: { tasks: facts, ...(caseFacts ? { case: caseFacts } : {}) } };
  }

  /** Computes the facts of up to `limit` cases of the backlog; how many it handled. */
  async catchUp(limit = CATCH_UP_BATCH): Promise<number> {
    const { store, settings } = this.deps;
    const backlog = await store.listReportBacklog(limit);
    if (backlog.length === 0) return 0;
    const ids = backlog.map((b) => b.caseId);
    const [tasks, audit] = await Promise.all([store.listTasksOfCases(ids), store.listAuditOfCases(ids, [...FACT_AUDIT])]);
    const calendar = await settings.calendar();
    const batch = { tasks: [] as TaskFacts[], cases: [] as NonNullable<ReturnType<typeof factsOfCase>['case']>[], done: backlog };
    for (const id of ids) {
      const c = await store.getCase(id);
      if (!c) continue; // gone: nothing to count
      const { engineState: _state, data: _data, ...summary } = c;
      const clock = await settings.clock(c.definitionId, calendar);
      const f = factsOfCase(summary as CaseSummary, tasks.filter((t) => t.caseId === id), audit.filter((e) => e.caseId === id), clock, await this.standardOf(c.definitionId));
      batch.tasks.push(...f.tasks);
      if (f.case) batch.cases.push(f.case);
    }
    await store.saveReportFacts(batch);
    return backlog.length;
  }

  /** Catches up until the backlog is empty (a start after an upgrade, a background job); how many cases. */
  async catchUpAll(onBatch?: (done: number) => void): Promise<number> {
    let done = 0;
    for (let n = await this.catchUp(); n > 0; n = await this.catchUp()) {
      done += n;
      onBatch?.(done);
    }
    return done;
  }
}
