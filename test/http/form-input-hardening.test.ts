// Issue 9 item 16 over HTTP: a name with a control or text-direction character, or an SK dated
// 9999-12-31, is refused with 422 and a message in the user's language, and the form keeps every
// value the user typed.
import { describe, expect, test } from '@jest/globals';
import { $, ADMIN, csrfFrom, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { IDENTITY, INFORMATION, PDF, caseAtInformation, firstTaskId, newApplicant, signUp, submitTask, submitWithFile } from '../helpers/ppbj.js';

describe('Given the sign-up form and the PPBJ steps', () => {
  let t: TestApp;
  useTestApp((app) => void (t = app));

  test('when a name carries U+202E, then sign-up answers 422 with the message and keeps the typed values', async () => {
    const agent = t.agent();
    const data = { ...newApplicant(), displayName: 'Budi\u202Eosotnas' };
    const _csrf = await csrfFrom(agent, '/daftar');
    const res = await agent.post('/daftar').type('form').send({ _csrf, ...data });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('.error-summary').text()).toContain('karakter kontrol atau pembalik arah teks');
    expect(page('#f-displayName').val()).toBe(data.displayName);
    expect(page('#f-email').val()).toBe(data.email);
    expect(page('#f-whatsapp').val()).toBe(data.whatsapp);
    expect(await t.services.store.findUserByEmail(data.email)).toBeNull();
  });

  test('when identity fields carry NUL or BEL, then step 3 answers 422 on those fields and keeps every value', async () => {
    const ppbj = t.agent();
    await signUp(ppbj);
    const taskId = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    const res = await submitTask(ppbj, taskId, { ...IDENTITY, namaLengkap: 'Budi\u0007Santoso', unitKerja: 'Subbagian\u0000Umum' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('.error-summary a').map((_i, a) => page(a).attr('href')).get()).toEqual(['#f-namaLengkap', '#f-unitKerja']);
    expect(page('#f-namaLengkap').val()).toBe('Budi\u0007Santoso');
    expect(page('#f-jabatan').val()).toBe(IDENTITY.jabatan);
    expect(page('#f-nip').val()).toBe(IDENTITY.nip);
  });

  test('when the SK is dated 9999-12-31, then step 5 answers 422 with the allowed range and keeps the typed values', async () => {
    const { ppbj, taskId } = await caseAtInformation(() => t.agent(), await loggedIn(t, ADMIN), t.services.store);
    const res = await submitWithFile(ppbj, taskId, { ...INFORMATION, tanggalSk: '9999-12-31' }, { buffer: PDF, name: 'sk.pdf' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('.error-summary').text()).toContain('Tanggal harus antara 1900-01-01 dan 2100-12-31');
    expect(page('#f-tanggalSk').val()).toBe('9999-12-31');
    expect(page('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
  });
});
