// What account sign-up assumes about the process it starts (src/cases/case-service.ts register():
// the latest version of the sign-up process starts, waits at "MembuatAkun", and that step is
// completed at once by the new PPBJ user with the registration form), turned into rules checked
// before a deploy, so that no deployable model can make a sign-up fail.
import { createHash } from 'node:crypto';
import { completeUserTask, startProcess } from './engine-runner.js';
import type { ModdleNode } from './moddle.js';
import type { DefinitionProblem } from './sop-types.js';
import type { ProcessModel } from './types.js';
import { APPLICANT_GROUP } from '../store/ports.js';

/** The process that sign-up starts, and its step 2 (SOP "Membuat Akun PPBJ"). */
export const SIGN_UP_PROCESS_KEY = 'pendaftaran-akun-ppbj';
export const SIGN_UP_STEP = 'MembuatAkun';
/** Sign-up stores the registration under this form's key and completes the step as the new applicant (group 'pemohon'). */
export const SIGN_UP_FORM_KEY = 'ppbj-registrasi';
export const SIGN_UP_GROUP = APPLICANT_GROUP;

const problem = (message: string, elementId: string | null = SIGN_UP_STEP): DefinitionProblem => ({ elementId, message, severity: 'error', rule: 'alur' });

function staticProblems(nodes: ModdleNode[], model: ProcessModel): DefinitionProblem[] | null {
  const node = nodes.find((n) => n.id === SIGN_UP_STEP);
  if (!node || node.$type !== 'bpmn:UserTask') {
    return [problem(`the sign-up process needs a user task with the id "${SIGN_UP_STEP}" (SOP step 2, Membuat Akun PPBJ): account sign-up starts the process and completes that step`, node ? SIGN_UP_STEP : null)];
  }
  const spec = model.userTasks.find((t) => t.id === SIGN_UP_STEP);
  if (!spec) return null; // the task's own reasons (group, form, waktu) are reported elsewhere
  const problems: DefinitionProblem[] = [];
  if (spec.formKey !== SIGN_UP_FORM_KEY) {
    problems.push(problem(`bpmn:UserTask "${SIGN_UP_STEP}": its form must be camunda:formKey "${SIGN_UP_FORM_KEY}", not "${spec.formKey}": sign-up fills it with the registration form`));
  }
  if (spec.groupId !== SIGN_UP_GROUP) {
    problems.push(problem(`bpmn:UserTask "${SIGN_UP_STEP}": its group (camunda:candidateGroups or lane) must be "${SIGN_UP_GROUP}", not "${spec.groupId}": the new applicant completes it at sign-up`));
  }
  return problems;
}

/** Starts the process and completes the sign-up step as sign-up does, on a throw-away engine state. */
async function dryRunProblems(xml: string): Promise<DefinitionProblem[]> {
  const def = { id: `sign-up-check:${createHash('sha256').update(xml).digest('hex')}`, xml };
  let started;
  try {
    started = await startProcess(def);
  } catch {
    return []; // the definition does not compile: its reasons are reported elsewhere
  }
  if (started.status === 'failed') return [problem(`starting the process fails: ${started.error ?? 'unknown error'}`, null)];
  if (!started.waiting.some((w) => w.elementId === SIGN_UP_STEP)) {
    const at = started.waiting.map((w) => `"${w.elementId}"`).join(', ') || 'no user task';
    return [problem(`the sign-up process must wait at "${SIGN_UP_STEP}" as soon as it starts, but it waits at ${at}`)];
  }
  try {
    const done = await completeUserTask(def, started.engineState, SIGN_UP_STEP, {});
    return done.status === 'failed' ? [problem(`completing "${SIGN_UP_STEP}" at sign-up fails: ${done.error ?? 'unknown error'}`)] : [];
  } catch (err) {
    return [problem(`completing "${SIGN_UP_STEP}" at sign-up fails: ${err instanceof Error ? err.message : String(err)}`)];
  }
}

/** Every reason a sign-up would fail on this model ([] for processes other than the sign-up process). */
export async function signUpStartProblems(xml: string, nodes: ModdleNode[], model: ProcessModel): Promise<DefinitionProblem[]> {
  if (model.processKey !== SIGN_UP_PROCESS_KEY) return [];
  const found = staticProblems(nodes, model);
  if (found === null || found.length) return found ?? [];
  return dryRunProblems(xml);
}
