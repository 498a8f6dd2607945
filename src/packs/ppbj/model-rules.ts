// What the PPBJ sign-up assumes about its process (sign-up-service.ts: the latest version starts,
// waits at "MembuatAkun", and that step is completed at once by the new PPBJ with the registration
// form), turned into rules checked before a deploy of this process (ProcessPack.checkModel), so
// that no deployable model can make a sign-up fail.
import { createHash } from 'node:crypto';
import { completeUserTask, startProcess, type DefinitionProblem, type ProcessModel } from '../../workflow/index.js';
import { SIGN_UP_FORM_KEY, SIGN_UP_GROUP, SIGN_UP_STEP } from './process-key.js';

/** A refusal with its message key (texts in messages.ts, 'problem.ppbj-…'), arguments and the English text for logs. */
const problem = (code: string, args: Record<string, string>, message: string, elementId: string | null = SIGN_UP_STEP, name = ''): DefinitionProblem => ({
  elementId, message, severity: 'error', rule: 'alur', code: `ppbj-${code}`, args,
  element: elementId ? { type: 'bpmn:UserTask', name, position: 1 } : null,
});

/** The sign-up step's id, form and group. */
function staticProblems(model: ProcessModel, xml: string): DefinitionProblem[] {
  const spec = model.userTasks.find((t) => t.id === SIGN_UP_STEP);
  if (!spec) {
    const named = xml.includes(`id="${SIGN_UP_STEP}"`); // another kind of element with that id
    return [problem('sign-up-step-missing', { step: SIGN_UP_STEP }, `the sign-up process needs a user task with the id "${SIGN_UP_STEP}" (SOP step 2, Membuat Akun PPBJ): account sign-up starts the process and completes that step`, named ? SIGN_UP_STEP : null)];
  }
  const problems: DefinitionProblem[] = [];
  if (spec.formKey !== SIGN_UP_FORM_KEY) {
    problems.push(problem('sign-up-step-form', { form: SIGN_UP_FORM_KEY, actual: spec.formKey }, `bpmn:UserTask "${SIGN_UP_STEP}": its form must be camunda:formKey "${SIGN_UP_FORM_KEY}", not "${spec.formKey}": sign-up fills it with the registration form`, SIGN_UP_STEP, spec.name));
  }
  if (spec.groupId !== SIGN_UP_GROUP) {
    problems.push(problem('sign-up-step-group', { group: SIGN_UP_GROUP, actual: spec.groupId }, `bpmn:UserTask "${SIGN_UP_STEP}": its group (camunda:candidateGroups or lane) must be "${SIGN_UP_GROUP}", not "${spec.groupId}": the new applicant completes it at sign-up`, SIGN_UP_STEP, spec.name));
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
  if (started.status === 'failed') return [problem('sign-up-start-fails', { detail: started.error ?? '' }, `starting the process fails: ${started.error ?? 'unknown error'}`, null)];
  if (!started.waiting.some((w) => w.elementId === SIGN_UP_STEP)) {
    const at = started.waiting.map((w) => `"${w.elementId}"`).join(', ') || 'no user task';
    return [problem('sign-up-not-waiting', { step: SIGN_UP_STEP, at }, `the sign-up process must wait at "${SIGN_UP_STEP}" as soon as it starts, but it waits at ${at}`)];
  }
  try {
    const done = await completeUserTask(def, started.engineState, SIGN_UP_STEP, {});
    return done.status === 'failed' ? [problem('sign-up-complete-fails', { step: SIGN_UP_STEP, detail: done.error ?? '' }, `completing "${SIGN_UP_STEP}" at sign-up fails: ${done.error ?? 'unknown error'}`)] : [];
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return [problem('sign-up-complete-fails', { step: SIGN_UP_STEP, detail }, `completing "${SIGN_UP_STEP}" at sign-up fails: ${detail}`)];
  }
}

/** Every reason a sign-up would fail on this model of the PPBJ process (the pack's checkModel). */
export async function signUpStartProblems(model: ProcessModel, xml: string): Promise<DefinitionProblem[]> {
  const found = staticProblems(model, xml);
  return found.length ? found : dryRunProblems(xml);
}
