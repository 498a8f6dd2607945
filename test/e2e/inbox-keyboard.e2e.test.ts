// The Admin PPE's working day in a real browser at 1366x768, on a store that already holds 30 waiting
// tasks: the dense inbox (15+ tasks in view, one line each, no sideways scrolling, accessible) and its
// keyboard shortcuts (j/k move, Enter opens, x selects, b takes the selected, a takes, n takes the
// next), which never fire while the person types in a field.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { checkA11y } from './a11y.js';
import { login, newActor, see, type Actor } from './browser-steps.js';
import { seededDataDir } from './inbox-seed-store.js';

const ADMIN = { email: 'admin@alur.local', password: 'demo-admin-ppe-2026' };

/** The task id of the row the keyboard is on (its step link has the focus), or null. */
const currentRow = (page: Page) => page.evaluate(() => {
  const row = document.activeElement?.closest('tr.task-row');
  return row?.classList.contains('alur-row--current') ? (row as HTMLElement).dataset.task ?? null : null;
});
const rowIds = (page: Page) => page.locator('tr.task-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.task!));

describe('Given a real Alur server whose store holds 30 waiting tasks, and an Admin PPE at 1366x768', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let admin: Actor;
  beforeAll(async () => {
    dataDir = await seededDataDir(30);
    [server, browser] = await Promise.all([startServer({ dataDir, env: { NODE_ENV: 'development' } }), launchChromium()]);
    admin = await newActor(browser, server.url);
    await admin.page.setViewportSize({ width: 1366, height: 768 });
    await login(admin.page, ADMIN.email, ADMIN.password);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  test('when the Kotak Masuk opens, then at least 15 tasks are in view, each on one line, and the page does not scroll sideways', async () => {
    const p = admin.page;
    const layout = await p.evaluate(() => {
      const rows = [...document.querySelectorAll('tr.task-row')].map((r) => r.getBoundingClientRect());
      const line = parseFloat(getComputedStyle(document.querySelector('tr.task-row td')!).lineHeight);
      return {
        inView: rows.filter((r) => r.top >= 0 && r.bottom <= window.innerHeight).length,
        tallest: Math.max(...rows.map((r) => r.height)),
        line,
        pageWidth: document.documentElement.scrollWidth,
        window: window.innerWidth,
        tableFits: document.querySelector('.alur-table-scroll')!.scrollWidth <= document.querySelector('.alur-table-scroll')!.clientWidth,
      };
    });
    expect(layout.inView).toBeGreaterThanOrEqual(15);
    expect(layout.tallest).toBeLessThan(2 * layout.line); // one line of text per row (a small button's padding included)
    expect(layout.pageWidth).toBeLessThanOrEqual(layout.window);
    expect(layout.tableFits).toBe(true); // every column on screen, no scrolling inside the table either
    await see(p.locator('.alur-keys summary'), 'Pintasan papan ketik');
    await p.screenshot({ path: '/tmp/alur-inbox-1366.png' });
  });

  test('when j, k and Enter are pressed, then the focus moves from task to task and Enter opens the task; typing in the search field moves nothing', async () => {
    const p = admin.page;
    const ids = await rowIds(p);
    await p.keyboard.press('j');
    expect(await currentRow(p)).toBe(ids[0]);
    await p.keyboard.press('j');
    await p.keyboard.press('j');
    expect(await currentRow(p)).toBe(ids[2]);
    await p.keyboard.press('k');
    expect(await currentRow(p)).toBe(ids[1]);

    await p.locator('.alur-filters-toggle summary').click();
    await p.locator('#q-cari').fill('');
    await p.locator('#q-cari').pressSequentially('jkaxn');
    expect(await p.locator('#q-cari').inputValue()).toBe('jkaxn');
    expect(new URL(p.url()).pathname).toBe('/kotak-masuk');
    expect(await p.locator('input[name=tugas]:checked').count()).toBe(0);

    await p.locator('tr.task-row a.task-link').nth(1).focus();
    await p.keyboard.press('Enter');
    await p.waitForURL(new RegExp(`/tugas/${ids[1]}$`));
    await checkA11y(p);
  });

  test('when x selects two tasks and b takes them, then both are taken and reported; a takes the task in focus; n takes the most urgent waiting one', async () => {
    const p = admin.page;
    await p.goto('/kotak-masuk');
    const ids = await rowIds(p);
    await p.keyboard.press('j');
    await p.keyboard.press('x');
    await p.keyboard.press('j');
    await p.keyboard.press('x');
    expect(await p.locator('input[name=tugas]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(ids.slice(0, 2));
    await p.keyboard.press('b');
    await p.waitForURL(/\/tugas$/);
    await checkA11y(p);
    expect(await p.locator('.bulk-result li[data-outcome="taken"]').count()).toBe(2);

    await p.goto('/kotak-masuk');
    const rest = await rowIds(p);
    await p.keyboard.press('j');
    await p.keyboard.press('a');
    await p.waitForURL(new RegExp(`/tugas/${rest[0]}$`));
    await see(p, 'Tugas diambil.');

    await p.goto('/kotak-masuk');
    const urgent = (await rowIds(p))[0];
    await p.keyboard.press('n');
    await p.waitForURL(new RegExp(`/tugas/${urgent}$`));
    await see(p, 'Tugas paling mendesak di grup Anda telah diambil untuk Anda.');
    await checkA11y(p);

    expect(admin.problems).toEqual([]);
    expect(admin.a11y.violations).toEqual([]);
    expect(admin.a11y.pagesChecked).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
