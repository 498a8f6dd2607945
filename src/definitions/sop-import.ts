// "Impor dokumen SOP": an SOP document (a PDF or a pasted table) becomes the studio draft of a new
// process, with what the importer is unsure of stored beside it for the studio to list. The importer
// runs in its worker, one document at a time (a few wait, more are refused as busy); nothing is saved
// when the document is refused or the process id is not free.
import type { ImportInput } from '../importer/import-sop.js';
import { ImportRefusedError, type ImportProblem, type ImportRefusal, type ImportResult } from '../importer/types.js';
import type { DraftImportProblem, Store } from '../store/ports.js';
import { withArgs } from '../web/i18n.js';
import { NEW_SOP_NAME_MAX, NewSopService } from './new-sop.js';
import type { ProcessCatalog } from './process-catalog.js';

export type SopImporter = (input: ImportInput) => Promise<ImportResult>;

/** Imports waiting behind the running one; one more is refused as busy (a 503 that asks to retry). */
export const SOP_IMPORTS_WAITING = 4;
/** How long an import waits for its turn before it is refused as busy (the import itself: IMPORT_TIMEOUT_MS). */
export const SOP_IMPORT_MAX_WAIT_MS = 15_000;
/** Problems kept with a draft (a table has at most 200 rows; a few problems each). */
export const MAX_IMPORT_PROBLEMS = 500;
/** Characters of a row's Kegiatan kept to name the step in a problem (the message shows 80). */
const STEP_MAX = 200;

/** Which field of the import form a refusal is about. */
export type SopImportField = 'berkas' | 'teks' | 'idImpor';

export type SopImportOutcome =
  | { ok: true; key: string; problems: number }
  | { ok: false; field: SopImportField; message: string; status: 413 | 422 | 503 };

export class SopImportBusyError extends Error {
  constructor() {
    super('another SOP import is running and too many are waiting');
    this.name = 'SopImportBusyError';
  }
}

/** Runs one task at a time; at most `maxWaiting` wait their turn, each at most `maxWaitMs`; more are refused. */
export class OneAtATime {
  private busy = false;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly maxWaiting: number,
    private readonly maxWaitMs = SOP_IMPORT_MAX_WAIT_MS,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.busy) {
      if (this.queue.length >= this.maxWaiting) throw new SopImportBusyError();
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.queue.splice(this.queue.indexOf(turn), 1);
          reject(new SopImportBusyError());
        }, this.maxWaitMs);
        timer.unref();
        this.queue.push(turn);
      });
    } else {
      this.busy = true;
    }
    try {
      return await task();
    } finally {
      // NOTE: the slot passes straight to the next in line, so no newcomer slips in between
      const next = this.queue.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}

/** The draft's process id (and the pool's reference to it) renamed; the importer writes them as `id="<key>"`. */
export function withProcessKey(xml: string, from: string, to: string): string {
  if (from === to) return xml;
  return xml
    .replace(`<bpmn:process id="${from}"`, `<bpmn:process id="${to}"`)
    .replace(`processRef="${from}"`, `processRef="${to}"`)
    .replace(`targetNamespace="https://alur.id/sop/${from}"`, `targetNamespace="https://alur.id/sop/${to}"`);
}

/** The importer's problems as the draft keeps them: numbered (the id dismisses one), bounded. */
export function draftProblems(problems: readonly ImportProblem[]): DraftImportProblem[] {
  return problems.slice(0, MAX_IMPORT_PROBLEMS).map((p, i) => ({
    id: `p${i + 1}`, code: p.code, severity: p.severity, row: p.row, step: p.step.slice(0, STEP_MAX), elementId: p.elementId,
    ...(p.args ? { args: { ...p.args } } : {}),
  }));
}

const REFUSAL_STATUS: Partial<Record<ImportRefusal, 413>> = { 'too-large': 413, 'too-many-pages': 413 };

export class SopImportService {
  private readonly turns = new OneAtATime(SOP_IMPORTS_WAITING);
  private readonly newSop: NewSopService;

  constructor(
    private readonly deps: { store: Store; catalog: ProcessCatalog; importer: SopImporter; now?: () => Date; log?: (line: string) => void },
  ) {
    this.newSop = new NewSopService(deps);
  }

  /** Imports `input` into the draft of process `key` ('' = the id the importer proposes from the Nama SOP). */
  async import(input: ImportInput, key: string, by: string | null): Promise<SopImportOutcome> {
    const field: SopImportField = input.kind === 'pdf' ? 'berkas' : 'teks';
    // an id typed that cannot be used is said before the document is read
    const typed = key ? await this.newSop.check({ name: key, key }) : {};
    if (typed.key) return { ok: false, field: 'idImpor', message: typed.key, status: 422 };
    let draft: ImportResult;
    try {
      draft = await this.turns.run(() => this.deps.importer(input));
    } catch (err) {
      if (err instanceof SopImportBusyError) return { ok: false, field, message: 'sopImport.error.busy', status: 503 };
      if (!(err instanceof ImportRefusedError)) {
        // a document the reader fails on in a way it does not foresee is still the document's fault
        (this.deps.log ?? console.error)(`SOP import failed: ${err instanceof Error ? err.message : String(err)}`);
        return { ok: false, field, message: 'sopImport.error.failed', status: 422 };
      }
      // a scan has no text to read: the way on is the pasted table
      const on: SopImportField = err.code === 'scanned' ? 'teks' : field;
      return { ok: false, field: on, message: `import.refused.${err.code}`, status: REFUSAL_STATUS[err.code] ?? 422 };
    }
    const processKey = key || draft.processKey;
    const errors = await this.newSop.check({ name: draft.name.slice(0, NEW_SOP_NAME_MAX), key: processKey });
    if (errors.key) return { ok: false, field: 'idImpor', message: errors.key, status: 422 };
    const problems = draftProblems(draft.problems);
    const created = await this.deps.store.createProcessDraft({
      processKey, xml: withProcessKey(draft.xml, draft.processKey, processKey),
      savedAt: (this.deps.now ?? (() => new Date()))().toISOString(), savedBy: by, importProblems: problems,
    });
    // NOTE: two owners importing under the same new id at once both pass check(): the second is refused here
    if (!created) return { ok: false, field: 'idImpor', message: withArgs('newSop.error.keyTaken', processKey), status: 422 };
    return { ok: true, key: processKey, problems: problems.length };
  }
}
