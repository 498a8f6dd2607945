// Validates BPMN XML against the BPMN 2.0 XSD (the schemas beside this file) with xmllint-wasm.
import { readFileSync } from 'node:fs';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const NAMES = ['BPMN20.xsd', 'Semantic.xsd', 'BPMNDI.xsd', 'DC.xsd', 'DI.xsd'] as const;
const SCHEMAS: XMLFileInfo[] = NAMES.map((fileName) => ({ fileName, contents: readFileSync(new URL(fileName, import.meta.url), 'utf8') }));

/** The schema errors of `xml` ([] when valid), each "line N: message". Bytes keep a declared encoding. */
export async function xsdErrors(xml: string | Uint8Array, fileName = 'model.bpmn'): Promise<string[]> {
  const contents = typeof xml === 'string' ? xml : new Uint8Array(xml);
  const result = await validateXML({ xml: { fileName, contents }, schema: SCHEMAS[0]!, preload: SCHEMAS.slice(1) });
  return result.valid ? [] : result.errors.map((e) => `line ${e.loc?.lineNumber ?? '?'}: ${e.message}`);
}
