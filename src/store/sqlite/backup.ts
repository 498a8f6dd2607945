// The SQLite store's part of `npm run backup` / `restore`: an online snapshot through the driver's
// backup API (no stop needed), and what a snapshot file holds (schema version, rows per table, the
// uploaded files it references, integrity), read from the file itself.
import Sqlite from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './database.js';
import { MIGRATIONS } from './migrations.js';

export interface SnapshotFile {
  storedName: string;
  /** The SHA-256 the store recorded (documents); null for a file staged by a draft or a failed submission. */
  recordedSha256: string | null;
  referencedBy: 'document' | 'staged';
}

export interface SnapshotInfo {
  schemaVersion: number;
  /** Rows per table (every table of the schema, by name). */
  tables: Record<string, number>;
  /** The uploaded files the snapshot references, by stored name (each once). */
  files: SnapshotFile[];
  /** SQLite's quick_check: 'ok', or its first problems. */
  integrity: string;
}

/** The schema version this Alur's migrations reach (a snapshot of a newer one cannot be opened by it). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Copies the live database `sourceFile` into the new file `targetFile` while the app keeps working.
 * NOTE: all pages in one backup step, i.e. in one read transaction: the copy is the database as one
 * commit left it; in small steps, each write of another process would restart the copy, which under
 * steady work may never finish. Readers and writers of the live store are not blocked (WAL).
 */
export async function snapshotSqlite(sourceFile: string, targetFile: string): Promise<{ pages: number }> {
  const source = new Sqlite(sourceFile, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  let pages = 0;
  try {
    const done = await source.backup(targetFile, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 0x7fffffff;
      },
    });
    pages = Math.max(pages, done.totalPages);
  } finally {
    source.close();
  }
  // the copy is one self-contained file (no -wal beside it); the app switches it back to WAL when it opens it
  const copy = new Sqlite(targetFile, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { pages };
}

/** What the snapshot (or restored) file `file` holds; opened read-only. */
export function describeSqliteSnapshot(file: string): SnapshotInfo {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all();
    const tables: Record<string, number> = {};
    for (const { name } of names) tables[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
    const files: SnapshotFile[] = [];
    const seen = new Set<string>();
    if (tables.documents !== undefined) {
      for (const d of db.prepare<[], { storedName: string; sha256: string }>('SELECT storedName, sha256 FROM documents ORDER BY seq').iterate()) {
        if (!seen.has(d.storedName)) files.push({ storedName: d.storedName, recordedSha256: d.sha256, referencedBy: 'document' });
        seen.add(d.storedName);
      }
    }
    if (tables.upload_refs !== undefined) {
      for (const r of db.prepare<[], { storedName: string }>('SELECT DISTINCT storedName FROM upload_refs ORDER BY storedName').iterate()) {
        if (!seen.has(r.storedName)) files.push({ storedName: r.storedName, recordedSha256: null, referencedBy: 'staged' });
        seen.add(r.storedName);
      }
    }
    const check = db.prepare('PRAGMA quick_check(5)').pluck().all() as string[];
    return { schemaVersion: db.pragma('user_version', { simple: true }) as number, tables, files, integrity: check.join('; ') };
  } finally {
    db.close();
  }
}
