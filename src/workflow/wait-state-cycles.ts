// Refuses automatic loops: a cycle of flow nodes none of which waits never leaves the engine
// call that entered it. Loops must pass a user task, receive task or waiting catch event
// (message, signal, or a timer with a literal positive duration).
import { label, type ModdleNode } from './moddle.js';
import { parseIsoDuration } from './iso-duration.js';
import { elementRefs, finding, messagesOf, type Finding } from './findings.js';

const CONTAINERS = new Set(['bpmn:Process', 'bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

const definitionsOf = (node: ModdleNode): ModdleNode[] => (node.eventDefinitions as ModdleNode[] | undefined) ?? [];
const elementsOf = (node: ModdleNode): ModdleNode[] => (node.flowElements as ModdleNode[] | undefined) ?? [];

function isWaitingDefinition(def: ModdleNode): boolean {
  if (def.$type === 'bpmn:MessageEventDefinition' || def.$type === 'bpmn:SignalEventDefinition') return true;
  const duration = (def.timeDuration as { body?: string } | undefined)?.body?.trim();
  return def.$type === 'bpmn:TimerEventDefinition' && !!duration && (parseIsoDuration(duration) ?? 0) > 0;
}

function isWaitState(node: ModdleNode): boolean {
  if (node.$type === 'bpmn:UserTask' || node.$type === 'bpmn:ReceiveTask') return true;
  if (node.$type === 'bpmn:IntermediateCatchEvent') return definitionsOf(node).some(isWaitingDefinition);
  // NOTE: a sub-process counts as waiting when it contains a wait state anywhere inside.
  if (CONTAINERS.has(node.$type)) return elementsOf(node).some(isWaitState);
  return false;
}

const linkName = (node: ModdleNode): string | undefined =>
  definitionsOf(node).find((d) => d.$type === 'bpmn:LinkEventDefinition')?.name;

/** Outgoing edges between the flow nodes of one container: sequence flows, boundary attachments, links. */
function edgesOf(container: ModdleNode): Map<ModdleNode, ModdleNode[]> {
  const edges = new Map<ModdleNode, ModdleNode[]>();
  const add = (from: unknown, to: unknown): void => {
    if (from && to) edges.set(from as ModdleNode, [...(edges.get(from as ModdleNode) ?? []), to as ModdleNode]);
  };
  const nodes = elementsOf(container);
  for (const el of nodes) {
    if (el.$type === 'bpmn:SequenceFlow') add(el.sourceRef, el.targetRef);
    if (el.$type === 'bpmn:BoundaryEvent') add(el.attachedToRef, el);
    const link = linkName(el);
    if (link !== undefined && el.$type === 'bpmn:IntermediateThrowEvent') {
      for (const target of nodes) if (target.$type === 'bpmn:IntermediateCatchEvent' && linkName(target) === link) add(el, target);
    }
  }
  return edges;
}

/** The first cycle of non-waiting nodes in one container, or null. */
function automaticCycle(container: ModdleNode): ModdleNode[] | null {
  const edges = edgesOf(container);
  const state = new Map<ModdleNode, 'active' | 'done'>();
  const stack: ModdleNode[] = [];
  const visit = (node: ModdleNode): ModdleNode[] | null => {
    if (isWaitState(node) || state.get(node) === 'done') return null;
    if (state.get(node) === 'active') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'active');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** Findings for every container with a loop that never waits, and for standard loops on automatic activities. */
export function automaticLoopFindings(nodes: ModdleNode[]): Finding[] {
  const reasons: Finding[] = [];
  for (const node of nodes) {
    if (CONTAINERS.has(node.$type)) {
      const cycle = automaticCycle(node);
      if (cycle) {
        reasons.push(finding('automatic-loop', cycle[0]!, `automatic loop without a wait state: ${cycle.map((n) => n.id).join(' -> ')}`, { path: elementRefs(cycle) }));
      }
    }
    const loop = node.loopCharacteristics as ModdleNode | undefined;
    if (loop?.$type === 'bpmn:StandardLoopCharacteristics' && !isWaitState(node)) {
      reasons.push(finding('standard-loop-automatic', node, `${label(node)}: standard loops are only allowed on wait states`));
    }
  }
  return reasons;
}

/** Reasons (English texts) for every loop that never waits. */
export const automaticLoopReasons = (nodes: ModdleNode[]): string[] => messagesOf(automaticLoopFindings(nodes));
