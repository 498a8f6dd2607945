// Rules on what a model SAYS (its texts, ids and time standards), checked before a deploy: every
// text within its length limit (model-text-limits.ts) and free of control or bidi-override
// characters, no element id that is an Object.prototype member, and every alur:mutuBaku `waktu`
// and timer duration within the time-standard range. Each finding names the element and the property.
import { label, type ModdleNode } from './moddle.js';
import { FORBIDDEN_CHARS, MAX_LIST_ITEMS, TEXT_LIMITS } from './model-text-limits.js';
import { isReservedName } from './reserved-names.js';
import { MIN_TIME_STANDARD_MS, parseIsoDuration, timeStandardProblem } from './iso-duration.js';
import type { DefinitionProblem } from './sop-types.js';
import { finding, toProblem, type Finding } from './findings.js';

type LimitKind = keyof typeof TEXT_LIMITS;

const MUTU_BAKU_KEYS = new Set(['uraian', 'output', 'waktu', 'persyaratan', 'keterangan']);

/** The limit that applies to `key` of `node`. */
function limitOf(node: ModdleNode, key: string): LimitKind {
  if (node.$type === 'alur:MutuBaku' && MUTU_BAKU_KEYS.has(key)) return key as LimitKind;
  if (node.$type === 'alur:SopIdentity') return 'identityField';
  if ((node.$type === 'bpmn:Documentation' || node.$type === 'bpmn:TextAnnotation') && key === 'text') return 'documentation';
  if (node.$type === 'camunda:FormField' && key === 'label') return 'label';
  return key === 'name' ? 'name' : 'other';
}

/** Own texts of a node: [property, value, limit kind], lists item by item; references and children are skipped. */
function textsOf(node: ModdleNode): Array<[string, string, LimitKind]> {
  const out: Array<[string, string, LimitKind]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('$')) continue;
    if (typeof value === 'string') out.push([key, value, limitOf(node, key)]);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      const kind = node.$type === 'alur:SopIdentity' ? 'identityItem' : limitOf(node, key);
      value.forEach((v: string, i) => out.push([`${key}[${i + 1}]`, v, kind]));
    }
  }
  for (const [key, value] of Object.entries(node.$attrs ?? {})) if (typeof value === 'string') out.push([key, value, 'other']);
  return out;
}

function listLengthReasons(node: ModdleNode): Finding[] {
  if (node.$type !== 'alur:MutuBaku' && node.$type !== 'alur:SopIdentity') return [];
  return Object.entries(node)
    .filter(([key, value]) => !key.startsWith('$') && Array.isArray(value) && value.length > MAX_LIST_ITEMS)
    .map(([key, value]) => finding('list-too-long', node, `${label(node)}: ${key} has ${(value as unknown[]).length} items, more than the limit of ${MAX_LIST_ITEMS}`, {
      property: key, count: String((value as unknown[]).length), max: String(MAX_LIST_ITEMS),
    }));
}

function textReasons(node: ModdleNode): Finding[] {
  const reasons: Finding[] = [];
  for (const [key, value, kind] of textsOf(node)) {
    const max = TEXT_LIMITS[kind];
    if (value.length > max) {
      reasons.push(finding('text-too-long', node, `${label(node)}: ${key} has ${value.length} characters, more than the limit of ${max}`, { property: key, count: String(value.length), max: String(max) }));
    }
    const bad = FORBIDDEN_CHARS.exec(value);
    if (bad) {
      const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      reasons.push(finding('text-control-char', node, `${label(node)}: ${key} contains the control or text-direction character ${code}, which is not allowed`, { property: key, char: code }));
    }
  }
  return reasons;
}

function idReasons(node: ModdleNode): Finding[] {
  return typeof node.id === 'string' && isReservedName(node.id)
    ? [finding('id-reserved', node, `${node.$type} "${node.id}": the id "${node.id}" is a reserved name (a JavaScript object member): choose another id`, { id: node.id })]
    : [];
}

/** The key of a duration out of range: too short or too long. */
const rangeCode = (text: string, prefix: string): string => `${prefix}-${(parseIsoDuration(text) ?? 0) < MIN_TIME_STANDARD_MS ? 'too-short' : 'too-long'}`;

function timeStandardReasons(node: ModdleNode): Finding[] {
  if (node.$type !== 'alur:MutuBaku' || typeof node.waktu !== 'string') return [];
  const waktu = node.waktu.trim();
  if (parseIsoDuration(waktu) === null) return []; // a malformed duration is a definition-rules reason
  const problem = timeStandardProblem(waktu);
  return problem ? [finding(rangeCode(waktu, 'waktu'), node, `${label(node)}: waktu "${waktu}" ${problem}`, { value: waktu })] : [];
}

/** A timer's duration (without `${…}`) has the same range as a time standard: 1 second to 1 year. */
function timerDurationReasons(node: ModdleNode): Finding[] {
  if (node.$type !== 'bpmn:TimerEventDefinition') return [];
  const duration = (node.timeDuration as { body?: string } | undefined)?.body?.trim();
  if (duration === undefined || duration.includes('${') || parseIsoDuration(duration) === null) return [];
  const problem = timeStandardProblem(duration);
  return problem ? [finding(rangeCode(duration, 'timer-duration'), node, `${label(node)}: timeDuration "${duration}" ${problem.replaceAll('time standard', 'timer duration')}`, { value: duration })] : [];
}

/** Every finding about the texts, ids and time standards of `nodes`. */
export function modelContentProblems(nodes: ModdleNode[]): DefinitionProblem[] {
  return nodes.flatMap((node) =>
    [...idReasons(node), ...textReasons(node), ...listLengthReasons(node), ...timeStandardReasons(node), ...timerDurationReasons(node)].map((f) => toProblem(f)),
  );
}
