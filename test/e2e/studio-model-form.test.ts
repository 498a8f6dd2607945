// A step added in the modeler works without code, in a real browser (Debian chromium) against a
// real server process: the process owner drops a task from the palette onto the flow after step 2,
// makes it a user task for the PPBJ, declares two fields in the properties panel ("Generated Task
// Forms"), and deploys; a new applicant's case then reaches that step, whose generic form refuses
// an empty required field in Indonesian and completes with valid values.
import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkA11y } from './a11y.js';
import { field, newActor, openMyTask, see, signUp, verifyContacts } from './browser-steps.js';
import { newApplicant } from './fixtures.js';
import { loginOwner, validated } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const FLOW = 'Flow_MembuatAkun_MengisiIdentitas';
const STEP = 'Mengisi Data Atasan';

const panel = (p: Page, entry: string) => p.locator(`#studio-properties [data-entry-id="${entry}"]`);

async function typeInto(p: Page, entry: string, value: string, tag: 'input' | 'textarea' = 'input'): Promise<void> {
  const input = panel(p, entry).locator(tag);
  await input.fill(value);
  await input.press('Tab');
}

/** Opens a properties panel group (a no-op when it is open already). */
async function openGroup(p: Page, group: string): Promise<void> {
  const header = p.locator(`#studio-properties [data-group-id="group-${group}"] .bio-properties-panel-group-header`);
  if (!(await header.evaluate((el) => el.classList.contains('open')))) await header.click();
}

async function choose(p: Page, entry: string, value: string): Promise<void> {
  await panel(p, entry).locator('select').selectOption(value);
}

/** Palette "Create task", dropped on the middle of `flowId`: bpmn-js splits the flow around the new task. */
async function dropTaskOnFlow(p: Page, flowId: string): Promise<void> {
  const box = (await p.locator(`#studio-canvas [data-element-id="${flowId}"] .djs-hit`).boundingBox())!;
  await p.locator('.djs-palette .entry[data-action="create.user-task"]').click(); // the SOP palette's step is a user task
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await p.mouse.move(x - 20, y + 30, { steps: 4 });
  await p.mouse.move(x, y, { steps: 8 });
  await p.mouse.down();
  await p.mouse.up();
  await p.keyboard.press('Escape'); // leave the label editor that opens on the new task
}

const selectedId = (p: Page) =>
  p.evaluate(() => (window as unknown as { alurModeler: { get(s: 'selection'): { get(): Array<{ id: string }> } } }).alurModeler.get('selection').get()[0]?.id);

/** Adds a form field in the "Form fields" group and fills its ID, label and type (and a required constraint). */
async function addFormField(p: Page, taskId: string, index: number, f: { id: string; label: string; type: string; required: boolean }): Promise<void> {
  await p.locator('[data-group-id="group-CamundaPlatform__FormData"] .bio-properties-panel-add-entry').first().click();
  const prefix = `${taskId}-formField-${index}`;
  await panel(p, `${prefix}-formFieldID`).locator('input').waitFor();
  await typeInto(p, `${prefix}-formFieldID`, f.id);
  await typeInto(p, `${prefix}-formFieldLabel`, f.label);
  await choose(p, `${prefix}-formFieldType`, f.type);
  if (!f.required) return;
  await panel(p, `${prefix}-formFieldConstraints`).locator('.bio-properties-panel-add-entry').first().click();
  await typeInto(p, `${prefix}-formFieldConstraints-constraint-0-name`, 'required');
}

describe('Given a real Alur server, the process owner and a new applicant in chromium', () => {
  const live = serverAndBrowser();

  test('when the owner adds a user task with two fields in the modeler and deploys, then a new case reaches it and completes it through the generic form', async () => {
    const owner = await newActor(live.browser, live.server.url);
    const p = owner.page;
    await p.setViewportSize({ width: 1400, height: 900 });
    await loginOwner(p);
    await p.goto('/proses/pendaftaran-akun-ppbj/studio');
    await p.locator('#studio[data-ready="true"]').waitFor();

    // The new step (a user task from the palette): dropped on the flow after step 2.
    await dropTaskOnFlow(p, FLOW);
    const taskId = await selectedId(p);
    expect(taskId).toMatch(/^Activity_/);
    expect(await p.evaluate((id) => (window as unknown as { alurModeler: { get(s: 'elementRegistry'): { get(id: string): { type: string } | undefined } } })
      .alurModeler.get('elementRegistry').get(id!)?.type, taskId)).toBe('bpmn:UserTask');

    // General and SOP fields in the properties panel.
    await openGroup(p, 'general');
    await typeInto(p, 'name', STEP, 'textarea');
    // the groups offered: the applicant's own ('pemohon') and the store's (the seeded admin-ppe, the shipped processes' groups)
    const groups = await panel(p, 'alur-role').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(groups).toEqual(expect.arrayContaining(['pemohon', 'admin-ppe']));
    expect(groups).not.toContain('ppbj');
    await choose(p, 'alur-role', 'pemohon'); // the applicant's own step (the reserved group)
    await typeInto(p, 'alur-waktu', 'PT10M');
    await typeInto(p, 'alur-output', 'Data Atasan');

    // The form, declared in the model: "Generated Task Forms" with two fields.
    await openGroup(p, 'CamundaPlatform__Form');
    await choose(p, 'formType', 'formData');
    await openGroup(p, 'CamundaPlatform__FormData');
    await addFormField(p, taskId!, 0, { id: 'namaAtasan', label: 'Nama atasan langsung', type: 'string', required: true });
    const stamp = await p.locator('#studio').getAttribute('data-validated');
    await addFormField(p, taskId!, 1, { id: 'bersedia', label: 'Bersedia mengikuti pelatihan?', type: 'boolean', required: true });
    await validated(p, stamp);
    await p.waitForFunction(() => document.getElementById('studio-problems')?.dataset.errors === '0');
    await p.screenshot({ path: `${ARTIFACTS}studio-model-form.png`, fullPage: true });

    await field(p, 'Keterangan versi').fill('Langkah baru: data atasan');
    await p.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await p.waitForURL(/\/proses\/pendaftaran-akun-ppbj$/);
    await see(p, 'Versi baru telah diterbitkan. Kasus baru memakai versi ini.');
    expect(await p.locator(`tr[data-element="${taskId}"]`).innerText()).toContain(STEP);

    // A new applicant: after Daftar and the contact checks, the new step is theirs.
    const ppbj = await newActor(live.browser, live.server.url);
    const a = ppbj.page;
    const who = newApplicant('model');
    await signUp(a, who, '1 jam 30 menit'); // the shipped SOP's 80 minutes and the new step's 10
    await verifyContacts(a, live.browser, live.server.url, who);
    await openMyTask(a, STEP);
    await see(a.getByRole('group', { name: 'Bersedia mengikuti pelatihan?' }), 'Ya');

    // Submitted empty: refused on the server in Indonesian, nothing lost.
    await field(a, 'Nama atasan langsung').fill('');
    await a.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await a.waitForLoadState();
    await see(a.locator('.error-summary'), 'Nama atasan langsung: Wajib diisi.');
    await see(a.locator('.error-summary'), 'Bersedia mengikuti pelatihan?: Wajib diisi.');
    await checkA11y(a);

    await field(a, 'Nama atasan langsung').fill('Dra. Siti Aminah');
    await a.getByRole('radio', { name: 'Ya', exact: true }).check();
    await a.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await a.waitForURL(/\/kasus\/[^/]+\/terkirim$/); // the confirmation page
    await see(a, 'Tugas berhasil disimpan.');
    await checkA11y(a);
    await openMyTask(a, 'Mengisi Identitas PPBJ');
    await a.screenshot({ path: `${ARTIFACTS}studio-model-form-next.png`, fullPage: true });

    expect(owner.a11y.violations).toEqual([]);
    expect(ppbj.a11y.violations).toEqual([]);
    expect(ppbj.a11y.pagesChecked).toBeGreaterThanOrEqual(5);
    expect([...owner.problems, ...ppbj.problems].filter((x) => !/status of 422/.test(x))).toEqual([]);
  }, 120_000);
});
