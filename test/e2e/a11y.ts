// axe-core (WCAG 2.1 A/AA rules) on every page the browser test reaches; serious and critical
// violations are collected per page and fail the test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export interface A11yLog {
  violations: string[];
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

/** Runs axe on the current page (injected through DevTools evaluation, so the app's CSP stays on). */
export async function checkA11y(page: Page): Promise<void> {
  const log = logs.get(page);
  if (!log) return;
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult;
  const path = new URL(page.url()).pathname;
  log.pagesChecked += 1;
  for (const v of result.violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      log.violations.push(`${path}: [${v.impact}] ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
  }
}
