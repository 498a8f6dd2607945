// A finding of a validation rule: a message KEY (`code`) with its arguments, the element it is
// about, and the English text (`message`) kept for logs and the command line. The studio and the
// CLI word it in the owner's language from the key (src/web/locales/problems.ts), naming the
// element by its name, else by its type and position ("Tugas tanpa nama (ke-3)").
import { allNodes, type ModdleNode } from './moddle.js';
import type { DefinitionProblem, ElementRef, ProblemArgs } from './sop-types.js';

export interface Finding {
  code: string;
  args: ProblemArgs;
  /** The element the finding is about (the nearest diagram element is named), or null for the file. */
  node: ModdleNode | null;
  /** English text, as the rules always wrote it (logs, CLI --lang en fallback, DefinitionError). */
  message: string;
}

export const finding = (code: string, node: ModdleNode | null, message: string, args: ProblemArgs = {}): Finding => ({ code, args, node, message });

/** Parts of an element that the diagram does not show on their own: a finding names their owner. */
const PART = /^(bpmn:(\w*EventDefinition|FormalExpression|Expression|\w*LoopCharacteristics|ExtensionElements|Documentation)|alur:|camunda:)/;

/** The diagram element a finding about `node` is shown on: the node itself, or the element it belongs to. */
export function ownerOf(node: ModdleNode): ModdleNode {
  let n: ModdleNode = node;
  while ((PART.test(n.$type) || !n.id) && n.$parent) n = n.$parent as ModdleNode;
  return n;
}

const positions = new WeakMap<ModdleNode, Map<ModdleNode, number>>();

/** 1-based position of `node` among the elements of its type, in document order. */
function positionOf(node: ModdleNode): number {
  let root = node;
  while (root.$parent) root = root.$parent as ModdleNode;
  let index = positions.get(root);
  if (!index) {
    index = new Map();
    const counts = new Map<string, number>();
    for (const n of allNodes(root)) {
      const count = (counts.get(n.$type) ?? 0) + 1;
      counts.set(n.$type, count);
      index.set(n, count);
    }
    positions.set(root, index);
  }
  return index.get(node) ?? 1;
}

/** How a problem names `node`: its name, else its type and position. */
export function elementRef(node: ModdleNode): ElementRef {
  const name = typeof node.name === 'string' ? node.name.trim() : '';
  return { type: node.$type, name, position: positionOf(node) };
}

/** Several elements as one argument (e.g. the steps of a loop). */
export const elementRefs = (nodes: ModdleNode[]): ElementRef[] => nodes.map((n) => elementRef(ownerOf(n)));

/** Messages of findings, for callers that still take plain reasons (compile-definition, DefinitionError). */
export const messagesOf = (findings: Finding[]): string[] => findings.map((f) => f.message);

/** The problem of a finding, shown on its element's diagram owner. */
export function toProblem(f: Finding, severity: DefinitionProblem['severity'] = 'error', rule = 'alur'): DefinitionProblem {
  // the element id is the node's own, else its nearest identified ancestor's (as the rules always gave); the name is its diagram owner's
  let identified: ModdleNode | undefined = f.node ?? undefined;
  while (identified && !identified.id) identified = identified.$parent as ModdleNode | undefined;
  const owner = f.node ? ownerOf(f.node) : null;
  return { elementId: identified?.id ?? null, message: f.message, severity, rule, code: f.code, args: f.args, element: owner ? elementRef(owner) : null };
}
