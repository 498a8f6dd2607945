// Entry point: BPMN XML -> the SOP document (identity + procedure table) of its process.
import { parseBpmn, type ModdleNode } from './moddle.js';
import { buildSopDocument } from './sop-document.js';
import type { SopDocument } from './sop-types.js';

export async function readSopDocument(xml: string): Promise<SopDocument> {
  return buildSopDocument((await parseBpmn(xml)).rootElement as unknown as ModdleNode);
}
