// The staff page (/staf) in a real browser: the process owner reaches it from the navigation, a
// refused invitation keeps the typed values, axe finds no serious violation, and at 390 px wide the
// page needs no sideways scrolling.
import { describe, expect, test } from '@jest/globals';
import { checkA11y } from './a11y.js';
import { field, newActor, see } from './browser-steps.js';
import { serverAndBrowser } from './suite.js';

const OWNER = { email: 'pemilik@alur.local', password: 'demo-pemilik-2026' };

describe('Given a real Alur server and the process owner in a browser', () => {
  const live = serverAndBrowser();

  test('when the owner opens Staf and sends an invitation to an address that has an account, then the page says so, keeps the values, and is accessible and narrow-screen usable', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await p.goto('/masuk');
    await field(p, 'Email').fill(OWNER.email);
    await field(p, 'Kata sandi').fill(OWNER.password);
    await p.getByRole('button', { name: 'Masuk', exact: true }).click();
    await p.waitForURL(/\/proses$/);
    await p.getByRole('navigation').getByRole('link', { name: 'Staf', exact: true }).click();
    await p.waitForURL(/\/staf$/);
    await checkA11y(p);
    await see(p.locator('table.staff'), 'admin@alur.local');

    await field(p, 'Nama').fill('Admin Kedua');
    await field(p, 'Email').fill('admin@alur.local');
    await field(p, 'Peran').selectOption('staff');
    await p.getByRole('button', { name: 'Kirim undangan', exact: true }).click();
    await see(p, 'Email ini sudah dipakai akun lain.');
    expect(await field(p, 'Nama').inputValue()).toBe('Admin Kedua');
    await checkA11y(p);

    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/staf');
    await checkA11y(p);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // the refused invitation is a 422 on purpose (chromium logs it); nothing else may appear
    expect(owner.problems.filter((m) => !/status of 422 .*\/staf\/undang$/.test(m))).toEqual([]);
    expect(owner.a11y.pagesChecked).toBeGreaterThanOrEqual(3);
    expect(owner.a11y.violations).toEqual([]);
    await owner.context.close();
  }, 90_000);
});
