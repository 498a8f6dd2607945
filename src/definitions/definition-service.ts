// Process definition versions: deploys the shipped BPMN on an empty store, looks versions up
// (immutable, so cached by id), and deploys new versions only after the model validates. A deploy
// creates (or renames) the groups of the model's steps.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConflictError, NotFoundError } from '../errors.js';
import { APPLICANT_GROUP, type DefinitionRecord, type Store } from '../store/ports.js';
import { FormRegistry } from '../forms/form-registry.js';
import { loadProcessModel, validateDefinition, type DefinitionProblem, type ProcessModel, type ValidationResult } from '../workflow/index.js';
import { DeployRefusedError } from './deploy-refused-error.js';

/** Extra safety rules of one process (a pack's checkModel), run on validate/deploy of that process only. */
export type ModelCheck = (model: ProcessModel, xml: string) => DefinitionProblem[] | Promise<DefinitionProblem[]>;

export interface DefinitionServiceOptions {
  /** The coded forms a camunda:formKey may name (the packs' registry; default none). */
  forms?: FormRegistry;
  /** processKey -> its pack's model rules. */
  modelChecks?: Readonly<Record<string, ModelCheck>>;
  /** processKeys a pack starts its own way (e.g. a sign-up page). */
  packStarted?: ReadonlySet<string>;
}

/** Without coded forms, a camunda:formKey names no form (only forms declared in the model exist). */
const NO_FORMS = new FormRegistry();

export class DefinitionService {
  private readonly byIdCache = new Map<string, DefinitionRecord>();
  private readonly models = new Map<string, Promise<ProcessModel>>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    private readonly options: DefinitionServiceOptions = {},
  ) {}

  private get forms(): FormRegistry {
    return this.options.forms ?? NO_FORMS;
  }

  /** The coded forms' keys a model may name (the studio's form list). */
  formKeys(): string[] {
    return this.forms.keys();
  }

  /** On an empty store, the shipped file becomes version 1 (safe when several instances start at once). */
  async ensureShipped(file: string | URL): Promise<DefinitionRecord> {
    const xml = await readFile(file, 'utf8');
    const model = await loadProcessModel(xml);
    const existing = await this.store.getLatestDefinition(model.processKey);
    if (existing) return existing;
    try {
      return await this.insert(xml, model, 1, null, 'Versi awal dari berkas proses bawaan');
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const winner = await this.store.getLatestDefinition(model.processKey);
      if (!winner) throw err;
      return winner;
    }
  }

  /**
   * At start-up: the groups of every process's latest version exist with their display names
   * (a store migrated from role-based steps gets its groups named from the lanes).
   */
  async upsertLatestGroups(): Promise<void> {
    for (const light of await this.store.listLatestDefinitions()) {
      const def = await this.store.getLatestDefinition(light.processKey);
      if (!def) continue;
      try {
        await this.upsertGroups(await this.model(def));
      } catch {
        // NOTE: a stored version that no longer compiles is reported where it is run, not at start-up
      }
    }
  }

  /** Every problem of `xml` (size, safety, Alur's rules, known forms, bpmnlint); errors refuse a deploy. */
  validate(xml: string): Promise<ValidationResult> {
    const forms = this.forms;
    return validateDefinition(xml, { hasForm: (key) => forms.has(key), modelChecks: this.options.modelChecks, startedByPack: (key) => this.options.packStarted?.has(key) ?? false });
  }

  /**
   * Validates and deploys a new version; throws DeployRefusedError (with every problem) while any
   * error remains, and the running version keeps serving.
   */
  async deploy(xml: string, by: string | null, comment: string): Promise<DefinitionRecord> {
    const { problems, model } = await this.validate(xml);
    if (!model) throw new DeployRefusedError(problems);
    const latest = await this.store.getLatestDefinition(model.processKey);
    return this.insert(xml, model, (latest?.version ?? 0) + 1, by, comment);
  }

  /** Rollback: deploys an earlier version's XML again, as a new version. */
  async rollback(id: string, by: string | null, comment = ''): Promise<DefinitionRecord> {
    const old = await this.byId(id);
    return this.deploy(old.xml, by, comment.trim() || `Dipulihkan dari versi ${old.version}`);
  }

  async latest(processKey: string): Promise<DefinitionRecord> {
    const def = await this.store.getLatestDefinition(processKey);
    if (!def) throw new NotFoundError('error.noDefinition');
    this.byIdCache.set(def.id, def);
    return def;
  }

  async byId(id: string): Promise<DefinitionRecord> {
    const cached = this.byIdCache.get(id);
    if (cached) return cached;
    const def = await this.store.getDefinition(id);
    if (!def) throw new NotFoundError('error.noDefinition');
    this.byIdCache.set(id, def);
    return def;
  }

  model(def: DefinitionRecord): Promise<ProcessModel> {
    let model = this.models.get(def.id);
    if (!model) {
      model = loadProcessModel(def.xml);
      this.models.set(def.id, model);
    }
    return model;
  }

  /** The staff groups of the model's steps (never the applicant's reserved group). */
  private async upsertGroups(model: ProcessModel): Promise<void> {
    const groups = model.groups.filter((g) => g.id !== APPLICANT_GROUP);
    if (groups.length) await this.store.upsertGroups(groups, this.now().toISOString());
  }

  private async insert(xml: string, model: ProcessModel, version: number, by: string | null, comment: string): Promise<DefinitionRecord> {
    const def: DefinitionRecord = {
      id: randomUUID(), processKey: model.processKey, version, name: model.name, xml,
      createdAt: this.now().toISOString(), createdBy: by, comment,
    };
    await this.upsertGroups(model);
    await this.store.insertDefinition(def);
    this.byIdCache.set(def.id, def);
    return def;
  }
}
