// The processes shipped with the app: every processes/*.bpmn, in file-name order. On start-up each
// becomes version 1 of its process on a store that does not have that process yet.
import { readdir } from 'node:fs/promises';
import type { DefinitionRecord } from '../store/ports.js';

/** The folder of the shipped BPMN files (the same from src/ and dist/). */
export const SHIPPED_PROCESS_DIR = new URL('../../processes/', import.meta.url);

/** The shipped BPMN files of `dir`, sorted by name. */
export async function shippedProcessFiles(dir: URL = SHIPPED_PROCESS_DIR): Promise<URL[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.bpmn'))
    .map((e) => e.name)
    .sort()
    .map((name) => new URL(encodeURIComponent(name), dir));
}

/** What deploys one shipped file (DefinitionService.ensureShipped). */
export interface ShippedDeployer {
  ensureShipped(file: URL): Promise<DefinitionRecord>;
}

/**
 * Deploys each shipped file its store does not have yet, one after another (a file whose process
 * is stored is left alone: a later version of it stays the latest).
 */
export async function ensureShippedProcesses(definitions: ShippedDeployer, dir: URL = SHIPPED_PROCESS_DIR): Promise<DefinitionRecord[]> {
  const deployed: DefinitionRecord[] = [];
  for (const file of await shippedProcessFiles(dir)) deployed.push(await definitions.ensureShipped(file));
  return deployed;
}
