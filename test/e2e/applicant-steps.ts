// Page steps of an applicant of any public service: from the catalogue on the home page to an
// account of their own (/akun/daftar: no process is started by signing up), the e-mail link, the
// login that returns to the service, and its start form.
import type { Page } from 'playwright-core';
import { checkA11y } from './a11y.js';
import { field, press, see } from './browser-steps.js';
import { linkIn, mailFor } from './staff-steps.js';

export interface AccountHolder {
  displayName: string;
  email: string;
  password: string;
}

let counter = 0;
export function newAccountHolder(tag: string): AccountHolder {
  counter += 1;
  return { displayName: `Budi Santoso ${tag}${counter}`, email: `budi.${tag}${counter}.${Date.now()}@contoh.id`, password: 'kata-sandi-pemohon-1' };
}

/** On the home page, the service `key` ("Mulai"): a visitor is asked to log in first (the default), an applicant gets its start form. */
export async function chooseService(page: Page, key: string, name: string, next: RegExp = /\/masuk\?next=/): Promise<void> {
  await page.goto('/');
  await checkA11y(page);
  const card = page.locator(`li.service[data-process="${key}"]`);
  await see(card.getByRole('heading'), name);
  await card.getByRole('link', { name: 'Mulai', exact: true }).click();
  await page.waitForURL(new RegExp(`/layanan/${key}$`)); // the service's start page first
  await checkA11y(page);
  await see(page.getByRole('heading', { level: 1 }), name);
  await page.getByRole('button', { name: 'Mulai sekarang' }).click();
  await page.waitForURL(next);
  await checkA11y(page);
}

/** From the login page: "Buat akun", the form, the e-mail link (read by the owner on the development mailbox), and log in. */
export async function createAccountAndLogIn(page: Page, owner: Page, who: AccountHolder, landing: RegExp): Promise<void> {
  await page.getByRole('main').getByRole('link', { name: 'Buat akun', exact: true }).click();
  await page.waitForURL(/\/akun\/daftar(\?.*)?$/);
  await checkA11y(page);
  await field(page, 'Nama').fill(who.displayName);
  await field(page, 'Email').fill(who.email);
  await field(page, 'Kata sandi').fill(who.password);
  await field(page, 'Ulangi kata sandi').fill(who.password);
  await page.getByLabel('Saya telah membaca Pemberitahuan Privasi').check();
  await press(page, 'Buat akun', /\/akun\/daftar\/terkirim(\?.*)?$/);
  await see(page.getByRole('heading', { level: 1 }), 'Periksa Email Anda');

  await page.goto(linkIn(await mailFor(owner, who.email, 'verify-email')));
  await see(page, 'Email Anda terverifikasi. Masuk untuk melanjutkan.');
  await checkA11y(page);
  await page.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(/\/masuk(\?.*)?$/);
  await field(page, 'Email').fill(who.email);
  await field(page, 'Kata sandi').fill(who.password);
  await press(page, 'Masuk', landing);
}
