// The SOP baru page (views/processes/new.hbs): the form naming a new SOP and the form importing an SOP
// document, each with its typed values and errors; the error summary lists both forms' errors.
import type { Request, Response } from 'express';
import type { RenderPage } from '../web/page.js';
import { NEW_SOP_NAME_MAX, type NewSopErrors, type NewSopInput } from './new-sop.js';
import { PROCESS_KEY_MAX } from './process-key.js';
import type { SopImportField } from './sop-import.js';

export type ImportFormErrors = Partial<Record<SopImportField, string>>;

export interface NewSopPage {
  values?: NewSopInput;
  errors?: NewSopErrors;
  /** The import form: the pasted text and the process id typed (a file cannot be given back). */
  importValues?: { text: string; key: string };
  importErrors?: ImportFormErrors;
  /** The document was a scan: the pasted table is the way on, so the text box takes the focus. */
  focusText?: boolean;
}

const NEW_SOP_FIELDS = { name: 'nama', key: 'id' } as const;
const IMPORT_LABELS: Record<SopImportField, string> = { berkas: 'sopImport.field.file', teks: 'sopImport.field.text', idImpor: 'sopImport.field.key' };

export function renderNewSop(renderPage: RenderPage, req: Request, res: Response, page: NewSopPage, status = 200): void {
  const errors = page.errors ?? {};
  const importErrors = page.importErrors ?? {};
  const errorList = [
    ...Object.entries(errors).map(([field, message]) => ({ field: NEW_SOP_FIELDS[field as keyof NewSopInput], message, label: `newSop.field.${field}` })),
    ...Object.entries(importErrors).map(([field, message]) => ({ field, message, label: IMPORT_LABELS[field as SopImportField] })),
  ];
  renderPage(req, res, 'processes/new', {
    title: 'newSop.title', values: page.values ?? { name: '', key: '' }, errors, errorList, nameMax: NEW_SOP_NAME_MAX, keyMax: PROCESS_KEY_MAX,
    importValues: page.importValues ?? { text: '', key: '' }, importErrors, focusText: page.focusText ?? false,
  }, status);
}
