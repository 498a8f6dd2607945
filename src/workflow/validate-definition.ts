// Everything that is checked before a deploy, as a list of problems tied to diagram elements:
// size, XML safety, Alur's executable rules (compile-definition), known forms, and bpmnlint's
// recommended rules. Any `error` problem refuses the deploy; warnings are shown only.
import { allNodes, label, parseBpmn, type ModdleNode } from './moddle.js';
import { definitionReasons } from './compile-definition.js';
import { DefinitionError, DefinitionLimitError } from './errors.js';
import { lintProblems } from './lint.js';
import { contentProblems } from './content-checks.js';
import type { ProcessModel } from './types.js';
import type { DefinitionProblem } from './sop-types.js';

/** Upload and deploy limit for one BPMN file. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

export interface ValidationOptions {
  /** Whether a camunda:formKey names a form that exists; without it forms are not checked. */
  hasForm?: (formKey: string) => boolean;
  maxBytes?: number;
}

export interface ValidationResult {
  problems: DefinitionProblem[];
  /** The model, when there is no error. */
  model: ProcessModel | null;
  /** The id of the executable process ('' if none) when the file could be read, else null. */
  processKey: string | null;
}

/** The element a reason is about: the first quoted known id (label() quotes the nearest id), or a loop's first node. */
function elementOf(reason: string, ids: Set<string>): string | null {
  for (const m of reason.matchAll(/"([^"]+)"/g)) if (ids.has(m[1]!)) return m[1]!;
  const loop = /^automatic loop without a wait state: ([^\s]+)/.exec(reason);
  return loop && ids.has(loop[1]!) ? loop[1]! : null;
}

const alurError = (message: string, elementId: string | null = null): DefinitionProblem => ({ elementId, message, severity: 'error', rule: 'alur' });

function formProblems(nodes: ModdleNode[], hasForm: (key: string) => boolean): DefinitionProblem[] {
  return nodes
    .filter((n) => n.$type === 'bpmn:UserTask' && typeof n.formKey === 'string' && n.formKey.trim())
    .filter((n) => !hasForm(String(n.formKey).trim()))
    .map((n) => alurError(`${label(n)}: form "${String(n.formKey).trim()}" does not exist`, n.id ?? null));
}

async function parseWithin(xml: string, maxBytes: number): Promise<ModdleNode | DefinitionProblem[]> {
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

/** Problems that make `xml` unreadable (too large, DOCTYPE/ENTITY, not BPMN): [] when it parses. */
export async function parseProblems(xml: string, maxBytes = MAX_DEFINITION_BYTES): Promise<DefinitionProblem[]> {
  const parsed = await parseWithin(xml, maxBytes);
  return Array.isArray(parsed) ? parsed : [];
}

export async function validateDefinition(xml: string, options: ValidationOptions = {}): Promise<ValidationResult> {
  const root = await parseWithin(xml, options.maxBytes ?? MAX_DEFINITION_BYTES);
  if (Array.isArray(root)) return { problems: root, model: null, processKey: null };
  const nodes = allNodes(root);
  const ids = new Set(nodes.map((n) => n.id).filter((id): id is string => typeof id === 'string'));
  const { model, reasons } = definitionReasons(root);
  const problems = [
    ...reasons.map((r) => alurError(r, elementOf(r, ids))),
    ...(await contentProblems(xml, nodes, model)), // texts, ids, time standards, the sign-up start
    ...(options.hasForm ? formProblems(nodes, options.hasForm) : []),
    ...(await lintProblems(xml)),
  ];
  return { problems, model: problems.some((p) => p.severity === 'error') ? null : model, processKey: model.processKey };
}
