// Parsing BPMN XML with bpmn-moddle (camunda + alur extensions), walking the parsed tree, and
// serialising it into the form bpmn-engine runs from (moddle-context-serializer).
import { BpmnModdle, type FromXMLResult } from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serializeContext, { deserialize, TypeResolver, type SerializableContext } from 'moddle-context-serializer';
import { DefinitionError, DefinitionLimitError } from './errors.js';
import { xmlLimitExceeded } from './xml-limits.js';
import { moddleOptions } from './moddle-options.js';
import { foreignPrefixReason } from './xml-import.js';
import type { Finding } from './findings.js';

export { moddleOptions };

/** Loose view of a moddle element: `$type` plus whatever properties it carries. */
export interface ModdleNode {
  $type: string;
  id?: string;
  name?: string;
  $attrs?: Record<string, unknown>;
  [key: string]: unknown;
}

const typeResolver = TypeResolver(elements);

const isNode = (value: unknown): value is ModdleNode =>
  typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';

/** Every element reachable by containment from `root` (including generic extension elements), once. */
export function allNodes(root: ModdleNode): ModdleNode[] {
  const seen = new Set<ModdleNode>();
  // NOTE: an explicit stack, not recursion: the depth of a tree is the uploader's choice.
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (isNode(value) && !seen.has(value)) {
      seen.add(value);
      const children = Object.entries(value).filter(([key]) => key !== '$parent').map(([, child]) => child);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return [...seen];
}

/** `bpmn:UserTask "A"`, or for an element without id, its type and nearest identified ancestor. */
export function label(node: ModdleNode): string {
  if (node.id) return `${node.$type} "${node.id}"`;
  let owner = node.$parent as ModdleNode | undefined;
  while (owner && !owner.id) owner = owner.$parent as ModdleNode | undefined;
  return owner ? `${node.$type} in ${label(owner)}` : node.$type;
}

/** `bpmn:Task "M" (Banyak)`: the label, then the element's name when it has one (what the process owner sees). */
export function named(node: ModdleNode): string {
  const name = typeof node.name === 'string' ? node.name.trim() : '';
  return name ? `${label(node)} (${name})` : label(node);
}

interface ModdleWarning { message: string; element?: ModdleNode; property?: string; value?: unknown }

/**
 * What a bpmn-moddle warning means for Alur: 'ignore' when the meaning is kept (an encoding
 * declaration: the text is already decoded), 'reason' when the file reads but the model is
 * incomplete (a reference to an element not in the file: it cannot run), 'refuse' otherwise
 * (content the parser dropped, an attribute of a known namespace it does not know).
 */
export function warningKind(message: string): 'ignore' | 'reason' | 'refuse' {
  if (message.startsWith('unsupported document encoding')) return 'ignore';
  if (message.startsWith('unresolved reference')) return 'reason';
  return 'refuse';
}

/** Findings of reading a parsed definition (see warningKind), by its root element. */
const readFindingsByRoot = new WeakMap<object, Finding[]>();

/** Why a definition read by parseBpmn cannot run for what its reading found (code 'reference-unresolved'). */
export function readFindings(root: ModdleNode): Finding[] {
  return readFindingsByRoot.get(root) ?? [];
}

/** Args: `property` (e.g. outMessageRef), `reference` (the id not in the file). */
function unresolvedFinding({ element, property, value }: ModdleWarning): Finding {
  const prop = property?.replace(/^\w+:/, '') ?? 'reference';
  const where = element ? named(element) : 'an element';
  const message = `${where}: ${prop} refers to "${String(value)}", which is not in this file`;
  return { code: 'reference-unresolved', args: { property: prop, reference: String(value) }, node: element ?? null, message };
}

/**
 * Parses BPMN XML; refuses DOCTYPE/ENTITY declarations, files over the element or nesting limits
 * (xml-limits.ts, checked on the text before any parsing), a known prefix bound to a foreign
 * namespace (xml-import.ts), bpmn-moddle errors and the warnings that change meaning (warningKind).
 */
export async function parseBpmn(xml: string): Promise<FromXMLResult> {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw new DefinitionError(['DOCTYPE and ENTITY declarations are not allowed']);
  const exceeded = xmlLimitExceeded(xml);
  if (exceeded) throw new DefinitionLimitError(exceeded);
  const foreign = foreignPrefixReason(xml);
  if (foreign) throw new DefinitionError([foreign]);
  let parsed;
  try {
    parsed = await new BpmnModdle(moddleOptions).fromXML(xml.trim());
  } catch (err) {
    throw new DefinitionError([(err as Error).message]);
  }
  const warnings = parsed.warnings as unknown as ModdleWarning[];
  const refused = warnings.filter((w) => warningKind(w.message) === 'refuse');
  if (refused.length) throw new DefinitionError(refused.map((w) => w.message));
  const findings = warnings.filter((w) => warningKind(w.message) === 'reason').map(unresolvedFinding);
  if (findings.length) readFindingsByRoot.set(parsed.rootElement, findings);
  return parsed;
}

/** Engine-ready serialized context as a JSON string (immutable; deserialise one per engine). */
export function serializeForEngine(parsed: FromXMLResult): string {
  // moddle-context-serializer wants the whole fromXML result (it resolves `references` itself)
  return serializeContext(parsed as never, typeResolver).serialize();
}

export function deserializeForEngine(serialized: string): SerializableContext {
  return deserialize(JSON.parse(serialized) as object, typeResolver);
}
