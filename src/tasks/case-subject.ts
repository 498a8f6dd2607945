// What lists (Kotak Masuk, Tugas Saya, Alihkan) show beside the applicant for a case: a short fact a
// process pack chooses (e.g. a masked identity number), given by the composition root.
import type { CaseRecord } from '../store/ports.js';

export interface CaseSubject {
  label: string; // i18n key of the column/label
  value: string; // safe to show in a list (masked where personal)
}

/** The subject of a case, or null when its process shows none. */
export type CaseSubjectOf = (c: CaseRecord) => CaseSubject | null;

export const NO_CASE_SUBJECT: CaseSubjectOf = () => null;

/** The column heading: the rows' common label, else the generic one. */
export function subjectHeading(subjects: Iterable<CaseSubject>): string {
  const labels = new Set([...subjects].map((s) => s.label));
  return labels.size === 1 ? [...labels][0]! : 'inbox.subject';
}
