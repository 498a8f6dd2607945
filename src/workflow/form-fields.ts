// Forms declared in the model: a user task's camunda:formData (what the Camunda properties panel
// calls "Generated Task Forms") read into ModelFields for the generic form, with a reason for
// everything the generic form cannot render or check.
import type { ModdleNode } from './moddle.js';
import { isReservedName } from './reserved-names.js';
import type { ModelField, ModelFieldType } from './types.js';
import type { ProblemArgs } from './sop-types.js';

/** A reason a declared form cannot be used: message key, arguments and English text (without the element). */
export interface FormProblem { code: string; args: ProblemArgs; text: string }
const fp = (code: string, text: string, args: ProblemArgs = {}): FormProblem => ({ code, args, text });

/** formKey of a task whose form is declared in the model. */
export const MODEL_FORM_PREFIX = 'model:';
export const MAX_MODEL_FIELDS = 30;
/** File fields of one form: the uploads of one submission (src/web/uploads.ts takes as many). */
export const MAX_FILE_FIELDS = 5;
/** The longest text a model field accepts. */
export const MAX_TEXT = 10000;

/** Field ids become form field names and data keys: a letter, then letters, digits or `_`. */
const FIELD_ID = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** The id of a task with a model form becomes part of its data key: no dots (MongoDB paths). */
const TASK_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

/**
 * Camunda's built-in types, and the custom type names Alur adds ("<custom type>" in the panel).
 * NOTE: a Map, never an object: a type named `__proto__` or `constructor` must find nothing.
 */
const TYPES = new Map<string, ModelFieldType>([
  ['string', 'text'], ['long', 'integer'], ['date', 'date'], ['enum', 'choice'], ['boolean', 'yesno'],
  ['text', 'text'], ['textarea', 'textarea'], ['integer', 'integer'], ['number', 'number'], ['yesno', 'yesno'], ['file', 'file'],
  ['nip', 'nip'], ['nik', 'nik'], ['telepon', 'telepon'],
]);
const TYPE_NAMES = 'string, long, boolean, date, enum, or the custom types textarea, number, file, nip, nik, telepon';

const children = (node: ModdleNode | undefined, key: string): ModdleNode[] => (node?.[key] as ModdleNode[] | undefined) ?? [];
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The camunda:formData extension of a user task, if any. */
function formDataOf(task: ModdleNode): ModdleNode | undefined {
  return children(task.extensionElements as ModdleNode | undefined, 'values').find((v) => v.$type === 'camunda:FormData');
}

export function hasModelForm(task: ModdleNode): boolean {
  return formDataOf(task) !== undefined;
}

function boundProblem(type: ModelFieldType, name: string, config: string): FormProblem | null {
  const args = { constraint: name, value: config };
  if (name === 'minlength' || name === 'maxlength') {
    if (type !== 'text' && type !== 'textarea') return fp('form-constraint-text-only', `constraint ${name} only applies to text fields`, args);
    return /^\d{1,5}$/.test(config) ? null : fp('form-constraint-whole-number', `constraint ${name} needs a whole number, not "${config}"`, args);
  }
  if (type === 'date') return DATE.test(config) ? null : fp('form-constraint-date', `constraint ${name} needs a date YYYY-MM-DD, not "${config}"`, args);
  if (type === 'integer') return INTEGER.test(config) ? null : fp('form-constraint-whole-number', `constraint ${name} needs a whole number, not "${config}"`, args);
  if (type === 'number') return NUMBER.test(config) ? null : fp('form-constraint-number', `constraint ${name} needs a number, not "${config}"`, args);
  return fp('form-constraint-number-date-only', `constraint ${name} only applies to number and date fields`, args);
}

/** Applies camunda:validation constraints to `field`; returns the problems. */
function applyConstraints(node: ModdleNode, field: ModelField): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const c of children(node.validation as ModdleNode | undefined, 'constraints')) {
    const name = text(c.name).toLowerCase();
    const config = text(c.config);
    if (name === 'required') {
      field.required = true;
      continue;
    }
    if (!['minlength', 'maxlength', 'min', 'max'].includes(name)) {
      problems.push(fp('form-constraint-unsupported', `constraint "${name}" is not supported (required, minlength, maxlength, min, max)`, { constraint: name }));
      continue;
    }
    const problem = boundProblem(field.type, name, config);
    if (problem) problems.push(problem);
    else if (name === 'minlength') field.minLength = Number(config);
    else if (name === 'maxlength') field.maxLength = Number(config);
    else field[name as 'min' | 'max'] = config;
  }
  return problems;
}

function optionsOf(node: ModdleNode): { options: ModelField['options']; problems: FormProblem[] } {
  const options = children(node, 'values').map((v) => ({ value: text(v.id), label: text(v.name) || text(v.id) }));
  const problems: FormProblem[] = [];
  if (options.length === 0) problems.push(fp('form-enum-empty', 'an enum field needs at least one value'));
  if (options.some((o) => !o.value)) problems.push(fp('form-enum-value-id', 'every enum value needs an id'));
  const reserved = options.filter((o) => isReservedName(o.value)).map((o) => o.value);
  if (reserved.length) problems.push(fp('form-enum-reserved', `enum value ids ${reserved.join(', ')} are reserved names (JavaScript object members): choose others`, { values: reserved.join(', ') }));
  if (new Set(options.map((o) => o.value)).size !== options.length) problems.push(fp('form-enum-duplicate', 'enum value ids must be unique'));
  return { options, problems };
}

function readField(node: ModdleNode): { field: ModelField; problems: FormProblem[] } {
  const id = text(node.id);
  const rawType = text(node.type);
  const type = TYPES.get(rawType);
  const field: ModelField = { id, label: text(node.label), type: type ?? 'text', required: false, options: [] };
  const problems: FormProblem[] = [];
  if (!FIELD_ID.test(id)) problems.push(fp('form-field-id', `id "${id}" must start with a letter and have only letters, digits or _ (at most 40)`));
  else if (isReservedName(id)) problems.push(fp('form-field-id-reserved', `id "${id}" is a reserved name (a JavaScript object member): choose another id`));
  if (!field.label) problems.push(fp('form-field-label', 'no label'));
  if (!type) problems.push(rawType ? fp('form-field-type', `type "${rawType}" is not supported (${TYPE_NAMES})`, { type: rawType }) : fp('form-field-no-type', `no type (${TYPE_NAMES})`));
  if (type === 'choice') {
    const read = optionsOf(node);
    field.options = read.options;
    problems.push(...read.problems);
  }
  problems.push(...applyConstraints(node, field));
  if (field.min && field.max && compareBound(field.type, field.min, field.max) > 0) problems.push(fp('form-field-min-max', 'min is greater than max', { min: field.min, max: field.max }));
  if ((field.minLength ?? 0) > (field.maxLength ?? MAX_TEXT)) problems.push(fp('form-field-length', `minlength is greater than maxlength (at most ${MAX_TEXT})`, { max: String(MAX_TEXT) }));
  const defaultValue = text(node.defaultValue);
  if (defaultValue) field.defaultValue = defaultValue;
  // the field is named by its label when it has one (what the owner typed), else its id
  const named = { field: field.label || id, id };
  return { field, problems: problems.map((p) => ({ ...p, args: { ...named, ...p.args }, text: `form field "${id}": ${p.text}` })) };
}

function compareBound(type: ModelFieldType, a: string, b: string): number {
  return type === 'date' ? a.localeCompare(b) : Number(a) - Number(b);
}

/**
 * The fields declared by a user task's camunda:formData, and every reason they cannot be used:
 * `findings` with their message keys, `problems` the same as English texts.
 */
export function readModelForm(task: ModdleNode): { fields: ModelField[]; problems: string[]; findings: FormProblem[] } {
  const nodes = children(formDataOf(task), 'fields');
  const problems: FormProblem[] = [];
  if (!TASK_ID.test(task.id ?? '') || isReservedName(task.id ?? '')) problems.push(fp('form-task-id', 'a task with form fields needs an id of letters, digits, _ or - (no dots) that is not a reserved name such as constructor', { id: task.id ?? '' }));
  if (nodes.length === 0) problems.push(fp('form-empty', 'camunda:formData declares no form field'));
  if (nodes.length > MAX_MODEL_FIELDS) problems.push(fp('form-too-many-fields', `more than ${MAX_MODEL_FIELDS} form fields`, { max: String(MAX_MODEL_FIELDS) }));
  const fields = nodes.map((node) => {
    const read = readField(node);
    problems.push(...read.problems);
    return read.field;
  });
  if (fields.filter((f) => f.type === 'file').length > MAX_FILE_FIELDS) problems.push(fp('form-too-many-files', `more than ${MAX_FILE_FIELDS} file fields`, { max: String(MAX_FILE_FIELDS) }));
  const ids = fields.map((f) => f.id);
  const repeated = [...new Set(ids.filter((id, i) => id && ids.indexOf(id) !== i))].join(', ');
  if (repeated) problems.push(fp('form-field-duplicate', `form field ids must be unique: ${repeated}`, { ids: repeated }));
  return { fields, problems: problems.map((p) => p.text), findings: problems };
}
