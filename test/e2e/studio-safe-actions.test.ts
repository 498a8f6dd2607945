// The modeler for SOP authors in chromium (issue 11): layout (canvas beside a collapsible panel,
// palette clear of the diagram, SOP symbols only, a notice on narrow screens), the duration and
// group pickers, the required deploy comment, and the two confirmations (discard, redeploy).
import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { newActor, see } from './browser-steps.js';
import { openGroup } from './modeler-steps.js';
import { editField, loginOwner, validated } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const STUDIO = '/proses/pendaftaran-akun-ppbj/studio';
type Modeler = { get(name: string): any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An attribute of a diagram element's business object, or its alur:mutuBaku's. */
const stored = (p: Page, id: string, attr: string): Promise<string | null> => p.evaluate(([eid, name]) => {
  const m = (window as unknown as { alurModeler: Modeler }).alurModeler;
  const bo = m.get('elementRegistry').get(eid).businessObject;
  if (name === 'waktu') {
    const mutu = ((bo.extensionElements && bo.extensionElements.get('values')) || []).find((v: { $type: string }) => v.$type === 'alur:MutuBaku');
    return (mutu && mutu.get('waktu')) || null;
  }
  return bo.get(name) || null;
}, [id, attr] as const);

/** Resolves once `read` gives `expected` (bounded); fails with the last value otherwise. */
async function until<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toBe(expected);
}

async function openStudio(p: Page): Promise<void> {
  await p.goto(STUDIO);
  await p.locator('#studio[data-ready="true"]').waitFor();
}

describe('Given a real Alur server and the process owner in chromium', () => {
  const live = serverAndBrowser();

  test('when the studio opens at 1366 px, then the canvas fills the width, the palette covers no shape and offers SOP symbols only, and the panel collapses', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await p.setViewportSize({ width: 1366, height: 768 });
    await loginOwner(p);
    await openStudio(p);
    const canvas = (await p.locator('#studio-canvas').boundingBox())!;
    const panel = (await p.locator('#studio-properties').boundingBox())!;
    expect(canvas.width + panel.width).toBeGreaterThan(1366 * 0.9);
    const palette = (await p.locator('#studio-canvas .djs-palette').boundingBox())!;
    const lefts = await p.locator('#studio-canvas .djs-shape').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect(lefts.length).toBeGreaterThan(8);
    expect(Math.min(...lefts)).toBeGreaterThan(palette.x + palette.width);
    const actions = await p.locator('#studio-canvas .djs-palette .entry[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['create.start-event', 'create.end-event', 'create.user-task', 'create.exclusive-gateway', 'create.participant-expanded', 'create.link-throw', 'create.link-catch']));
    for (const hidden of ['create.task', 'create.data-object', 'create.data-store', 'create.subprocess-expanded', 'create.group', 'create.intermediate-event']) expect(actions).not.toContain(hidden);
    expect(await p.locator('.djs-palette .entry[data-action="create.start-event"]').getAttribute('aria-label')).toBe('Mulai');
    await p.screenshot({ path: `${ARTIFACTS}studio-1366.png` });

    // the panel's groups read in Indonesian
    await p.locator('#studio-canvas [data-element-id="MengaktifkanAkun"]').click();
    await see(p.locator('#studio-properties [data-group-id="group-general"] .bio-properties-panel-group-header'), 'Umum');
    await see(p.locator('#studio-properties [data-group-id="group-alur-sop"] .bio-properties-panel-group-header'), 'SOP (Alur): Pelaksana dan Mutu Baku');

    await p.locator('#studio-panel-toggle').click();
    await p.locator('#studio-properties').waitFor({ state: 'hidden' });
    expect(await p.locator('#studio-panel-toggle').getAttribute('aria-expanded')).toBe('false');
    expect((await p.locator('#studio-canvas').boundingBox())!.width).toBeGreaterThan(canvas.width + 300);
    await p.locator('#studio-panel-toggle').click();
    await p.locator('#studio-properties').waitFor({ state: 'visible' });
    expect(owner.problems).toEqual([]);
  }, 60_000);

  test('when the studio opens on a phone (< 768 px), then a notice says to use a wider screen instead of a squeezed canvas', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await p.setViewportSize({ width: 400, height: 800 });
    await openStudio(p);
    await see(p.locator('#studio-narrow'), 'Buka di layar yang lebih lebar untuk mengubah diagram');
    expect(await p.locator('#studio-canvas').isVisible()).toBe(false);
    await p.setViewportSize({ width: 1024, height: 800 });
    expect(await p.locator('#studio-narrow').isVisible()).toBe(false);
    expect(await p.locator('#studio-canvas').isVisible()).toBe(true);
  }, 60_000);

  test('when the owner sets Waktu as a number and a unit and picks or names a group, then ISO-8601 and the group id are stored', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await openStudio(p);
    const step = 'MengaktifkanAkun';
    const unit = p.locator('#studio-properties [data-entry-id="alur-waktu"] select');
    expect(await p.locator('#studio-canvas [data-element-id="MengaktifkanAkun"]').count()).toBe(1);
    await editField(p, step, 'alur-waktu', '2');
    await unit.selectOption({ label: 'jam' });
    await until(() => stored(p, step, 'waktu'), 'PT2H');
    await unit.selectOption({ label: 'hari kerja' });
    await until(() => stored(p, step, 'waktu'), 'P2D');
    await see(p.locator('#studio-properties [data-entry-id="alur-waktu"]'), 'Disimpan sebagai P2D');
    await unit.selectOption({ label: 'menit' });
    await editField(p, step, 'alur-waktu', '15');
    await until(() => stored(p, step, 'waktu'), 'PT15M');
    await editField(p, step, 'alur-waktu', 'lima belas');
    await see(p.locator('#studio-properties [data-entry-id="alur-waktu"]'), 'Isi bilangan bulat positif');
    expect(await stored(p, step, 'waktu')).toBe('PT15M');

    const role = p.locator('#studio-properties [data-entry-id="alur-role"] select');
    const choices = await role.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(choices).toEqual(expect.arrayContaining(['pemohon', 'admin-ppe']));
    await role.selectOption('pemohon');
    await until(() => stored(p, step, 'camunda:candidateGroups'), 'pemohon');
    const fresh = p.locator('#studio-properties [data-entry-id="alur-role-new"] input');
    await fresh.fill('Staff');
    await fresh.press('Enter');
    await see(p.locator('#studio-properties [data-entry-id="alur-role-new"]'), 'Nama ini dipakai sistem');
    await fresh.fill('Kepala Seksi Pelayanan');
    await fresh.press('Enter');
    await until(() => stored(p, step, 'camunda:candidateGroups'), 'kepala-seksi-pelayanan');
    expect(await role.inputValue()).toBe('kepala-seksi-pelayanan');
    await p.screenshot({ path: `${ARTIFACTS}studio-pickers.png`, fullPage: true });
    expect(owner.problems).toEqual([]);
  }, 60_000);

  test('when the owner deploys without a comment, discards a draft and redeploys version 1, then each is asked or explained first', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await loginOwner(p);
    await openStudio(p);
    let stamp = await p.locator('#studio').getAttribute('data-validated');
    await editField(p, 'MengaktifkanAkun', 'alur-waktu', '20');
    await validated(p, stamp);

    // the deploy comment is required: the field is marked, nothing is sent
    await p.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await see(p.locator('#studio-comment-error'), 'Isi keterangan versi');
    expect(await p.locator('#studio-comment').getAttribute('aria-invalid')).toBe('true');

    // discard: asks first and says what happens
    await p.getByRole('button', { name: 'Simpan Draf', exact: true }).click();
    await see(p.locator('#studio-status'), 'Draf tersimpan.');
    await p.reload();
    await p.locator('#studio[data-ready="true"]').waitFor();
    await p.locator('#studio-discard').click();
    await see(p.locator('#studio-discard-confirm'), 'Draf yang disimpan akan dihapus');
    await see(p.locator('#studio-discard-confirm'), 'versi 1');
    await p.screenshot({ path: `${ARTIFACTS}studio-discard-confirm.png` });
    await p.getByRole('button', { name: 'Ya, buang draf', exact: true }).click();
    await see(p, 'Draf dibuang.');
    await p.locator('#studio[data-ready="true"]').waitFor();

    // a version 2, then redeploy version 1: asks first and says what happens
    stamp = await p.locator('#studio').getAttribute('data-validated');
    await editField(p, 'MengaktifkanAkun', 'alur-waktu', '20');
    await validated(p, stamp);
    await p.locator('#studio-comment').fill('Aktivasi 20 menit');
    await p.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj$/);
    const v1 = p.locator('tr.version-row[data-version="1"]');
    await v1.locator('summary').click();
    await see(v1, 'Isi versi ini diterbitkan lagi sebagai versi terbaru');
    await p.screenshot({ path: `${ARTIFACTS}versions-rollback-confirm.png`, fullPage: true });
    await v1.getByRole('button', { name: 'Ya, terbitkan ulang versi 1', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj$/);
    expect(await p.locator('tr.version-row[data-version="3"] .comment').innerText()).toBe('Dipulihkan dari versi 1');
    expect(owner.problems).toEqual([]);
  }, 90_000);
});
