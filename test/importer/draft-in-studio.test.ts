// An imported draft opens in the studio's modeler (bpmn-js, in chromium) without errors: the seed SOP text
// and sample PDFs, uploaded as a draft, render every node and flow in vertical lanes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { importSop } from '../../src/importer/import-sop.js';
import type { ImportResult } from '../../src/importer/types.js';
import { newActor, see } from '../e2e/browser-steps.js';
import { loginOwner } from '../e2e/studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from '../e2e/suite.js';

const STUDIO = '/proses/pendaftaran-akun-ppbj/studio';
const SAMPLES = ['027-pengiriman-surat-dinas', '052-permintaan-instalasi-perangkat-lunak', '342-konsultasi-statistik-2025'];
const tmp = mkdtempSync(join(tmpdir(), 'alur-imported-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function drafts(): Promise<Array<[string, ImportResult]>> {
  const seed = await importSop({ kind: 'text', text: readFileSync(new URL('./fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8') });
  const pdfs = await Promise.all(SAMPLES.map(async (name) => [name, await importSop({ kind: 'pdf', bytes: new Uint8Array(readFileSync(new URL(`./fixtures/bps-bengkulu/${name}.pdf`, import.meta.url))) })] as [string, ImportResult]));
  return [['seed', seed], ...pdfs];
}

async function upload(p: Page, file: string): Promise<void> {
  const before = await p.locator('#studio').getAttribute('data-validated');
  await p.locator('#studio-upload').setInputFiles(file);
  await p.waitForFunction((prev) => document.getElementById('studio')?.dataset.validated !== prev && (document.getElementById('studio-status')?.textContent ?? '') !== '', before);
}

/** What the modeler holds: element ids, and whether the pool and lanes are vertical. */
const rendered = (p: Page) => p.evaluate(() => {
  const modeler = (window as unknown as { alurModeler: { get(s: 'elementRegistry'): { getAll(): Array<{ id: string; type: string; di?: { isHorizontal?: boolean } }> } } }).alurModeler;
  const all = modeler.get('elementRegistry').getAll();
  return {
    ids: all.map((e) => e.id),
    vertical: all.filter((e) => e.type === 'bpmn:Participant' || e.type === 'bpmn:Lane').map((e) => e.di?.isHorizontal),
  };
});

describe('Given a real Alur server and the process owner in the studio', () => {
  const live = serverAndBrowser();

  test('when imported drafts are uploaded, then each renders every node and flow in vertical lanes, with no error on the page', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await p.goto(STUDIO);
    await p.locator('#studio[data-ready="true"]').waitFor();
    for (const [name, draft] of await drafts()) {
      const file = join(tmp, `${name}.bpmn`);
      writeFileSync(file, draft.xml);
      await upload(p, file);
      await see(p.locator('#studio-status'), 'Berkas diunggah sebagai draf.');
      const { ids, vertical } = await rendered(p);
      expect([name, [...draft.nodes, ...draft.flows].map((e) => e.id).filter((id) => !ids.includes(id))]).toEqual([name, []]);
      expect([name, vertical]).toEqual([name, Array(1 + draft.lanes.length).fill(false)]);
      await p.screenshot({ path: `${ARTIFACTS}imported-${name}.png`, fullPage: true });
    }
    expect(owner.problems).toEqual([]);
  }, 120_000);
});
