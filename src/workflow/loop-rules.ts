// Bounds every loop of an uploaded definition, so that one engine call does bounded work: a
// multi-instance or standard loop must say how often it runs as a literal whole number up to
// MAX_LOOP_ITERATIONS (a `${…}` from case data, a collection or a bare completion condition has no
// bound), and loops nested in looping sub-processes may not multiply past that number either.
// The engine runner bounds each call at run time too (engine-runner.ts): this refuses early,
// naming the element.
import { named, type ModdleNode } from './moddle.js';
import { parseExpression } from './safe-expressions.js';

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

/** How often the activity of `loop` runs, or the reason it is not bounded. */
function boundOf(loop: ModdleNode): number | string {
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const max = loop.loopMaximum;
    if (max === undefined || max === null || max === '') return `a standard loop needs loopMaximum, ${RANGE}`;
    const n = literalCount(String(max));
    if (n === null || n < 1) return `loopMaximum "${String(max)}" is not ${RANGE}`;
    return n > MAX_LOOP_ITERATIONS ? `loopMaximum ${n} is more than ${MAX_LOOP_ITERATIONS}, the most iterations allowed` : n;
  }
  if (loop.collection !== undefined || loop.loopDataInputRef !== undefined || loop.inputDataItem !== undefined) {
    return `loops over a collection (camunda:collection, loopDataInputRef, inputDataItem) are not allowed: give a loopCardinality, ${RANGE}`;
  }
  const text = bodyOf(loop.loopCardinality);
  if (!text) return `a multi-instance loop needs a loopCardinality, ${RANGE}`;
  const n = literalCount(text);
  if (n === null) {
    return text.includes('${')
      ? `loopCardinality "${text}" comes from case data and has no bound: give ${RANGE}`
      : `loopCardinality "${text}" is not ${RANGE}`;
  }
  if (n < 1) return `loopCardinality "${text}" is not ${RANGE}`;
  return n > MAX_LOOP_ITERATIONS ? `loopCardinality ${n} is more than ${MAX_LOOP_ITERATIONS}, the most iterations allowed` : n;
}

const loopOf = (node: ModdleNode): ModdleNode | undefined => {
  const loop = node.loopCharacteristics as ModdleNode | undefined;
  return loop && typeof loop === 'object' ? loop : undefined;
};

/** Reasons for every unbounded or too large loop, nested loops multiplied. */
export function loopReasons(nodes: ModdleNode[]): string[] {
  const reasons: string[] = [];
  const bounds = new Map<ModdleNode, number>();
  for (const node of nodes) {
    const loop = loopOf(node);
    if (!loop) continue;
    const bound = boundOf(loop);
    if (typeof bound === 'string') reasons.push(`${named(node)}: ${bound}`);
    else bounds.set(node, bound);
  }
  for (const [node, bound] of bounds) {
    let total = bound;
    for (let owner = node.$parent as ModdleNode | undefined; owner; owner = owner.$parent as ModdleNode | undefined) {
      total *= bounds.get(owner) ?? 1;
    }
    if (total > MAX_LOOP_ITERATIONS) {
      reasons.push(`${named(node)}: inside looping sub-processes it runs ${total} times, more than ${MAX_LOOP_ITERATIONS}`);
    }
  }
  return reasons;
}
