// The form of a task: a pack's coded form by its camunda:formKey (the FormRegistry), or generated from the fields the
// task declares in the model version its case runs on (formKey `model:<task id>`); and which forms hold
// a case's data (the start form's `start:<start event id>` included).
import type { DefinitionService } from '../definitions/definition-service.js';
import { NotFoundError } from '../errors.js';
import type { FormRegistry } from '../forms/form-registry.js';
import type { FormDef } from '../forms/form-types.js';
import { modelForm } from '../forms/model-form.js';
import type { CaseRecord, Store, TaskRecord } from '../store/ports.js';
import { MODEL_FORM_PREFIX } from '../workflow/index.js';
import { isStartFormKey, startFormOfDefinition } from './start-form.js';

export const isModelFormKey = (formKey: string): boolean => formKey.startsWith(MODEL_FORM_PREFIX);

export class TaskForms {
  /** Generated forms by definition version id + task id (versions are immutable). */
  private readonly generated = new Map<string, FormDef>();

  constructor(private readonly store: Store, private readonly definitions: DefinitionService, private readonly registry: FormRegistry) {}

  /** @param c the task's case, when the caller has it already */
  async of(task: Pick<TaskRecord, 'caseId' | 'elementId' | 'formKey'>, c?: CaseRecord): Promise<FormDef> {
    const registered = this.registry.find(task.formKey);
    if (registered) return registered;
    if (!isModelFormKey(task.formKey)) throw new Error(`No form is registered for formKey "${task.formKey}"`);
    const owner = c ?? (await this.store.getCase(task.caseId));
    if (!owner) throw new NotFoundError();
    const key = `${owner.definitionId}\n${task.elementId}`;
    const cached = this.generated.get(key);
    if (cached) return cached;
    const model = await this.definitions.model(await this.definitions.byId(owner.definitionId));
    const spec = model.userTasks.find((t) => t.id === task.elementId && t.formKey === task.formKey);
    if (!spec) throw new Error(`Task ${task.elementId} declares no form fields in definition ${owner.definitionId}`);
    const form = modelForm(spec, { reviews: this.registry.applicantFormKeys() });
    this.generated.set(key, form);
    return form;
  }

  /** The forms declared in the model that hold data in `c` (shown to staff with the registered forms' data): the start form first. */
  async withData(c: CaseRecord): Promise<FormDef[]> {
    const keys = Object.keys(c.data);
    const start = keys.some(isStartFormKey) ? await this.startForm(c) : null;
    const steps = await Promise.all(keys.filter(isModelFormKey)
      .map((formKey) => this.of({ caseId: c.id, elementId: formKey.slice(MODEL_FORM_PREFIX.length), formKey }, c)));
    return [...(start && Object.hasOwn(c.data, start.key) ? [start] : []), ...steps];
  }

  /** The start form of the version `c` runs on (null when it has no start event). */
  async startForm(c: CaseRecord): Promise<FormDef | null> {
    return startFormOfDefinition(await this.definitions.byId(c.definitionId));
  }
}
