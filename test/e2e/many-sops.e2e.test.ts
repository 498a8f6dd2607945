// Issue 10 in a real browser against a real server: Alur runs every SOP of an office. The process
// owner models a new three-lane SOP in the studio, staffs its groups, and a member of the public
// applies for it; the case goes back to the applicant once and on to the Kepala Seksi, each person
// seeing only their own group's queue. In the same run the PPBJ registration still goes to "Aktif".
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkA11y } from './a11y.js';
import { chooseService, createAccountAndLogIn, newAccountHolder } from './applicant-steps.js';
import { field, nav, newActor, openMyTask, press, see, take, type Actor } from './browser-steps.js';
import { INFO_SOP, modelInfoSop } from './info-sop-steps.js';
import { ppbjRegistration } from './ppbj-steps.js';
import { writeTempPdf } from './fixtures.js';
import { acceptInvitation, addToGroup, inviteStaff, type StaffMember } from './staff-steps.js';
import { loginOwner, validated } from './studio-steps.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const KEY = INFO_SOP.key;
const PETUGAS = { id: 'petugas-pelayanan', name: 'Petugas Pelayanan' };
const KASI = { id: 'kepala-seksi', name: 'Kepala Seksi' };
const STAFF1: StaffMember = { name: 'Rina Petugas', email: `rina.${Date.now()}@pemda.go.id`, password: 'kata-sandi-petugas-1' };
const STAFF2: StaffMember = { name: 'Agus Kepala Seksi', email: `agus.${Date.now()}@pemda.go.id`, password: 'kata-sandi-kasi-1' };

/** The rows of Kotak Masuk that name `applicant`. */
async function inboxRows(p: Page, applicant: string) {
  await nav(p, 'Kotak Masuk', /\/kotak-masuk$/);
  return p.locator('tbody tr').filter({ hasText: applicant });
}

/** A staff member's step form: fills the text fields and answers the yes/no question, then submits. */
async function completeStep(p: Page, values: Record<string, string>, yesNo?: { question: string; answer: 'Ya' | 'Tidak' }): Promise<void> {
  for (const [label, value] of Object.entries(values)) await field(p, label).fill(value);
  if (yesNo) await p.getByRole('group', { name: yesNo.question }).getByRole('radio', { name: yesNo.answer, exact: true }).check();
  await press(p, 'Simpan dan Lanjutkan', /\/(kotak-masuk|tugas\/[^/]+)$/); // the next task waiting, if any, else the inbox
  await see(p, 'Keputusan disimpan.');
}

describe('Given a real Alur server, the process owner, two staff members and applicants in chromium', () => {
  const live = serverAndBrowser();
  const actors: Actor[] = [];
  let pdfPath: string;
  beforeAll(() => {
    pdfPath = writeTempPdf('sk-pengangkatan.pdf');
  });
  afterAll(async () => {
    await Promise.all(actors.map((a) => a.context.close()));
    if (pdfPath) rmSync(dirname(pdfPath), { recursive: true, force: true });
  });
  const actor = async (): Promise<Actor> => {
    const a = await newActor(live.browser, live.server.url);
    actors.push(a);
    return a;
  };

  test('when the owner models "Permohonan Informasi Publik" with three lanes, staffs its groups and an applicant applies, then the case returns to the applicant once, reaches the Kepala Seksi only after Petugas Pelayanan forwards it, and ends', async () => {
    const owner = await actor();
    const o = owner.page;
    await o.setViewportSize({ width: 1400, height: 1000 });
    await loginOwner(o);

    // Two staff members are invited (no group exists yet for them) and set their passwords from the link.
    await inviteStaff(o, STAFF1);
    await inviteStaff(o, STAFF2);
    const staff1 = await acceptInvitation(live.browser, live.server.url, o, STAFF1);
    const staff2 = await acceptInvitation(live.browser, live.server.url, o, STAFF2);
    actors.push(staff1, staff2);

    // SOP baru, modelled in the studio: lanes Pemohon / Petugas Pelayanan / Kepala Seksi.
    await nav(o, 'Proses', /\/proses$/);
    await o.getByRole('link', { name: 'SOP baru', exact: true }).click();
    await o.waitForURL(/\/proses\/baru$/);
    await field(o, 'Nama SOP').pressSequentially(INFO_SOP.name);
    expect(await field(o, 'Id proses').inputValue()).toBe(KEY);
    await o.getByRole('button', { name: 'Buat dan buka Modeler', exact: true }).click();
    await o.waitForURL(new RegExp(`/proses/${KEY}/studio$`));
    await o.locator('#studio[data-ready="true"]').waitFor();
    const stamp = await o.locator('#studio').getAttribute('data-validated');
    const ids = await modelInfoSop(o, KEY);
    await validated(o, stamp);
    await o.waitForFunction(() => document.getElementById('studio-problems')?.dataset.errors === '0');
    await o.waitForFunction(() => document.querySelectorAll('#studio-problems li.problem.warning[data-rule="group-no-active-member"]').length === 2);
    await o.screenshot({ path: `${ARTIFACTS}many-sops-studio.png`, fullPage: true });
    await checkA11y(o);

    // Deploy: the two staff groups have no active member yet (the applicant's own steps never count).
    await field(o, 'Keterangan versi').fill('Versi pertama: tiga lajur');
    await o.getByRole('button', { name: 'Terbitkan Versi Baru', exact: true }).click();
    await o.waitForURL(new RegExp(`/proses/${KEY}$`));
    await see(o, 'Versi baru telah diterbitkan. Kasus baru memakai versi ini.');
    const warnings = o.locator('section.group-warnings li.group-warning');
    expect(await warnings.evaluateAll((li) => li.map((x) => x.getAttribute('data-group')).sort())).toEqual([KASI.id, PETUGAS.id]);
    expect(await o.locator(`tr[data-element="${ids.fix}"] td.group`).getAttribute('data-group')).toBe('pemohon');
    await checkA11y(o);

    // The owner gives each their group; the warnings go away.
    await addToGroup(o, STAFF1, PETUGAS);
    await addToGroup(o, STAFF2, KASI);
    await o.goto(`/proses/${KEY}`);
    expect(await o.locator('.group-warning').count()).toBe(0);
    await o.goto('/proses');
    expect(await o.locator(`tr.process-row[data-process="${KEY}"] .group-warning`).count()).toBe(0);

    // A visitor chooses the service, makes an account, and lands back on its start form.
    const applicant = await actor();
    const a = applicant.page;
    const who = newAccountHolder('info');
    await chooseService(a, KEY, INFO_SOP.name);
    // the e-mail link's "Masuk" carries the chosen service on: the login lands on its start form
    await createAccountAndLogIn(a, o, who, new RegExp(`/layanan/${KEY}/mulai$`));
    await a.getByRole('button', { name: 'Ajukan Permohonan', exact: true }).click(); // empty: refused, nothing lost
    await see(a.locator('.error-summary'), `${INFO_SOP.startField}: Wajib diisi.`);
    await checkA11y(a);
    await field(a, INFO_SOP.startField).fill('Salinan laporan keuangan desa 2025');
    await press(a, 'Ajukan Permohonan', /\/kasus\/[^/]+\/terkirim$/); // the confirmation with the nomor permohonan
    const casePath = new URL(a.url()).pathname.replace(/\/terkirim$/, '');

    // Petugas Pelayanan sees it in their queue; the Kepala Seksi does not.
    expect(await (await inboxRows(staff2.page, who.displayName)).count()).toBe(0);
    expect(await (await inboxRows(staff1.page, who.displayName)).filter({ hasText: INFO_SOP.check }).count()).toBe(1);
    await take(staff1.page, INFO_SOP.check, who.displayName);
    await completeStep(staff1.page, { Catatan: 'Mohon sebutkan nomor dan tahun anggaran.' }, { question: INFO_SOP.checkField, answer: 'Tidak' });

    // Returned: the applicant's own step is in their task list, nobody's queue.
    expect(await (await inboxRows(staff1.page, who.displayName)).count()).toBe(0);
    await openMyTask(a, INFO_SOP.fix);
    await field(a, INFO_SOP.fixField).fill('Laporan keuangan Desa Sukamaju tahun anggaran 2025');
    await press(a, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/);
    await see(a, 'Tugas berhasil disimpan.');

    // Petugas Pelayanan forwards; only now the Kepala Seksi sees it, and it leaves Petugas Pelayanan's queue.
    expect(await (await inboxRows(staff2.page, who.displayName)).count()).toBe(0);
    await take(staff1.page, INFO_SOP.check, who.displayName);
    await see(staff1.page.locator('section.review'), 'Laporan keuangan Desa Sukamaju tahun anggaran 2025'); // the applicant's fix
    await completeStep(staff1.page, { Catatan: 'Lengkap.' }, { question: INFO_SOP.checkField, answer: 'Ya' });
    expect(await (await inboxRows(staff1.page, who.displayName)).count()).toBe(0);
    expect(await (await inboxRows(staff2.page, who.displayName)).filter({ hasText: INFO_SOP.approve }).count()).toBe(1);
    await take(staff2.page, INFO_SOP.approve, who.displayName);
    await completeStep(staff2.page, { [INFO_SOP.approveField]: 'Salinan dikirim melalui email.' });

    // The case has ended: nothing is open, every step is done.
    await a.goto(casePath);
    await checkA11y(a);
    // (the applicant's own page: their steps, the case in words, the end page with its receipt)
    expect(await a.locator('.my-steps li').evaluateAll((li) => li.map((x) => x.getAttribute('data-state')))).toEqual(['done']);
    expect((await a.locator('.situation').innerText()).trim()).toBe('Permohonan Anda selesai.');
    expect((await a.locator('[data-status]').innerText()).trim()).toBe('Selesai'); // not the PPBJ's "Aktif"
    expect(await a.locator(`section.review dt:has-text("${INFO_SOP.startField}") + dd`).innerText()).toBe('Salinan laporan keuangan desa 2025');
    await see(a.locator('.end-panel'), 'Permohonan selesai');
    await see(a.locator('.my-history'), 'Permohonan selesai');
    await a.screenshot({ path: `${ARTIFACTS}many-sops-case-done.png`, fullPage: true });

    // The SOP document has one Pelaksana column per lane.
    await o.goto(`/proses/${KEY}/sop`);
    // (as drawn, top to bottom: Pemohon was inserted above the template's lane, Kepala Seksi below it)
    expect(await o.locator('th.lane-head').allInnerTexts()).toEqual(['Pemohon', PETUGAS.name, KASI.name]);
    await checkA11y(o);
    await o.screenshot({ path: `${ARTIFACTS}many-sops-sop.png`, fullPage: true });

    const all = [owner, staff1, staff2, applicant];
    expect(all.flatMap((x) => x.a11y.violations)).toEqual([]);
    // the refused empty start form is a 422 on purpose (chromium logs it); nothing else may appear
    expect(all.flatMap((x) => x.problems).filter((m) => !/status of 422 .*\/layanan\/[^/]+\/mulai$/.test(m))).toEqual([]);
  }, 300_000);

  test('when a PPBJ registers in the same run, then the shipped PPBJ process still goes from Daftar to Aktif', async () => {
    const ppbj = await actor();
    const admin = await actor();
    await ppbjRegistration(live.browser, live.server.url, ppbj, admin, pdfPath);
    expect([...ppbj.problems, ...admin.problems]).toEqual([]);
    expect([...ppbj.a11y.violations, ...admin.a11y.violations]).toEqual([]);
  }, 120_000);
});
