// The shipped PPBJ registration end to end without a return (sop-browser.e2e.test.ts has the long
// version with a return): Daftar, contact checks, identity, verification by the Admin PPE (a staff
// member of group admin-ppe), information with the SK, check, activation, status Aktif.
import { expect } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  field, fillIdentity, fillInformation, login, nav, openMyTask, press, see, signUp, statusBadge, take, verifyContacts, type Actor,
} from './browser-steps.js';
import { IDENTITY, INFORMATION, newApplicant } from './fixtures.js';

const ADMIN = { email: 'admin@alur.local', password: 'demo-admin-ppe-2026' };

export async function ppbjRegistration(browser: Browser, baseURL: string, ppbj: Actor, admin: Actor, pdfPath: string): Promise<void> {
  const p = ppbj.page;
  const a = admin.page;
  const who = newApplicant('many');
  await signUp(p, who);
  await verifyContacts(p, browser, baseURL, who);

  await openMyTask(p, 'Mengisi Identitas PPBJ');
  await fillIdentity(p);
  await press(p, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/); // the confirmation with the nomor permohonan
  await see(p.locator('.govuk-panel--confirmation .case-number'), 'PPBJ-');
  await p.getByRole('link', { name: 'Lihat status permohonan' }).click();
  await p.waitForURL(/\/kasus\/[^/]+$/);
  expect(await statusBadge(p)).toBe('Menunggu Verifikasi');

  await login(a, ADMIN.email, ADMIN.password);
  await take(a, 'Melakukan Verifikasi', who.displayName);
  await see(a.locator('section.review'), IDENTITY.nik);
  await field(a, 'Sesuai').check();
  await press(a, 'Simpan Verifikasi', /\/kotak-masuk$/);

  await openMyTask(p, 'Melengkapi Informasi PPBJ');
  await fillInformation(p, pdfPath);
  await press(p, 'Ajukan', /\/kasus\/[^/]+\/terkirim$/);

  await take(a, 'Memeriksa Informasi PPBJ', who.displayName);
  await see(a.locator('section.review'), INFORMATION.nomorSk);
  await field(a, 'Lengkap').check();
  await press(a, 'Simpan Hasil Pemeriksaan', /\/tugas\/[^/]+$/); // the next task waiting: the activation
  await see(a.getByRole('heading', { level: 1 }), 'Mengaktifkan Akun PPBJ');
  await press(a, 'Ambil', /\/tugas\/[^/]+$/);
  await field(a, 'SiRUP').check();
  await press(a, 'Aktifkan Akun', /\/kotak-masuk$/);

  await nav(p, 'Status Permohonan', /\/kasus\/[^/]+$/);
  expect(await statusBadge(p)).toBe('Aktif');
}
