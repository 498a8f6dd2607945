// WAL checkpoints from a worker thread, so that requests do not wait for pages being copied into
// the database file and fsynced (SQLite's WAL documentation suggests checkpointing "in a separate
// thread"). The store's own connection keeps its autocheckpoint (WAL_AUTOCHECKPOINT_PAGES) as the
// fallback if the worker lags behind or is gone; several processes on one file may each run one
// (PASSIVE checkpoints never block readers or writers; a busy one just waits for the next turn).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS } from './database.js';

/** How often the worker checkpoints: a busy store writes ~1,500 WAL pages a second. */
export const CHECKPOINT_INTERVAL_MS = 1000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // e.g. the file is being closed or replaced: the next turn (or the store's autocheckpoint) does it
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});`;

export interface Checkpointer {
  /** Stops the worker after its current checkpoint and closes its connection. */
  close(): Promise<void>;
}

/** Starts checkpointing `file` (an existing WAL database) every `intervalMs` in a worker thread. */
export function startCheckpointer(file: string, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs, busyTimeoutMs: BUSY_TIMEOUT_MS } });
  worker.unref(); // never keeps the process alive
  let exited = false;
  const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void gone.then(() => (exited = true));
  worker.on('error', () => undefined); // a failed worker exits: the autocheckpoint still bounds the WAL
  return {
    async close() {
      if (!exited) {
        worker.ref(); // keep the process alive until the worker has closed its connection
        worker.postMessage('close');
      }
      await gone;
    },
  };
}
