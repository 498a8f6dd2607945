// Which process a report, Tabel 7, CSV export or time-settings page is about.
import type { Request } from 'express';
import { isProcessKey } from '../definitions/process-key.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';

/**
 * The process of a report (`?proses=<key>`, the same on every report, Tabel 7, CSV and settings URL;
 * when absent, the first deployed process of the catalogue). A key that is not one is the 404 page;
 * so is a key of no deployed process (the report reads its latest version), and no process at all.
 */
export async function processOf(req: Request, store: Pick<Store, 'listLatestDefinitions'>): Promise<string> {
  const value = req.query.proses ?? (req.body as Record<string, unknown> | undefined)?.proses;
  if (value === undefined || value === '') {
    const first = (await store.listLatestDefinitions(1))[0];
    if (!first) throw new NotFoundError();
    return first.processKey;
  }
  if (!isProcessKey(value)) throw new NotFoundError();
  return value;
}
