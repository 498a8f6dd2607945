// Shapes a form definition, the values to show and the field errors into what the field
// partial renders (templates hold no logic).
import type { FieldDef, FormDef, FormValues } from './form-types.js';

export interface FieldView extends Omit<FieldDef, 'check' | 'normalise' | 'requiredWhen'> {
  value: string | string[];
  error?: string;
  currentDocument?: { id: string; originalName: string; size: number };
  staged?: boolean;
}

export interface FormView {
  fields: FieldView[];
  errorList: Array<{ field: string; label: string; message: string }>;
  multipart: boolean;
}

export function fieldViews(
  def: FormDef,
  values: FormValues | Record<string, unknown>,
  errors: Record<string, string> = {},
  documents: Record<string, { id: string; originalName: string; size: number; staged?: boolean }> = {},
): FormView {
  const fields = def.fields.map(({ check: _c, normalise: _n, requiredWhen: _r, ...field }): FieldView => {
    const raw = values[field.name];
    const value = field.type === 'checkboxes' ? (Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []) : typeof raw === 'string' ? raw : '';
    const doc = documents[field.name];
    return {
      ...field,
      value: field.type === 'password' || field.type === 'file' ? '' : value,
      ...(errors[field.name] ? { error: errors[field.name] } : {}),
      ...(doc ? { currentDocument: doc, staged: Boolean(doc.staged) } : {}),
    };
  });
  const errorList = def.fields.filter((f) => errors[f.name]).map((f) => ({ field: f.name, label: f.label, message: errors[f.name]! }));
  return { fields, errorList, multipart: def.fields.some((f) => f.type === 'file') };
}
