// Runs checkDefinition in one worker thread, created on first use and unref'd while idle, so that
// parsing and checking a large file (up to MAX_DEFINITION_ELEMENTS) never blocks other requests.
// NOTE: from TypeScript sources (tests, `npm run dev`) the worker first registers tsx, as the main
// thread's loader does not reach workers; the built app (dist/*.js) imports the worker as is.
import type { DefinitionCheck } from './definition-checks.js';
import { WorkerChannel } from './worker-channel.js';
import { groupAliases, type GroupAliases } from './group-aliases.js';

/** A check that takes longer than this is abandoned (its worker is replaced). */
const CHECK_TIMEOUT_MS = 30_000;

const fromTypeScript = import.meta.url.endsWith('.ts');
const entry = new URL(fromTypeScript ? './validation-worker.ts' : './validation-worker.js', import.meta.url).href;

function workerSource(): string {
  if (!fromTypeScript) return `import(${JSON.stringify(entry)});`;
  // NOTE: a bare specifier resolves from the working directory here (the repository: tests, dev)
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

const channel = new WorkerChannel<{ xml: string; maxBytes: number; aliases: GroupAliases }, DefinitionCheck>('the check', () => ({ source: workerSource() }), CHECK_TIMEOUT_MS);

/** checkDefinition(xml, maxBytes) in the worker; rejects if the worker fails or takes too long. */
export function checkInWorker(xml: string, maxBytes: number): Promise<DefinitionCheck> {
  return channel.request({ xml, maxBytes, aliases: groupAliases() });
}
