// Worker thread entry: runs checkDefinition (definition-checks.ts) for the main thread
// (validate-definition.ts), answering each { id, xml, maxBytes } with { id, result } or { id, error } (see worker-channel.ts).
import { parentPort } from 'node:worker_threads';
import { checkDefinition } from './definition-checks.js';
import type { GroupAliases } from './group-aliases.js';

interface CheckRequest { id: number; xml: string; maxBytes: number; aliases: GroupAliases }

parentPort?.on('message', ({ id, xml, maxBytes, aliases }: CheckRequest) => {
  checkDefinition(xml, maxBytes, aliases).then(
    (result) => parentPort?.postMessage({ id, result }),
    (err: unknown) => parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
});
