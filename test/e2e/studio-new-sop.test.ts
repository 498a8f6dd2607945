// A new SOP in a real browser: from the catalogue, SOP baru proposes the process id from the name as
// it is typed, the studio opens on the template draft (its endpoints read from the page), and the
// deploy makes version 1 of the new process, listed next to PPBJ.
import { describe, expect, test } from '@jest/globals';
import { checkA11y } from './a11y.js';
import { field, newActor, see } from './browser-steps.js';
import { loginOwner } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

describe('Given a real Alur server and the process owner in chromium', () => {
  const live = serverAndBrowser();

  test('when the owner makes a new SOP from its name and deploys the template, then the catalogue lists version 1 of it next to PPBJ', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    // an empty store lists the shipped SOPs: PPBJ and Pengajuan Belanja Pegawai
    expect(await p.locator('tr.process-row').count()).toBe(2);
    await checkA11y(p);

    await p.getByRole('link', { name: 'SOP baru', exact: true }).click();
    await p.waitForURL(/\/proses\/baru$/);
    await field(p, 'Nama SOP').pressSequentially('Permohonan Surat Keterangan');
    expect(await field(p, 'Id proses').inputValue()).toBe('permohonan-surat-keterangan');
    await checkA11y(p);
    await p.getByRole('button', { name: 'Buat dan buka Modeler', exact: true }).click();
    await p.waitForURL(/\/proses\/permohonan-surat-keterangan\/studio$/);
    await p.locator('#studio[data-ready="true"]').waitFor();
    expect(await p.locator('#studio-problems').getAttribute('data-errors')).toBe('0');
    expect(await p.locator('#studio-canvas [data-element-id="Langkah1"]').count()).toBe(1);
    await p.screenshot({ path: `${ARTIFACTS}studio-new-sop.png`, fullPage: true });

    await field(p, 'Keterangan versi').fill('Versi pertama');
    await p.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await p.waitForURL(/\/proses\/permohonan-surat-keterangan$/);
    await see(p, 'Versi baru telah diterbitkan. Kasus baru memakai versi ini.');
    expect(await p.locator('tr.version-row[data-version="1"] .comment').innerText()).toBe('Versi pertama');
    await p.goto('/proses');
    expect(await p.locator('tr.process-row[data-process="permohonan-surat-keterangan"] .version').innerText()).toBe('1');
    expect(await p.locator('tr.process-row[data-process="pendaftaran-akun-ppbj"] .version').innerText()).toBe('1');
    expect(owner.a11y.violations).toEqual([]);
    expect(owner.problems).toEqual([]);
  }, 90_000);
});
