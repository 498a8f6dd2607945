// Security and well-formedness rules for an uploaded definition (defence in depth: the engine
// is also configured fail-closed). Each rule yields human-readable reasons; none throws.
import { label, named, type ModdleNode } from './moddle.js';
import { expressionsIn, parseExpression } from './safe-expressions.js';
import { parseIsoDuration } from './iso-duration.js';

const FORBIDDEN_TYPES: Record<string, string> = {
  'bpmn:ScriptTask': 'script tasks are not allowed',
  'bpmn:ServiceTask': 'service tasks are not allowed',
  'bpmn:SendTask': 'send tasks are not allowed',
  'bpmn:BusinessRuleTask': 'business rule tasks are not allowed',
  'camunda:ExecutionListener': 'camunda:executionListener is not allowed',
  'camunda:TaskListener': 'camunda:taskListener is not allowed',
  'camunda:Script': 'camunda:script is not allowed',
};
const CAMUNDA_DELEGATES = ['class', 'expression', 'delegateExpression'] as const;

/** String values held by one element: its properties, unknown attributes and generic body. */
function stringsOf(node: ModdleNode): string[] {
  const own = Object.entries(node).filter(([key]) => key !== '$type').map(([, v]) => v);
  return [...own, ...Object.values(node.$attrs ?? {})].filter((v): v is string => typeof v === 'string');
}

function isCamundaDelegating(node: ModdleNode): boolean {
  const instanceOf = node.$instanceOf as ((type: string) => boolean) | undefined;
  const camundaLike = typeof instanceOf === 'function' && instanceOf.call(node, 'camunda:ServiceTaskLike');
  return camundaLike && CAMUNDA_DELEGATES.some((attr) => node[attr] !== undefined && node[attr] !== '');
}

function timerReasons(node: ModdleNode): string[] {
  const reasons: string[] = [];
  const body = (key: string): string | undefined => (node[key] as { body?: string } | undefined)?.body?.trim();
  if (node.timeCycle) reasons.push(`${label(node)}: timeCycle timers are not allowed`);
  const duration = body('timeDuration');
  if (duration !== undefined && !expressionsIn(duration).length && parseIsoDuration(duration) === null) {
    reasons.push(`${label(node)}: invalid ISO-8601 duration "${duration}"`);
  }
  const date = body('timeDate');
  if (date !== undefined && !expressionsIn(date).length && Number.isNaN(Date.parse(date))) {
    reasons.push(`${label(node)}: invalid timeDate "${date}"`);
  }
  return reasons;
}

function mutuBakuReasons(node: ModdleNode): string[] {
  const reasons: string[] = [];
  const { waktu, langkah } = node as { waktu?: string; langkah?: number };
  if (waktu !== undefined && parseIsoDuration(waktu.trim()) === null) {
    reasons.push(`${label(node)}: invalid ISO-8601 duration "${waktu}" in waktu`);
  }
  if (langkah !== undefined && !(Number.isInteger(langkah) && langkah > 0)) {
    reasons.push(`${label(node)}: langkah must be a positive integer`);
  }
  return reasons;
}

/** Where each element keeps its condition (evaluated by the engine as true or false). */
const CONDITIONS: Record<string, string> = {
  'bpmn:SequenceFlow': 'conditionExpression',
  'bpmn:MultiInstanceLoopCharacteristics': 'completionCondition',
  'bpmn:StandardLoopCharacteristics': 'loopCondition',
  'bpmn:ConditionalEventDefinition': 'condition',
};
const WHOLE_EXPRESSION = /^\$\{[^}]*\}$/;

/**
 * A condition must be exactly one `${…}`: the engine reads any other text (a script body without
 * its language, `a ${x} b`, an empty body) as a non-empty string or nothing, i.e. always true or
 * never, whatever the case data.
 */
function conditionReasons(node: ModdleNode): string[] {
  const property = CONDITIONS[node.$type];
  const condition = property ? node[property] : undefined;
  if (condition === undefined || condition === null) return [];
  const body = (typeof condition === 'string' ? condition : String((condition as { body?: unknown }).body ?? '')).trim();
  const owner = node.$type === 'bpmn:SequenceFlow' ? node : ((node.$parent as ModdleNode | undefined) ?? node);
  if (!body) return [`${named(owner)}: the condition is empty; write one \${…} expression`];
  if (WHOLE_EXPRESSION.test(body)) return [];
  return [`${named(owner)}: the condition "${body}" is not one \${…} expression, so the engine would read it as plain text (always true)`];
}

/** Reasons why the nodes of a definition must not run on this server. */
export function securityReasons(nodes: ModdleNode[]): string[] {
  const reasons: string[] = [];
  for (const node of nodes) {
    const forbidden = FORBIDDEN_TYPES[node.$type];
    if (forbidden) reasons.push(`${label(node)}: ${forbidden}`);
    if (isCamundaDelegating(node)) reasons.push(`${label(node)}: camunda:class/expression/delegateExpression are not allowed`);
    if (node.$type === 'bpmn:FormalExpression' && node.language) {
      reasons.push(`${label(node)}: expressions with a language ("${String(node.language)}") are not allowed`);
    }
    if (node.$type === 'bpmn:TimerEventDefinition') reasons.push(...timerReasons(node));
    reasons.push(...conditionReasons(node));
    if (node.$type === 'alur:MutuBaku') reasons.push(...mutuBakuReasons(node));
    for (const text of stringsOf(node)) {
      for (const body of expressionsIn(text)) {
        try {
          parseExpression(body);
        } catch (err) {
          reasons.push(`${label(node)}: ${(err as Error).message}`);
        }
      }
    }
  }
  return reasons;
}
