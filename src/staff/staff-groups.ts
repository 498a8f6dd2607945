// Group memberships of staff accounts as the /staf forms give them: the group ids a form posted,
// checked against the groups deployed models created.
import type { GroupRecord, Store } from '../store/ports.js';

/** More choices than any office has groups is a forged form, not a typo. */
export const MAX_POSTED_GROUPS = 200;
const GROUP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The group ids a form posted (one value or several), trimmed, unique, in order; null if the field is not text. */
export function postedGroupIds(raw: unknown): string[] | null {
  if (raw === undefined || raw === null || raw === '') return [];
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length > MAX_POSTED_GROUPS || values.some((v) => typeof v !== 'string')) return null;
  return [...new Set((values as string[]).map((v) => v.trim()).filter(Boolean))];
}

/** Whether a posted text could be a group id at all (else it is unknown without asking the store). */
export const looksLikeGroupId = (id: string): boolean => id.length <= 64 && GROUP_ID.test(id);

/** The groups named by `ids` that exist, and the ids that do not. */
export async function resolveGroups(store: Store, ids: string[]): Promise<{ known: GroupRecord[]; unknown: string[] }> {
  const known: GroupRecord[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const group = looksLikeGroupId(id) ? await store.getGroup(id) : null;
    if (group) known.push(group);
    else unknown.push(id);
  }
  return { known, unknown };
}
