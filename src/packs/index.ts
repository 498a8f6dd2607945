// The registry of process packs (what is specific to one SOP) that the composition root reads.
import { PPBJ_PACK } from './ppbj/pack.js';

export interface ProcessPack {
  /** The BPMN process id the pack belongs to. */
  processKey: string;
  /** Group names of old stored models of this process and the group each is read as. */
  groupAliases: Readonly<Record<string, string>>;
}

export const PACKS: readonly ProcessPack[] = [PPBJ_PACK];

/** processKey -> group aliases, as the workflow module takes them. */
export function packGroupAliases(packs: readonly ProcessPack[] = PACKS): Record<string, Record<string, string>> {
  return Object.fromEntries(packs.map((p) => [p.processKey, { ...p.groupAliases }]));
}
