// The inbox sorted by its name columns in a real browser, in English (the longer words): at 1366 px
// every task stays on one line and every column on screen; at 390 px the page does not scroll
// sideways; axe finds nothing serious; a header click sorts, the next click reverses.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { checkA11y, trackA11y, type A11yLog } from '../e2e/a11y.js';
import { login, newActor, type Actor } from '../e2e/browser-steps.js';
import { seededDataDir } from '../e2e/inbox-seed-store.js';

const ADMIN = { email: 'admin@alur.local', password: 'demo-admin-ppe-2026' };

describe('Given a real Alur server with 30 waiting tasks and an Admin PPE reading in English at 1366x768', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let admin: Actor;
  let a11y: A11yLog;
  beforeAll(async () => {
    dataDir = await seededDataDir(30);
    [server, browser] = await Promise.all([startServer({ dataDir, env: { NODE_ENV: 'development' } }), launchChromium()]);
    admin = await newActor(browser, server.url);
    a11y = trackA11y(admin.page);
    await admin.page.setViewportSize({ width: 1366, height: 768 });
    await login(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.goto(`${server.url}/bahasa/en?next=/kotak-masuk`);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  test('when the Applicant header is clicked twice, then the rows run A–Z then Z–A and the header says so', async () => {
    const p = admin.page;
    const applicants = () => p.locator('tr.task-row td.applicant').allInnerTexts();
    await p.locator('th.sort-applicant a').click();
    await p.waitForURL(/urut=pemohon$/);
    expect(await p.locator('th.sort-applicant').getAttribute('aria-sort')).toBe('ascending');
    const asc = await applicants();
    expect(asc).toEqual([...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    await p.locator('th.sort-applicant a').click();
    await p.waitForURL(/urut=pemohon-turun$/);
    expect(await p.locator('th.sort-applicant').getAttribute('aria-sort')).toBe('descending');
    expect((await applicants())[0]).not.toBe(asc[0]);
  });

  test.each(['proses-turun', 'langkah', 'pemohon'])('when sorted by %s, then at 1366 px each task is on one line with every column on screen, at 390 px nothing scrolls sideways, and axe finds nothing serious', async (urut) => {
    const p = admin.page;
    await p.goto(`${server.url}/kotak-masuk?urut=${urut}`);
    const layout = await p.evaluate(() => {
      const rows = [...document.querySelectorAll('tr.task-row')].map((r) => r.getBoundingClientRect().height);
      const scroll = document.querySelector('.alur-table-scroll')!;
      return { tallest: Math.max(...rows), line: parseFloat(getComputedStyle(document.querySelector('tr.task-row td')!).lineHeight), fits: scroll.scrollWidth <= scroll.clientWidth };
    });
    expect(layout.tallest).toBeLessThan(2 * layout.line);
    expect(layout.fits).toBe(true);
    await checkA11y(p); // 390 px and 1366 px: no sideways scrolling, no serious axe finding
    expect(a11y.violations).toEqual([]);
  });
});
