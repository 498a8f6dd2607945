// The SOP steps (user tasks) of the shipped process over all its deployed versions, for the
// inbox's step filter. Definitions are immutable, so each version's model is parsed once.
import { SHIPPED_PROCESS_KEY } from '../cases/case-service.js';
import type { Role, Store } from '../store/ports.js';
import { loadProcessModel, type ProcessModel } from '../workflow/index.js';

export interface StepOption {
  elementId: string;
  stepNo: number | null;
  name: string;
}

const models = new Map<string, Promise<ProcessModel>>();

function modelOf(def: { id: string; xml: string }): Promise<ProcessModel> {
  let model = models.get(def.id);
  if (!model) {
    model = loadProcessModel(def.xml);
    models.set(def.id, model);
    model.catch(() => models.delete(def.id));
  }
  return model;
}

/** Steps done by `role`, ordered by SOP number; the newest version's name wins for a shared id. */
export async function stepsForRole(store: Store, role: Role, processKey = SHIPPED_PROCESS_KEY): Promise<StepOption[]> {
  const defs = await store.listDefinitions(processKey); // newest first
  const byId = new Map<string, StepOption>();
  for (const def of defs) {
    const model = await modelOf(def).catch(() => null);
    for (const t of model?.userTasks ?? []) {
      if (t.role === role && !byId.has(t.id)) byId.set(t.id, { elementId: t.id, stepNo: t.sop.stepNo, name: t.name });
    }
  }
  return [...byId.values()].sort((a, b) => (a.stepNo ?? 99) - (b.stepNo ?? 99) || a.name.localeCompare(b.name));
}
