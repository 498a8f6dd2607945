// The modeler's server side for one process: what to open (draft, else the latest version),
// drafts, uploads and deploys. A deploy goes through DefinitionService.deploy (every rule), and
// the model's process id must be the studio's process (the key in its URL): a deploy here is a
// new version of this process (version 1 for a new SOP), never another process. A model whose
// groups have no active member (none yet, for a group not in the store) gets a warning per group:
// the deploy still goes through.
import { DeployRefusedError } from '../definitions/deploy-refused-error.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { DefinitionRecord, DraftImportProblem, Store } from '../store/ports.js';
import type { DefinitionProblem } from '../workflow/index.js';
import { NotFoundError } from '../errors.js';
import { groupProblems } from '../staff/group-warnings.js';
import { ProcessDrafts } from './process-drafts.js';
import { importXml, type ImportedXml } from '../workflow/xml-import.js';
import { xsdConformingXml } from '../workflow/xsd-conform.js';

/** The rule name of a model whose process id is not the studio's process. */
export const PROCESS_ID_RULE = 'process-id';
/** A deploy without a version comment (rule 'comment', worded by the studio routes). */
export const COMMENT_RULE = 'comment';
/** The rule name of a warning that a known prefix bound to a foreign namespace was renamed on import. */
export const FOREIGN_PREFIX_RULE = 'foreign-namespace';

export interface StudioDocument {
  xml: string;
  source: 'draft' | 'version';
  version: number;
  savedAt: string;
  /** What the SOP importer was unsure of, on a draft made by "Impor dokumen SOP" (until fixed or dismissed). */
  importProblems?: DraftImportProblem[];
}

export class StudioService {
  private readonly drafts: ProcessDrafts;

  constructor(
    private readonly deps: { store: Store; definitions: DefinitionService; now?: () => Date },
    readonly processKey: string,
  ) {
    this.drafts = new ProcessDrafts(deps.store, deps.now);
  }

  /** The draft, else the latest version; a new SOP never deployed has only its draft (version 0). */
  async open(): Promise<StudioDocument> {
    const draft = await this.drafts.get(this.processKey);
    const latest = await this.deps.store.getLatestDefinition(this.processKey);
    // NOTE: a draft saved before imports renamed foreign prefixes would not open in the modeler; an
    // older file's definitions-level documentation (not allowed by the XSD) moves as on every download
    if (draft) {
      const doc: StudioDocument = { xml: await xsdConformingXml(importXml(draft.xml).xml), source: 'draft', version: latest?.version ?? 0, savedAt: draft.savedAt };
      return draft.importProblems ? { ...doc, importProblems: draft.importProblems } : doc;
    }
    if (!latest) throw new NotFoundError('error.noDefinition');
    return { xml: await xsdConformingXml(latest.xml), source: 'version', version: latest.version, savedAt: latest.createdAt };
  }

  async hasVersion(): Promise<boolean> {
    return (await this.deps.store.getLatestDefinition(this.processKey)) !== null;
  }

  /**
   * Every problem, plus one if the process id is not this process's; `readable` is false when the
   * file could not be read at all (size, XML limits, not BPMN), so nothing else was checked. A model
   * without errors also gets a warning for each of its groups without an active member.
   * NOTE: one parse (validateDefinition) serves every check: each parse of a large file blocks.
   */
  async check(xml: string): Promise<{ problems: DefinitionProblem[]; readable: boolean }> {
    const { problems, processKey, model } = await this.deps.definitions.validate(xml);
    if (processKey === null) return { problems, readable: false };
    const groups = model ? await groupProblems(this.deps.store, model) : [];
    return { problems: [...problems, ...this.processIdProblems(processKey), ...groups], readable: true };
  }

  async validate(xml: string): Promise<DefinitionProblem[]> {
    return (await this.check(xml)).problems;
  }

  /**
   * Saves any readable XML as the draft (errors included: a draft is work in progress), as imported
   * (xml-import.ts: foreign prefixes renamed, each with a warning); `xml` is the text saved.
   */
  async saveDraft(xml: string, by: string | null): Promise<{ savedAt: string | null; problems: DefinitionProblem[]; xml: string | null }> {
    const imported = importXml(xml);
    if (imported.refused) return { savedAt: null, problems: [{ elementId: null, severity: 'error', rule: 'alur', message: imported.refused }], xml: null };
    const { problems, readable } = await this.check(imported.xml);
    if (!readable) return { savedAt: null, problems, xml: null };
    const { savedAt } = await this.drafts.save(this.processKey, imported.xml, by);
    return { savedAt, problems: [...foreignPrefixProblems(imported), ...problems], xml: imported.xml };
  }

  async discardDraft(): Promise<void> {
    await this.drafts.discard(this.processKey);
  }

  async draftXml(): Promise<string | null> {
    return (await this.drafts.get(this.processKey))?.xml ?? null;
  }

  /** Refused with every problem while an error remains; the running version is untouched then. */
  /** Every version says what changed: an empty comment refuses the deploy, as an error does. */
  async deploy(xml: string, comment: string, by: string | null): Promise<DefinitionRecord> {
    if (!comment.trim()) {
      throw new DeployRefusedError([{ elementId: null, severity: 'error', rule: COMMENT_RULE, code: 'comment-required', message: 'a deploy needs a comment: what changed in this version and why' }]);
    }
    const problems = await this.validate(xml);
    if (problems.some((p) => p.severity === 'error')) throw new DeployRefusedError(problems);
    const deployed = await this.deps.definitions.deploy(xml, by, comment.trim());
    await this.drafts.discard(this.processKey);
    return deployed;
  }

  /** In the studio of process X the model's process id must be X (rule 'process-id', worded by problem-messages). */
  private processIdProblems(processKey: string): DefinitionProblem[] {
    if (processKey === this.processKey) return [];
    return [{
      elementId: processKey || null, severity: 'error', rule: PROCESS_ID_RULE,
      message: `the process id is "${processKey}" but must be "${this.processKey}": a deploy here is a new version of this process`,
    }];
  }
}

/** A warning per renamed prefix (worded by problem-messages; args: prefix, namespace, new prefix). */
function foreignPrefixProblems({ renamed }: ImportedXml): DefinitionProblem[] {
  return renamed.map(({ prefix, uri, renamedTo }) => ({
    elementId: null, severity: 'warning', rule: FOREIGN_PREFIX_RULE,
    message: `the prefix "${prefix}" named the namespace "${uri}", not Alur's: it is renamed "${renamedTo}" and its attributes are ignored by Alur`,
  }));
}
