// The whole SOP in a real browser against a real server process, as people would do it:
// a PPBJ and an Admin PPE, each in their own browser context, from "Daftar" to "Aktif",
// with a "Tidak sesuai" return at step 4 and a "Tidak lengkap" return at step 6 (each second review
// empty, the changes marked), taken by "Ambil tugas berikutnya" and by selecting a row.
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  field, fillIdentity, fillInformation, login, mailboxText, nav, newActor, openMyTask, press, see, signUp, statusBadge, take, verifyContacts,
} from './browser-steps.js';
import { checkA11y } from './a11y.js';
import { openPdf } from '../../src/importer/pdf/pdf-load.js';

/** The text of a PDF's pages (items joined by spaces) and the URLs of its links. */
async function pdfOf(bytes: Buffer): Promise<{ text: string; links: string[] }> {
  const doc = await openPdf(bytes);
  const parts: string[] = [];
  const links: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    parts.push((await page.getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' '));
    for (const a of await page.getAnnotations()) if (typeof a.url === 'string') links.push(a.url);
  }
  return { text: parts.join(' '), links };
}
import { CORRECTED_SK, IDENTITY, INFORMATION, RETURN_REASON, newApplicant, writeTempPdf } from './fixtures.js';
import { ARTIFACTS, serverAndBrowser } from './suite.js';

const ADMIN = { email: 'admin@alur.local', password: 'demo-admin-ppe-2026' };
const CORRECTED_NIP = '19860926 201505 1 002'; // the serial number the admin found wrong

describe('Given a real Alur server process and two browser contexts (PPBJ and Admin PPE)', () => {
  const live = serverAndBrowser();
  let pdfPath: string;
  let rescanPath: string;
  beforeAll(() => {
    pdfPath = writeTempPdf('sk-pengangkatan.pdf');
    rescanPath = writeTempPdf('sk-pindai-ulang.pdf', 'Surat Keputusan Pengangkatan PPBJ (pindai ulang)');
  });
  afterAll(() => {
    for (const path of [pdfPath, rescanPath]) if (path) rmSync(dirname(path), { recursive: true, force: true });
  });

  test('when they click through the SOP from Daftar with a "Tidak sesuai" and a "Tidak lengkap" return, then the PPBJ sees status Aktif', async () => {
    const ppbj = await newActor(live.browser, live.server.url);
    const admin = await newActor(live.browser, live.server.url);
    const p = ppbj.page;
    const a = admin.page;
    const who = newApplicant('web');

    // Step 2: home → Daftar → sign-up form → Tugas Saya
    await signUp(p, who);
    await see(p, 'Buka tautan di email tersebut untuk memverifikasi alamat Anda');
    await verifyContacts(p, live.browser, live.server.url, who);
    await see(p, 'Email dan nomor WhatsApp terverifikasi. Silakan isi identitas Anda.');
    await see(p.getByRole('heading', { level: 1 }), 'Tugas Saya');

    // Step 3: identity; the registration e-mail is pre-filled. One detour through English.
    await openMyTask(p, 'Mengisi Identitas PPBJ');
    expect(await field(p, 'Email').inputValue()).toBe(who.email);
    await p.getByRole('link', { name: 'English', exact: true }).click();
    await field(p, 'NIK (national ID number)').waitFor();
    await see(p.getByRole('button', { name: 'Submit', exact: true }), 'Submit');
    expect(await p.locator('html').getAttribute('lang')).toBe('en');
    await p.getByRole('link', { name: 'Bahasa Indonesia', exact: true }).click();
    await field(p, 'NIK').waitFor();
    expect(await p.locator('html').getAttribute('lang')).toBe('id');
    await fillIdentity(p);
    await press(p, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/);
    // the confirmation: a nomor permohonan, what happens next and how long
    const caseNumber = (await p.locator('.govuk-panel--confirmation .case-number').innerText()).trim();
    expect(caseNumber).toMatch(/^PPBJ-\d{4}-\d{6}$/);
    await see(p.locator('.next'), 'Melakukan Verifikasi');
    await see(p.locator('.next'), '15 menit');
    await p.getByRole('link', { name: 'Lihat status permohonan' }).click();
    await p.waitForURL(/\/kasus\/[^/]+$/);
    await checkA11y(p);
    expect(await statusBadge(p)).toBe('Menunggu Verifikasi');
    // "Langkah Anda": the applicant's steps with their states, the case in words
    expect(await p.locator('.my-steps li').evaluateAll((li) => li.map((x) => x.getAttribute('data-state')))).toEqual(['done', 'done', 'waiting']);
    await see(p.locator('.my-steps li[data-state="waiting"]'), 'Menunggu petugas');
    await see(p.locator('.situation'), 'menunggu diperiksa petugas');
    await see(p.locator('.case-number'), caseNumber);

    // Step 4: the Admin PPE logs in, takes the task from the Kotak Masuk; the NIP does not match: Tidak sesuai
    await login(a, ADMIN.email, ADMIN.password);
    await see(a.getByRole('heading', { level: 1 }), 'Kotak Masuk');
    await take(a, 'Melakukan Verifikasi', who.displayName);
    await see(a.locator('section.review'), IDENTITY.nik);
    await see(a.locator('section.review'), IDENTITY.pangkatGolongan);
    await a.getByRole('button', { name: 'Simpan Verifikasi', exact: true }).click(); // nothing chosen: the error says what is missing, in the panel
    await see(a.locator('.alur-decision-layout__panel .govuk-error-summary'), 'Pilih Sesuai atau Tidak sesuai');
    await checkA11y(a);
    await field(a, 'Tidak sesuai').check();
    await field(a, 'NIP tidak sesuai').check();
    await a.getByLabel(/^\s*Catatan untuk pemohon\s*$/).fill('NIP berbeda satu digit dengan SK.');
    await press(a, 'Simpan Verifikasi', /\/kotak-masuk$/);
    await see(a, 'Keputusan disimpan.');

    // Step 3 again: the PPBJ sees why, next to the NIP, and corrects it
    await openMyTask(p, 'Mengisi Identitas PPBJ');
    await see(p.locator('.return-reason[data-field="nip"]'), 'NIP tidak sesuai');
    await see(p.locator('.returned'), 'NIP berbeda satu digit dengan SK.');
    expect(await field(p, 'NIP').inputValue()).toBe(IDENTITY.nip.replace(/\s/g, ''));
    await field(p, 'NIP').fill(CORRECTED_NIP);
    await press(p, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/);

    // Step 4 again, taken with "Ambil tugas berikutnya": it starts empty and marks the NIP as changed since the first round
    await nav(a, 'Kotak Masuk', /\/kotak-masuk$/);
    await press(a, 'Ambil tugas berikutnya', /\/tugas\/[^/]+$/);
    await see(a.getByRole('heading', { level: 1 }), 'Melakukan Verifikasi');
    expect(await a.locator('input[name=sesuai]:checked, input[name=alasanKode]:checked').count()).toBe(0);
    expect(await a.getByLabel(/^\s*Catatan untuk pemohon\s*$/).inputValue()).toBe('');
    await see(a.locator('.round-changes'), 'NIP');
    await see(a.locator('.alur-changed[data-field="nip"]'), CORRECTED_NIP.replace(/\s/g, ''));
    await see(a.locator('.alur-changed[data-field="nip"] .before'), IDENTITY.nip.replace(/\s/g, ''));
    await a.screenshot({ path: `${ARTIFACTS}second-verification.png`, fullPage: true });
    await field(a, 'Sesuai').check();
    await press(a, 'Simpan Verifikasi', /\/kotak-masuk$/);
    await see(a, 'Keputusan disimpan.');

    // The PPBJ is told it is their turn again (e-mail, in the development mailbox), with the number
    const turn = await mailboxText(live.browser, live.server.url, who.email, 'applicant-turn');
    expect(turn).toContain('Melengkapi Informasi PPBJ');
    expect(turn).toContain(caseNumber);

    // Step 5: half-filled and kept with Simpan Draf (the case does not move), then completed with the SK file
    await openMyTask(p, 'Melengkapi Informasi PPBJ');
    await field(p, 'Peran pengadaan').selectOption(INFORMATION.peran);
    await field(p, 'Nomor SK/Surat Tugas').fill(INFORMATION.nomorSk);
    await press(p, 'Simpan Draf', /\/tugas\/[^/]+$/);
    await see(p, 'Draf disimpan.');
    await openMyTask(p, 'Melengkapi Informasi PPBJ');
    await see(p, 'Isian di bawah berasal dari draf');
    expect(await field(p, 'Nomor SK/Surat Tugas').inputValue()).toBe(INFORMATION.nomorSk);
    await fillInformation(p, pdfPath);
    await press(p, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/);
    await see(p, 'Tugas berhasil disimpan.');
    await see(p.locator('.govuk-panel--confirmation .case-number'), caseNumber);
    await nav(p, 'Status Permohonan', /\/kasus\/[^/]+$/);
    await see(p.locator('ul.documents'), 'sk-pengangkatan.pdf');

    // Step 6: taken by selecting the row and "Ambil yang dipilih"; the admin sees the data and the document (downloads the same bytes) → Tidak lengkap
    await nav(a, 'Kotak Masuk', /\/kotak-masuk$/);
    await a.getByLabel(`Pilih tugas 6. Memeriksa Informasi PPBJ, ${who.displayName}`).check();
    await press(a, 'Ambil yang dipilih', /\/tugas$/);
    await see(a.locator('.bulk-result'), 'Diambil oleh Anda');
    await a.getByRole('row').filter({ hasText: who.displayName }).getByRole('link', { name: '6. Memeriksa Informasi PPBJ' }).click();
    await a.waitForURL(/\/tugas\/[^/]+$/);
    await see(a.locator('section.review'), INFORMATION.nomorSk);
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('link', { name: 'sk-pengangkatan.pdf' }).first().click()]);
    expect(readFileSync((await download.path())!)).toEqual(readFileSync(pdfPath));
    await field(a, 'Tidak lengkap').check();
    await field(a, 'SK tidak terbaca').check();
    await a.getByLabel(/^\s*Catatan untuk (PPBJ|pemohon)\s*$/).fill(RETURN_REASON); // the reason note's label becomes generic ("pemohon")
    await press(a, 'Simpan Hasil Pemeriksaan', /\/kotak-masuk$/);

    // The PPBJ sees the return on the status page and on the reopened form, values kept
    await nav(p, 'Status Permohonan', /\/kasus\/[^/]+$/);
    expect(await statusBadge(p)).toBe('Dikembalikan – Perlu Dilengkapi');
    await see(p.locator('.returned-banner .return-note'), RETURN_REASON);
    expect(await p.locator('.my-steps li[data-state="returned"]').count()).toBe(1);
    await openMyTask(p, 'Melengkapi Informasi PPBJ');
    const note = p.getByRole('region', { name: 'Dikembalikan – Perlu Dilengkapi' }); // the banner of the reopened form
    await see(note, 'Dikembalikan – Perlu Dilengkapi');
    await see(note, RETURN_REASON);
    await see(p.locator('.return-reason[data-field="skFile"]'), 'SK tidak terbaca'); // next to the affected field
    expect(await field(p, 'Peran pengadaan').inputValue()).toBe(INFORMATION.peran);
    expect(await field(p, 'Nomor SK/Surat Tugas').inputValue()).toBe(INFORMATION.nomorSk);
    expect(await field(p, 'Tanggal SK/Surat Tugas').inputValue()).toBe(INFORMATION.tanggalSk);
    expect(await field(p, 'Masa berlaku sampai').inputValue()).toBe(INFORMATION.berlakuSampai);
    await see(p.locator('.current-doc'), 'Dokumen saat ini:');
    await see(p.locator('.current-doc').getByRole('link'), 'sk-pengangkatan.pdf');
    await p.screenshot({ path: `${ARTIFACTS}returned-form.png`, fullPage: true });
    await field(p, 'Nomor SK/Surat Tugas').fill(CORRECTED_SK);
    await field(p, 'Berkas SK/Surat Tugas').setInputFiles(rescanPath); // the re-upload the reason asked for
    await press(p, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/);
    await see(p, 'Tugas berhasil disimpan.');

    // Step 6 again: empty (not the first round's "Tidak lengkap"), the corrected number and the new document marked → Lengkap
    await take(a, 'Memeriksa Informasi PPBJ', who.displayName);
    await see(a.locator('section.review'), CORRECTED_SK);
    expect(await a.locator('input[name=lengkap]:checked, input[name=alasanKode]:checked').count()).toBe(0);
    expect(await a.locator('.alur-changed').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['nomorSk', 'skFile']);
    await see(a.locator('.doc-version.current'), 'sk-pindai-ulang.pdf');
    await see(a.locator('.doc-version:not(.current)'), 'sk-pengangkatan.pdf');
    await field(a, 'Lengkap').check();
    await press(a, 'Simpan Hasil Pemeriksaan', /\/tugas\/[^/]+$/);

    // Step 7: the decision leads to the next task waiting (not the inbox): activation for SiRUP and SPSE
    await see(a.getByRole('heading', { level: 1 }), '7. Mengaktifkan Akun PPBJ');
    await see(a, 'Ini tugas berikutnya yang menunggu di grup Anda');
    await press(a, 'Ambil', /\/tugas\/[^/]+$/);
    await see(a, 'Tugas diambil.');
    await field(a, 'SiRUP').check();
    await field(a, 'SPSE').check();
    await press(a, 'Aktifkan Akun', /\/kotak-masuk$/);
    await see(a, 'Keputusan disimpan.');
    expect(await a.getByRole('row').filter({ hasText: who.displayName }).count()).toBe(0);

    // Step 8: the PPBJ's Status Permohonan says Aktif; the history names the systems
    await nav(p, 'Status Permohonan', /\/kasus\/[^/]+$/);
    expect(await statusBadge(p)).toBe('Aktif');
    // the end page: the account is active, on which systems and how to log in there; the receipt PDF opens
    await see(p.locator('.end-panel'), 'Akun PPBJ Anda aktif');
    expect(await p.locator('.end-systems [data-system]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-system')))).toEqual(['SiRUP', 'SPSE']);
    expect(await p.locator('ul.documents li').count()).toBe(2); // both versions of the SK are kept
    await p.screenshot({ path: `${ARTIFACTS}final-status.png`, fullPage: true });
    const [receipt] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Unduh bukti permohonan (PDF)' }).click()]);
    const receiptPdf = await pdfOf(readFileSync((await receipt.path())!));
    expect(receiptPdf.text).toContain(caseNumber);
    expect(receiptPdf.text).toContain('BUKTI PERMOHONAN');
    const verifyUrl = receiptPdf.links.find((l) => l.includes('/bukti/'));
    expect(verifyUrl).toContain(`/bukti/${caseNumber}.`);
    await p.goto(new URL(verifyUrl!).pathname);
    await checkA11y(p);
    await see(p.locator('.receipt-genuine'), 'Bukti ini asli');

    expect(ppbj.problems).toEqual([]);
    // the verification sent without a decision is a 422 on purpose (chromium logs it); nothing else may appear
    expect(admin.problems.filter((m) => !/status of 422 .*\/tugas\/[^/]+$/.test(m))).toEqual([]);
    // WCAG 2.1 AA basics: axe-core ran on every page reached, no serious or critical violation
    expect(ppbj.a11y.pagesChecked + admin.a11y.pagesChecked).toBeGreaterThanOrEqual(20);
    expect([...ppbj.a11y.violations, ...admin.a11y.violations]).toEqual([]);
    await Promise.all([ppbj.context.close(), admin.context.close()]);
  }, 300_000);
});
