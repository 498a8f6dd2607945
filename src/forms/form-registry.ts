// Looks up the form of a user task by its camunda:formKey.
import type { FormDef } from './form-types.js';
import { PPBJ_FORMS } from './ppbj-forms.js';

const FORMS = new Map<string, FormDef>(PPBJ_FORMS.map((f) => [f.key, f]));

export function findForm(formKey: string): FormDef | undefined {
  return FORMS.get(formKey);
}

export function hasForm(formKey: string): boolean {
  return FORMS.has(formKey);
}
