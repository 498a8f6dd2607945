// The processes of the office for the catalogue (/proses): every process key with a deployed
// version or only a studio draft ("draf"), its name, latest version and date, running cases and
// overdue open tasks (counted by the store, no case loaded), and the links to its pages.
import type { ProcessSummary, Store } from '../store/ports.js';
import { processPaths, type ProcessPaths } from './process-key.js';

export interface CatalogEntry {
  key: string;
  name: string;
  version: number | null; // null: only a draft, never deployed
  definitionId: string | null; // the latest version's id
  deployedAt: string | null;
  draftSavedAt: string | null;
  runningCases: number;
  overdueTasks: number;
  paths: ProcessPaths;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? ''));

/** The name of a draft's process element (a draft is not parsed: it may not be valid), else null. */
export function draftProcessName(xml: string, key: string): string | null {
  for (const m of xml.slice(0, 200_000).matchAll(/<(?:[A-Za-z_][\w.-]*:)?process\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    if (!new RegExp(`\\bid="${key}"`).test(attrs)) continue;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    return name ? decodeXml(name).trim() || null : null;
  }
  return null;
}

export class ProcessCatalog {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<CatalogEntry[]> {
    const summaries = await this.store.listProcessSummaries(this.now().toISOString());
    return Promise.all(summaries.map((s) => this.entry(s)));
  }

  /** Deployed processes only (reports and time settings have nothing to show for a draft). */
  async deployed(): Promise<Array<{ key: string; name: string }>> {
    return (await this.store.listLatestDefinitions()).map((d) => ({ key: d.processKey, name: d.name || d.processKey }));
  }

  /** Whether `key` is taken: a deployed process or an existing draft. */
  async isTaken(key: string): Promise<boolean> {
    return (await this.store.getLatestDefinition(key)) !== null || (await this.store.getProcessDraft(key)) !== null;
  }

  private async entry(s: ProcessSummary): Promise<CatalogEntry> {
    // a draft-only process (a new SOP) has its name only in its draft
    const name = s.latest?.name ?? draftProcessName((await this.store.getProcessDraft(s.processKey))?.xml ?? '', s.processKey) ?? s.processKey;
    return {
      key: s.processKey, name, version: s.latest?.version ?? null, definitionId: s.latest?.id ?? null, deployedAt: s.latest?.createdAt ?? null,
      draftSavedAt: s.draftSavedAt, runningCases: s.runningCases, overdueTasks: s.overdueTasks, paths: processPaths(s.processKey),
    };
  }
}
