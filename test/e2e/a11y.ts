// axe-core (WCAG 2.1 A/AA rules) and the layout check (no sideways scrolling of the page) on every
// page the browser tests reach, at 390 px and 1366 px (layout-check.ts); serious and critical
// violations and overflows are collected per page and fail the test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { atEachWidth, horizontalOverflow } from './layout-check.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export interface A11yLog {
  violations: string[]; // axe findings and page overflows, each "<path> @<width>px: ..."
  pagesChecked: number;
}
const logs = new WeakMap<Page, A11yLog>();

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

export function trackA11y(page: Page): A11yLog {
  const log: A11yLog = { violations: [], pagesChecked: 0 };
  logs.set(page, log);
  return log;
}

async function runAxe(page: Page): Promise<AxeResult> {
  await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult;
}

/** Checks the current page at both widths (axe injected through DevTools evaluation, so the app's CSP stays on). */
export async function checkA11y(page: Page): Promise<void> {
  const log = logs.get(page);
  if (!log) return;
  const path = new URL(page.url()).pathname;
  log.pagesChecked += 1;
  await atEachWidth(page, async (width) => {
    const overflow = await horizontalOverflow(page);
    if (overflow.length > 0) log.violations.push(`${path} @${width}px: [layout] horizontal scroll – ${overflow.join('; ')}`);
    for (const v of (await runAxe(page)).violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        log.violations.push(`${path} @${width}px: [${v.impact}] ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      }
    }
  });
}
