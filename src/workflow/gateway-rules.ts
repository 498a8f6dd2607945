// A diverging exclusive or inclusive gateway needs a condition on every outgoing flow except its
// default flow; otherwise which way a case goes is left to the engine's flow order.
import { label, type ModdleNode } from './moddle.js';
import { elementRefs, finding, messagesOf, type Finding } from './findings.js';

const DECIDING = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);

export function gatewayFindings(nodes: ModdleNode[]): Finding[] {
  const flows = nodes.filter((n) => n.$type === 'bpmn:SequenceFlow');
  return nodes
    .filter((n) => DECIDING.has(n.$type))
    .flatMap((gateway) => {
      const outgoing = flows.filter((f) => f.sourceRef === gateway);
      if (outgoing.length < 2) return [];
      return outgoing
        .filter((f) => f !== gateway.default && !f.conditionExpression)
        .map((f) => finding('gateway-flow-condition', gateway, `${label(gateway)}: outgoing flow "${f.id ?? ''}" has no condition and is not the default flow`, {
          flow: elementRefs([f]),
          target: f.targetRef ? elementRefs([f.targetRef as ModdleNode]) : [],
        }));
    });
}

export const gatewayReasons = (nodes: ModdleNode[]): string[] => messagesOf(gatewayFindings(nodes));
