// What a form submission adds to a case besides its values: the document records of its uploads,
// the file field values (new upload, else the document submitted before) and the confirmed warnings.
import { randomUUID } from 'node:crypto';
import type { FormDef, FormValues, FormWarning } from '../forms/form-types.js';
import type { CaseRecord, DocumentRecord } from '../store/ports.js';
import type { StoredUpload } from './case-service.js';

export function documentRecord(u: StoredUpload, caseId: string, taskId: string, uploaderId: string, at: string): DocumentRecord {
  return { id: randomUUID(), caseId, taskId, uploaderId, createdAt: at, ...u };
}

/** Warnings the user confirmed, as recorded in the task.completed audit entry. */
export function confirmedWarnings(warnings: FormWarning[]): { confirmedWarnings?: string[] } {
  return warnings.length > 0 ? { confirmedWarnings: warnings.map((w) => w.code) } : {};
}

/** File fields take the new upload, or keep the document submitted the previous time. */
export function fileValues(form: FormDef, c: CaseRecord, documents: DocumentRecord[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const previous = (c.data[form.key] ?? {}) as FormValues;
  for (const f of form.fields) {
    if (f.type !== 'file') continue;
    const prev = previous[f.name];
    out[f.name] = documents.find((d) => d.field === f.name)?.id ?? (typeof prev === 'string' && prev ? prev : undefined);
  }
  return out;
}
