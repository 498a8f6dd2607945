// Runs importSop in a worker thread with memory limits and a time limit, so reading a large or hostile
// document never blocks the requests the server is serving; created on first use, unref'd while idle.
// NOTE: from TypeScript sources (tests, `npm run dev`) the worker first registers tsx, as the main
// thread's loader does not reach workers; the built app (dist/*.js) imports the worker as is.
import { WorkerChannel } from '../workflow/worker-channel.js';
import type { ImportInput } from './import-sop.js';
import { ImportRefusedError, type ImportRefusal, type ImportResult } from './types.js';

/** An import that takes longer is abandoned (its worker replaced) and refused as 'timeout'. */
export const IMPORT_TIMEOUT_MS = 20_000;
/** Heap of the import worker: a PDF of the largest accepted size reads in well under this. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };

type Answer = { draft: ImportResult } | { refused: ImportRefusal; details: Record<string, string> };

const fromTypeScript = import.meta.url.endsWith('.ts');
const entry = new URL(fromTypeScript ? './import-worker-entry.ts' : './import-worker-entry.js', import.meta.url).href;

function workerSource(): string {
  if (!fromTypeScript) return `import(${JSON.stringify(entry)});`;
  // NOTE: a bare specifier resolves from the working directory here (the repository: tests, dev)
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

export interface ImportWorker {
  /** The draft, or ImportRefusedError (also 'timeout', and 'too-large' when the worker runs out of memory). */
  run(input: ImportInput): Promise<ImportResult>;
}

export function createImportWorker(timeoutMs = IMPORT_TIMEOUT_MS): ImportWorker {
  const channel = new WorkerChannel<{ input: ImportInput }, Answer>('the import', () => ({ source: workerSource(), options: { resourceLimits: RESOURCE_LIMITS } }), timeoutMs);
  return {
    async run(input) {
      let answer: Answer;
      try {
        answer = await channel.request({ input });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (message.includes('took longer than')) throw new ImportRefusedError('timeout', { ms: String(timeoutMs) });
        if (/out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(message)) throw new ImportRefusedError('too-large', { memory: 'exceeded' });
        throw err;
      }
      if ('refused' in answer) throw new ImportRefusedError(answer.refused, answer.details);
      return answer.draft;
    },
  };
}

let shared: ImportWorker | null = null;

/** importSop(input) in the shared import worker. */
export function importInWorker(input: ImportInput): Promise<ImportResult> {
  shared ??= createImportWorker();
  return shared.run(input);
}
