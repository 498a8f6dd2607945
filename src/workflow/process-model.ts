// Reads the ProcessModel of a parsed definition: the executable process, its lanes and groups, and
// per user task the group (candidateGroups, else lane: task-groups.ts), form (registered formKey, or fields declared
// in the model) and SOP Mutu Baku (alur:mutuBaku).
import type { ProcessModel, SopStep, UserTaskSpec } from './types.js';
import { allNodes, label, type ModdleNode } from './moddle.js';
import { parseIsoDuration } from './iso-duration.js';
import { hasModelForm, MODEL_FORM_PREFIX, readModelForm } from './form-fields.js';
import { groupOf, type Lane } from './task-groups.js';
import { groupAliases, type GroupAliases } from './group-aliases.js';
import { elementRefs, finding, type Finding } from './findings.js';
import type { FormProblem } from './form-fields.js';

export interface MutuBaku {
  langkah?: number;
  uraian?: string;
  waktu?: string;
  output?: string;
  persyaratan?: string[];
  keterangan?: string[];
}
export type { Lane };

const children = (node: ModdleNode | undefined, key: string): ModdleNode[] => (node?.[key] as ModdleNode[] | undefined) ?? [];

/** Flat list of lanes (nested lanes included) and, per flow node id, its deepest lane. */
export function readLanes(process: ModdleNode): { lanes: Lane[]; laneOf: Map<string, Lane> } {
  const lanes: Lane[] = [];
  const laneOf = new Map<string, Lane>();
  const walk = (laneSet: ModdleNode | undefined): void => {
    for (const lane of children(laneSet, 'lanes')) {
      const entry = { id: lane.id ?? '', name: lane.name ?? lane.id ?? '' };
      lanes.push(entry);
      for (const ref of children(lane, 'flowNodeRef')) if (ref.id) laneOf.set(ref.id, entry);
      walk(lane.childLaneSet as ModdleNode | undefined);
    }
  };
  for (const laneSet of children(process, 'laneSets')) walk(laneSet);
  return { lanes, laneOf };
}

export function mutuBakuOf(node: ModdleNode): MutuBaku | undefined {
  const values = children(node.extensionElements as ModdleNode | undefined, 'values');
  return values.find((v) => v.$type === 'alur:MutuBaku') as MutuBaku | undefined;
}

function sopStepOf(mutu: MutuBaku | undefined): SopStep {
  return {
    stepNo: mutu?.langkah ?? null,
    requirements: [...(mutu?.persyaratan ?? [])],
    output: mutu?.output ?? '',
    keterangan: [...(mutu?.keterangan ?? [])],
  };
}

/** A registered form (camunda:formKey) or one declared in the model (camunda:formData), never both. */
function formOf(task: ModdleNode): { formKey: string; fields: UserTaskSpec['fields']; problems: FormProblem[] } {
  const formKey = typeof task.formKey === 'string' ? task.formKey.trim() : '';
  const one = (code: string, text: string, args: FormProblem['args'] = {}): FormProblem[] => [{ code, text, args }];
  if (formKey.startsWith(MODEL_FORM_PREFIX)) return { formKey, fields: [], problems: one('form-key-prefix', `camunda:formKey may not start with "${MODEL_FORM_PREFIX}"`, { prefix: MODEL_FORM_PREFIX }) };
  if (!hasModelForm(task)) return { formKey, fields: [], problems: formKey ? [] : one('form-missing', 'no camunda:formKey and no form fields (camunda:formData)') };
  if (formKey) return { formKey, fields: [], problems: one('form-both', 'has both camunda:formKey and form fields (camunda:formData): keep one') };
  const { fields, findings } = readModelForm(task);
  return { formKey: `${MODEL_FORM_PREFIX}${task.id ?? ''}`, fields, problems: findings };
}

interface ReadContext { processKey: string; aliases: GroupAliases }

function userTaskSpec(task: ModdleNode, lane: Lane | null, ctx: ReadContext, reasons: Finding[]): UserTaskSpec | null {
  const problems: FormProblem[] = [];
  const group = groupOf(task, lane, ctx.processKey, ctx.aliases);
  if ('problem' in group) problems.push({ code: group.code, args: group.args, text: group.problem });
  const form = formOf(task);
  problems.push(...form.problems);
  const mutu = mutuBakuOf(task);
  const timeStandard = mutu?.waktu?.trim() ?? '';
  const timeStandardMs = parseIsoDuration(timeStandard);
  if (!timeStandard) problems.push({ code: 'waktu-missing', args: {}, text: 'no alur:mutuBaku waktu (time standard)' });
  reasons.push(...problems.map((p) => finding(p.code, task, `${label(task)}: ${p.text}`, p.args)));
  if (problems.length || timeStandardMs === null || 'problem' in group) return null; // an invalid waktu is a definition-rules reason
  const id = task.id ?? '';
  const spec = { id, name: task.name ?? id, groupId: group.groupId, groupName: group.groupName, formKey: form.formKey, fields: form.fields, lane, timeStandard, timeStandardMs };
  return { ...spec, sop: sopStepOf(mutu) };
}

const byStep = (a: UserTaskSpec, b: UserTaskSpec): number =>
  (a.sop.stepNo ?? Number.MAX_SAFE_INTEGER) - (b.sop.stepNo ?? Number.MAX_SAFE_INTEGER);

/** The groups of the model's steps, once each, in step order (the first name given to a group wins). */
function groupsOf(userTasks: UserTaskSpec[]): ProcessModel['groups'] {
  const byId = new Map<string, string>();
  for (const t of userTasks) if (!byId.has(t.groupId)) byId.set(t.groupId, t.groupName);
  return [...byId].map(([id, name]) => ({ id, name }));
}

/**
 * The model of the definition's single executable process; problems are returned as reasons
 * (English texts) and as `findings` (message keys).
 * `aliases` (default: the ones the composition root set) map an old model's group names per process.
 */
export function readProcessModel(definitions: ModdleNode, aliases: GroupAliases = groupAliases()): { model: ProcessModel; reasons: string[]; findings: Finding[] } {
  const rootElements = children(definitions, 'rootElements');
  const executable = rootElements.filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  const findings: Finding[] = [];
  if (executable.length > 1) findings.push(finding('process-many-executable', null, 'more than one executable process', { processes: elementRefs(executable) }));
  if (executable.length === 0) findings.push(finding('process-none-executable', null, 'no executable process (isExecutable="true")'));
  const reasons = (): string[] => findings.map((f) => f.message);
  const process = executable[0];
  if (!process) return { model: { processKey: '', name: '', userTasks: [], lanes: [], groups: [] }, reasons: reasons(), findings };

  const participant = rootElements
    .flatMap((e) => children(e, 'participants'))
    .find((p) => p.processRef === process);
  const { lanes, laneOf } = readLanes(process);
  const processKey = process.id ?? '';
  const ctx = { processKey, aliases };
  const userTasks = allNodes(process)
    .filter((n) => n.$type === 'bpmn:UserTask')
    .map((task) => userTaskSpec(task, laneOf.get(task.id ?? '') ?? null, ctx, findings))
    .filter((spec): spec is UserTaskSpec => spec !== null)
    .sort(byStep);
  const name = participant?.name ?? process.name ?? processKey;
  return { model: { processKey, name, userTasks, lanes, groups: groupsOf(userTasks) }, reasons: reasons(), findings };
}
