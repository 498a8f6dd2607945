// Deletes uploaded files nobody needs any more (personal data is kept only as long as needed): a
// file accepted for a form but never submitted (replaced in a draft, left in an expired session,
// or of a task that closed) once it is older than `minAgeMs` and no document, draft or session
// names it. Submitted documents are never touched: every version stays with its case.
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Poller } from '../poller.js';
import type { Store } from '../store/ports.js';

/** Older than a working day and longer than a session lives (8 h), so nothing in use is swept. */
export const UPLOAD_MIN_AGE_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface UploadSweeperOptions {
  store: Store;
  uploadDir: string;
  now?: () => Date;
  minAgeMs?: number;
  intervalMs?: number;
  log?: (line: string) => void;
}

export class UploadSweeper {
  private readonly poller: Poller;

  constructor(private readonly opts: UploadSweeperOptions) {
    this.poller = new Poller(() => this.sweep(), opts.intervalMs ?? SWEEP_INTERVAL_MS, opts.log ?? (() => undefined), 'uploads');
  }

  /** Removes every unreferenced file older than minAgeMs; returns the names removed. */
  async sweep(): Promise<string[]> {
    const cutoff = (this.opts.now?.() ?? new Date()).getTime() - (this.opts.minAgeMs ?? UPLOAD_MIN_AGE_MS);
    const removed: string[] = [];
    for (const name of await readdir(this.opts.uploadDir).catch(() => [] as string[])) {
      if (name.startsWith('.')) continue;
      const path = join(this.opts.uploadDir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || info.mtimeMs > cutoff) continue;
      if (await this.opts.store.isUploadReferenced(name)) continue;
      await unlink(path).catch(() => undefined); // another instance may have swept it first
      removed.push(name);
    }
    if (removed.length) this.opts.log?.(`[alur] uploads: removed ${removed.length} unsubmitted file(s) older than ${Math.round((this.opts.minAgeMs ?? UPLOAD_MIN_AGE_MS) / 3_600_000)} h`);
    return removed;
  }

  /** Sweeps now and then every intervalMs (default 1 h) after the previous sweep. */
  start(): void {
    this.poller.start();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
  }
}
