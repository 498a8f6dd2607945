// Per-process group aliases: a group named in an old stored model that is read as another one
// (e.g. an old version's candidateGroups="pelamar" read as the applicant group 'pemohon'). The composition root
// sets them from the process packs once at start-up; the workflow never imports a pack.

/** processKey -> { group named in the model: group it is read as } */
export type GroupAliases = Readonly<Record<string, Readonly<Record<string, string>>>>;

let current: GroupAliases = {};

/** Called by the composition root (and test apps built through it); replaces the aliases. */
export function setGroupAliases(aliases: GroupAliases): void {
  current = Object.freeze({ ...aliases });
}

export function groupAliases(): GroupAliases {
  return current;
}

/** The group `group` is read as in process `processKey`. */
export function aliasedGroup(aliases: GroupAliases, processKey: string, group: string): string {
  const map = Object.hasOwn(aliases, processKey) ? aliases[processKey]! : undefined;
  return map && Object.hasOwn(map, group) ? map[group]! : group;
}
