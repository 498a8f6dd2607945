// Which process a report, Tabel 7, CSV export or time-settings page is about.
import type { Request } from 'express';
import { SHIPPED_PROCESS_KEY } from '../cases/case-service.js';
import { isProcessKey } from '../definitions/process-key.js';
import { NotFoundError } from '../errors.js';

/**
 * The process of a report (`?proses=<key>`, the same on every report, Tabel 7, CSV and settings URL;
 * the PPBJ process when absent). A key that is not one is the 404 page; so is a key of no deployed
 * process (the report reads its latest version).
 */
export function processOf(req: Request): string {
  const value = req.query.proses ?? (req.body as Record<string, unknown> | undefined)?.proses;
  if (value === undefined || value === '') return SHIPPED_PROCESS_KEY;
  if (!isProcessKey(value)) throw new NotFoundError();
  return value;
}
