// Who does a user task: a group. `camunda:candidateGroups` (exactly one identifier) wins, else the
// task's lane name slugified ("Kepala Seksi" -> 'kepala-seksi'). System roles are never groups.
import { APPLICANT_GROUP, ROLES } from '../store/ports.js';
import type { ModdleNode } from './moddle.js';
import { aliasedGroup, type GroupAliases } from './group-aliases.js';

export type Lane = { id: string; name: string };

const GROUP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_GROUP_ID = 64;

export const isGroupId = (id: string): boolean => id.length <= MAX_GROUP_ID && GROUP_ID.test(id);

/** "Kepala Seksi" -> 'kepala-seksi', "Pengelolaan Barang/Jasa" -> 'pengelolaan-barang-jasa', "Pemeriksaan Ulang" with diacritics removed. */
export function slugifyGroup(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A group, or why the task has none: message key, arguments and English text. */
export type TaskGroup = { groupId: string; groupName: string } | { problem: string; code: string; args: Record<string, string> };

/** The group of `task` (in lane `lane`), or why it has none. */
export function groupOf(task: ModdleNode, lane: Lane | null, processKey: string, aliases: GroupAliases): TaskGroup {
  const step = `step "${typeof task.name === 'string' && task.name.trim() ? task.name.trim() : task.id ?? ''}"`;
  const raw = String(task.candidateGroups ?? '');
  const named = raw.split(',').map((g) => g.trim()).filter(Boolean);
  if (named.length > 1) return { problem: `${step}: camunda:candidateGroups "${raw}" names more than one group; a step is done by exactly one group`, code: 'group-many', args: { value: raw } };
  let source: string;
  let groupId: string;
  if (named.length === 1) {
    source = `camunda:candidateGroups "${named[0]}"`;
    groupId = aliasedGroup(aliases, processKey, named[0]!);
  } else if (lane && lane.name.trim()) {
    source = `lane "${lane.name}"`;
    groupId = aliasedGroup(aliases, processKey, slugifyGroup(lane.name));
  } else {
    return { problem: `${step}: no group: put the step in a lane (its name names the group) or set camunda:candidateGroups`, code: 'group-missing', args: {} };
  }
  if ((ROLES as readonly string[]).includes(groupId)) {
    return {
      problem: `${step}: ${source} names the system role "${groupId}", not a group; name the group that does the step (e.g. "Kepala Seksi"), or "${APPLICANT_GROUP}" for the applicant`,
      code: 'group-system-role', args: { group: groupId, applicant: APPLICANT_GROUP },
    };
  }
  if (!isGroupId(groupId)) {
    return {
      problem: `${step}: ${source} gives the group id "${groupId}", which is not valid: lower-case letters and digits in words joined by "-", starting with a letter, at most ${MAX_GROUP_ID} characters`,
      code: 'group-id-invalid', args: { group: groupId, max: String(MAX_GROUP_ID) },
    };
  }
  // the display name is the lane's when the lane names this very group (or holds the applicant's step), else the id
  const laneName = lane?.name.trim() ?? '';
  const laneNamesIt = laneName !== '' && (groupId === APPLICANT_GROUP || aliasedGroup(aliases, processKey, slugifyGroup(laneName)) === groupId);
  return { groupId, groupName: laneNamesIt ? laneName : groupId };
}
