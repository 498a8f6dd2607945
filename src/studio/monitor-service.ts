// "Seeing the process run": open and overdue tasks per user task of the process (all versions:
// element ids are stable across versions; only tasks of this process's cases, as another process
// may use the same element id), and the open tasks of one step.
import type { DefinitionService } from '../definitions/definition-service.js';
import type { Store, TaskRecord } from '../store/ports.js';

export interface StepCount {
  elementId: string;
  name: string;
  stepNo: number | null;
  open: number;
  overdue: number;
}

export class MonitorService {
  constructor(
    private readonly deps: { store: Store; definitions: DefinitionService; now?: () => Date },
    readonly processKey: string,
  ) {}

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  async counts(): Promise<{ xml: string; version: number; steps: StepCount[] }> {
    const def = await this.deps.definitions.latest(this.processKey);
    const model = await this.deps.definitions.model(def);
    const now = this.now();
    const steps = await Promise.all(
      model.userTasks.map(async (task) => ({
        elementId: task.id,
        name: task.name,
        stepNo: task.sop.stepNo,
        open: await this.deps.store.countStepTasks({ processKey: this.processKey, elementId: task.id }),
        overdue: await this.deps.store.countStepTasks({ processKey: this.processKey, elementId: task.id, dueBefore: now }),
      })),
    );
    return { xml: def.xml, version: def.version, steps };
  }

  /** Open tasks at one step, overdue first (by due time); `overdueOnly` keeps those past due now. */
  async tasksAt(elementId: string, overdueOnly: boolean): Promise<Array<TaskRecord & { overdue: boolean }>> {
    const now = this.now();
    const tasks = await this.deps.store.listStepTasks({
      processKey: this.processKey, elementId, limit: 200, ...(overdueOnly ? { dueBefore: now } : {}),
    });
    return tasks.map((t) => ({ ...t, overdue: t.dueAt < now }));
  }
}
