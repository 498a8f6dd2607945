// Shapes a form definition, the values to show and the field errors into what the field
// partial renders (templates hold no logic).
import type { FieldDef, FormDef, FormValues, FormWarning } from './form-types.js';
import { CONFIRM_FIELD, confirmationValue } from './form-warnings.js';
import { ownValue } from './own-value.js';

export interface FieldView extends Omit<FieldDef, 'check' | 'normalise' | 'requiredWhen'> {
  value: string | string[];
  error?: string;
  warnings?: string[]; // i18n keys of warnings about this field
  returnReasons?: string[]; // i18n keys of the return reasons that concern this field
  currentDocument?: { id: string; originalName: string; size: number };
  staged?: boolean;
}

export interface FormView {
  fields: FieldView[];
  errorList: Array<{ field: string; label: string; message: string }>;
  multipart: boolean;
  /** The warnings to confirm and the checkbox that confirms them (null when there are none). */
  confirm: { name: string; value: string; checked: boolean; messages: string[] } | null;
}

export interface FieldViewExtras {
  warnings?: FormWarning[];
  returnReasons?: Record<string, string[]>; // field -> reason label keys
}

export function fieldViews(
  def: FormDef,
  values: FormValues | Record<string, unknown>,
  errors: Record<string, string> = {},
  documents: Record<string, { id: string; originalName: string; size: number; staged?: boolean }> = {},
  extras: FieldViewExtras = {},
): FormView {
  const warnings = extras.warnings ?? [];
  const fields = def.fields.map(({ check: _c, normalise: _n, requiredWhen: _r, ...field }): FieldView => {
    const raw = ownValue(values, field.name);
    const value = field.type === 'checkboxes' ? (Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []) : typeof raw === 'string' ? raw : '';
    const doc = ownValue(documents, field.name);
    const own = warnings.filter((w) => w.fields.includes(field.name)).map((w) => w.message);
    const reasons = ownValue(extras.returnReasons, field.name) ?? [];
    return {
      ...field,
      value: field.type === 'password' || field.type === 'file' ? '' : value,
      ...(ownValue(errors, field.name) ? { error: errors[field.name] } : {}),
      ...(own.length > 0 ? { warnings: own } : {}),
      ...(reasons.length > 0 ? { returnReasons: reasons } : {}),
      ...(doc ? { currentDocument: doc, staged: Boolean(doc.staged) } : {}),
    };
  });
  const errorList = def.fields.filter((f) => ownValue(errors, f.name)).map((f) => ({ field: f.name, label: f.label, message: errors[f.name]! }));
  const value = confirmationValue(warnings);
  const confirm = warnings.length > 0
    ? { name: CONFIRM_FIELD, value, checked: values[CONFIRM_FIELD] === value, messages: warnings.map((w) => w.message) }
    : null;
  return { fields, errorList, multipart: def.fields.some((f) => f.type === 'file'), confirm };
}
