// The layout check can fail: a page wider than the phone is reported with what sticks out; a wide
// table inside .alur-table-scroll (the compiled alur.css) is not, nor its visually hidden texts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { WEB_ASSETS_DIR } from '../../src/web/static-assets.js';
import { launchChromium } from '../helpers/browser.js';
import { atEachWidth, horizontalOverflow } from './layout-check.js';

const WIDE_TABLE = '<table class="govuk-table"><tr>' + '<td class="govuk-table__cell">kolom dengan isi panjang<span class="govuk-visually-hidden">teks tersembunyi</span></td>'.repeat(12) + '</tr></table>';

describe('Given chromium and the compiled alur.css', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 30_000);
  afterAll(async () => browser?.close());

  async function show(body: string): Promise<void> {
    await page.setContent(`<!doctype html><html class="govuk-template"><head><meta name="viewport" content="width=device-width, initial-scale=1"><style>${readFileSync(`${WEB_ASSETS_DIR}alur.css`, 'utf8')}</style></head><body class="govuk-template__body"><main class="govuk-main-wrapper">${body}</main></body></html>`);
  }

  test('when a table wider than the phone sits in the page, then the check names it at 390 px and passes at 1366 px', async () => {
    await show(`<h1>Laporan</h1>${WIDE_TABLE}`);
    const found: Record<number, string[]> = {};
    await atEachWidth(page, async (width) => { found[width] = await horizontalOverflow(page); });
    expect(found[390]![0]).toMatch(/^page is \d+ px wide in a 390 px window$/);
    expect(found[390]!.some((c) => c.startsWith('table.govuk-table'))).toBe(true);
    expect(found[1366]).toEqual([]);
    expect(page.viewportSize()).toEqual({ width: 1366, height: 768 }); // restored
  });

  test('when the same table scrolls in its region, then the page fits at both widths', async () => {
    await show(`<h1>Laporan</h1><div class="alur-table-scroll" tabindex="0" role="region" aria-label="Tabel">${WIDE_TABLE}</div>`);
    const found: string[][] = [];
    await atEachWidth(page, async () => { found.push(await horizontalOverflow(page)); });
    expect(found).toEqual([[], []]);
  });
});
