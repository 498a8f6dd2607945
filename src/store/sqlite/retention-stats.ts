// Bytes per table of a SQLite store file (the storage benchmark, bench/storage.ts): the WAL
// checkpointed into the file, the file VACUUMed (free pages returned, pages packed), then the
// `dbstat` virtual table per table with its indexes; without dbstat (a build lacking
// SQLITE_ENABLE_DBSTAT_VTAB) the file size alone. Opens its own connection; the store must be closed.
import Sqlite from 'better-sqlite3';

export interface TableBytes {
  table: string;
  rows: number;
  tableBytes: number; // the table's own pages
  indexBytes: number; // its indexes' pages (autoindexes of UNIQUE / PRIMARY KEY included)
}

export interface StoreBytes {
  fileBytes: number;
  pageSize: number;
  /** null: this SQLite has no dbstat; fileBytes is all there is. */
  tables: TableBytes[] | null;
  counts: Record<string, number>;
  /** Cases per status (empty without a cases table). */
  cases: Record<string, number>;
}

/** Checkpoints the WAL, optionally VACUUMs, and measures `file`. */
export function measureStore(file: string, opts: { vacuum: boolean } = { vacuum: true }): StoreBytes {
  const db = new Sqlite(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (opts.vacuum) db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const fileBytes = (db.pragma('page_count', { simple: true }) as number) * pageSize;
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map((r) => r.name);
    const counts = Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number]));
    const cases = names.includes('cases')
      ? Object.fromEntries(db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM cases GROUP BY status').all().map((r) => [r.status, r.n]))
      : {};
    let tables: TableBytes[] | null = null;
    try {
      const rows = db
        .prepare<[], { tbl: string; name: string; bytes: number }>(
          'SELECT coalesce(m.tbl_name, d.name) AS tbl, d.name AS name, sum(d.pgsize) AS bytes FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY d.name',
        )
        .all();
      const by = new Map<string, TableBytes>();
      for (const r of rows) {
        const t = by.get(r.tbl) ?? { table: r.tbl, rows: counts[r.tbl] ?? 0, tableBytes: 0, indexBytes: 0 };
        if (r.name === r.tbl) t.tableBytes += r.bytes;
        else t.indexBytes += r.bytes;
        by.set(r.tbl, t);
      }
      tables = [...by.values()].sort((a, b) => b.tableBytes + b.indexBytes - (a.tableBytes + a.indexBytes));
    } catch {
      tables = null; // no dbstat in this build
    }
    return { fileBytes, pageSize, tables, counts, cases };
  } finally {
    db.close();
  }
}
