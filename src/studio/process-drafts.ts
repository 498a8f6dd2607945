// The modeler's draft of a process ("Simpan Draf"): one per process, shared by its owners,
// server-side, never run. NOTE: the store has no port for process drafts yet, so a draft is kept
// as an append-only definition record under the key `studio-draft:<processKey>` (no case can
// start from it: cases start from the latest record of the real key). Discarding appends a
// tombstone. Only this file knows that, so a dedicated port can replace it in one place.
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../errors.js';
import type { Store } from '../store/ports.js';

export interface ProcessDraft {
  xml: string;
  savedAt: string;
  savedBy: string | null;
}

const DISCARDED = 'discarded';
const draftKey = (processKey: string): string => `studio-draft:${processKey}`;

export class ProcessDrafts {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(processKey: string): Promise<ProcessDraft | null> {
    const latest = await this.store.getLatestDefinition(draftKey(processKey));
    if (!latest || latest.comment === DISCARDED) return null;
    return { xml: latest.xml, savedAt: latest.createdAt, savedBy: latest.createdBy };
  }

  async save(processKey: string, xml: string, by: string | null): Promise<ProcessDraft> {
    const savedAt = await this.append(processKey, xml, by, 'draft');
    return { xml, savedAt, savedBy: by };
  }

  async discard(processKey: string, by: string | null): Promise<void> {
    if (await this.get(processKey)) await this.append(processKey, DISCARDED, by, DISCARDED);
  }

  private async append(processKey: string, xml: string, by: string | null, comment: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.store.getLatestDefinition(draftKey(processKey));
      const createdAt = this.now().toISOString();
      try {
        await this.store.insertDefinition({
          id: randomUUID(), processKey: draftKey(processKey), version: (latest?.version ?? 0) + 1,
          name: 'draft', xml, createdAt, createdBy: by, comment,
        });
        return createdAt;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 2) throw err; // two saves at once: retry on the next number
      }
    }
  }
}
