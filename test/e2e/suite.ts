// The setup every browser test shares: one real Alur server process and one chromium for the suite.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

/** Screenshots of the browser tests (kept by CI as artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Starts the server and chromium before the suite's tests and stops both after them; read the fields inside tests. */
export function serverAndBrowser(): { readonly server: ServerProcess; readonly browser: Browser } {
  const live = {} as { server: ServerProcess; browser: Browser };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // development mode: the tests read each applicant's code and link on the development mailbox
    [live.server, live.browser] = await Promise.all([startServer({ env: { NODE_ENV: 'development' } }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  }, 30_000);
  return live;
}
