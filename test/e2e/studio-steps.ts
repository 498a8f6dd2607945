// Page steps of the process owner in the modeler (/proses/:key/studio), shared by the studio browser tests.
import type { Page } from 'playwright-core';
import { field } from './browser-steps.js';

const OWNER = { email: 'pemilik@alur.local', password: 'demo-pemilik-2026' };

export async function loginOwner(page: Page): Promise<void> {
  await page.goto('/masuk');
  await field(page, 'Email').fill(OWNER.email);
  await field(page, 'Kata sandi').fill(OWNER.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(/\/proses$/);
}

/** Selects a diagram element and types into one field of the properties panel. */
export async function editField(page: Page, elementId: string, entry: string, value: string): Promise<void> {
  const shape = page.locator(`#studio-canvas .djs-element.djs-shape[data-element-id="${elementId}"]`);
  if (!(await shape.evaluate((el) => el.classList.contains('selected')))) await shape.click();
  const input = page.locator(`#studio-properties [data-entry-id="${entry}"] input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(value);
  await input.press('Tab');
}

/** Waits for the validation that follows the edit (the modeler stamps data-validated). */
export async function validated(page: Page, after: string | null): Promise<void> {
  await page.waitForFunction((prev) => {
    const v = document.getElementById('studio')?.dataset.validated;
    return !!v && v !== prev;
  }, after);
}
