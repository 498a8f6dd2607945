// Playwright driving the Debian chromium (/usr/bin/chromium); see shared/notes/toolchain.md §6.
// Never downloads a browser.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Playwright REFUSES '--user-data-dir' in launch() args; launch() already creates a fresh
// /tmp/playwright_chromiumdev_profile-XXXX per launch and deletes it on close(), so it is omitted.
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
