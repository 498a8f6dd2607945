// Security and well-formedness rules for an uploaded definition (defence in depth: the engine
// is also configured fail-closed). Each rule yields human-readable reasons; none throws.
import { label, named, type ModdleNode } from './moddle.js';
import { expressionsIn, parseExpression, HyphenatedNameError } from './safe-expressions.js';
import { parseIsoDuration } from './iso-duration.js';
import { finding, messagesOf, type Finding } from './findings.js';

/** Forbidden element types: [code, English text]. */
const FORBIDDEN_TYPES: Record<string, [string, string]> = {
  'bpmn:ScriptTask': ['script-task', 'script tasks are not allowed'],
  'bpmn:ServiceTask': ['service-task', 'service tasks are not allowed'],
  'bpmn:SendTask': ['send-task', 'send tasks are not allowed'],
  'bpmn:BusinessRuleTask': ['business-rule-task', 'business rule tasks are not allowed'],
  'camunda:ExecutionListener': ['execution-listener', 'camunda:executionListener is not allowed'],
  'camunda:TaskListener': ['task-listener', 'camunda:taskListener is not allowed'],
  'camunda:Script': ['camunda-script', 'camunda:script is not allowed'],
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

function timerReasons(node: ModdleNode): Finding[] {
  const reasons: Finding[] = [];
  const body = (key: string): string | undefined => (node[key] as { body?: string } | undefined)?.body?.trim();
  if (node.timeCycle) reasons.push(finding('timer-cycle', node, `${label(node)}: timeCycle timers are not allowed`));
  const duration = body('timeDuration');
  if (duration !== undefined && !expressionsIn(duration).length && parseIsoDuration(duration) === null) {
    reasons.push(finding('timer-duration-invalid', node, `${label(node)}: invalid ISO-8601 duration "${duration}"`, { value: duration }));
  }
  const date = body('timeDate');
  if (date !== undefined && !expressionsIn(date).length && Number.isNaN(Date.parse(date))) {
    reasons.push(finding('timer-date-invalid', node, `${label(node)}: invalid timeDate "${date}"`, { value: date }));
  }
  return reasons;
}

function mutuBakuReasons(node: ModdleNode): Finding[] {
  const reasons: Finding[] = [];
  const { waktu, langkah } = node as { waktu?: string; langkah?: number };
  if (waktu !== undefined && parseIsoDuration(waktu.trim()) === null) {
    reasons.push(finding('waktu-invalid', node, `${label(node)}: invalid ISO-8601 duration "${waktu}" in waktu`, { value: waktu }));
  }
  if (langkah !== undefined && !(Number.isInteger(langkah) && langkah > 0)) {
    reasons.push(finding('langkah-invalid', node, `${label(node)}: langkah must be a positive integer`, { value: String(langkah) }));
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
function conditionReasons(node: ModdleNode): Finding[] {
  const property = CONDITIONS[node.$type];
  const condition = property ? node[property] : undefined;
  if (condition === undefined || condition === null) return [];
  const body = (typeof condition === 'string' ? condition : String((condition as { body?: unknown }).body ?? '')).trim();
  const owner = node.$type === 'bpmn:SequenceFlow' ? node : ((node.$parent as ModdleNode | undefined) ?? node);
  if (!body) return [finding('condition-empty', owner, `${named(owner)}: the condition is empty; write one \${…} expression`)];
  if (WHOLE_EXPRESSION.test(body)) return [];
  return [finding('condition-not-expression', owner, `${named(owner)}: the condition "${body}" is not one \${…} expression, so the engine would read it as plain text (always true)`, { value: body })];
}

/** Findings why the nodes of a definition must not run on this server. */
export function securityFindings(nodes: ModdleNode[]): Finding[] {
  const reasons: Finding[] = [];
  for (const node of nodes) {
    const forbidden = Object.hasOwn(FORBIDDEN_TYPES, node.$type) ? FORBIDDEN_TYPES[node.$type] : undefined;
    if (forbidden) reasons.push(finding(forbidden[0], node, `${label(node)}: ${forbidden[1]}`));
    if (isCamundaDelegating(node)) reasons.push(finding('camunda-delegate', node, `${label(node)}: camunda:class/expression/delegateExpression are not allowed`));
    if (node.$type === 'bpmn:FormalExpression' && node.language) {
      reasons.push(finding('expression-language', node, `${label(node)}: expressions with a language ("${String(node.language)}") are not allowed`, { language: String(node.language) }));
    }
    if (node.$type === 'bpmn:TimerEventDefinition') reasons.push(...timerReasons(node));
    reasons.push(...conditionReasons(node));
    if (node.$type === 'alur:MutuBaku') reasons.push(...mutuBakuReasons(node));
    for (const text of stringsOf(node)) {
      for (const body of expressionsIn(text)) {
        try {
          parseExpression(body);
        } catch (err) {
          const message = `${label(node)}: ${(err as Error).message}`;
          reasons.push(err instanceof HyphenatedNameError
            ? finding('expression-hyphen', node, message, { id: err.id, expression: `\${${body}}` })
            : finding('expression-invalid', node, message, { expression: `\${${body}}` }));
        }
      }
    }
  }
  return reasons;
}

/** Reasons (English texts) why the nodes of a definition must not run on this server. */
export const securityReasons = (nodes: ModdleNode[]): string[] => messagesOf(securityFindings(nodes));
