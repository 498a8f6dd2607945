// Small page steps for the browser test: what a person does (click a link, type into a labelled
// field, press a button), each waiting (bounded) for the page it leads to.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { checkA11y, trackA11y, type A11yLog } from './a11y.js';
import { IDENTITY, INFORMATION, type Applicant } from './fixtures.js';

export const STEP_TIMEOUT_MS = 10_000;

export interface Actor {
  context: BrowserContext;
  page: Page;
  problems: string[]; // page errors and console errors (e.g. CSP violations)
  a11y: A11yLog; // serious/critical axe-core violations of every page reached
}

export async function newActor(browser: Browser, baseURL: string): Promise<Actor> {
  const context = await browser.newContext({ baseURL, locale: 'id-ID', viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // The app serves no /favicon.ico (a 404 that chromium logs on the first page); anything else counts.
    if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) problems.push(`console: ${msg.text()} @ ${msg.location().url}`);
  });
  return { context, page, problems, a11y: trackA11y(page) };
}

/** Resolves once `text` is visible inside `scope`; a bounded failure otherwise. */
export async function see(scope: Page | Locator, text: string | RegExp): Promise<void> {
  await scope.getByText(text).first().waitFor({ state: 'visible' });
}

/**
 * The input whose <label> reads exactly `label`. Required fields end their label with an
 * aria-hidden "*" (their accessible name is still just `label`), which getByLabel counts as text.
 */
export const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\s*\\*)?\\s*$`));

export async function press(page: Page, button: string, nextUrl: RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(nextUrl);
  await checkA11y(page);
}

export async function nav(page: Page, link: string, url: RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.waitForURL(url);
  await checkA11y(page);
}

/** `totalTime`: the service's sum of time standards as its start page words it (the shipped SOP's by default). */
export async function signUp(page: Page, who: Applicant, totalTime = '1 jam 20 menit'): Promise<void> {
  // the home page lists the services; the PPBJ pack's own start path is its sign-up
  await page.goto('/');
  await page.locator('li.service[data-process="pendaftaran-akun-ppbj"]').getByRole('link', { name: 'Mulai', exact: true }).click();
  // the service's start page: what to prepare, how long, the helpdesk; "Mulai sekarang" goes on to sign-up
  await page.waitForURL(/\/layanan\/pendaftaran-akun-ppbj$/);
  await checkA11y(page);
  await see(page.locator('ul.prepare'), 'NIP (Nomor Induk Pegawai, 18 angka)');
  await see(page.locator('ul.prepare'), 'PDF, JPG atau PNG, paling besar 2 MB');
  await see(page.locator('.total-time'), totalTime);
  await page.getByRole('button', { name: 'Mulai sekarang' }).click();
  await page.waitForURL(/\/daftar$/);
  await checkA11y(page);
  await see(page.getByRole('heading', { level: 1 }), 'Membuat Akun PPBJ');
  await field(page, 'Nama').fill(who.displayName);
  await field(page, 'Email').fill(who.email);
  await field(page, 'Nomor HP/WhatsApp').fill(who.whatsapp);
  await field(page, 'Kata sandi').fill(who.password);
  await field(page, 'Ulangi kata sandi').fill(who.password);
  await page.getByLabel('Saya telah membaca Pemberitahuan Privasi').check();
  await press(page, 'Daftar', /\/daftar\/terkirim$/);
  await see(page.getByRole('heading', { level: 1 }), 'Periksa Email Anda');
}

/** The text of the newest `kind` message to `email` in the development mailbox, read as the process owner. */
export async function mailboxText(browser: Browser, baseURL: string, email: string, kind: 'verify-email' | 'verify-whatsapp' | 'applicant-turn'): Promise<string> {
  const owner = await newActor(browser, baseURL);
  try {
    await owner.page.goto('/masuk');
    await field(owner.page, 'Email').fill('pemilik@alur.local');
    await field(owner.page, 'Kata sandi').fill('demo-pemilik-2026');
    await press(owner.page, 'Masuk', /\/proses$/);
    await owner.page.goto('/kotak-surat');
    await checkA11y(owner.page);
    const row = owner.page.locator(`li.message[data-kind="${kind}"]`).filter({ has: owner.page.locator('.user', { hasText: email }) }).first();
    return await row.locator('.body').innerText();
  } finally {
    await owner.context.close();
  }
}

/** After Daftar: open the e-mail link, log in (a PPBJ may once the address is proved), type the WhatsApp code, land on Tugas Saya. */
export async function verifyContacts(page: Page, browser: Browser, baseURL: string, who: Applicant): Promise<void> {
  const mail = await mailboxText(browser, baseURL, who.email, 'verify-email');
  await page.goto(/https?:\/\/[^/\s]+(\/verifikasi\/email\/\S+)/.exec(mail)![1]!);
  await see(page, 'Email Anda terverifikasi. Masuk untuk melanjutkan.');
  await checkA11y(page);
  await page.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(/\/masuk$/);
  await field(page, 'Email').fill(who.email);
  await field(page, 'Kata sandi').fill(who.password);
  await press(page, 'Masuk', /\/verifikasi$/);
  await see(page.getByRole('heading', { level: 1 }), 'Verifikasi Kontak');
  await see(page.locator('[data-state=verified]'), 'Terverifikasi'); // the e-mail, proved by the link
  const code = /\b(\d{6})\b/.exec(await mailboxText(browser, baseURL, who.email, 'verify-whatsapp'))![1]!;
  await field(page, 'Kode verifikasi WhatsApp').fill(code);
  await press(page, 'Verifikasi', /\/tugas$/);
}

/** From Tugas Saya, the link of the open step whose name is `step`. */
export async function openMyTask(page: Page, step: string): Promise<void> {
  await nav(page, 'Tugas Saya', /\/tugas$/);
  await page.getByRole('row').getByRole('link', { name: step }).click();
  await page.waitForURL(/\/tugas\/[^/]+$/);
  await see(page.getByRole('heading', { level: 1 }), step);
  await checkA11y(page);
}

export async function fillIdentity(page: Page): Promise<void> {
  await field(page, 'NIP').fill(IDENTITY.nip);
  await field(page, 'NIK').fill(IDENTITY.nik);
  await field(page, 'Gelar depan').fill(IDENTITY.gelarDepan);
  await field(page, 'Nama lengkap').fill(IDENTITY.namaLengkap);
  await field(page, 'Gelar belakang').fill(IDENTITY.gelarBelakang);
  await field(page, 'Pangkat/Golongan').selectOption(IDENTITY.pangkatGolongan);
  await field(page, 'Jabatan').fill(IDENTITY.jabatan);
  await field(page, 'Instansi').fill(IDENTITY.instansi);
  await field(page, 'Perangkat Daerah').fill(IDENTITY.perangkatDaerah);
  await field(page, 'Unit Kerja').fill(IDENTITY.unitKerja);
}

export async function fillInformation(page: Page, pdfPath: string): Promise<void> {
  await field(page, 'Peran pengadaan').selectOption(INFORMATION.peran);
  await field(page, 'Nomor SK/Surat Tugas').fill(INFORMATION.nomorSk);
  await field(page, 'Tanggal SK/Surat Tugas').fill(INFORMATION.tanggalSk);
  await field(page, 'Masa berlaku mulai').fill(INFORMATION.berlakuMulai);
  await field(page, 'Masa berlaku sampai').fill(INFORMATION.berlakuSampai);
  await field(page, 'Berkas SK/Surat Tugas').setInputFiles(pdfPath);
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(/\/masuk$/);
  await checkA11y(page);
  await field(page, 'Email').fill(email);
  await field(page, 'Kata sandi').fill(password);
  await press(page, 'Masuk', /\/kotak-masuk$/);
}

/** Admin PPE: Kotak Masuk → the row of this applicant at this step → Ambil → the task page. */
export async function take(page: Page, step: string, applicant: string): Promise<void> {
  await nav(page, 'Kotak Masuk', /\/kotak-masuk$/);
  const row = page.getByRole('row').filter({ hasText: step }).filter({ hasText: applicant });
  await row.getByRole('button', { name: 'Ambil', exact: true }).click();
  await page.waitForURL(/\/tugas\/[^/]+$/);
  await see(page, 'Tugas diambil.');
  await see(page.getByRole('heading', { level: 1 }), step);
  await checkA11y(page);
}

export async function statusBadge(page: Page): Promise<string> {
  return (await page.locator('[data-status]').innerText()).trim();
}
