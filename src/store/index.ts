// Opens the configured Store adapter. The adapter module is imported on demand, so a SQLite
// deployment never loads mongoose (and a MongoDB one never loads better-sqlite3).
import type { Store } from './ports.js';

export type StoreOptions = { kind: 'sqlite'; file: string } | { kind: 'mongodb'; uri: string };

/** Creates the adapter and runs init() (migrations / indexes); closes it again if init fails. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const store =
    opts.kind === 'sqlite'
      ? (await import('./sqlite/sqlite-store.js')).createSqliteStore({ file: opts.file })
      : (await import('./mongo/mongo-store.js')).createMongoStore({ uri: opts.uri });
  try {
    await store.init();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
