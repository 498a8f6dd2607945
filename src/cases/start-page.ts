// Shapes the start pages for the templates: the catalogue of public services (views/services/catalogue
// and home), the staff's "Permohonan baru" list, and one process's start form with its typed values
// and errors (views/services/start).
import { fieldViews } from '../forms/field-views.js';
import type { FormDef } from '../forms/form-types.js';
import type { UserRecord } from '../store/ports.js';
import type { StartableProcess, StartMode } from './start-service.js';

export interface ServiceEntryView extends StartableProcess {
  /** Where the catalogue's "Mulai" goes: the service's start page (what it is for, what to prepare). */
  href: string;
  /** Where the start page's "Mulai sekarang" goes: the start path, or login first (with the start path to come back to). */
  startHref: string;
}

export const guidePath = (processKey: string): string => `/layanan/${encodeURIComponent(processKey)}`;

/** A visitor logs in first (then comes back); a pack's own start path (e.g. sign-up) is open to visitors. */
export function catalogueView(entries: StartableProcess[], viewer: UserRecord | undefined, packPaths: Set<string>): ServiceEntryView[] {
  return entries.map((e) => ({
    ...e,
    href: guidePath(e.processKey),
    startHref: viewer || packPaths.has(e.startPath) ? e.startPath : `/masuk?next=${encodeURIComponent(e.startPath)}`,
  }));
}

export function startPageModel(process: StartableProcess, form: FormDef, mode: StartMode, values: Record<string, unknown> = {}, errors: Record<string, string> = {}) {
  const view = fieldViews(form, values, errors);
  return {
    title: mode === 'applicant' ? 'start.title' : 'start.staffTitle',
    mode,
    staff: mode === 'staff',
    process,
    action: process.startPath,
    fields: view.fields,
    errorList: view.errorList,
  };
}
