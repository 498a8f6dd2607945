// The report worker thread (started by report-reader.ts): its own connection on the store's file,
// query-only, runs the report operations (aggregation included) and answers with their results, so
// neither the reads nor the arithmetic of a report of 100,000 cases ever run on the app's thread.
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { createReportOps, inlineReader, type OpName } from './report-reader.js';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
const db = new Sqlite(file, { fileMustExist: true, timeout: busyTimeoutMs });
db.pragma('query_only = ON');
const ops = createReportOps(inlineReader(db));

parentPort!.on('message', (msg: { id: number; op: OpName; arg: unknown } | { close: true }) => {
  if ('close' in msg) {
    db.close();
    parentPort!.close();
    return;
  }
  (ops[msg.op] as (arg: unknown) => Promise<unknown>)(msg.arg).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (err: unknown) => {
      const e = err as { name?: string; message?: string; code?: string };
      parentPort!.postMessage({ id: msg.id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? err), code: e?.code } });
    },
  );
});
parentPort!.postMessage({ ready: true });
