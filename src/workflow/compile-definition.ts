// Parse + validate a BPMN definition into what the runner needs: the ProcessModel and the
// engine's pre-serialized source context (the state never carries the diagram itself).
import { DefinitionError } from './errors.js';
import { allNodes, parseBpmn, serializeForEngine, type ModdleNode } from './moddle.js';
import { securityReasons } from './definition-rules.js';
import { automaticLoopReasons } from './wait-state-cycles.js';
import { readProcessModel } from './process-model.js';
import type { ProcessModel } from './types.js';

export interface CompiledDefinition {
  model: ProcessModel;
  /** moddle-context-serializer output as JSON; deserialised afresh for every engine */
  sourceContext: string;
}

/**
 * Parses `xml`; with `validate` (the default) refuses, with every reason at once, anything that
 * could run code, loop without waiting, or lacks what a user task needs (role, formKey, time).
 */
export async function compileDefinition(xml: string, validate = true): Promise<CompiledDefinition> {
  const parsed = await parseBpmn(xml);
  const root = parsed.rootElement as unknown as ModdleNode;
  const { model, reasons } = readProcessModel(root);
  if (validate) {
    const nodes = allNodes(root);
    const all = [...reasons, ...securityReasons(nodes), ...automaticLoopReasons(nodes)];
    if (all.length) throw new DefinitionError(all);
  }
  return { model, sourceContext: serializeForEngine(parsed) };
}

/** Parse + validate a BPMN XML and return its process model (see DefinitionError for refusals). */
export async function loadProcessModel(xml: string): Promise<ProcessModel> {
  return (await compileDefinition(xml)).model;
}
