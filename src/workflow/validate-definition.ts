// Everything that is checked before a deploy, as a list of problems tied to diagram elements:
// size, XML safety and limits, Alur's executable rules (compile-definition), the content rules,
// known forms, and bpmnlint's recommended rules. Any `error` problem refuses the deploy; warnings
// are shown only. Parsing and checking run in a worker thread (check-in-worker.ts), bpmnlint in
// its own (lint.ts): the request thread only sends the text and merges the answers.
import { alurError, parseWithin, tooLarge, type DefinitionCheck } from './definition-checks.js';
import { checkInWorker } from './check-in-worker.js';
import { lintProblems } from './lint.js';
import { NO_STARTER_RULE } from './process-start.js';
import type { ProcessModel } from './types.js';
import type { DefinitionProblem } from './sop-types.js';

/** Upload and deploy limit for one BPMN file. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

export interface ValidationOptions {
  /** Whether a camunda:formKey names a form that exists; without it forms are not checked. */
  hasForm?: (formKey: string) => boolean;
  maxBytes?: number;
  /**
   * processKey -> extra rules of that process (its pack's checkModel, handed over by the caller),
   * run only on a model with that key and only once the other checks found no error.
   */
  modelChecks?: Readonly<Record<string, (model: ProcessModel, xml: string) => DefinitionProblem[] | Promise<DefinitionProblem[]>>>;
  /** Whether a pack starts this process its own way (then "nobody can start it" is no warning). */
  startedByPack?: (processKey: string) => boolean;
}

export interface ValidationResult {
  problems: DefinitionProblem[];
  /** The model, when there is no error. */
  model: ProcessModel | null;
  /** The id of the executable process ('' if none) when the file could be read, else null. */
  processKey: string | null;
}

function formProblems(refs: DefinitionCheck['formRefs'], hasForm: (key: string) => boolean): DefinitionProblem[] {
  return refs
    .filter((ref) => !hasForm(ref.formKey))
    .map((ref) => ({ ...alurError(`${ref.label}: form "${ref.formKey}" does not exist`, 'form-unknown', { formKey: ref.formKey }), elementId: ref.elementId, element: ref.element }));
}

/** bpmnlint's findings name their element like ours do. */
const withElements = (problems: DefinitionProblem[], elements: DefinitionCheck['elements']): DefinitionProblem[] =>
  problems.map((p) => ({ ...p, element: p.elementId ? elements.get(p.elementId) ?? null : null }));

/** Problems that make `xml` unreadable (too large, over the XML limits, DOCTYPE/ENTITY, not BPMN): [] when it parses. */
export async function parseProblems(xml: string, maxBytes = MAX_DEFINITION_BYTES): Promise<DefinitionProblem[]> {
  const parsed = await parseWithin(xml, maxBytes);
  return Array.isArray(parsed) ? parsed : [];
}

async function checked(xml: string, maxBytes: number): Promise<DefinitionCheck> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) return { problems: [tooLarge(bytes, maxBytes)], model: null, processKey: null, formRefs: [], elements: new Map() };
  try {
    return await checkInWorker(xml, maxBytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { problems: [alurError(`the file could not be checked: ${reason}`, 'check-failed', { detail: reason })], model: null, processKey: null, formRefs: [], elements: new Map() };
  }
}

export async function validateDefinition(xml: string, options: ValidationOptions = {}): Promise<ValidationResult> {
  const check = await checked(xml, options.maxBytes ?? MAX_DEFINITION_BYTES);
  if (check.processKey === null || !check.model) return { problems: check.problems, model: null, processKey: null };
  const packStarted = options.startedByPack?.(check.processKey) ?? false;
  const problems = [
    ...check.problems.filter((p) => !(packStarted && p.rule === NO_STARTER_RULE)),
    ...(options.hasForm ? formProblems(check.formRefs, options.hasForm) : []),
    ...withElements(await lintProblems(xml), check.elements),
  ];
  const own = options.modelChecks && Object.hasOwn(options.modelChecks, check.processKey) ? options.modelChecks[check.processKey] : undefined;
  if (own && !problems.some((p) => p.severity === 'error')) problems.push(...(await own(check.model, xml)));
  return { problems, model: problems.some((p) => p.severity === 'error') ? null : check.model, processKey: check.processKey };
}
