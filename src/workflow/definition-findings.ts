// Every reason why a parsed definition must not run, as findings with message keys: what reading
// the file found (moddle.ts: unresolved references), the model's
// rules (process-model.ts), security, automatic and unbounded loops, gateways and SOP identity
// dates. compile-definition.ts composes the same rules as English reasons (a test keeps the two equal).
import { allNodes, readFindings, type ModdleNode } from './moddle.js';
import { readProcessModel } from './process-model.js';
import { securityFindings } from './definition-rules.js';
import { automaticLoopFindings } from './wait-state-cycles.js';
import { loopFindings } from './loop-rules.js';
import { gatewayFindings } from './gateway-rules.js';
import { sopIdentityFindings } from './sop-identity.js';
import { groupAliases, type GroupAliases } from './group-aliases.js';
import type { Finding } from './findings.js';
import type { ProcessModel } from './types.js';

export function definitionFindings(root: ModdleNode, aliases: GroupAliases = groupAliases()): { model: ProcessModel; findings: Finding[] } {
  const { model, findings } = readProcessModel(root, aliases);
  const nodes = allNodes(root);
  return {
    model,
    findings: [...readFindings(root), ...findings, ...securityFindings(nodes), ...automaticLoopFindings(nodes), ...loopFindings(nodes), ...gatewayFindings(nodes), ...sopIdentityFindings(nodes)],
  };
}
