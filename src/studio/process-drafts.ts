// The modeler's draft of a process ("Simpan Draf"): one per process, shared by its owners,
// server-side, never run (cases start only from deployed definition versions). A draft made by
// "Impor dokumen SOP" also holds the importer's problems until they are fixed or dismissed.
import type { ProcessDraftRecord, Store } from '../store/ports.js';

export type ProcessDraft = Omit<ProcessDraftRecord, 'processKey'>;

export class ProcessDrafts {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(processKey: string): Promise<ProcessDraft | null> {
    const draft = await this.store.getProcessDraft(processKey);
    if (!draft) return null;
    return { xml: draft.xml, savedAt: draft.savedAt, savedBy: draft.savedBy, ...(draft.importProblems ? { importProblems: draft.importProblems } : {}) };
  }

  async save(processKey: string, xml: string, by: string | null): Promise<ProcessDraft> {
    const draft = { processKey, xml, savedAt: this.now().toISOString(), savedBy: by };
    await this.store.saveProcessDraft(draft);
    return { xml, savedAt: draft.savedAt, savedBy: by };
  }

  async discard(processKey: string): Promise<void> {
    await this.store.deleteProcessDraft(processKey);
  }
}
