// Store (SQLite through createStore, temp folder) and services bootstrapped like a first start,
// without the HTTP layer (the memory benchmark loads nothing else), and the bench password hash.
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap, createServices, createStore, type Services } from '../../src/composition.js';
import { loadConfig, type Config } from '../../src/config.js';

export interface BenchServices {
  services: Services;
  config: Config;
  dir: string;
  /** Closes the store; removes the folder unless the caller passed it in. */
  close(): Promise<void>;
}

/** Store (SQLite via createStore) and services in `dir` (default: a new temp folder), bootstrapped like a start. */
export async function startBenchServices(opts: { dir?: string } = {}): Promise<BenchServices> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'alur-bench-'));
  const config = loadConfig({ NODE_ENV: 'development', ALUR_DATA_DIR: dir, ALUR_UPLOAD_DIR: join(dir, 'uploads') });
  mkdirSync(config.uploadDir, { recursive: true });
  const services = createServices(createStore({ mongoUri: null, sqliteFile: config.sqliteFile }));
  await bootstrap(services, config, () => undefined);
  return {
    services, config, dir,
    async close() {
      await services.store.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A password hash in the app's own format (scrypt$N$r$p$salt$hash) with a tiny cost, so that the
 * thousands of bench applicants can log in over HTTP without 100 ms of scrypt each. The login path
 * is the real one (verifyPassword reads N from the stored hash); staff accounts keep the real cost.
 */
export function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16, r: 8, p: 1 });
  return ['scrypt', 16, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
