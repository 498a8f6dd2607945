// What a file Alur hands out must be: valid against the BPMN 2.0 XSD. Older Alur files (the shipped
// processes before issue 11, versions deployed from them) carry a bpmn:documentation directly under
// bpmn:definitions, which the XSD does not allow; on export it moves onto the collaboration (or the
// first process), keeping its text. Any other file is returned byte for byte.
import { BpmnModdle } from 'bpmn-moddle';
import { moddleOptions, parseBpmn, type ModdleNode } from './moddle.js';

const DEFINITIONS_DOC = /<(?:[A-Za-z_][\w.-]*:)?definitions\b[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?documentation\b/;

const children = (node: ModdleNode, key: string): ModdleNode[] => (node[key] as ModdleNode[] | undefined) ?? [];

/** The element that takes the definitions' documentation: the collaboration, else the first process. */
function newOwner(definitions: ModdleNode): ModdleNode | undefined {
  const roots = children(definitions, 'rootElements');
  return roots.find((e) => e.$type === 'bpmn:Collaboration') ?? roots.find((e) => e.$type === 'bpmn:Process');
}

/**
 * `xml` with no bpmn:documentation directly under bpmn:definitions (moved onto the collaboration or
 * the first process, after its own); `xml` itself when it has none or cannot be read.
 */
export async function xsdConformingXml(xml: string): Promise<string> {
  if (!DEFINITIONS_DOC.test(xml)) return xml;
  let definitions: ModdleNode;
  try {
    definitions = (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
  } catch {
    return xml;
  }
  const docs = children(definitions, 'documentation');
  const owner = newOwner(definitions);
  if (!docs.length || !owner) return xml;
  owner.documentation = [...children(owner, 'documentation'), ...docs];
  definitions.documentation = [];
  const { xml: out } = await new BpmnModdle(moddleOptions).toXML(definitions as never, { format: true });
  return out;
}
