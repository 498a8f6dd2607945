// The processes shipped with the app: every processes/*.bpmn, in file-name order. On start-up each
// becomes version 1 of its process on a store that does not have that process yet, and a changed
// shipped file becomes the next version while the store's latest version is still a shipped one.
import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { ConflictError } from '../errors.js';
import type { DefinitionRecord, Store } from '../store/ports.js';
import type { ValidationResult } from '../workflow/index.js';
import { DeployRefusedError } from './deploy-refused-error.js';

/** The folder of the shipped BPMN files (the same from src/ and dist/). */
export const SHIPPED_PROCESS_DIR = new URL('../../processes/', import.meta.url);

/** The comment of version 1 from a shipped file. NOTE: DefinitionService.ensureShipped writes this text. */
export const SHIPPED_FIRST_COMMENT = 'Versi awal dari berkas proses bawaan';
/** The comment of a later version deployed from a changed shipped file. */
export const SHIPPED_UPDATE_COMMENT = 'Versi baru dari berkas proses bawaan';

/** The shipped BPMN files of `dir`, sorted by name. */
export async function shippedProcessFiles(dir: URL = SHIPPED_PROCESS_DIR): Promise<URL[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.bpmn'))
    .map((e) => e.name)
    .sort()
    .map((name) => new URL(encodeURIComponent(name), dir));
}

/** What deploys one shipped file (DefinitionService). */
export interface ShippedDeployer {
  /** Version 1 from the file on a store without its process; else the stored latest version. */
  ensureShipped(file: URL): Promise<DefinitionRecord>;
  /** Every problem of `xml`; a model only when it may be deployed. */
  validate(xml: string): Promise<ValidationResult>;
}

export type ShippedStore = Pick<Store, 'listDefinitions' | 'getLatestDefinition' | 'insertDefinition'>;

/** A version deployed by the app from a shipped file, not by a person (no author, a shipped comment). */
export function isShippedVersion(def: Pick<DefinitionRecord, 'createdBy' | 'comment'>): boolean {
  return def.createdBy === null && (def.comment === SHIPPED_FIRST_COMMENT || def.comment === SHIPPED_UPDATE_COMMENT);
}

export type ShippedOutcome = 'unchanged' | 'updated' | 'kept-owner-version';

/**
 * The version a shipped file should leave the store with:
 * - its process not stored: version 1 from the file;
 * - the file already deployed once (any version has its XML): nothing, so an older release started
 *   beside a newer one (a rolling upgrade) never deploys its older file over the newer one;
 * - the latest version came from an older shipped file: the file as the next version (running cases
 *   keep the version they started on);
 * - the process owner deployed a version of their own since: theirs stays the latest.
 */
export async function ensureShippedFile(
  definitions: ShippedDeployer, store: ShippedStore, file: URL, now: () => Date = () => new Date(),
): Promise<{ definition: DefinitionRecord; outcome: ShippedOutcome }> {
  const latest = await definitions.ensureShipped(file);
  const xml = await readFile(file, 'utf8');
  if (latest.xml === xml) return { definition: latest, outcome: 'unchanged' };
  const versions = await store.listDefinitions(latest.processKey);
  if (versions.some((d) => d.xml === xml)) return { definition: latest, outcome: 'unchanged' };
  if (!isShippedVersion(latest)) return { definition: latest, outcome: 'kept-owner-version' };
  const { problems, model } = await definitions.validate(xml);
  if (!model) throw new DeployRefusedError(problems);
  // NOTE: exactly the version after the one read: an instance starting at the same time that
  // deployed it first makes this insert conflict, never a third version with the same file
  const next: DefinitionRecord = {
    id: randomUUID(), processKey: latest.processKey, version: latest.version + 1, name: model.name, xml,
    createdAt: now().toISOString(), createdBy: null, comment: SHIPPED_UPDATE_COMMENT,
  };
  try {
    await store.insertDefinition(next); // its groups: bootstrap's upsertLatestGroups, right after
    return { definition: next, outcome: 'updated' };
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    const winner = await store.getLatestDefinition(latest.processKey);
    if (!winner || winner.xml !== xml) throw err;
    return { definition: winner, outcome: 'updated' };
  }
}

/** Deploys each shipped file as ensureShippedFile says, one after another. */
export async function ensureShippedProcesses(
  definitions: ShippedDeployer, store: ShippedStore, dir: URL = SHIPPED_PROCESS_DIR, now?: () => Date,
): Promise<DefinitionRecord[]> {
  const deployed: DefinitionRecord[] = [];
  for (const file of await shippedProcessFiles(dir)) deployed.push((await ensureShippedFile(definitions, store, file, now)).definition);
  return deployed;
}
