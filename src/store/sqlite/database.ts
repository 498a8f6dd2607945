// Opens a better-sqlite3 connection with the settings every Alur process must share.
import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConflictError } from '../ports.js';

export type Database = Sqlite.Database;

export const BUSY_TIMEOUT_MS = 5000;

export function isMemoryFile(file: string): boolean {
  return file === ':memory:' || file === '';
}

/**
 * WAL lets readers run beside one writer; synchronous=NORMAL is durable across app crashes
 * (WAL mode); busy_timeout makes a second process wait for the write lock instead of failing.
 */
export function openDatabase(file: string): Database {
  if (!isMemoryFile(file)) mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Sqlite(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!isMemoryFile(file)) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
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
