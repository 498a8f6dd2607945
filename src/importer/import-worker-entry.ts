// Worker thread entry: runs importSop (import-sop.ts) for import-worker.ts, answering each { id, input }
// with { id, result } where result is the draft or the refusal, or { id, error } on a failure.
import { parentPort } from 'node:worker_threads';
import { importSop, type ImportInput } from './import-sop.js';
import { ImportRefusedError } from './types.js';

parentPort?.on('message', ({ id, input }: { id: number; input: ImportInput }) => {
  importSop(input).then(
    (draft) => parentPort?.postMessage({ id, result: { draft } }),
    (err: unknown) => parentPort?.postMessage(err instanceof ImportRefusedError
      ? { id, result: { refused: err.code, details: err.details } }
      : { id, error: err instanceof Error ? err.message : String(err) }),
  );
});
