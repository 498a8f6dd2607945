// What "Simpan Draf" keeps: the typed values of the form's own fields, checked for size only
// (a draft may be incomplete or wrong; the full rules run when the form is submitted).
import type { FieldDef, FormDef, FormValues } from './form-types.js';
import type { FieldErrors } from '../errors.js';
import { readField } from './validate-form.js';

const DEFAULT_MAX_LENGTH = 200; // fields without their own limit (select, date, radio)
const MAX_CHOICES = 50;

function tooBig(field: FieldDef, value: string | string[]): boolean {
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH;
  if (Array.isArray(value)) return value.length > Math.max(field.options?.length ?? 0, MAX_CHOICES) || value.some((v) => v.length > max);
  return value.length > max;
}

/** Values to keep as a draft (never passwords or files), or the fields that are too long. */
export function draftValues(def: FormDef, raw: Record<string, unknown>): { values: FormValues; errors: FieldErrors } {
  const values = Object.create(null) as FormValues;
  const errors = Object.create(null) as FieldErrors;
  for (const field of def.fields) {
    if (field.type === 'password' || field.type === 'file') continue;
    const value = readField(field, raw);
    if (tooBig(field, value)) errors[field.name] = 'field.tooLong';
    else values[field.name] = value;
  }
  return { values, errors };
}
