// `npm run restore -- <folder>`: checks a backup folder (manifest, SHA-256 of the snapshot and of
// every file) and restores it into an EMPTY data folder and uploads folder (a non-empty one is
// refused); the database file appears last, under its name, once everything else is in place.
// For a MongoDB backup only the uploads (the database: mongorestore, README).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { storeSnapshots } from '../composition.js';
import type { Config } from '../config.js';
import {
  BackupRefusal, copyAndHash, entriesOf, FORMAT, FORMAT_VERSION, isSafeUploadName, MANIFEST, megabytes, sha256File, SNAPSHOT, UPLOADS, type Manifest,
} from './backup-manifest.js';

export interface RestoreOptions {
  config: Pick<Config, 'mongoUri' | 'dataDir' | 'sqliteFile' | 'uploadDir'>;
  folder: string;
  log: (line: string) => void;
}

function readManifest(source: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(source, MANIFEST), 'utf8')) as Manifest;
  } catch (err) {
    throw new BackupRefusal(`${source} holds no readable ${MANIFEST} (${(err as Error).message}): not a finished Alur backup`);
  }
  if (manifest?.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION || !Array.isArray(manifest.uploads?.files)) {
    throw new BackupRefusal(`${join(source, MANIFEST)} is not an Alur backup manifest of format ${FORMAT} ${FORMAT_VERSION}`);
  }
  return manifest;
}

/** Every file of the backup is there with its SHA-256 (before anything is written). */
async function verifyBackup(source: string, manifest: Manifest): Promise<void> {
  const damaged: string[] = [];
  if (manifest.store.kind === 'sqlite') {
    const file = join(source, SNAPSHOT);
    if (!existsSync(file)) damaged.push(`${SNAPSHOT} is missing`);
    else if ((await sha256File(file)) !== manifest.store.sha256) damaged.push(`${SNAPSHOT} does not match its SHA-256`);
  }
  for (const f of manifest.uploads.files) {
    const file = join(source, UPLOADS, f.name);
    if (!isSafeUploadName(f.name)) damaged.push(`${f.name} is not a stored upload name`);
    else if (!existsSync(file)) damaged.push(`${UPLOADS}/${f.name} is missing`);
    else if ((await sha256File(file)) !== f.sha256) damaged.push(`${UPLOADS}/${f.name} does not match its SHA-256`);
  }
  if (damaged.length > 0) {
    const more = damaged.length > 5 ? ` and ${damaged.length - 5} more` : '';
    throw new BackupRefusal(`the backup in ${source} is damaged, nothing restored: ${damaged.slice(0, 5).join('; ')}${more}`);
  }
}

async function refuseNonEmpty(config: RestoreOptions['config'], sqlite: boolean): Promise<void> {
  const full: string[] = [];
  if (sqlite) {
    if ((await entriesOf(config.dataDir)).length > 0) full.push(`the data folder ${config.dataDir}`);
    for (const f of [config.sqliteFile, `${config.sqliteFile}-wal`, `${config.sqliteFile}-shm`]) if (existsSync(f)) full.push(f);
  }
  if ((await entriesOf(config.uploadDir)).length > 0) full.push(`the uploads folder ${config.uploadDir}`);
  if (full.length > 0) throw new BackupRefusal(`a restore goes into an empty data folder; not empty: ${[...new Set(full)].join(', ')} (nothing restored)`);
}

export async function runRestore({ config, folder, log }: RestoreOptions): Promise<Manifest> {
  const source = resolve(folder);
  const manifest = readManifest(source);
  const snapshots = storeSnapshots(config);
  const sqlite = manifest.store.kind === 'sqlite';
  if (sqlite && !snapshots) throw new BackupRefusal('this backup holds a SQLite store, but MONGODB_URI is set: restore it without MONGODB_URI');
  if (!sqlite && snapshots) throw new BackupRefusal('this backup is of a MongoDB store: restore its database with mongorestore and run the restore with MONGODB_URI set (README, "Backup and restore")');
  if (manifest.store.kind === 'sqlite' && manifest.store.schemaVersion > snapshots!.schemaVersion) {
    throw new BackupRefusal(`the backup's schema version ${manifest.store.schemaVersion} is newer than this Alur's (${snapshots!.schemaVersion}): restore it with the Alur version that wrote it (${manifest.app.version}) or a newer one`);
  }
  await refuseNonEmpty(config, sqlite);
  await verifyBackup(source, manifest);
  log(`[alur] restore of the backup ${source} (Alur ${manifest.app.version}, ${manifest.finishedAt}): files verified (SHA-256)`);

  const written: string[] = [];
  try {
    await mkdir(config.uploadDir, { recursive: true });
    for (const f of manifest.uploads.files) {
      const to = join(config.uploadDir, f.name);
      written.push(to);
      if ((await copyAndHash(join(source, UPLOADS, f.name), to)) !== f.sha256) throw new Error(`the copy of ${f.name} does not match its SHA-256`);
    }
    log(`  uploads: ${manifest.uploads.files.length} files (${megabytes(manifest.uploads.bytes)}) into ${config.uploadDir}, each checked against its SHA-256`);
    if (manifest.store.kind === 'sqlite') {
      const partial = `${config.sqliteFile}.restoring`;
      await mkdir(dirname(config.sqliteFile), { recursive: true });
      written.push(partial);
      if ((await copyAndHash(join(source, SNAPSHOT), partial)) !== manifest.store.sha256) throw new Error(`the copy of ${SNAPSHOT} does not match its SHA-256`);
      const info = snapshots!.describe(partial);
      const { tables } = manifest.store;
      const differ = Object.keys({ ...info.tables, ...tables }).filter((t) => info.tables[t] !== tables[t]);
      if (info.integrity !== 'ok' || differ.length > 0) throw new Error(`the restored store is not the snapshot (integrity ${info.integrity}; rows differ in ${differ.join(', ') || 'no table'})`);
      written.push(config.sqliteFile);
      await rename(partial, config.sqliteFile);
      log(`  store: ${config.sqliteFile}, schema version ${info.schemaVersion}, integrity ok, rows as in the manifest: ${Object.entries(info.tables).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    } else {
      log('  store: MongoDB, not in the backup folder: restore it with mongorestore --oplogReplay (README, "Backup and restore")');
    }
  } catch (err) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw err;
  }
  if (manifest.problems.length > 0) log(`  NOTE: the backup recorded ${manifest.problems.length} problem(s) (files it could not copy): ${manifest.problems.map((p) => p.name).join(', ')}`);
  log('[alur] restored: start Alur on this data folder');
  return manifest;
}
