// The registry of process packs (what is specific to one SOP; the interface: pack.ts) that the
// composition root reads. This is the one core-adjacent file that names the packs.
import type { FormDef, ReturnReason } from '../forms/form-types.js';
import type { ProcessPack } from './pack.js';
import { PPBJ_PACK } from './ppbj/pack.js';

export type { ProcessPack, PackRouteContext, PackSeedContext, CaseSubject, ApplicantTexts } from './pack.js';

export const PACKS: readonly ProcessPack[] = [PPBJ_PACK];

/** processKey -> group aliases, as the workflow module takes them. */
export function packGroupAliases(packs: readonly ProcessPack[] = PACKS): Record<string, Record<string, string>> {
  return Object.fromEntries(packs.map((p) => [p.processKey, { ...p.groupAliases }]));
}

/** processKey -> the pack's own start page, for the processes whose pack has one. */
export function packStartPaths(packs: readonly ProcessPack[] = PACKS): Record<string, string> {
  return Object.fromEntries(packs.filter((p) => p.startPath).map((p) => [p.processKey, p.startPath!]));
}

/** Every pack's coded forms, in registry order (the form registry refuses a key used twice). */
export function packForms(packs: readonly ProcessPack[] = PACKS): FormDef[] {
  return packs.flatMap((p) => p.forms);
}

/** processKey -> the pack's model rules (checkModel), for the packs that have them. */
export function packModelChecks(packs: readonly ProcessPack[] = PACKS): Record<string, NonNullable<ProcessPack['checkModel']>> {
  return Object.fromEntries(packs.filter((p) => p.checkModel).map((p) => [p.processKey, p.checkModel!.bind(p)]));
}

/** Every pack's pages, in registry order (the app mounts them). */
export function packRoutes(packs: readonly ProcessPack[] = PACKS): Array<NonNullable<ProcessPack['routes']>> {
  return packs.filter((p) => p.routes).map((p) => p.routes!.bind(p));
}

/** processKey -> the pack's prefix of its cases' nomor permohonan, for the packs that have one. */
export function packCaseNumberPrefixes(packs: readonly ProcessPack[] = PACKS): Record<string, string> {
  return Object.fromEntries(packs.filter((p) => p.caseNumberPrefix).map((p) => [p.processKey, p.caseNumberPrefix!]));
}

/** processKey -> what the pack tells its applicants (start and end pages). */
export function packApplicantTexts(packs: readonly ProcessPack[] = PACKS): Record<string, NonNullable<ProcessPack['applicantTexts']>> {
  return Object.fromEntries(packs.filter((p) => p.applicantTexts).map((p) => [p.processKey, p.applicantTexts!]));
}

/** Every pack's structured return reasons, in registry order. */
export function packReturnReasons(packs: readonly ProcessPack[] = PACKS): ReturnReason[] {
  return packs.flatMap((p) => p.returnReasons ?? []);
}
