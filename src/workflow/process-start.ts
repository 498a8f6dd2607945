// Who starts a process and what starting it asks for, read from the model: the starter groups
// (camunda:candidateStarterGroups; 'pemohon' = the public), a short description (the process's first
// bpmn:documentation), the start form (camunda:formData on the start event), what to prepare (the
// Persyaratan of the first steps) and the total time standard; plus the deploy rules on them.
import { APPLICANT_GROUP, ROLES } from '../store/ports.js';
import { hasModelForm, readModelForm } from './form-fields.js';
import { parseIsoDuration } from './iso-duration.js';
import { allNodes, named, parseBpmn, type ModdleNode } from './moddle.js';
import { elementRefs, finding, toProblem } from './findings.js';
import { mutuBakuOf, readProcessModel } from './process-model.js';
import type { DefinitionProblem, ProblemArgs } from './sop-types.js';
import { isGroupId } from './task-groups.js';
import type { ModelField, ProcessModel } from './types.js';

export const MAX_DESCRIPTION = 300;

export interface ProcessStart {
  processKey: string;
  /** Valid starter group ids as written (APPLICANT_GROUP: the public); [] = nobody may start it yet. */
  starterGroups: string[];
  /** Whether applicants (the public) may start it: 'pemohon' is among the starters. */
  publicStart: boolean;
  /** The first bpmn:documentation of the process, trimmed, at most MAX_DESCRIPTION characters. */
  description: string;
  /** The plain start event (null when there is none, or more than one). */
  startEvent: { id: string; name: string } | null;
  /** The start form's fields (camunda:formData on the start event); [] = no start form. */
  startForm: ModelField[];
  /** What to prepare: the Persyaratan of the first steps (see firstSteps), outputs of earlier steps left out. */
  requirements: string[];
  /**
   * Total time standard: the longest path from the start to an end through the user tasks' waktu,
   * without going back (loops and returns are not counted). Milliseconds and an ISO-8601 duration.
   */
  totalTimeMs: number;
  totalTime: string;
}

export interface StartRuleOptions {
  /** The process is started by its pack (e.g. a sign-up page of its own): no starter groups is no warning. */
  startedByPack?: boolean;
}

const children = (node: ModdleNode | undefined, key: string): ModdleNode[] => (node?.[key] as ModdleNode[] | undefined) ?? [];
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The executable process (as readProcessModel picks it). */
function executableProcess(definitions: ModdleNode): ModdleNode | undefined {
  return children(definitions, 'rootElements').find((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
}

/** Start events directly in the process (not in sub-processes) without an event definition. */
function plainStartEvents(process: ModdleNode): ModdleNode[] {
  return children(process, 'flowElements').filter((n) => n.$type === 'bpmn:StartEvent' && children(n, 'eventDefinitions').length === 0);
}

/** camunda:candidateStarterGroups, split on commas, as written. */
function starterNames(process: ModdleNode): string[] {
  return text(process.candidateStarterGroups).split(',').map((g) => g.trim()).filter(Boolean);
}

function descriptionOf(process: ModdleNode): string {
  const first = children(process, 'documentation')[0];
  const doc = text(first?.text).replace(/\s+/g, ' ');
  return doc.length > MAX_DESCRIPTION ? `${doc.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : doc;
}

/** Outgoing sequence flows' targets of each flow node of the process (top level). */
function successorsOf(process: ModdleNode): Map<ModdleNode, ModdleNode[]> {
  const next = new Map<ModdleNode, ModdleNode[]>();
  for (const flow of children(process, 'flowElements').filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    const source = flow.sourceRef as ModdleNode | undefined;
    const target = flow.targetRef as ModdleNode | undefined;
    if (source && target) next.set(source, [...(next.get(source) ?? []), target]);
  }
  return next;
}

/**
 * The first steps: the applicant's user tasks reached from the start before any staff step; when the
 * applicant has none there (a staff-started process), the first user tasks reached.
 */
function firstSteps(start: ModdleNode, next: Map<ModdleNode, ModdleNode[]>, groupOf: Map<string, string>): ModdleNode[] {
  const applicant: ModdleNode[] = [];
  const frontier: ModdleNode[] = [];
  const seen = new Set<ModdleNode>([start]);
  const queue = [...(next.get(start) ?? [])];
  while (queue.length) {
    const node = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.$type === 'bpmn:UserTask') {
      if (groupOf.get(node.id ?? '') !== APPLICANT_GROUP) {
        frontier.push(node);
        continue; // a staff step: what comes after it is not prepared by the applicant at the start
      }
      applicant.push(node);
    }
    queue.push(...(next.get(node) ?? []));
  }
  return applicant.length ? applicant : frontier;
}

function requirementsOf(steps: ModdleNode[]): string[] {
  const outputs = new Set(steps.map((s) => text(mutuBakuOf(s)?.output)).filter(Boolean));
  const found: string[] = [];
  for (const step of steps) {
    for (const item of mutuBakuOf(step)?.persyaratan ?? []) {
      const need = text(item);
      if (need && !outputs.has(need) && !found.includes(need)) found.push(need);
    }
  }
  return found;
}

/** Longest forward path (DFS back edges dropped) from `start`, weighing each user task by its waktu. */
function longestPathMs(start: ModdleNode, next: Map<ModdleNode, ModdleNode[]>): number {
  const weight = (n: ModdleNode): number => (n.$type === 'bpmn:UserTask' ? (parseIsoDuration(text(mutuBakuOf(n)?.waktu)) ?? 0) : 0);
  const state = new Map<ModdleNode, 'active' | number>();
  // NOTE: an explicit stack, not recursion: the size of a model is the uploader's choice
  const stack: Array<{ node: ModdleNode; i: number }> = [{ node: start, i: 0 }];
  state.set(start, 'active');
  const best = new Map<ModdleNode, number>();
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const targets = next.get(top.node) ?? [];
    if (top.i < targets.length) {
      const target = targets[top.i++]!;
      if (!state.has(target)) {
        state.set(target, 'active');
        stack.push({ node: target, i: 0 });
      }
      continue;
    }
    const onward = targets.map((t) => (state.get(t) === 'active' ? 0 : (best.get(t) ?? 0))); // an active target is a back edge
    const total = weight(top.node) + Math.max(0, ...onward);
    best.set(top.node, total);
    state.set(top.node, total);
    stack.pop();
  }
  return best.get(start) ?? 0;
}

/** 93_600_000 -> 'P1DT2H'; 0 -> 'PT0S'. */
export function isoDuration(ms: number): string {
  const units: Array<[number, string]> = [[86_400_000, 'D'], [3_600_000, 'H'], [60_000, 'M'], [1_000, 'S']];
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  const parts = units.map(([size, unit]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return n ? `${n}${unit}` : '';
  });
  const time = parts.slice(1).join('');
  return parts[0] || time ? `P${parts[0]}${time ? `T${time}` : ''}` : 'PT0S';
}

/** What starting the definition's executable process asks for (see ProcessStart). */
export function readProcessStart(definitions: ModdleNode, model: ProcessModel): ProcessStart {
  const process = executableProcess(definitions);
  const empty: ProcessStart = {
    processKey: model.processKey, starterGroups: [], publicStart: false, description: '', startEvent: null,
    startForm: [], requirements: [], totalTimeMs: 0, totalTime: isoDuration(0),
  };
  if (!process) return empty;
  const starterGroups = starterNames(process).filter((g) => isGroupId(g) && !(ROLES as readonly string[]).includes(g));
  const starts = plainStartEvents(process);
  const start = starts.length === 1 ? starts[0]! : null;
  const base = { ...empty, starterGroups, publicStart: starterGroups.includes(APPLICANT_GROUP), description: descriptionOf(process) };
  if (!start) return base;
  const next = successorsOf(process);
  const groupOf = new Map(model.userTasks.map((t) => [t.id, t.groupId]));
  const form = hasModelForm(start) ? readModelForm(start) : { fields: [], problems: [] };
  const totalTimeMs = longestPathMs(start, next);
  return {
    ...base,
    startEvent: { id: start.id ?? '', name: text(start.name) || (start.id ?? '') },
    startForm: form.problems.length ? [] : form.fields,
    requirements: requirementsOf(firstSteps(start, next, groupOf)),
    totalTimeMs,
    totalTime: isoDuration(totalTimeMs),
  };
}

/** The rule of the warning "nobody can start this process yet" (a process its pack starts drops it). */
export const NO_STARTER_RULE = 'no-starter';

const error = (code: string, node: ModdleNode | null, message: string, args: ProblemArgs = {}): DefinitionProblem => toProblem(finding(code, node, message, args));

/** Deploy rules on who starts the process and its start form; elements are named by their names. */
export function processStartProblems(definitions: ModdleNode, model: ProcessModel, options: StartRuleOptions = {}): DefinitionProblem[] {
  const process = executableProcess(definitions);
  if (!process) return []; // 'no executable process' is reported by the model's rules
  const problems: DefinitionProblem[] = [];
  const starts = plainStartEvents(process);
  if (children(process, 'flowElements').every((n) => n.$type !== 'bpmn:StartEvent')) {
    problems.push(error('start-missing', process, `${named(process)}: no start event: a case starts at a start event`));
  } else if (starts.length > 1) {
    problems.push(error('start-many', process, `${named(process)}: more than one plain start event (${starts.map((s) => named(s)).join(', ')}): a case must start at exactly one`, { events: elementRefs(starts) }));
  }
  for (const start of starts) {
    if (text(start.formKey)) problems.push(error('start-form-key', start, `${named(start)}: a start form is declared with form fields (camunda:formData), not camunda:formKey`));
    if (!hasModelForm(start)) continue;
    const form = readModelForm(start);
    problems.push(...form.findings.map((p) => error(p.code, start, `${named(start)}: ${p.text}`, p.args)));
    const files = form.fields.filter((f) => f.type === 'file').map((f) => f.id);
    // NOTE: a case is started by a plain form post; documents are asked for by a first step
    if (files.length) problems.push(error('start-form-files', start, `${named(start)}: a start form cannot ask for files (${files.join(', ')}): ask for documents in a first step`, { ids: files.join(', ') }));
  }
  const names = starterNames(process);
  for (const name of names) {
    if ((ROLES as readonly string[]).includes(name)) {
      problems.push(error('starter-system-role', process, `${named(process)}: camunda:candidateStarterGroups names the system role "${name}", not a group; name the group whose members start it, or "${APPLICANT_GROUP}" for the public`, { group: name, applicant: APPLICANT_GROUP }));
    } else if (!isGroupId(name)) {
      problems.push(error('starter-invalid', process, `${named(process)}: camunda:candidateStarterGroups "${name}" is not a valid group id (lower-case letters and digits in words joined by "-", starting with a letter, at most 64 characters)`, { group: name }));
    }
  }
  if (names.length === 0) {
    if (!options.startedByPack) {
      problems.push({ ...error('no-starter', process, `${named(process)}: nobody can start this process yet: set camunda:candidateStarterGroups ("${APPLICANT_GROUP}" for the public, or the group whose members start it)`, { applicant: APPLICANT_GROUP }), severity: 'warning', rule: NO_STARTER_RULE });
    }
  } else if (!names.includes(APPLICANT_GROUP)) {
    const nodes = allNodes(process);
    for (const task of model.userTasks.filter((t) => t.groupId === APPLICANT_GROUP)) {
      const node = nodes.find((n) => n.id === task.id) ?? null;
      problems.push(error('applicant-step-staff-start', node, `bpmn:UserTask "${task.id}" (${task.name}): a step of the applicant ("${APPLICANT_GROUP}") in a process that staff start (camunda:candidateStarterGroups "${names.join(',')}"): nobody could do it`, {
        applicant: APPLICANT_GROUP, groups: names.join(', '),
      }));
    }
  }
  return problems;
}

/** Parses `xml` (a stored, valid definition) and reads its ProcessStart. */
export async function loadProcessStart(xml: string): Promise<ProcessStart> {
  const root = (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
  return readProcessStart(root, readProcessModel(root).model);
}

/** Parses `xml` and returns the start rules' problems (for callers that hold only the text). */
export async function processStartProblemsOf(xml: string, options: StartRuleOptions = {}): Promise<DefinitionProblem[]> {
  const root = (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
  return processStartProblems(root, readProcessModel(root).model, options);
}
