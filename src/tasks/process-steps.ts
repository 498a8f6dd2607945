// The processes of the office and the SOP steps (user tasks) of one process over all its deployed
// versions, for the inbox's process and step filters. Definitions are immutable, so each version's
// model is parsed once.
import type { Store } from '../store/ports.js';
import { loadProcessModel, type ProcessModel } from '../workflow/index.js';

export interface StepOption {
  elementId: string;
  stepNo: number | null;
  name: string;
}

export interface ProcessOption {
  key: string;
  name: string; // the latest version's name
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

/**
 * Steps of one process done by any of `groupIds`, ordered by SOP number; a step is its element id across the
 * versions (the newest version's name wins). Steps of another process are never mixed in, even under
 * the same SOP number.
 */
export async function stepsForGroups(store: Store, groupIds: readonly string[], processKey: string): Promise<StepOption[]> {
  const defs = await store.listDefinitions(processKey); // newest first
  const byId = new Map<string, StepOption>();
  for (const def of defs) {
    const model = await modelOf(def).catch(() => null);
    for (const t of model?.userTasks ?? []) {
      if (groupIds.includes(t.groupId) && !byId.has(t.id)) byId.set(t.id, { elementId: t.id, stepNo: t.sop.stepNo, name: t.name });
    }
  }
  return [...byId.values()].sort((a, b) => (a.stepNo ?? 99) - (b.stepNo ?? 99) || a.name.localeCompare(b.name));
}

/** Every deployed process (a studio draft alone is not one), by name, from the catalogue (bounded). */
export async function deployedProcesses(store: Store): Promise<ProcessOption[]> {
  return (await store.listLatestDefinitions())
    .map((d) => ({ key: d.processKey, name: d.name || d.processKey }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** Process name per key of `keys` (latest version's name; the key itself when none is deployed). */
export async function processNames(store: Store, keys: string[]): Promise<Map<string, string>> {
  const names = new Map((await store.listLatestDefinitions()).map((d) => [d.processKey, d.name || d.processKey]));
  return new Map([...new Set(keys)].map((k) => [k, names.get(k) ?? k]));
}
