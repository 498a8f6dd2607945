// Keyboard-only use: a person who cannot use a mouse reaches the content with the skip link, logs in
// and opens the inbox with Tab / Enter alone, and always sees where the focus is.
import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './suite.js';

/** Presses Tab until the focused element matches `selector` (bounded), checking focus is visible each time. */
async function tabTo(page: Page, selector: string, maxTabs = 20): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { matches: false, visible: true };
      const style = getComputedStyle(el);
      return { matches: el.matches(sel), visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    }, selector);
    expect(focus.visible).toBe(true);
    if (focus.matches) return;
  }
  throw new Error(`${selector} not reached with ${maxTabs} Tab presses`);
}

describe('Given a real Alur server and a keyboard-only user', () => {
  const live = serverAndBrowser();

  test('when they use only Tab and Enter, then they skip to the content, log in and reach the Kotak Masuk', async () => {
    const context = await live.browser.newContext({ baseURL: live.server.url });
    const page = await context.newPage();
    await page.goto('/masuk');
    await tabTo(page, 'a.govuk-skip-link');
    expect(await page.locator('a.govuk-skip-link').boundingBox()).not.toBeNull();
    await page.keyboard.press('Enter');
    // NOTE: the in-page jump settles after the key press returns: wait for it rather than read the URL at once
    await page.waitForFunction(() => location.hash === '#main', undefined, { timeout: 5000 });
    expect(new URL(page.url()).hash).toBe('#main');
    await tabTo(page, '#f-email');
    await page.keyboard.type('admin@alur.local');
    await tabTo(page, '#f-password');
    await page.keyboard.type('demo-admin-ppe-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kotak-masuk$/);
    await tabTo(page, 'a[href="/tugas"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tugas$/);
    expect(await page.locator('h1').innerText()).toContain('Tugas Saya');
    await context.close();
  }, 60_000);
});
