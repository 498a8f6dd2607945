// "Grup X tidak punya anggota aktif": the groups a process model needs (the groups of its user
// tasks, but the applicant's reserved group) that have no active member, for the Proses pages
// and, as warnings that never refuse a deploy, for the studio's validation.
import { APPLICANT_GROUP, type DefinitionRecord, type Store } from '../store/ports.js';
import type { DefinitionProblem, ProcessModel } from '../workflow/index.js';

export const GROUP_WARNING_RULE = 'group-no-active-member';

export interface NeededGroup {
  id: string;
  name: string; // display name from the model (its lane)
  elementId: string; // the first user task of the group (where the studio marks the warning)
}

/** The groups the model's user tasks need, once each, in step order; never the applicant's reserved group. */
export function neededGroups(model: Pick<ProcessModel, 'userTasks'>): NeededGroup[] {
  const found = new Map<string, NeededGroup>();
  for (const task of model.userTasks) {
    if (task.groupId === APPLICANT_GROUP || found.has(task.groupId)) continue;
    found.set(task.groupId, { id: task.groupId, name: task.groupName || task.groupId, elementId: task.id });
  }
  return [...found.values()];
}

/** Of several lists of groups, those without an active member, in one store query; a group the store does not know has none. */
export async function withoutActiveMember<K>(store: Store, needs: Map<K, NeededGroup[]>): Promise<Map<K, NeededGroup[]>> {
  const ids = [...new Set([...needs.values()].flat().map((g) => g.id))];
  const counts = ids.length > 0 ? await store.countActiveMembers(ids) : {};
  const out = new Map<K, NeededGroup[]>();
  for (const [key, groups] of needs) out.set(key, groups.filter((g) => !(counts[g.id]! > 0)));
  return out;
}

/** The groups of one model without an active member. */
export async function modelWarnings(store: Store, model: Pick<ProcessModel, 'userTasks'>): Promise<NeededGroup[]> {
  return (await withoutActiveMember(store, new Map([[0, neededGroups(model)]]))).get(0) ?? [];
}

/** The studio's warnings (severity 'warning': a deploy still goes through). */
export async function groupProblems(store: Store, model: Pick<ProcessModel, 'userTasks'>): Promise<DefinitionProblem[]> {
  return (await modelWarnings(store, model)).map((g) => ({
    elementId: g.elementId, severity: 'warning', rule: GROUP_WARNING_RULE, code: GROUP_WARNING_RULE, args: { group: g.id, name: g.name },
    message: `group ${g.id} (${g.name}) has no active member: nobody will do its steps until a member is added on /staf`,
  }));
}

/** Reads the models of deployed versions (cached by the definition service). */
export interface ModelSource {
  byId(id: string): Promise<DefinitionRecord>;
  model(def: DefinitionRecord): Promise<ProcessModel>;
}

/**
 * Per definition id (the latest version of each process in a list): its groups without an active
 * member. A stored version that no longer reads gets none here (it is reported where it is run).
 */
export async function definitionWarnings(store: Store, models: ModelSource, definitionIds: string[]): Promise<Map<string, NeededGroup[]>> {
  const needs = new Map<string, NeededGroup[]>();
  for (const id of new Set(definitionIds)) {
    try {
      needs.set(id, neededGroups(await models.model(await models.byId(id))));
    } catch {
      needs.set(id, []);
    }
  }
  return withoutActiveMember(store, needs);
}
