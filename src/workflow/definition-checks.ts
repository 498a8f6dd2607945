// The checks of one BPMN file that need it parsed: XML safety and limits, Alur's executable rules
// (compile-definition), the content rules, and which forms its user tasks name. Pure and
// CPU-bound: validate-definition.ts runs it in a worker thread (validation-worker.ts), so a large
// file never blocks the requests of others.
import { allNodes, label, parseBpmn, type ModdleNode } from './moddle.js';
import { definitionReasons } from './compile-definition.js';
import { DefinitionError, DefinitionLimitError } from './errors.js';
import { modelContentProblems } from './model-content-rules.js';
import { processStartProblems } from './process-start.js';
import type { ProcessModel } from './types.js';
import type { GroupAliases } from './group-aliases.js';
import type { DefinitionProblem } from './sop-types.js';

export interface DefinitionCheck {
  problems: DefinitionProblem[];
  model: ProcessModel | null;
  /** The id of the executable process ('' if none) when the file could be read, else null. */
  processKey: string | null;
  /** Each user task's `camunda:formKey`, for the caller to check against its forms. */
  formRefs: Array<{ formKey: string; elementId: string | null; label: string }>;
}

/** The element a reason is about: the first quoted known id (label() quotes the nearest id), or a loop's first node. */
function elementOf(reason: string, ids: Set<string>): string | null {
  for (const m of reason.matchAll(/"([^"]+)"/g)) if (ids.has(m[1]!)) return m[1]!;
  const loop = /^automatic loop without a wait state: ([^\s]+)/.exec(reason);
  return loop && ids.has(loop[1]!) ? loop[1]! : null;
}

export const alurError = (message: string, elementId: string | null = null): DefinitionProblem => ({ elementId, message, severity: 'error', rule: 'alur' });

function formRefsOf(nodes: ModdleNode[]): DefinitionCheck['formRefs'] {
  return nodes
    .filter((n) => n.$type === 'bpmn:UserTask' && typeof n.formKey === 'string' && n.formKey.trim())
    .map((n) => ({ formKey: String(n.formKey).trim(), elementId: n.id ?? null, label: label(n) }));
}

export async function parseWithin(xml: string, maxBytes: number): Promise<ModdleNode | DefinitionProblem[]> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) return [alurError(`the file has ${bytes} bytes, more than the limit of ${maxBytes}`)];
  try {
    return (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
  } catch (err) {
    if (err instanceof DefinitionLimitError) return [{ ...alurError(err.message), rule: `xml-${err.exceeded.limit}` }];
    if (!(err instanceof DefinitionError)) throw err;
    return err.reasons.map((r) => alurError(r));
  }
}

/** `aliases`: the main thread's group aliases (a worker thread has none of its own). */
export async function checkDefinition(xml: string, maxBytes: number, aliases?: GroupAliases): Promise<DefinitionCheck> {
  const root = await parseWithin(xml, maxBytes);
  if (Array.isArray(root)) return { problems: root, model: null, processKey: null, formRefs: [] };
  const nodes = allNodes(root);
  const ids = new Set(nodes.map((n) => n.id).filter((id): id is string => typeof id === 'string'));
  const { model, reasons } = definitionReasons(root, aliases);
  const problems = [
    ...reasons.map((r) => alurError(r, elementOf(r, ids))),
    ...modelContentProblems(nodes), // texts, ids, time standards (a process's own rules: ValidationOptions.modelChecks)
    ...processStartProblems(root, model), // who starts it and its start form
  ];
  return { problems, model, processKey: model.processKey, formRefs: formRefsOf(nodes) };
}
