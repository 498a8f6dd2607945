// Bad input answers a 4xx page in the user's language, never a 500 or a stack trace: bodies over
// the limits, an unknown charset, broken multipart bodies, malformed %-escapes, page numbers
// beyond the integer range and a broken language cookie. Forms keep what was typed.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, caseAtInformation } from '../helpers/ppbj.js';

const STACK = /\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+/;

function expectErrorPage(res: { status: number; text: string }, status: number, text: string): void {
  expect(res.status).toBe(status);
  expect($(res.text)('main').text()).toContain(text);
  expect(res.text).not.toMatch(STACK);
}

describe('Given a running Alur', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });

  test('when a form body is over 64 kB, then the answer is 413 in the user language', async () => {
    const big = `email=${'a'.repeat(70 * 1024)}`;
    expectErrorPage(await t.agent().post('/masuk').type('form').send(big), 413, 'terlalu besar');
    expectErrorPage(await t.agent().post('/masuk').set('Cookie', 'lang=en').type('form').send(big), 413, 'too large');
  });

  test('when a form body has more than 200 fields, then the answer is 413', async () => {
    const many = Array.from({ length: 201 }, (_, i) => `f${i}=1`).join('&');
    expectErrorPage(await t.agent().post('/masuk').type('form').send(many), 413, 'terlalu banyak isian');
  });

  test('when a form body declares an unknown charset, then the answer is 415', async () => {
    const res = await t.agent().post('/masuk').set('Content-Type', 'application/x-www-form-urlencoded; charset=klingon').send('email=a');
    expectErrorPage(res, 415, 'Pengodean karakter');
  });

  test('when a path holds a malformed %-escape, then the answer is 400', async () => {
    expectErrorPage(await admin.get('/kasus/%E0%A4%A'), 400, 'tidak dapat dibaca');
    expectErrorPage(await admin.get('/tugas/%zz'), 400, 'tidak dapat dibaca');
    expectErrorPage(await t.agent().get('/bahasa/%'), 400, 'tidak dapat dibaca');
  });

  test('when the lang and session cookies are not valid %-encoding, then every page still renders, in Indonesian', async () => {
    for (const path of ['/', '/masuk', '/tidak-ada']) {
      const res = await t.agent().get(path).set('Cookie', 'alur.sid=%; lang=%');
      expect(res.status).toBe(path === '/tidak-ada' ? 404 : 200);
      expect($(res.text)('html').attr('lang')).toBe('id');
      expect(res.text).not.toMatch(STACK);
    }
  });

  test('when a page number is beyond the integer range, then the inbox and the mailbox show a page', async () => {
    const owner = await loggedIn(t, OWNER);
    for (const halaman of ['99999999999999999999999', '1e400', '-5', 'x', '9007199254740993']) {
      expect((await admin.get('/kotak-masuk').query({ halaman })).status).toBe(200);
      expect((await admin.get('/tugas').query({ halaman })).status).toBe(200);
      expect((await owner.get('/kotak-surat').query({ halaman })).status).toBe(200);
    }
    expect((await owner.get('/kotak-surat?halaman=1&halaman=2')).status).toBe(200);
  });
});

describe('Given a PPBJ at step 5 sending a broken multipart form', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });

  /** The fields as a browser sends them, then a file part of which `filePart` is the raw start. */
  function multipart(csrf: string, filePart: string): string {
    const fields = Object.entries({ _csrf: csrf, ...INFORMATION })
      .map(([k, v]) => `--XX\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('');
    return fields + filePart;
  }

  test('when the multipart body has no boundary, then the answer is 400', async () => {
    const { ppbj, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const res = await ppbj.post(`/tugas/${taskId}`).set('Content-Type', 'multipart/form-data').send('--XX\r\n');
    expectErrorPage(res, 400, 'rusak atau tidak lengkap');
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
  });

  test('when the multipart body is cut off inside the file, then the form comes back (422) with the typed values', async () => {
    const { ppbj, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    const body = multipart(csrf, `--XX\r\nContent-Disposition: form-data; name="skFile"; filename="sk.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF.toString('latin1').slice(0, 40)}`);
    const res = await ppbj.post(`/tugas/${taskId}`).set('Content-Type', 'multipart/form-data; boundary=XX').send(body);
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-skFile').text()).toContain('terpotong');
    expect(page('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(page('#f-berlakuSampai').val()).toBe(INFORMATION.berlakuSampai);
  });

  test('when the file name holds a control character, then the form comes back (422) with the typed values', async () => {
    const { ppbj, taskId, caseId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    const res = await ppbj.post(`/tugas/${taskId}`)
      .field('_csrf', csrf).field('peran', INFORMATION.peran).field('nomorSk', INFORMATION.nomorSk)
      .field('tanggalSk', INFORMATION.tanggalSk).field('berlakuMulai', INFORMATION.berlakuMulai).field('berlakuSampai', INFORMATION.berlakuSampai)
      .attach('skFile', PDF, 'sk\u0007final.pdf');
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-skFile').text()).toContain('nama berkas');
    expect(page('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(await t.services.store.listDocuments(caseId)).toHaveLength(0);
  });
});
