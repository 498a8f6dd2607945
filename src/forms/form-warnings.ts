// Warnings the user confirms: the confirmation checkbox names exactly the warnings it confirms, so
// a tick given for one finding never covers a different one that appears after an edit.
import { ValidationError, type FieldErrors } from '../errors.js';
import type { FormWarning } from './form-types.js';

/** The checkbox (outside every form's fields) that confirms the shown warnings. */
export const CONFIRM_FIELD = '_konfirmasi';

/** The value the confirmation checkbox carries for these warnings. */
export function confirmationValue(warnings: FormWarning[]): string {
  return warnings.map((w) => w.code).sort().join(' ');
}

export function isConfirmed(warnings: FormWarning[], raw: Record<string, unknown>): boolean {
  if (warnings.length === 0) return true;
  const given = raw[CONFIRM_FIELD];
  const values = Array.isArray(given) ? given : [given];
  return values.some((v) => typeof v === 'string' && v === confirmationValue(warnings));
}

/** A submission refused with field errors, unconfirmed warnings, or both (HTTP 422). */
export class FormRejected extends ValidationError {
  constructor(
    fieldErrors: FieldErrors,
    readonly warnings: FormWarning[] = [],
  ) {
    super(fieldErrors, Object.keys(fieldErrors).length > 0 ? 'error.validation' : 'error.confirmWarnings');
  }
}
