// The look-and-feel check of every page the browser tests reach, at a phone's and a desktop's
// width: the page never scrolls sideways (a wide table scrolls inside its own region) and axe-core
// finds no serious or critical WCAG 2.1 A/AA violation. checkA11y (a11y.ts) runs it.
import type { Page } from 'playwright-core';

/** 390 px: a current phone (iPhone 12-15); 1366 px: the most common office laptop screen. */
export const LAYOUT_WIDTHS = [390, 1366] as const;

/** What sticks out of the page at the current width ([] when the page fits), named by selector. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth <= window.innerWidth) return [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= window.innerWidth || r.width === 0) continue;
      // report the outermost element that sticks out, not each of its children
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > window.innerWidth) continue;
      culprits.push(`${name(el)} (right edge ${Math.round(r.right)} px)`);
      if (culprits.length >= 5) break;
    }
    // text that does not wrap can stick out of a box that itself fits
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && culprits.length < 5; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > window.innerWidth && node.parentElement) culprits.push(`text "${(node.textContent ?? '').trim().slice(0, 30)}" in ${name(node.parentElement)} (right edge ${Math.round(right)} px)`);
    }
    return [`page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px window`, ...culprits];
  });
}

/**
 * Runs `check` on the page at each width of LAYOUT_WIDTHS (the height kept), then restores the
 * page's viewport. The page is not reloaded: media queries and layout follow the new width.
 */
export async function atEachWidth(page: Page, check: (width: number) => Promise<void>): Promise<void> {
  const original = page.viewportSize() ?? { width: 1366, height: 768 };
  try {
    for (const width of LAYOUT_WIDTHS) {
      await page.setViewportSize({ width, height: original.height });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // layout settled
      await check(width);
    }
  } finally {
    await page.setViewportSize(original);
  }
}
