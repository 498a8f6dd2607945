// What a public service tells its applicants, read from its model and forms: the applicant's own
// steps, what to prepare (the Persyaratan of those steps, and the identity numbers and documents their
// forms ask for), how long it takes, who may apply and the end page's texts (a pack's, else generic).
import type { DefinitionService } from '../definitions/definition-service.js';
import type { FormRegistry } from '../forms/form-registry.js';
import type { FormDef } from '../forms/form-types.js';
import { modelForm } from '../forms/model-form.js';
import { checkNik, checkNip } from '../forms/validators.js';
import type { ApplicantTexts } from './applicant-texts.js';
import { APPLICANT_GROUP, type DefinitionRecord } from '../store/ports.js';
import { literal } from '../web/i18n.js';
import type { UserTaskSpec } from '../workflow/index.js';
import { startFormOfDefinition } from './start-form.js';
import type { StartableProcess, StartService } from './start-service.js';

/** One thing to prepare: `label` is an i18n key or a literal() text; `kind` says how the page words it. */
export interface PrepareItem {
  kind: 'requirement' | 'nip' | 'nik' | 'file';
  label: string;
}

/** The generic texts (src/web/locales/applicant.ts) a pack may replace. */
const DEFAULT_TEXTS: Required<Omit<ApplicantTexts, 'systemLogin'>> = {
  audience: 'guide.audience.default',
  completedTitle: 'end.title.default',
  completedText: 'end.text.default',
};

export class ServiceGuide {
  constructor(private readonly deps: {
    definitions: DefinitionService;
    formRegistry: FormRegistry;
    starts: StartService;
    /** processKey -> the pack's texts for applicants. */
    texts?: Readonly<Record<string, ApplicantTexts>>;
  }) {}

  /** The applicant's steps of a version, in SOP order. */
  async applicantSteps(def: DefinitionRecord): Promise<UserTaskSpec[]> {
    const model = await this.deps.definitions.model(def);
    return model.userTasks.filter((t) => t.groupId === APPLICANT_GROUP).sort((a, b) => (a.sop.stepNo ?? 0) - (b.sop.stepNo ?? 0));
  }

  /** The texts of a process for its applicants (the pack's where it gives them). */
  texts(processKey: string): Required<Omit<ApplicantTexts, 'systemLogin'>> & Pick<ApplicantTexts, 'systemLogin'> {
    const own = Object.hasOwn(this.deps.texts ?? {}, processKey) ? this.deps.texts![processKey]! : {};
    return { ...DEFAULT_TEXTS, ...own };
  }

  /** The start page of a public service (404 when it is not one): the catalogue entry and what to prepare. */
  async startGuide(processKey: string): Promise<{ process: StartableProcess; prepare: PrepareItem[]; steps: UserTaskSpec[]; audience: string }> {
    const process = await this.deps.starts.publicService(processKey);
    const def = await this.deps.definitions.latest(processKey);
    const steps = await this.applicantSteps(def);
    const model = await this.deps.definitions.model(def);
    const startForm = await startFormOfDefinition(def);
    const forms = [...(startForm ? [startForm] : []), ...steps.map((s) => this.formOf(s))];
    return { process, prepare: prepareItems(steps, model.userTasks, forms), steps, audience: this.texts(processKey).audience };
  }

  private formOf(step: UserTaskSpec): FormDef {
    return this.deps.formRegistry.find(step.formKey) ?? modelForm(step);
  }
}

/**
 * The Persyaratan of the applicant's steps that no step of the process produces (an output of an
 * earlier step is not prepared), then the identity numbers and documents their forms ask for, once each.
 */
export function prepareItems(steps: UserTaskSpec[], all: UserTaskSpec[], forms: FormDef[]): PrepareItem[] {
  const outputs = new Set(all.map((s) => s.sop.output.trim().toLowerCase()).filter(Boolean));
  const items: PrepareItem[] = [];
  const seen = new Set<string>();
  const add = (item: PrepareItem, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const step of steps) {
    for (const need of step.sop.requirements.map((r) => r.trim()).filter(Boolean)) {
      if (!outputs.has(need.toLowerCase())) add({ kind: 'requirement', label: literal(need) }, `r:${need.toLowerCase()}`);
    }
  }
  for (const form of forms) {
    for (const field of form.fields) {
      if (field.check === checkNip) add({ kind: 'nip', label: 'prepare.nip' }, 'nip');
      else if (field.check === checkNik) add({ kind: 'nik', label: 'prepare.nik' }, 'nik');
      else if (field.type === 'file') add({ kind: 'file', label: field.label }, `f:${field.label}`);
    }
  }
  return items;
}
