// Where the SQLite store's report operations run: in a worker thread with its own connection (WAL
// lets it read beside the writer; report-worker.ts), so a report of 100,000 cases never blocks
// other requests; an in-memory database (tests) has no file to share and runs them inline.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportFactsStore } from '../ports.js';
import { BUSY_TIMEOUT_MS, type Database } from './database.js';
import { DayCache } from './report-cache.js';
import { reportFigures } from './report-figures.js';
import { createReportLists } from './report-lists.js';

export interface ReadStatement {
  sql: string;
  params: unknown[];
}

/** Runs statements in one read transaction (one snapshot) and gives each one's rows. */
export interface ReportReader {
  read(batch: ReadStatement[]): Promise<unknown[][]>;
}

export type ReportOps = Pick<ReportFactsStore, 'reportFigures' | 'listTaskFacts' | 'listCaseFacts' | 'listOpenReportTasks'>;
export type OpName = keyof ReportOps;

export function createReportOps(reader: ReportReader): ReportOps {
  const cache = new DayCache(); // the decoded rows of this reader's reports
  return { reportFigures: (q) => reportFigures(reader, q, cache), ...createReportLists(reader) };
}

export function inlineReader(db: Database): ReportReader {
  const statements = new Map<string, { all(...params: unknown[]): unknown[] }>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const readAll = db.transaction((batch: ReadStatement[]) => batch.map((s) => prepared(s.sql).all(...s.params)));
  return { read: async (batch) => readAll(batch) };
}

// Starts the worker module; under tsx or jest the sources are TypeScript, so tsx is registered first.
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((err) => parentPort.postMessage({ boot: String((err && err.stack) || err) }));`;

function entryOf(): { entry: string; tsx: string | null } {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { entry: new URL('./report-worker.js', self).href, tsx: null };
  const api = createRequire(self).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  return { entry: new URL('./report-worker.ts', self).href, tsx: pathToFileURL(api).href };
}

type Pending = { resolve: (value: unknown) => void; reject: (err: unknown) => void };
type Answer = { id?: number; result?: unknown; error?: { name: string; message: string; code?: string }; ready?: true; boot?: string };

/**
 * The operations run by a worker on `file`, started on first use. A worker that cannot start (a
 * build without the worker module) leaves the operations to `fallback`, once, with a warning.
 */
export function workerOps(file: string, fallback: () => ReportOps): ReportOps & { close(): Promise<void> } {
  let worker: Worker | null = null;
  let inline: ReportOps | null = null;
  let seq = 0;
  const pending = new Map<number, Pending>();

  const failAll = (err: unknown) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  function start(): Worker {
    const w = new Worker(BOOT, { eval: true, workerData: { file, busyTimeoutMs: BUSY_TIMEOUT_MS, ...entryOf() } });
    w.unref(); // never keeps the process alive unless a call is waiting
    w.on('message', (msg: Answer) => {
      if (msg.boot !== undefined) {
        process.emitWarning(`report worker did not start, reports run on the main thread: ${msg.boot}`);
        inline = fallback();
        worker = null;
        void w.terminate();
        const waiting = [...pending.values()];
        pending.clear();
        for (const p of waiting) p.reject(new Error('the report worker did not start'));
        return;
      }
      if (msg.id === undefined) return;
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (pending.size === 0) w.unref();
      if (!p) return;
      if (msg.error) {
        const { name, message, code } = msg.error;
        p.reject(Object.assign(name === 'RangeError' ? new RangeError(message) : new Error(message), code ? { code } : {}));
      } else p.resolve(msg.result);
    });
    w.on('error', (err) => {
      if (worker === w) worker = null;
      failAll(err);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('the report worker stopped'));
    });
    return w;
  }

  function call<K extends OpName>(op: K, arg: Parameters<ReportOps[K]>[0]): ReturnType<ReportOps[K]> {
    if (inline) return (inline[op] as (a: unknown) => ReturnType<ReportOps[K]>)(arg);
    worker ??= start();
    const w = worker;
    const id = ++seq;
    w.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, op, arg });
    }).catch((err: unknown) => {
      // started without the worker module: this call, too, runs inline
      if (inline && err instanceof Error && err.message === 'the report worker did not start') return (inline[op] as (a: unknown) => unknown)(arg);
      throw err;
    }) as ReturnType<ReportOps[K]>;
  }

  return {
    reportFigures: (q) => call('reportFigures', q),
    listTaskFacts: (q) => call('listTaskFacts', q),
    listCaseFacts: (q) => call('listCaseFacts', q),
    listOpenReportTasks: (q) => call('listOpenReportTasks', q),
    async close() {
      const w = worker;
      worker = null;
      if (!w) return;
      const gone = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.ref();
      w.postMessage({ close: true });
      await gone;
    },
  };
}
