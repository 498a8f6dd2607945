// Files other tools write, uploaded in the studio in chromium (issue 11): an OMG MIWG reference model
// declared ISO-8859-1, a Camunda Modeler export, and a file binding the `camunda` prefix to the
// Activiti namespace. Each shows a status and its own problem list, and the studio keeps working.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { newActor, see } from './browser-steps.js';
import { loginOwner } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const IN_REPO = fileURLToPath(new URL('../workflow/fixtures/miwg/', import.meta.url));
const MIWG = existsSync(`${IN_REPO}reference/A.1.0.bpmn`) ? IN_REPO : '/work/shared/bpmn-miwg/';
const STUDIO = '/proses/pendaftaran-akun-ppbj/studio';

async function upload(p: Page, file: string): Promise<void> {
  const before = await p.locator('#studio').getAttribute('data-validated');
  await p.locator('#studio-upload').setInputFiles(file);
  await p.waitForFunction((prev) => {
    const status = document.getElementById('studio-status')?.textContent ?? '';
    return status !== '' && document.getElementById('studio')?.dataset.validated !== prev;
  }, before);
}

const problemRules = (p: Page): Promise<string[]> =>
  p.locator('#studio-problems li.problem').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.rule ?? ''));

describe('Given a real Alur server and the process owner in chromium', () => {
  const live = serverAndBrowser();

  test('when the owner uploads an ISO-8859-1 MIWG model and a Camunda Modeler export, then each renders as the draft with its own reasons, and save and download work', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await p.goto(STUDIO);
    await p.locator('#studio[data-ready="true"]').waitFor();

    await upload(p, `${MIWG}reference/A.1.0.bpmn`);
    await see(p.locator('#studio-status'), 'Berkas diunggah sebagai draf.');
    expect(await p.locator('#studio-canvas .djs-shape').count()).toBeGreaterThan(3);
    const latin = await problemRules(p);
    expect(latin.length).toBeGreaterThan(0);
    await p.screenshot({ path: `${ARTIFACTS}studio-miwg-A.1.0.png`, fullPage: true });

    await upload(p, `${MIWG}camunda-modeler-18.6.1/A.2.0-export.bpmn`);
    await see(p.locator('#studio-status'), 'Berkas diunggah sebagai draf.');
    const exporter = await p.evaluate(() => (window as unknown as { alurModeler: { getDefinitions(): { exporter?: string } } }).alurModeler.getDefinitions().exporter);
    expect(exporter).toBe('Camunda Modeler');
    expect((await problemRules(p)).length).toBeGreaterThan(0);

    // an element's problem is a button: Enter selects the element
    const target = p.locator('#studio-problems li.problem button.problem-target').first();
    const elementId = await target.evaluate((b) => (b.closest('li') as HTMLElement).dataset.element);
    await target.focus();
    await target.press('Enter');
    const selected = await p.evaluate(() => (window as unknown as { alurModeler: { get(s: 'selection'): { get(): Array<{ id: string }> } } }).alurModeler.get('selection').get().map((e) => e.id));
    expect(selected).toEqual([elementId]);

    await p.getByRole('button', { name: 'Simpan Draf', exact: true }).click();
    await see(p.locator('#studio-status'), 'Draf tersimpan.');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Unduh .bpmn', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('pendaftaran-akun-ppbj.bpmn');
    await p.reload();
    await p.locator('#studio[data-ready="true"]').waitFor();
    expect(await p.locator('#studio-canvas .djs-shape').count()).toBeGreaterThan(3);
    expect(owner.problems).toEqual([]);
  }, 90_000);

  test('when the owner uploads a file binding the camunda prefix to Activiti, then the studio shows a status and that file\'s result, and stays usable after a reload', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await p.goto(STUDIO);
    await p.locator('#studio[data-ready="true"]').waitFor();
    const before = await p.locator('#studio-problems').innerHTML();

    await upload(p, `${MIWG}reference/C.1.0.bpmn`);
    expect(await p.locator('#studio-status').innerText()).not.toBe('');
    expect(await p.locator('#studio-problems').innerHTML()).not.toBe(before);
    await p.screenshot({ path: `${ARTIFACTS}studio-miwg-C.1.0.png`, fullPage: true });

    await p.reload();
    await p.locator('#studio[data-ready="true"]').waitFor();
    await p.locator('#studio-discard').click();
    await p.getByRole('button', { name: 'Ya, buang draf', exact: true }).click();
    await see(p, 'Draf dibuang.');
    await p.locator('#studio[data-ready="true"]').waitFor();
    await see(p.locator('#studio-source'), 'Membuka versi yang berjalan:');
    // the refused upload's own answer (a 422) is the only console error allowed
    expect(owner.problems.filter((x) => !/status of 422 .*\/studio\/unggah$/.test(x))).toEqual([]);
  }, 90_000);
});
