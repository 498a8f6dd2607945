// The names of a BPMN file's elements by id, for tools that list problems by element (bpmn:check).
// Read leniently (warnings ignored): the file has already been checked by validateDefinition.
import { BpmnModdle } from 'bpmn-moddle';
import { allNodes, moddleOptions, type ModdleNode } from './moddle.js';

/** id -> trimmed name of every element of `xml` that has both; empty when it cannot be read. */
export async function elementNames(xml: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const { rootElement } = await new BpmnModdle(moddleOptions).fromXML(xml.trim());
    for (const node of allNodes(rootElement as unknown as ModdleNode)) {
      const name = typeof node.name === 'string' ? node.name.trim() : '';
      if (node.id && name) names.set(node.id, name);
    }
  } catch {
    // NOTE: unreadable files are reported by validateDefinition; they just have no names here
  }
  return names;
}
