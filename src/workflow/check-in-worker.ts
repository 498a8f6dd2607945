// Runs checkDefinition in one worker thread, created on first use and unref'd while idle, so that
// parsing and checking a large file (up to MAX_DEFINITION_ELEMENTS) never blocks other requests.
// NOTE: from TypeScript sources (tests, `npm run dev`) the worker first registers tsx, as the main
// thread's loader does not reach workers; the built app (dist/*.js) imports the worker as is.
import { Worker } from 'node:worker_threads';
import type { DefinitionCheck } from './definition-checks.js';

/** A check that takes longer than this is abandoned (its worker is replaced). */
const CHECK_TIMEOUT_MS = 30_000;

interface Reply { id: number; check?: DefinitionCheck; error?: string }

const fromTypeScript = import.meta.url.endsWith('.ts');
const entry = new URL(fromTypeScript ? './validation-worker.ts' : './validation-worker.js', import.meta.url).href;

function workerSource(): string {
  if (!fromTypeScript) return `import(${JSON.stringify(entry)});`;
  // NOTE: a bare specifier resolves from the working directory here (the repository: tests, dev)
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (reply: Reply) => void>();

function checkWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(workerSource(), { eval: true });
  w.on('message', (reply: Reply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
    if (!pending.size) w.unref(); // idle: never keeps the process alive
  });
  const fail = (err: unknown): void => {
    if (worker === w) worker = null;
    for (const [id, done] of pending) done({ id, error: `the check stopped: ${err instanceof Error ? err.message : String(err)}` });
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', fail);
  worker = w;
  return w;
}

/** checkDefinition(xml, maxBytes) in the worker; rejects if the worker fails or takes too long. */
export function checkInWorker(xml: string, maxBytes: number): Promise<DefinitionCheck> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const w = checkWorker();
    const timer = setTimeout(() => {
      pending.get(id)?.({ id, error: `took longer than ${CHECK_TIMEOUT_MS} ms` });
      pending.delete(id);
      void w.terminate(); // its other checks fail through 'exit'
    }, CHECK_TIMEOUT_MS);
    timer.unref();
    pending.set(id, (reply) => {
      clearTimeout(timer);
      if (reply.check) resolve(reply.check);
      else reject(new Error(reply.error ?? 'no answer'));
    });
    w.ref(); // busy: keep the process alive until the reply
    w.postMessage({ id, xml, maxBytes });
  });
}
