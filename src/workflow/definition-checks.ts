// The checks of one BPMN file that need it parsed: XML safety and limits, Alur's executable rules
// (compile-definition), the content rules, and which forms its user tasks name. Pure and
// CPU-bound: validate-definition.ts runs it in a worker thread (validation-worker.ts), so a large
// file never blocks the requests of others.
import { allNodes, label, parseBpmn, type ModdleNode } from './moddle.js';
import { definitionFindings } from './definition-findings.js';
import { DefinitionError, DefinitionLimitError } from './errors.js';
import { elementRef, toProblem } from './findings.js';
import { modelContentProblems } from './model-content-rules.js';
import { processStartProblems } from './process-start.js';
import type { ProcessModel } from './types.js';
import type { GroupAliases } from './group-aliases.js';
import type { DefinitionProblem, ElementRef, ProblemArgs } from './sop-types.js';

export interface DefinitionCheck {
  problems: DefinitionProblem[];
  model: ProcessModel | null;
  /** The id of the executable process ('' if none) when the file could be read, else null. */
  processKey: string | null;
  /** Each user task's `camunda:formKey`, for the caller to check against its forms. */
  formRefs: Array<{ formKey: string; elementId: string | null; label: string; element: ElementRef }>;
  /** How problems name each identified element (bpmnlint's findings carry only the id). */
  elements: Map<string, ElementRef>;
}

/** A problem about the file as a whole (`code`: its message key). */
export const alurError = (message: string, code: string, args: ProblemArgs = {}): DefinitionProblem =>
  ({ elementId: null, message, severity: 'error', rule: 'alur', code, args, element: null });

/** The file is larger than `maxBytes`. */
export const tooLarge = (bytes: number, maxBytes: number): DefinitionProblem =>
  alurError(`the file has ${bytes} bytes, more than the limit of ${maxBytes}`, 'file-too-large', { size: String(bytes), max: String(maxBytes) });

const DOCTYPE_REASON = 'DOCTYPE and ENTITY declarations are not allowed';

function formRefsOf(nodes: ModdleNode[]): DefinitionCheck['formRefs'] {
  return nodes
    .filter((n) => n.$type === 'bpmn:UserTask' && typeof n.formKey === 'string' && n.formKey.trim())
    .map((n) => ({ formKey: String(n.formKey).trim(), elementId: n.id ?? null, label: label(n), element: elementRef(n) }));
}

function elementsOf(nodes: ModdleNode[]): Map<string, ElementRef> {
  const out = new Map<string, ElementRef>();
  for (const n of nodes) if (typeof n.id === 'string' && !out.has(n.id)) out.set(n.id, elementRef(n));
  return out;
}

export async function parseWithin(xml: string, maxBytes: number): Promise<ModdleNode | DefinitionProblem[]> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) return [tooLarge(bytes, maxBytes)];
  try {
    return (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
  } catch (err) {
    if (err instanceof DefinitionLimitError) {
      return [{ ...alurError(err.message, `xml-${err.exceeded.limit}`, { max: String(err.exceeded.max) }), rule: `xml-${err.exceeded.limit}` }];
    }
    if (!(err instanceof DefinitionError)) throw err;
    // the parser's own words (bpmn-moddle) are kept as the detail of one key
    return err.reasons.map((r) => (r === DOCTYPE_REASON ? alurError(r, 'xml-doctype') : alurError(r, 'file-unreadable', { detail: r })));
  }
}

/** `aliases`: the main thread's group aliases (a worker thread has none of its own). */
export async function checkDefinition(xml: string, maxBytes: number, aliases?: GroupAliases): Promise<DefinitionCheck> {
  const root = await parseWithin(xml, maxBytes);
  if (Array.isArray(root)) return { problems: root, model: null, processKey: null, formRefs: [], elements: new Map() };
  const nodes = allNodes(root);
  const { model, findings } = definitionFindings(root, aliases);
  const problems = [
    ...findings.map((f) => toProblem(f)),
    ...modelContentProblems(nodes), // texts, ids, time standards (a process's own rules: ValidationOptions.modelChecks)
    ...processStartProblems(root, model), // who starts it and its start form
  ];
  return { problems, model, processKey: model.processKey, formRefs: formRefsOf(nodes), elements: elementsOf(nodes) };
}
