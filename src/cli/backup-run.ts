// `npm run backup -- <folder>`: an online snapshot of the SQLite store (no stop needed), the uploaded
// files the snapshot references (copied, SHA-256 each) and manifest.json, written last: a folder
// without it is no backup. For MongoDB: the uploads the store references and the manifest (the
// database itself: mongodump --oplog, README).
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createStore, storeSnapshots } from '../composition.js';
import type { Config } from '../config.js';
import {
  appVersion, BackupRefusal, copyAndHash, entriesOf, FORMAT, FORMAT_VERSION, isSafeUploadName, MANIFEST, megabytes, sha256File, SNAPSHOT, UPLOADS,
  type Manifest, type ManifestFile,
} from './backup-manifest.js';

export interface BackupOptions {
  config: Pick<Config, 'mongoUri' | 'sqliteFile' | 'uploadDir' | 'mongoTimeouts'>;
  folder: string;
  log: (line: string) => void;
}

interface Wanted {
  storedName: string;
  recordedSha256: string | null;
  referencedBy: ManifestFile['referencedBy'];
}

/** The uploads a MongoDB store references now (its port's isUploadReferenced), by the files in the uploads folder. */
async function mongoReferencedUploads(config: BackupOptions['config']): Promise<Wanted[]> {
  const store = createStore(config);
  await store.init();
  try {
    const wanted: Wanted[] = [];
    for (const name of (await entriesOf(config.uploadDir)).sort()) {
      if (isSafeUploadName(name) && (await store.isUploadReferenced(name))) wanted.push({ storedName: name, recordedSha256: null, referencedBy: 'present' });
    }
    return wanted;
  } finally {
    await store.close();
  }
}

export async function runBackup({ config, folder, log }: BackupOptions): Promise<Manifest> {
  const startedAt = new Date().toISOString();
  const target = resolve(folder);
  if ((await entriesOf(target)).length > 0) throw new BackupRefusal(`${target} is not empty: a backup goes into a new or empty folder`);
  const snapshots = storeSnapshots(config);
  if (snapshots && !existsSync(config.sqliteFile)) throw new BackupRefusal(`there is no SQLite store at ${config.sqliteFile} (ALUR_DATA_DIR / ALUR_SQLITE_FILE)`);
  await mkdir(join(target, UPLOADS), { recursive: true });

  let store: Manifest['store'];
  let wanted: Wanted[];
  if (snapshots) {
    log(`[alur] backup of the SQLite store ${config.sqliteFile} into ${target}`);
    const { pages } = await snapshots.snapshot(config.sqliteFile, join(target, SNAPSHOT));
    const info = snapshots.describe(join(target, SNAPSHOT));
    const bytes = statSync(join(target, SNAPSHOT)).size;
    store = { kind: 'sqlite', file: SNAPSHOT, sha256: await sha256File(join(target, SNAPSHOT)), bytes, schemaVersion: info.schemaVersion, tables: info.tables, integrity: info.integrity };
    log(`  snapshot: ${SNAPSHOT}, ${megabytes(bytes)} (${pages} pages, online backup API), schema version ${info.schemaVersion}, integrity ${info.integrity}`);
    log(`  rows: ${Object.entries(info.tables).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    wanted = info.files;
  } else {
    log(`[alur] backup of the uploads of the MongoDB store into ${target} (the database: mongodump --oplog, see the README)`);
    store = { kind: 'mongodb', note: 'The database is not in this folder: dump it with mongodump --oplog and restore it with mongorestore --oplogReplay (README, "Backup and restore").' };
    wanted = await mongoReferencedUploads(config);
  }

  const files: ManifestFile[] = [];
  const problems: Manifest['problems'] = [];
  for (const w of wanted) {
    if (!isSafeUploadName(w.storedName)) {
      problems.push({ name: w.storedName, problem: 'not a stored upload name (not copied)' });
      continue;
    }
    const from = join(config.uploadDir, w.storedName);
    if (!existsSync(from)) {
      problems.push({ name: w.storedName, problem: `referenced (${w.referencedBy}) but not in ${config.uploadDir}` });
      continue;
    }
    const sha256 = await copyAndHash(from, join(target, UPLOADS, w.storedName));
    if (w.recordedSha256 && sha256 !== w.recordedSha256) problems.push({ name: w.storedName, problem: `content differs from the SHA-256 the store recorded (${w.recordedSha256}); copied as it is` });
    files.push({ name: w.storedName, sha256, bytes: statSync(join(target, UPLOADS, w.storedName)).size, referencedBy: w.referencedBy });
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  log(`  uploads: ${files.length} of ${wanted.length} referenced files copied (${megabytes(bytes)}), SHA-256 of each in the manifest`);
  for (const p of problems) log(`  PROBLEM ${p.name}: ${p.problem}`);

  const manifest: Manifest = {
    format: FORMAT, formatVersion: FORMAT_VERSION, app: appVersion(), startedAt, finishedAt: new Date().toISOString(),
    store, uploads: { folder: UPLOADS, count: files.length, bytes, files }, problems,
  };
  await writeFile(join(target, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, { flag: 'wx' });
  log(`  manifest: ${join(target, MANIFEST)}${problems.length > 0 ? ` (${problems.length} problem(s) above)` : ''}`);
  return manifest;
}
