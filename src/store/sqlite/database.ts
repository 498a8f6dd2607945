// Opens a better-sqlite3 connection with the settings every Alur process must share.
import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConflictError } from '../ports.js';

export type Database = Sqlite.Database;

export const BUSY_TIMEOUT_MS = 5000;
/**
 * WAL pages after which a commit checkpoints (SQLite's default: 1000, i.e. every ~40 task
 * completions). A checkpoint copies the latest version of each page to the database file and
 * fsyncs it, so a longer interval copies a page rewritten by many commits (index leaves, the
 * sessions table) once instead of many times: checkpointing cost about half as much per case at
 * 4000 pages (a WAL of at most ~16 MB) in bench/ measurements, with a ~0.1 s pause every ~150 completions.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

export function isMemoryFile(file: string): boolean {
  return file === ':memory:' || file === '';
}

/**
 * WAL lets readers run beside one writer; synchronous=NORMAL is durable across app crashes
 * (WAL mode); busy_timeout makes a second process wait for the write lock instead of failing;
 * see WAL_AUTOCHECKPOINT_PAGES for the checkpoint interval.
 */
/**
 * Sets WAL mode. NOTE: SQLite does not call the busy handler for this pragma, so when several
 * processes open a fresh file at once (one of them migrating under BEGIN IMMEDIATE) it fails at once
 * with "database is locked": retried here for up to BUSY_TIMEOUT_MS, as busy_timeout would.
 */
function switchToWal(db: Database): unknown {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return db.pragma('journal_mode = WAL', { simple: true });
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      Atomics.wait(pause, 0, 0, 10); // a synchronous pause: opening a store is synchronous
    }
  }
}

export function openDatabase(file: string): Database {
  if (!isMemoryFile(file)) mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Sqlite(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!isMemoryFile(file)) {
      const mode = switchToWal(db);
      if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`);
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

const noWait = new WeakMap<Database, { off: Sqlite.Statement; on: Sqlite.Statement }>();

/**
 * Runs `write` (one BEGIN IMMEDIATE transaction) once no other connection holds the write lock.
 * NOTE: SQLite's busy handler sleeps in the calling thread: while another process (a worker of
 * ALUR_WORKERS) holds the lock, every request of this one would stop. Here an attempt fails at once
 * and the pause between attempts (1, 2, 4 … 16 ms, jittered) is a timer, so the event loop keeps
 * serving; after BUSY_TIMEOUT_MS in all the busy error is thrown, as busy_timeout would.
 */
export async function whenWritable<T>(db: Database, write: () => T): Promise<T> {
  let pragmas = noWait.get(db);
  if (!pragmas) noWait.set(db, (pragmas = { off: db.prepare('PRAGMA busy_timeout = 0'), on: db.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`) }));
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 16)) {
    pragmas.off.get();
    try {
      return write();
    } catch (err) {
      const busy = String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
      if (!busy || Date.now() >= deadline) throw err;
    } finally {
      pragmas.on.get();
    }
    await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * (pause / 2)));
  }
}

/** Unique / primary-key violations are conflicts (duplicate email, id, definition version). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs `fn`, turning a uniqueness violation into ConflictError with `message`. */
export function uniqueOrConflict<T>(message: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`${message}: ${(err as Error).message}`);
    throw err;
  }
}
