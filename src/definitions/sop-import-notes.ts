// The import notes of a studio draft (what the SOP importer was unsure of, stored with the draft) as the
// studio shows them: each in the owner's language, naming the step by its row number and Kegiatan;
// and the ids a dismissal may name.
import { problemMessage } from '../importer/problem-texts.js';
import type { DraftImportProblem } from '../store/ports.js';
import type { Lang } from '../web/i18n.js';
import { MAX_IMPORT_PROBLEMS } from './sop-import.js';

export interface ImportNote {
  id: string;
  code: string;
  severity: DraftImportProblem['severity'];
  elementId: string | null;
  row: number | null;
  /** Bounds of a fix the modeler can see (e.g. `max` of a name): the problem's arguments. */
  args: Record<string, string>;
  message: string;
}

export function importNotes(problems: readonly DraftImportProblem[] | undefined, lang: Lang): ImportNote[] {
  return (problems ?? []).map((p) => ({
    id: p.id, code: p.code, severity: p.severity, elementId: p.elementId, row: p.row, args: p.args ?? {},
    message: problemMessage({ ...p, args: p.args ?? {} }, lang),
  }));
}

const NOTE_ID = /^p\d{1,4}$/;

/** The note ids of a dismissal request, or null when it is not a list of at most MAX_IMPORT_PROBLEMS ids. */
export function noteIds(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IMPORT_PROBLEMS) return null;
  return value.every((v): v is string => typeof v === 'string' && NOTE_ID.test(v)) ? [...new Set(value)] : null;
}
