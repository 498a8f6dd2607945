// SK / Surat Tugas uploads: type by content, 2 MB limit, SHA-256, nothing lost on a rejected
// file, and downloads only through the authorised route with safe headers.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, PNG, caseAtInformation, submitWithFile } from '../helpers/ppbj.js';


describe('Given a PPBJ at step 5 "Melengkapi Informasi PPBJ"', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });
  const uploadsOnDisk = () => readdirSync(t.config.uploadDir).length;

  test('when the file is text renamed to .pdf, then it is refused by content, the typed values are kept and nothing is stored', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const before = uploadsOnDisk();
    const res = await submitWithFile(ppbj, taskId, INFORMATION, { buffer: Buffer.from('<html>bukan pdf</html>'), name: 'sk.pdf' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-skFile').text()).toContain('Jenis berkas tidak diterima');
    expect(page('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(page('#f-berlakuSampai').val()).toBe(INFORMATION.berlakuSampai);
    expect(await t.services.store.listDocuments(caseId)).toHaveLength(0);
    expect(uploadsOnDisk()).toBe(before);
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
  });

  test('when the file is larger than 2 MB, then it is refused with the reason and the values are kept', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024, 32)]);
    const res = await submitWithFile(ppbj, taskId, INFORMATION, { buffer: big, name: 'sk-besar.pdf' });
    expect(res.status).toBe(422);
    expect($(res.text)('#e-skFile').text()).toContain('2 MB');
    expect($(res.text)('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(await t.services.store.listDocuments(caseId)).toHaveLength(0);
  });

  test('when a valid file comes with another field wrong, then the file is kept for the corrected submission', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const bad = await submitWithFile(ppbj, taskId, { ...INFORMATION, berlakuSampai: '2025-01-01' }, { buffer: PNG, name: 'sk-scan.png' });
    expect(bad.status).toBe(422);
    expect($(bad.text)('#e-berlakuSampai').text()).toContain('tidak boleh sebelum');
    expect($(bad.text)('.current-doc').text()).toContain('sk-scan.png');
    const ok = await submitWithFile(ppbj, taskId, INFORMATION);
    expect(ok.status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(doc).toMatchObject({ mime: 'image/png', originalName: 'sk-scan.png', size: PNG.length });
    expect(doc!.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
  });

  test('when the document is downloaded, then it comes only through the authorised route with safe headers', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await submitWithFile(ppbj, taskId, INFORMATION, { buffer: PDF, name: '../../etc/SK "final".pdf' })).status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(doc!.originalName).toBe('SK final.pdf');
    const res = await admin.get(`/dokumen/${doc!.id}`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="SK final.pdf"/);
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    expect((await admin.get(`/uploads/${doc!.storedName}`)).status).toBe(404);
  });
});
