// Parsing BPMN XML with bpmn-moddle (camunda + alur extensions), walking the parsed tree, and
// serialising it into the form bpmn-engine runs from (moddle-context-serializer).
import { BpmnModdle, type FromXMLResult } from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serializeContext, { deserialize, TypeResolver, type SerializableContext } from 'moddle-context-serializer';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import alur from './alur-moddle.json' with { type: 'json' };
import { DefinitionError, DefinitionLimitError } from './errors.js';
import { xmlLimitExceeded } from './xml-limits.js';

/** Moddle packages for the extension namespaces we read: `camunda:*` and `alur:*`. */
export const moddleOptions = { camunda, alur } as const;

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

/**
 * Parses BPMN XML; refuses DOCTYPE/ENTITY declarations, files over the element or nesting limits
 * (xml-limits.ts, checked on the text before any parsing) and anything bpmn-moddle errors or warns about.
 */
export async function parseBpmn(xml: string): Promise<FromXMLResult> {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw new DefinitionError(['DOCTYPE and ENTITY declarations are not allowed']);
  const exceeded = xmlLimitExceeded(xml);
  if (exceeded) throw new DefinitionLimitError(exceeded);
  let parsed;
  try {
    parsed = await new BpmnModdle(moddleOptions).fromXML(xml.trim());
  } catch (err) {
    throw new DefinitionError([(err as Error).message]);
  }
  if (parsed.warnings.length) throw new DefinitionError(parsed.warnings.map((w) => w.message));
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
