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

/** The groups of a version's user tasks, by definition id (versions are immutable; the XML is read once per version). */
const groupsByVersion = new Map<string, Promise<ReadonlySet<string>>>();

function groupsOf(store: Store, definitionId: string): Promise<ReadonlySet<string>> {
  let groups = groupsByVersion.get(definitionId);
  if (!groups) {
    groups = store.getDefinition(definitionId)
      .then(async (def) => new Set(def ? ((await modelOf(def).catch(() => null))?.userTasks ?? []).map((t) => t.groupId) : []));
    groupsByVersion.set(definitionId, groups);
    groups.catch(() => groupsByVersion.delete(definitionId));
  }
  return groups;
}

/**
 * The deployed processes (a studio draft alone is not one) whose latest version has a step of any of
 * `groupIds`, by name, from the catalogue (bounded): an inbox offers only the processes its reader works in.
 */
export async function processesForGroups(store: Store, groupIds: readonly string[]): Promise<ProcessOption[]> {
  const latest = await store.listLatestDefinitions();
  const mine = await Promise.all(latest.map(async (d) => [...(await groupsOf(store, d.id))].some((g) => groupIds.includes(g))));
  return latest
    .filter((_, i) => mine[i])
    .map((d) => ({ key: d.processKey, name: d.name || d.processKey }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** Process name per key of `keys` (latest version's name; the key itself when none is deployed). */
export async function processNames(store: Store, keys: string[]): Promise<Map<string, string>> {
  const names = new Map((await store.listLatestDefinitions()).map((d) => [d.processKey, d.name || d.processKey]));
  return new Map([...new Set(keys)].map((k) => [k, names.get(k) ?? k]));
}
