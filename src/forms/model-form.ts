// The generic form of a user task whose fields are declared in the process model: each
// ModelField becomes a FieldDef with the same server-side checks as a hand-written form (required,
// length, number and date bounds, known choices), so a process owner adds a step without code.
import { APPLICANT_GROUP } from '../store/ports.js';
import { literal, withArgs } from '../web/i18n.js';
import type { ModelField, UserTaskSpec } from '../workflow/index.js';
import type { FieldDef, FieldValue, FormDef, FormValues } from './form-types.js';
import { checkDate, checkNik, checkNip, checkWhatsapp, normaliseWhatsapp } from './validators.js';

const TEXT_MAX = 500;
const TEXTAREA_MAX = 4000;
const RADIO_MAX_OPTIONS = 5; // more choices are a select
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+([.,]\d+)?$/;
const YES = 'ya';
const NO = 'tidak';

const one = (v: FieldValue): string => (Array.isArray(v) ? (v[0] ?? '') : v);

function checkBounds(field: ModelField, value: string): string | null {
  const below = (bound: string) => (field.type === 'date' ? value < bound : Number(value) < Number(bound));
  if (field.min !== undefined && below(field.min)) return withArgs('model.min', field.min);
  const above = (bound: string) => (field.type === 'date' ? value > bound : Number(value) > Number(bound));
  if (field.max !== undefined && above(field.max)) return withArgs('model.max', field.max);
  return null;
}

function boundsHint(field: ModelField): string | undefined {
  if (field.min !== undefined && field.max !== undefined) return withArgs('model.range', field.min, field.max);
  if (field.min !== undefined) return withArgs('model.min', field.min);
  if (field.max !== undefined) return withArgs('model.max', field.max);
  return undefined;
}

const normaliseNumber = (v: string): string => v.replace(',', '.');
const withoutSpaces = (v: string): string => v.replace(/\s+/g, '');

/** The type-specific part of a field: input type, options, checks. */
function shape(field: ModelField): Omit<FieldDef, 'name' | 'label' | 'required'> {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const minLength = field.minLength ?? 0;
      return {
        type: field.type,
        maxLength: field.maxLength ?? (field.type === 'text' ? TEXT_MAX : TEXTAREA_MAX),
        ...(minLength > 0 ? { hint: withArgs('model.minLength', String(minLength)) } : {}),
        check: (v) => (one(v).length < minLength ? withArgs('model.minLength', String(minLength)) : null),
      };
    }
    case 'integer':
    case 'number': {
      const pattern = field.type === 'integer' ? INTEGER : DECIMAL;
      const hint = boundsHint(field);
      return {
        type: 'text', inputmode: field.type === 'integer' ? 'numeric' : 'decimal', maxLength: 30,
        ...(hint ? { hint } : {}),
        check: (v) => (pattern.test(one(v)) ? checkBounds(field, normaliseNumber(one(v))) : `model.${field.type}.invalid`),
        normalise: normaliseNumber,
      };
    }
    case 'date': {
      const hint = boundsHint(field);
      return { type: 'date', ...(hint ? { hint } : {}), check: (v) => checkDate(v) ?? checkBounds(field, one(v)) };
    }
    case 'choice': {
      const options = field.options.map((o) => ({ value: o.value, label: o.label, literal: true }));
      return { type: options.length > RADIO_MAX_OPTIONS ? 'select' : 'radio', options };
    }
    case 'yesno':
      return { type: 'radio', options: [{ value: YES, label: 'model.yes' }, { value: NO, label: 'model.no' }] };
    case 'file':
      return { type: 'file', hint: 'model.file.hint', requiredMessage: 'model.file.required' };
    case 'nip': // stored without spaces
      return { type: 'text', inputmode: 'numeric', maxLength: 24, hint: 'field.nip.hint', check: checkNip, normalise: withoutSpaces };
    case 'nik':
      return { type: 'text', inputmode: 'numeric', maxLength: 20, hint: 'field.nik.hint', check: checkNik, normalise: withoutSpaces };
    case 'telepon': // stored as +628…
      return { type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxLength: 20, hint: 'field.whatsapp.hint', check: checkWhatsapp, normalise: normaliseWhatsapp };
  }
}

/** Camunda writes boolean defaults as true/false; the yes/no field takes ya/tidak. */
function defaultOf(field: ModelField): string | undefined {
  if (field.type !== 'yesno' || field.defaultValue === undefined) return field.defaultValue;
  return field.defaultValue === 'true' ? YES : field.defaultValue === 'false' ? NO : field.defaultValue;
}

function fieldDef(field: ModelField): FieldDef {
  const defaultValue = defaultOf(field);
  return {
    name: field.id, label: literal(field.label), required: field.required, ...shape(field),
    ...(defaultValue !== undefined && field.type !== 'file' ? { defaultValue } : {}),
  };
}

/** Gateways read numbers as numbers and yes/no as booleans (`==` is strict); files stay out. */
function engineValue(field: ModelField, value: FieldValue | undefined): unknown {
  const v = value === undefined ? '' : one(value);
  if (v === '') return null;
  if (field.type === 'yesno') return v === YES;
  if (field.type === 'integer' || field.type === 'number') return Number(v);
  return v;
}

/** The case status while a step with a model form is open. */
export const modelFormStatus = (groupId: string): string => (groupId === APPLICANT_GROUP ? 'status.menungguPemohon' : 'status.diproses');

export interface ModelFormOptions {
  /** What a staff step shows to review: the keys of the applicant's coded forms (FormRegistry.applicantFormKeys). */
  reviews?: string[];
}

/** The form of a user task whose fields the model declares (spec.formKey is `model:<task id>`). */
export function modelForm(spec: UserTaskSpec, options: ModelFormOptions = {}): FormDef {
  const fields = spec.fields.filter((f) => f.type !== 'file');
  return {
    key: spec.formKey,
    groupId: spec.groupId,
    title: literal(spec.name),
    submitLabel: spec.groupId === APPLICANT_GROUP ? 'action.ajukan' : 'model.submit',
    caseStatus: modelFormStatus(spec.groupId),
    fields: spec.fields.map(fieldDef),
    ...(spec.groupId === APPLICANT_GROUP ? { drafts: true } : { reviews: options.reviews ?? [] }),
    engineOutput: (values: FormValues) => Object.fromEntries(fields.map((f) => [f.id, engineValue(f, values[f.id])])),
  };
}
