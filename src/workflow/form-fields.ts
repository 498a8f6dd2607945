// Forms declared in the model: a user task's camunda:formData (what the Camunda properties panel
// calls "Generated Task Forms") read into ModelFields for the generic form, with a reason for
// everything the generic form cannot render or check.
import type { ModdleNode } from './moddle.js';
import { isReservedName } from './reserved-names.js';
import type { ModelField, ModelFieldType } from './types.js';

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

function boundProblem(type: ModelFieldType, name: string, config: string): string | null {
  if (name === 'minlength' || name === 'maxlength') {
    if (type !== 'text' && type !== 'textarea') return `constraint ${name} only applies to text fields`;
    return /^\d{1,5}$/.test(config) ? null : `constraint ${name} needs a whole number, not "${config}"`;
  }
  if (type === 'date') return DATE.test(config) ? null : `constraint ${name} needs a date YYYY-MM-DD, not "${config}"`;
  if (type === 'integer') return INTEGER.test(config) ? null : `constraint ${name} needs a whole number, not "${config}"`;
  if (type === 'number') return NUMBER.test(config) ? null : `constraint ${name} needs a number, not "${config}"`;
  return `constraint ${name} only applies to number and date fields`;
}

/** Applies camunda:validation constraints to `field`; returns the problems. */
function applyConstraints(node: ModdleNode, field: ModelField): string[] {
  const problems: string[] = [];
  for (const c of children(node.validation as ModdleNode | undefined, 'constraints')) {
    const name = text(c.name).toLowerCase();
    const config = text(c.config);
    if (name === 'required') {
      field.required = true;
      continue;
    }
    if (!['minlength', 'maxlength', 'min', 'max'].includes(name)) {
      problems.push(`constraint "${name}" is not supported (required, minlength, maxlength, min, max)`);
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

function optionsOf(node: ModdleNode): { options: ModelField['options']; problems: string[] } {
  const options = children(node, 'values').map((v) => ({ value: text(v.id), label: text(v.name) || text(v.id) }));
  const problems: string[] = [];
  if (options.length === 0) problems.push('an enum field needs at least one value');
  if (options.some((o) => !o.value)) problems.push('every enum value needs an id');
  const reserved = options.filter((o) => isReservedName(o.value)).map((o) => o.value);
  if (reserved.length) problems.push(`enum value ids ${reserved.join(', ')} are reserved names (JavaScript object members): choose others`);
  if (new Set(options.map((o) => o.value)).size !== options.length) problems.push('enum value ids must be unique');
  return { options, problems };
}

function readField(node: ModdleNode): { field: ModelField; problems: string[] } {
  const id = text(node.id);
  const rawType = text(node.type);
  const type = TYPES.get(rawType);
  const field: ModelField = { id, label: text(node.label), type: type ?? 'text', required: false, options: [] };
  const problems: string[] = [];
  if (!FIELD_ID.test(id)) problems.push(`id "${id}" must start with a letter and have only letters, digits or _ (at most 40)`);
  else if (isReservedName(id)) problems.push(`id "${id}" is a reserved name (a JavaScript object member): choose another id`);
  if (!field.label) problems.push('no label');
  if (!type) problems.push(rawType ? `type "${rawType}" is not supported (${TYPE_NAMES})` : `no type (${TYPE_NAMES})`);
  if (type === 'choice') {
    const read = optionsOf(node);
    field.options = read.options;
    problems.push(...read.problems);
  }
  problems.push(...applyConstraints(node, field));
  if (field.min && field.max && compareBound(field.type, field.min, field.max) > 0) problems.push('min is greater than max');
  if ((field.minLength ?? 0) > (field.maxLength ?? MAX_TEXT)) problems.push(`minlength is greater than maxlength (at most ${MAX_TEXT})`);
  const defaultValue = text(node.defaultValue);
  if (defaultValue) field.defaultValue = defaultValue;
  return { field, problems: problems.map((p) => `form field "${id}": ${p}`) };
}

function compareBound(type: ModelFieldType, a: string, b: string): number {
  return type === 'date' ? a.localeCompare(b) : Number(a) - Number(b);
}

/** The fields declared by a user task's camunda:formData, and every reason they cannot be used. */
export function readModelForm(task: ModdleNode): { fields: ModelField[]; problems: string[] } {
  const nodes = children(formDataOf(task), 'fields');
  const problems: string[] = [];
  if (!TASK_ID.test(task.id ?? '') || isReservedName(task.id ?? '')) problems.push('a task with form fields needs an id of letters, digits, _ or - (no dots) that is not a reserved name such as constructor');
  if (nodes.length === 0) problems.push('camunda:formData declares no form field');
  if (nodes.length > MAX_MODEL_FIELDS) problems.push(`more than ${MAX_MODEL_FIELDS} form fields`);
  const fields = nodes.map((node) => {
    const read = readField(node);
    problems.push(...read.problems);
    return read.field;
  });
  if (fields.filter((f) => f.type === 'file').length > MAX_FILE_FIELDS) problems.push(`more than ${MAX_FILE_FIELDS} file fields`);
  const ids = fields.map((f) => f.id);
  const repeated = ids.filter((id, i) => id && ids.indexOf(id) !== i);
  if (repeated.length) problems.push(`form field ids must be unique: ${[...new Set(repeated)].join(', ')}`);
  return { fields, problems };
}
