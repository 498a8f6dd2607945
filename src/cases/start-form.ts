// The start form of a process version: the generic model form of its start event's fields, stored in
// case.data under its key `start:<start event id>`, so staff and the case page can show it later.
import type { FormDef } from '../forms/form-types.js';
import { modelForm } from '../forms/model-form.js';
import { APPLICANT_GROUP, type DefinitionRecord } from '../store/ports.js';
import { loadProcessStart, type ProcessStart } from '../workflow/index.js';

export const START_FORM_PREFIX = 'start:';
export const isStartFormKey = (formKey: string): boolean => formKey.startsWith(START_FORM_PREFIX);

/** The start form of `start` (an empty form when its start event declares no fields); null without a start event. */
export function startFormOf(start: ProcessStart): FormDef | null {
  const event = start.startEvent;
  if (!event) return null;
  const form = modelForm({
    id: event.id, name: event.name, groupId: APPLICANT_GROUP, groupName: APPLICANT_GROUP, formKey: `${START_FORM_PREFIX}${event.id}`,
    fields: start.startForm, lane: null, timeStandard: '', timeStandardMs: 0, sop: { stepNo: null, requirements: [], output: '', keterangan: [] },
  });
  return { ...form, submitLabel: 'start.submit', drafts: false };
}

/** Start forms by definition version id (versions are immutable). */
const CACHE_LIMIT = 500;
const cache = new Map<string, Promise<FormDef | null>>();

/** The start form of a deployed version, read from its model once. */
export function startFormOfDefinition(def: DefinitionRecord): Promise<FormDef | null> {
  let form = cache.get(def.id);
  if (!form) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    form = loadProcessStart(def.xml).then(startFormOf);
    form.catch(() => cache.delete(def.id));
    cache.set(def.id, form);
  }
  return form;
}
