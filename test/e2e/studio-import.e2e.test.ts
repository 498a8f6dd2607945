// Issue 13 end to end, all in chromium against a real server: the process owner imports a published SOP
// PDF (BPS Bengkulu 348, "Upload Publikasi": a decision whose two branches carry no label) from SOP baru,
// sees the import notes listed and highlighted on their elements, names the branches in the modeler (the
// notes show fixed and leave the draft on save), marks the other note done, sets the missing time
// standard, deploys version 1, puts a staff member in the two lanes' groups, and that person runs one case
// of the imported process to its end (start, four steps, the decision to "Selesai").
import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { checkA11y } from './a11y.js';
import { field, nav, newActor, press, see, take, type Actor } from './browser-steps.js';
import { openGroup, rename, select, typeInto } from './modeler-steps.js';
import { acceptInvitation, addToGroup, inviteStaff, type StaffMember } from './staff-steps.js';
import { loginOwner } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const SAMPLE = fileURLToPath(new URL('../importer/fixtures/bps-bengkulu/348-upload-publikasi.pdf', import.meta.url));
const KEY = 'upload-publikasi';
const BRANCH_DONE = 'Flow_Keputusan4_Selesai5';
const BRANCH_BACK = 'Flow_Keputusan4_Langkah1';
const GROUPS = [{ id: 'tim-pembuat-publikasi', name: 'Tim Pembuat Publikasi' }, { id: 'tim-diseminasi-statistik', name: 'Tim Diseminasi Statistik' }];
const STAFF: StaffMember = { name: 'Dewi Diseminasi', email: `dewi.${Date.now()}@bps.go.id`, password: 'kata-sandi-dewi-1' };
/** The steps of the imported SOP, in row order (their names are the rows' Kegiatan). */
const STEPS = [
  'Tim Pembuat Publikasi menyusun kelengkapan penyerahan publikasi',
  'Tim Pembuat publikasi menyerahkan softfile final publikasi',
  'Tim Diseminasi Statistik akan melakukan pemeriksaan standarisasi',
  'Tim Diseminasi Statistik memutuskan apakah perlu dilakukan perbaikan',
];

/** The import notes as the studio lists them: id, element, fixed or not. */
const notes = (p: Page) => p.locator('#studio-import-notes li.import-note').evaluateAll((li) => li.map((x) => ({
  note: x.getAttribute('data-note'), element: x.getAttribute('data-element'), fixed: x.classList.contains('fixed'),
})));
const marked = (p: Page, id: string) => p.locator(`#studio-canvas .djs-element[data-element-id="${id}"]`).evaluate((el) => el.classList.contains('alur-import'));

/** A staff member's step: Kotak Masuk → Ambil → (the decision) → a note → Simpan dan Lanjutkan. */
async function doStep(p: Page, step: string, applicant: string, choice?: string): Promise<void> {
  await take(p, step, applicant);
  if (choice) await p.getByRole('group', { name: 'Keputusan' }).getByRole('radio', { name: choice, exact: true }).check();
  await field(p, 'Catatan').fill(`Selesai: ${step.slice(0, 30)}`);
  // saved: back to Kotak Masuk, or on to the next step waiting in their group
  await press(p, 'Simpan dan Lanjutkan', /\/(kotak-masuk|tugas\/[^/]+)$/);
  await see(p.locator('.flash'), /^(Tugas berhasil disimpan\.|Keputusan disimpan\.)/);
}

describe('Given a real Alur server, the process owner and a new staff member in chromium', () => {
  const live = serverAndBrowser();

  test('when the owner imports SOP 348, fixes what is flagged and deploys it, then a staff member runs one case of it to its end', async () => {
    const actors: Actor[] = [];
    const owner = await newActor(live.browser, live.server.url);
    actors.push(owner);
    const o = owner.page;
    await o.setViewportSize({ width: 1400, height: 1000 });
    await loginOwner(o);

    // Proses → SOP baru → Impor dokumen SOP: the PDF, no id typed (the one proposed from its Nama SOP)
    await o.getByRole('link', { name: 'SOP baru', exact: true }).click();
    await o.waitForURL(/\/proses\/baru$/);
    await field(o, 'Berkas PDF').setInputFiles(SAMPLE);
    await checkA11y(o);
    await press(o, 'Impor dan buka Modeler', new RegExp(`/proses/${KEY}/studio$`));
    await o.locator('#studio[data-ready="true"]').waitFor();
    await see(o, 'Draf dibuat dari dokumen SOP.');

    // The notes: row and Kegiatan named, the two unlabelled branches highlighted on the diagram
    await o.locator('#studio-import-notes li.import-note').first().waitFor({ timeout: 30_000 }); // the modeler's first load
    expect(await notes(o)).toEqual([
      { note: 'p1', element: 'Langkah1', fixed: false },
      { note: 'p2', element: BRANCH_DONE, fixed: false },
      { note: 'p3', element: BRANCH_BACK, fixed: false },
    ]);
    await see(o.locator('#studio-import-notes li[data-note="p2"]'), /^Peringatan: Baris 4 “Tim Diseminasi Statistik memutuskan/);
    await see(o.locator('#studio-import-notes li[data-note="p2"]'), 'salah satu cabang keputusan ini tidak berlabel');
    expect([await marked(o, BRANCH_DONE), await marked(o, BRANCH_BACK), await marked(o, 'Langkah1')]).toEqual([true, true, true]);
    await o.locator('#studio-import-notes li[data-note="p2"] button.problem-target').click(); // selects the flow
    await o.waitForFunction((id) => (document.querySelector('#studio-properties [data-entry-id="id"] input') as HTMLInputElement | null)?.value === id, BRANCH_DONE);
    await o.screenshot({ path: `${ARTIFACTS}studio-import-notes.png`, fullPage: true });
    await checkA11y(o);

    // Fix: name the branches; each note shows fixed at once and its highlight goes
    await select(o, BRANCH_DONE);
    await rename(o, 'Sudah sesuai');
    await select(o, BRANCH_BACK);
    await rename(o, 'Perlu perbaikan');
    await o.waitForFunction(() => document.querySelectorAll('#studio-import-notes li.import-note.fixed').length === 2);
    expect([await marked(o, BRANCH_DONE), await marked(o, BRANCH_BACK)]).toEqual([false, false]);
    // the step the document's start symbol also ends a loop at: checked, marked done
    await o.locator('#studio-import-notes li[data-note="p1"]').getByRole('button', { name: 'Tandai selesai', exact: true }).click();
    await o.waitForFunction(() => !document.querySelector('#studio-import-notes li[data-note="p1"]'));
    // what validation still asks for: row 1 printed no Waktu
    await select(o, 'Langkah1');
    await openGroup(o, 'alur-sop');
    await typeInto(o, 'alur-waktu', 'P1D');
    await o.waitForFunction(() => document.getElementById('studio-problems')?.dataset.errors === '0');

    // Saved: the fixed notes leave the draft (none after a reload)
    await o.getByRole('button', { name: 'Simpan Draf', exact: true }).click();
    await see(o.locator('#studio-status'), 'Draf tersimpan.');
    await o.waitForFunction(() => document.querySelectorAll('#studio-import-notes li').length === 0);
    await o.reload();
    await o.locator('#studio[data-ready="true"]').waitFor();
    expect(await o.locator('#studio-import').isHidden()).toBe(true);

    // Deploy version 1
    await field(o, 'Keterangan versi').fill('Versi pertama: impor dokumen SOP-1-106/17000/2025');
    await o.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await o.waitForURL(new RegExp(`/proses/${KEY}$`));
    await see(o, 'Versi baru telah diterbitkan. Kasus baru memakai versi ini.');
    await checkA11y(o);

    // The lanes' groups get their member
    await inviteStaff(o, STAFF);
    const staff = await acceptInvitation(live.browser, live.server.url, o, STAFF);
    actors.push(staff);
    for (const group of GROUPS) await addToGroup(o, STAFF, group);

    // One case, started by the starter lane's member, through every step to "Selesai"
    const s = staff.page;
    await s.goto('/kotak-masuk'); // the menu offers "Permohonan baru" now that they are in the starter lane's group
    await nav(s, 'Permohonan baru', /\/permohonan-baru$/);
    await s.locator(`li.service[data-process="${KEY}"] a.start`).click();
    await s.waitForURL(new RegExp(`/proses/${KEY}/permohonan-baru$`));
    await checkA11y(s);
    await press(s, 'Ajukan Permohonan', /\/kasus\/[^/]+$/);
    const casePath = new URL(s.url()).pathname;
    for (const step of STEPS.slice(0, 3)) await doStep(s, step, STAFF.name);
    await doStep(s, STEPS[3]!, STAFF.name, 'Lanjut ke Setelah dinyatakan lengkap dan sesuai, publikasi diupload pada portal publikasi'); // the import names an unlabelled branch's choice by where it leads
    await s.goto(casePath);
    expect((await s.locator('[data-status]').innerText()).trim()).toBe('Selesai');
    await s.screenshot({ path: `${ARTIFACTS}studio-import-case-done.png`, fullPage: true });
    await checkA11y(s);

    expect(actors.flatMap((x) => x.a11y.violations)).toEqual([]);
    expect(actors.flatMap((x) => x.problems)).toEqual([]);
  }, 300_000);
});
