// Bounds every loop of an uploaded definition, so that one engine call does bounded work: a
// multi-instance or standard loop must say how often it runs as a literal whole number up to
// MAX_LOOP_ITERATIONS (a `${…}` from case data, a collection or a bare completion condition has no
// bound), and loops nested in looping sub-processes may not multiply past that number either.
// The engine runner bounds each call at run time too (engine-runner.ts): this refuses early,
// naming the element.
import { named, type ModdleNode } from './moddle.js';
import { parseExpression } from './safe-expressions.js';
import { finding, messagesOf, type Finding } from './findings.js';

/** Most iterations of one loop, nested loops multiplied: far above any human SOP step, far below a stalled server. */
export const MAX_LOOP_ITERATIONS = 50;

const RANGE = `a whole number from 1 to ${MAX_LOOP_ITERATIONS}`;
const WHOLE_EXPRESSION = /^\$\{([^}]*)\}$/;

/** A literal whole number written as `7` or `${7}`, else null (paths and anything else). */
function literalCount(text: string): number | null {
  const whole = WHOLE_EXPRESSION.exec(text);
  let value: unknown = text;
  if (whole) {
    try {
      const expr = parseExpression(whole[1] as string);
      value = expr.kind === 'literal' ? expr.value : null;
    } catch {
      return null; // the expression rule reports why
    }
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

const bodyOf = (expression: unknown): string => String((expression as { body?: unknown } | undefined)?.body ?? '').trim();

type Unbounded = { code: string; text: string; value?: string };

/** How often the activity of `loop` runs, or the reason it is not bounded. */
function boundOf(loop: ModdleNode): number | Unbounded {
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const max = loop.loopMaximum;
    if (max === undefined || max === null || max === '') return { code: 'loop-maximum-missing', text: `a standard loop needs loopMaximum, ${RANGE}` };
    const n = literalCount(String(max));
    if (n === null || n < 1) return { code: 'loop-maximum-invalid', text: `loopMaximum "${String(max)}" is not ${RANGE}`, value: String(max) };
    return n > MAX_LOOP_ITERATIONS ? { code: 'loop-too-many', text: `loopMaximum ${n} is more than ${MAX_LOOP_ITERATIONS}, the most iterations allowed`, value: String(n) } : n;
  }
  if (loop.collection !== undefined || loop.loopDataInputRef !== undefined || loop.inputDataItem !== undefined) {
    return { code: 'loop-collection', text: `loops over a collection (camunda:collection, loopDataInputRef, inputDataItem) are not allowed: give a loopCardinality, ${RANGE}` };
  }
  const text = bodyOf(loop.loopCardinality);
  if (!text) return { code: 'loop-cardinality-missing', text: `a multi-instance loop needs a loopCardinality, ${RANGE}` };
  const n = literalCount(text);
  if (n === null) {
    return text.includes('${')
      ? { code: 'loop-cardinality-data', text: `loopCardinality "${text}" comes from case data and has no bound: give ${RANGE}`, value: text }
      : { code: 'loop-cardinality-invalid', text: `loopCardinality "${text}" is not ${RANGE}`, value: text };
  }
  if (n < 1) return { code: 'loop-cardinality-invalid', text: `loopCardinality "${text}" is not ${RANGE}`, value: text };
  return n > MAX_LOOP_ITERATIONS ? { code: 'loop-too-many', text: `loopCardinality ${n} is more than ${MAX_LOOP_ITERATIONS}, the most iterations allowed`, value: String(n) } : n;
}

const loopOf = (node: ModdleNode): ModdleNode | undefined => {
  const loop = node.loopCharacteristics as ModdleNode | undefined;
  return loop && typeof loop === 'object' ? loop : undefined;
};

/** Findings for every unbounded or too large loop, nested loops multiplied. */
export function loopFindings(nodes: ModdleNode[]): Finding[] {
  const reasons: Finding[] = [];
  const max = String(MAX_LOOP_ITERATIONS);
  const bounds = new Map<ModdleNode, number>();
  for (const node of nodes) {
    const loop = loopOf(node);
    if (!loop) continue;
    const bound = boundOf(loop);
    if (typeof bound !== 'number') reasons.push(finding(bound.code, node, `${named(node)}: ${bound.text}`, { value: bound.value ?? '', max }));
    else bounds.set(node, bound);
  }
  for (const [node, bound] of bounds) {
    let total = bound;
    for (let owner = node.$parent as ModdleNode | undefined; owner; owner = owner.$parent as ModdleNode | undefined) {
      total *= bounds.get(owner) ?? 1;
    }
    if (total > MAX_LOOP_ITERATIONS) {
      reasons.push(finding('loop-nested-too-many', node, `${named(node)}: inside looping sub-processes it runs ${total} times, more than ${MAX_LOOP_ITERATIONS}`, { value: String(total), max }));
    }
  }
  return reasons;
}

export const loopReasons = (nodes: ModdleNode[]): string[] => messagesOf(loopFindings(nodes));
