// Server-side validation of a submitted form against its definition. The browser may help
// (required, inputmode) but is never trusted: every rule runs here.
import type { FieldDef, FormDef, FormValues } from './form-types.js';
import type { FieldErrors } from '../errors.js';

export interface FormCheck {
  values: FormValues; // what the user typed, trimmed (to re-render on error)
  clean: FormValues; // normalised values, secrets included (valid only when errors is empty)
  errors: FieldErrors; // field -> i18n key
}

function readField(field: FieldDef, raw: Record<string, unknown>): string | string[] {
  const v = raw[field.name];
  if (field.type === 'checkboxes') {
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
  }
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0].trim() : '';
  return typeof v === 'string' ? (field.type === 'password' ? v : v.trim()) : '';
}

function checkField(field: FieldDef, value: string | string[], all: FormValues): string | null {
  const empty = Array.isArray(value) ? value.length === 0 : value === '';
  const required = field.requiredWhen ? field.requiredWhen(all) : field.required;
  if (empty) return required ? (field.type === 'file' ? 'field.file.required' : 'field.required') : null;
  if (field.maxLength && !Array.isArray(value) && value.length > field.maxLength) return 'field.tooLong';
  if (field.options) {
    const allowed = new Set(field.options.map((o) => o.value));
    const chosen = Array.isArray(value) ? value : [value];
    if (!chosen.every((c) => allowed.has(c))) return 'field.option.invalid';
  }
  return field.check ? field.check(value, all) : null;
}

/**
 * @param raw   request body (strings / string arrays)
 * @param files for file fields: the id of a document already stored for this submission, if any
 */
export function validateForm(def: FormDef, raw: Record<string, unknown>, files: Record<string, string | undefined> = {}): FormCheck {
  const values: FormValues = {};
  for (const field of def.fields) values[field.name] = field.type === 'file' ? (files[field.name] ?? '') : readField(field, raw);
  const errors: FieldErrors = {};
  const clean: FormValues = {};
  for (const field of def.fields) {
    const value = values[field.name] ?? '';
    const error = checkField(field, value, values);
    if (error) errors[field.name] = error;
    else clean[field.name] = field.normalise && typeof value === 'string' && value !== '' ? field.normalise(value) : value;
  }
  return { values, clean, errors };
}

/** The values that may be stored in the case and the audit trail: never passwords. */
export function storableValues(def: FormDef, clean: FormValues): FormValues {
  const out: FormValues = {};
  for (const field of def.fields) if (field.type !== 'password' && clean[field.name] !== undefined) out[field.name] = clean[field.name]!;
  return out;
}
