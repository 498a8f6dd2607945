// Parse + validate a BPMN definition into what the runner needs: the ProcessModel and the
// engine's pre-serialized source context (the state never carries the diagram itself).
import { DefinitionError } from './errors.js';
import { allNodes, parseBpmn, readFindings, serializeForEngine, type ModdleNode } from './moddle.js';
import { securityReasons } from './definition-rules.js';
import { automaticLoopReasons } from './wait-state-cycles.js';
import { loopReasons } from './loop-rules.js';
import { readProcessModel } from './process-model.js';
import { gatewayReasons } from './gateway-rules.js';
import { sopIdentityReasons } from './sop-identity.js';
import type { ProcessModel } from './types.js';
import { groupAliases, type GroupAliases } from './group-aliases.js';

export interface CompiledDefinition {
  model: ProcessModel;
  /** moddle-context-serializer output as JSON; deserialised once per version and shared (engine-factory.ts) */
  sourceContext: string;
}

/**
 * Parses `xml`; with `validate` (the default) refuses, with every reason at once, anything that
 * could run code, loop without waiting, or lacks what a user task needs (group, formKey, time).
 */
export async function compileDefinition(xml: string, validate = true): Promise<CompiledDefinition> {
  const parsed = await parseBpmn(xml);
  const { model, reasons } = definitionReasons(parsed.rootElement as unknown as ModdleNode);
  if (validate && reasons.length) throw new DefinitionError(reasons);
  return { model, sourceContext: serializeForEngine(parsed) };
}

/** The process model of a parsed definition and every reason why it must not run. */
export function definitionReasons(root: ModdleNode, aliases: GroupAliases = groupAliases()): { model: ProcessModel; reasons: string[] } {
  const { model, reasons } = readProcessModel(root, aliases);
  const nodes = allNodes(root);
  const all = [...readFindings(root).map((f) => f.message), ...reasons, ...securityReasons(nodes), ...automaticLoopReasons(nodes), ...loopReasons(nodes), ...gatewayReasons(nodes), ...sopIdentityReasons(nodes)];
  return { model, reasons: all };
}

/** Parse + validate a BPMN XML and return its process model (see DefinitionError for refusals). */
export async function loadProcessModel(xml: string): Promise<ProcessModel> {
  return (await compileDefinition(xml)).model;
}
