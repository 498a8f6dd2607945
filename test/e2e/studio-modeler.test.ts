// The modeler in a real browser (Debian chromium) against a real server process: a process owner
// edits the time standard of a step in the properties panel, sees an invalid value refused with
// the element highlighted, deploys a valid one, and the new version shows the change everywhere.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { checkA11y } from './a11y.js';
import { field, newActor, see } from './browser-steps.js';
import { editField, loginOwner, validated } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const CAMUNDA_EXPORT = fileURLToPath(new URL('../workflow/fixtures/rules/camunda-modeler-export.bpmn', import.meta.url));

describe('Given a real Alur server and the process owner in chromium', () => {
  const live = serverAndBrowser();

  test('when the owner changes a step\'s time standard in the properties panel and deploys, then version 2 carries the change', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    // the catalogue lists every shipped SOP: the PPBJ row's link
    await p.locator('tr.process-row[data-process="pendaftaran-akun-ppbj"]').getByRole('link', { name: 'Ubah di Modeler', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj\/studio$/);
    await p.locator('#studio[data-ready="true"]').waitFor();
    expect(await p.locator('#studio-canvas .djs-shape').count()).toBeGreaterThan(8);
    await checkA11y(p);

    // An invalid time standard (as another tool may write it): the problem is listed, the step is marked, deploy is refused.
    let stamp = await p.locator('#studio').getAttribute('data-validated');
    await p.evaluate(() => {
      type Bo = { extensionElements: { get(n: 'values'): Array<{ $type: string }> } };
      const m = (window as unknown as { alurModeler: { get(s: string): any } }).alurModeler; // eslint-disable-line @typescript-eslint/no-explicit-any
      const task = m.get('elementRegistry').get('MengaktifkanAkun');
      const mutu = (task.businessObject as Bo).extensionElements.get('values').find((v) => v.$type === 'alur:MutuBaku');
      m.get('modeling').updateModdleProperties(task, mutu, { waktu: '10 menit' });
    });
    await validated(p, stamp);
    const problem = p.locator('#studio-problems li.problem.error[data-element="MengaktifkanAkun"]');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('"10 menit"'); // the message names the value (its wording: problem-messages)
    expect(await p.locator('#studio-canvas [data-element-id="MengaktifkanAkun"].alur-error').count()).toBe(1);
    await field(p, 'Keterangan versi').fill('Waktu aktivasi 10 menit');
    await p.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await see(p.locator('#studio-status'), 'Penerbitan ditolak: perbaiki galat yang tercantum.');
    await p.screenshot({ path: `${ARTIFACTS}studio-refused.png`, fullPage: true });

    // A valid one through the duration picker (10 + menit): no error left, deploy, and the new version shows 10 minutes.
    stamp = await p.locator('#studio').getAttribute('data-validated');
    await editField(p, 'MengaktifkanAkun', 'alur-waktu', '10');
    await p.locator('#studio-properties [data-entry-id="alur-waktu"] select').selectOption('M');
    await validated(p, stamp);
    expect(await p.locator('#studio-problems').getAttribute('data-errors')).toBe('0');
    expect(await p.locator('#studio-canvas .alur-error').count()).toBe(0);
    await p.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj$/);
    await see(p, 'Versi baru telah diterbitkan. Kasus baru memakai versi ini.');
    const v2 = p.locator('tr.version-row[data-version="2"]');
    expect(await v2.locator('.comment').innerText()).toBe('Waktu aktivasi 10 menit');
    expect(await v2.locator('.by').innerText()).not.toBe('Sistem');
    expect(await p.locator('tr[data-element="MengaktifkanAkun"] .time').innerText()).toBe('10 menit');
    await p.screenshot({ path: `${ARTIFACTS}studio-deployed.png`, fullPage: true });
    await checkA11y(p);
    await p.getByRole('button', { name: 'Bandingkan', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj\/beda\?/);
    expect(await p.locator('.changed-element[data-element="MengaktifkanAkun"] tr[data-field="time"] .after').innerText()).toBe('PT10M');
    await checkA11y(p);
    await p.goto('/proses/pendaftaran-akun-ppbj');

    await p.getByRole('link', { name: 'Dokumen SOP', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj\/sop$/);
    expect(await p.locator('tr.sop-row').nth(6).locator('.waktu').innerText()).toBe('10 Menit');
    await p.screenshot({ path: `${ARTIFACTS}studio-sop.png`, fullPage: true });
    await checkA11y(p);

    await p.goto('/proses/pendaftaran-akun-ppbj/pantau');
    await p.locator('#monitor-canvas[data-ready="true"]').waitFor();
    expect(await p.locator('#monitor-canvas a.count-badge.open').count()).toBe(6);
    // coloured by compliance (no finished task yet on this fresh server: every step "none")
    await p.locator('#monitor-canvas[data-compliance="done"]').waitFor();
    expect(await p.locator('#monitor-canvas .djs-element.compliance-none').count()).toBe(6);
    await checkA11y(p);
    await p.locator('#monitor-canvas a.count-badge.open[data-element="MengisiIdentitas"]').click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj\/pantau\/langkah\/MengisiIdentitas$/);
    await see(p, 'Tidak ada kasus di langkah ini.');
    await checkA11y(p);
    expect(owner.a11y.pagesChecked).toBe(6);
    expect(owner.a11y.violations).toEqual([]);
    // no page error, CSP violation or console error, except the refused deploy's own 422
    expect(owner.problems.filter((x) => !/status of 422 .*\/proses\/pendaftaran-akun-ppbj\/studio\/deploy$/.test(x))).toEqual([]);
  }, 90_000);

  test('when the owner uploads a Camunda modeler file, saves the draft, downloads it and discards it, then each step does what it says', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await p.goto('/proses/pendaftaran-akun-ppbj/studio');
    await p.locator('#studio[data-ready="true"]').waitFor();

    await p.locator('#studio-upload').setInputFiles(CAMUNDA_EXPORT);
    await see(p.locator('#studio-status'), 'Berkas diunggah sebagai draf.');
    const exporter = await p.evaluate(() => (window as unknown as { alurModeler: { getDefinitions(): { exporter?: string } } }).alurModeler.getDefinitions().exporter);
    expect(exporter).toBe('Camunda Modeler');

    await p.getByRole('button', { name: 'Simpan Draf', exact: true }).click();
    await see(p.locator('#studio-status'), 'Draf tersimpan.');
    await p.reload();
    await p.locator('#studio[data-ready="true"]').waitFor();
    await see(p.locator('#studio-source'), 'Membuka draf yang disimpan');

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Unduh .bpmn', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('pendaftaran-akun-ppbj.bpmn');
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toContain('exporter="Camunda Modeler"');
    expect(file).toContain('<alur:sopIdentity');

    await p.locator('#studio-discard').click(); // asks first (studio-safe-actions.test.ts)
    await p.getByRole('button', { name: 'Ya, buang draf', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj\/studio$/);
    await see(p, 'Draf dibuang.');
    await p.locator('#studio[data-ready="true"]').waitFor();
    await see(p.locator('#studio-source'), 'Membuka versi yang berjalan:');
    expect(owner.problems).toEqual([]);
  }, 90_000);
});
