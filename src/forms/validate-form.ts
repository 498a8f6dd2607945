// Server-side validation of a submitted form against its definition. The browser may help
// (required, inputmode) but is never trusted: every rule runs here.
import type { CheckContext, FieldDef, FormDef, FormValues, FormWarning } from './form-types.js';
import type { FieldErrors } from '../errors.js';
import { FormRejected, isConfirmed } from './form-warnings.js';
import { ownValue } from './own-value.js';
import { hasForbiddenChars } from './text-rules.js';

export interface FormCheck {
  values: FormValues; // what the user typed, trimmed (to re-render on error)
  clean: FormValues; // normalised values, secrets included (valid only when errors is empty)
  errors: FieldErrors; // field -> i18n key
  warnings: FormWarning[]; // cross-field findings on fields without errors
  confirmed: boolean; // the user ticked the confirmation of exactly these warnings (true when none)
}

/** The submitted value of one field: trimmed text (passwords as typed), or a list for checkboxes. */
export function readField(field: FieldDef, raw: Record<string, unknown>): string | string[] {
  const v = ownValue(raw, field.name);
  if (field.type === 'checkboxes') {
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
  }
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0].trim() : '';
  return typeof v === 'string' ? (field.type === 'password' ? v : v.trim()) : '';
}

function checkField(field: FieldDef, value: string | string[], all: FormValues, ctx: CheckContext): string | null {
  const empty = Array.isArray(value) ? value.length === 0 : value === '';
  const required = field.requiredWhen ? field.requiredWhen(all) : field.required;
  if (empty) return required ? (field.requiredMessage ?? (field.type === 'file' ? 'field.file.required' : 'field.required')) : null;
  if (field.maxLength && !Array.isArray(value) && value.length > field.maxLength) return 'field.tooLong';
  if (hasForbiddenChars(field, value)) return 'field.controlChars';
  if (field.options) {
    const allowed = new Set(field.options.map((o) => o.value));
    const chosen = Array.isArray(value) ? value : [value];
    if (!chosen.every((c) => allowed.has(c))) return 'field.option.invalid';
  }
  return field.check ? field.check(value, all, ctx) : null;
}

/**
 * @param raw   request body (strings / string arrays)
 * @param files for file fields: the id of a document already stored for this submission, if any
 * @param ctx   the service clock, for rules such as "TMT not in the future"
 */
export function validateForm(def: FormDef, raw: Record<string, unknown>, files: Record<string, string | undefined>, ctx: CheckContext): FormCheck {
  // NOTE: null-prototype records: a field named like an Object.prototype member finds nothing inherited
  const values: FormValues = Object.create(null) as FormValues;
  for (const field of def.fields) values[field.name] = field.type === 'file' ? (ownValue(files, field.name) ?? '') : readField(field, raw);
  const errors = Object.create(null) as FieldErrors;
  const clean: FormValues = Object.create(null) as FormValues;
  for (const field of def.fields) {
    const value = values[field.name] ?? '';
    const error = checkField(field, value, values, ctx);
    if (error) errors[field.name] = error;
    else clean[field.name] = field.normalise && typeof value === 'string' && value !== '' ? field.normalise(value) : value;
  }
  const warnings = (def.warnings?.(clean) ?? []).filter((w) => w.fields.every((f) => !errors[f]));
  return { values, clean, errors, warnings, confirmed: isConfirmed(warnings, raw) };
}

/** Why a checked submission may not complete its task: field errors, or warnings not confirmed. */
export function rejection(check: FormCheck): FormRejected | null {
  if (Object.keys(check.errors).length > 0) return new FormRejected(check.errors, check.warnings);
  return check.confirmed ? null : new FormRejected({}, check.warnings);
}

/** The values that may be stored in the case and the audit trail: never passwords. */
export function storableValues(def: FormDef, clean: FormValues): FormValues {
  const out: FormValues = {};
  for (const field of def.fields) if (field.type !== 'password' && Object.hasOwn(clean, field.name)) out[field.name] = clean[field.name]!;
  return out;
}
