// Reads the ProcessModel of a parsed definition: the executable process, its lanes, and per
// user task the role (candidate group, else lane), form (registered formKey, or fields declared
// in the model) and SOP Mutu Baku (alur:mutuBaku).
import { ROLES, type Role } from '../store/ports.js';
import type { ProcessModel, SopStep, UserTaskSpec } from './types.js';
import { allNodes, label, type ModdleNode } from './moddle.js';
import { parseIsoDuration } from './iso-duration.js';
import { hasModelForm, MODEL_FORM_PREFIX, readModelForm } from './form-fields.js';

export interface MutuBaku {
  langkah?: number;
  uraian?: string;
  waktu?: string;
  output?: string;
  persyaratan?: string[];
  keterangan?: string[];
}
export type Lane = { id: string; name: string };

const children = (node: ModdleNode | undefined, key: string): ModdleNode[] => (node?.[key] as ModdleNode[] | undefined) ?? [];

/** 'Admin PPE' -> 'admin-ppe' */
const normaliseRoleName = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, '-');
const asRole = (name: string): Role | null => (ROLES as readonly string[]).includes(name) ? (name as Role) : null;

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

/** Until groups come from lanes, a step's actor is one of the fixed roles; the refusal says which. */
const ROLE_HINT = 'for now a lane must be named after an existing role: "PPBJ" (ppbj) or "Admin PPE" (admin-ppe)';

function roleOf(task: ModdleNode, lane: Lane | null): Role | string {
  const step = task.name ? `step "${task.name}": ` : '';
  const groups = String(task.candidateGroups ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  if (groups.length === 1) return asRole(groups[0] as string) ?? `${step}candidateGroups "${groups[0]}" is not a known role; ${ROLE_HINT}`;
  if (groups.length > 1) return `candidateGroups "${String(task.candidateGroups)}" must name exactly one role`;
  if (lane) return asRole(normaliseRoleName(lane.name)) ?? `${step}lane "${lane.name}" is not a known role; ${ROLE_HINT}`;
  return 'no candidateGroups and no lane to take the role from';
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
function formOf(task: ModdleNode): { formKey: string; fields: UserTaskSpec['fields']; problems: string[] } {
  const formKey = typeof task.formKey === 'string' ? task.formKey.trim() : '';
  if (formKey.startsWith(MODEL_FORM_PREFIX)) return { formKey, fields: [], problems: [`camunda:formKey may not start with "${MODEL_FORM_PREFIX}"`] };
  if (!hasModelForm(task)) return { formKey, fields: [], problems: formKey ? [] : ['no camunda:formKey and no form fields (camunda:formData)'] };
  if (formKey) return { formKey, fields: [], problems: ['has both camunda:formKey and form fields (camunda:formData): keep one'] };
  const { fields, problems } = readModelForm(task);
  return { formKey: `${MODEL_FORM_PREFIX}${task.id ?? ''}`, fields, problems };
}

function userTaskSpec(task: ModdleNode, lane: Lane | null, reasons: string[]): UserTaskSpec | null {
  const problems: string[] = [];
  const role = roleOf(task, lane);
  if (!asRole(role)) problems.push(role);
  const form = formOf(task);
  problems.push(...form.problems);
  const mutu = mutuBakuOf(task);
  const timeStandard = mutu?.waktu?.trim() ?? '';
  const timeStandardMs = parseIsoDuration(timeStandard);
  if (!timeStandard) problems.push('no alur:mutuBaku waktu (time standard)');
  reasons.push(...problems.map((p) => `${label(task)}: ${p}`));
  if (problems.length || timeStandardMs === null) return null; // an invalid waktu is a definition-rules reason
  const id = task.id ?? '';
  const spec = { id, name: task.name ?? id, role: role as Role, formKey: form.formKey, fields: form.fields, lane, timeStandard, timeStandardMs };
  return { ...spec, sop: sopStepOf(mutu) };
}

const byStep = (a: UserTaskSpec, b: UserTaskSpec): number =>
  (a.sop.stepNo ?? Number.MAX_SAFE_INTEGER) - (b.sop.stepNo ?? Number.MAX_SAFE_INTEGER);

/** The model of the definition's single executable process; problems are returned as reasons. */
export function readProcessModel(definitions: ModdleNode): { model: ProcessModel; reasons: string[] } {
  const rootElements = children(definitions, 'rootElements');
  const executable = rootElements.filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  const reasons: string[] = [];
  if (executable.length !== 1) {
    reasons.push(executable.length ? 'more than one executable process' : 'no executable process (isExecutable="true")');
  }
  const process = executable[0];
  if (!process) return { model: { processKey: '', name: '', userTasks: [], lanes: [] }, reasons };

  const participant = rootElements
    .flatMap((e) => children(e, 'participants'))
    .find((p) => p.processRef === process);
  const { lanes, laneOf } = readLanes(process);
  const userTasks = allNodes(process)
    .filter((n) => n.$type === 'bpmn:UserTask')
    .map((task) => userTaskSpec(task, laneOf.get(task.id ?? '') ?? null, reasons))
    .filter((spec): spec is UserTaskSpec => spec !== null)
    .sort(byStep);
  const processKey = process.id ?? '';
  const name = participant?.name ?? process.name ?? processKey;
  return { model: { processKey, name, userTasks, lanes }, reasons };
}
