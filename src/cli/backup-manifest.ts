// The backup folder's manifest (what `npm run backup` wrote, what `npm run restore` checks) and the
// file helpers both use: SHA-256 of a file, copying with the copy's hash, safe upload names.
import { createHash } from 'node:crypto';
import { constants, createReadStream, readFileSync } from 'node:fs';
import { copyFile, readdir } from 'node:fs/promises';

export const MANIFEST = 'manifest.json';
export const SNAPSHOT = 'alur.sqlite';
export const UPLOADS = 'uploads';
export const FORMAT = 'alur-backup';
export const FORMAT_VERSION = 1;

export interface ManifestFile {
  name: string; // stored name, under uploads/
  sha256: string;
  bytes: number;
  referencedBy: 'document' | 'staged' | 'present'; // 'present': a MongoDB store's referenced upload
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  app: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  store:
    | { kind: 'sqlite'; file: typeof SNAPSHOT; sha256: string; bytes: number; schemaVersion: number; tables: Record<string, number>; integrity: string }
    | { kind: 'mongodb'; note: string };
  uploads: { folder: typeof UPLOADS; count: number; bytes: number; files: ManifestFile[] };
  /** Referenced by the snapshot but not copied: gone from the uploads folder, or its content differs from the recorded hash. */
  problems: Array<{ name: string; problem: string }>;
}

/** Names Alur gives uploads (UUIDs; tests and demo data use plain names): never a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
export const isSafeUploadName = (name: string): boolean => SAFE_NAME.test(name) && !name.includes('..');

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Copies `from` to the new file `to` (never over an existing one) and returns the copy's SHA-256. */
export async function copyAndHash(from: string, to: string): Promise<string> {
  await copyFile(from, to, constants.COPYFILE_EXCL);
  return sha256File(to);
}

/** Entries of `dir` other than git's placeholder (.gitkeep); [] when it does not exist. */
export async function entriesOf(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n !== '.gitkeep');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** name and version of package.json (the app that wrote the backup). */
export function appVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** A refusal with a reason for the operator (usage, a non-empty folder, a damaged backup): no stack trace. */
export class BackupRefusal extends Error {}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
