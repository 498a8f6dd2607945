// Document versions and the inline preview: every upload is kept with its hash, uploader and
// time; the admin's review marks the current one and lists the previous ones; PDFs and images are
// shown inline beside the data (`?tampil=1`), through the same authorised route.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, PNG, caseAtInformation, firstTaskIdOfCase, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('Given an SK uploaded, returned as unreadable, and uploaded again', () => {
  let t: TestApp;
  let admin: TestAgent, ppbj: TestAgent, ppbjB: TestAgent, owner: TestAgent;
  let caseId: string, step6: string, step6b: string, v1: string, v2: string, applicantName: string;

  useTestApp(async (app) => {
    t = app;
    [admin, ppbjB, owner] = [app.agent(), app.agent(), app.agent()];
    await Promise.all([login(admin, ADMIN), login(owner, OWNER), signUp(ppbjB)]);
    t.clock.now = new Date('2026-02-02T02:00:00Z');
    const at = await caseAtInformation(() => app.agent(), admin, t.services.store);
    ({ ppbj, caseId } = at);
    applicantName = (await t.services.store.getCase(caseId))!.applicantName;
    expect((await submitWithFile(ppbj, at.taskId, INFORMATION, { buffer: PDF, name: 'sk-v1.pdf' })).status).toBe(303);
    v1 = (await t.services.store.listDocuments(caseId))[0]!.id;
    step6 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step6);
  });

  test('when the Admin PPE opens step 6, then the PDF is previewed inline in an iframe beside the data', async () => {
    const page = $((await admin.get(`/tugas/${step6}`)).text);
    expect(page('.alur-decision-layout__data .review')).toHaveLength(2);
    expect(page('.alur-decision-layout__panel form input[name=lengkap]')).toHaveLength(2);
    const frame = page('.alur-decision-layout__data .alur-viewers iframe');
    expect(frame.attr('src')).toBe(`/dokumen/${v1}?tampil=1#view=FitH`); // opens at the page's width
    expect(frame.attr('title')).toContain('sk-v1.pdf');
    expect(page('.alur-viewers object, .alur-viewers embed')).toHaveLength(0); // the page CSP has object-src 'none'
    expect(page('.doc-versions li')).toHaveLength(1);
  });

  test('when the document is asked for inline, then it is served inline, nosniff, uncached and frameable only by Alur', async () => {
    const res = await admin.get(`/dokumen/${v1}?tampil=1`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="sk-v1.pdf"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('script-src');
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    // without ?tampil=1 it stays a download
    expect((await admin.get(`/dokumen/${v1}`)).headers['content-disposition']).toMatch(/^attachment; filename="?sk-v1\.pdf"?/);
  });

  test('when someone else asks for the inline preview, then it is refused as the download is', async () => {
    expect((await ppbjB.get(`/dokumen/${v1}?tampil=1`)).status).toBe(403);
    expect((await owner.get(`/dokumen/${v1}?tampil=1`)).status).toBe(403);
    const anon = await t.agent().get(`/dokumen/${v1}?tampil=1`);
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toMatch(/^\/masuk/);
    expect((await ppbj.get(`/dokumen/${v1}?tampil=1`)).status).toBe(200); // the owner of the case may
  });

  test('when the SK is uploaded again after a return, then both versions are listed with hash, uploader and time, the current one marked', async () => {
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'sk-tidak-terbaca' })).status).toBe(303);
    t.clock.now = new Date('2026-02-03T04:30:00Z');
    const again = await firstTaskIdOfCase(ppbj, caseId);
    expect($((await ppbj.get(`/tugas/${again}`)).text)('.alur-viewers')).toHaveLength(0); // the preview is for the reviewer
    expect((await submitWithFile(ppbj, again, INFORMATION, { buffer: PNG, name: 'sk-v2.png' })).status).toBe(303);
    const docs = await t.services.store.listDocuments(caseId);
    expect(docs.map((d) => d.originalName)).toEqual(['sk-v1.pdf', 'sk-v2.png']);
    v2 = docs[1]!.id;
    expect((await t.services.store.getCase(caseId))!.data['ppbj-informasi']!.skFile).toBe(v2);

    step6b = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step6b);
    const page = $((await admin.get(`/tugas/${step6b}`)).text);
    const versions = page('.review .doc-versions li');
    expect(versions).toHaveLength(2);
    const [newest, oldest] = [versions.eq(0), versions.eq(1)];
    expect(newest.attr('data-document')).toBe(v2);
    expect(newest.hasClass('current')).toBe(true);
    expect(newest.text()).toContain('Versi saat ini');
    expect(newest.find('a').attr('href')).toBe(`/dokumen/${v2}`);
    expect(newest.find('code').text()).toBe(sha256(PNG));
    expect(newest.text()).toContain(applicantName);
    expect(newest.text()).toContain('3 Februari 2026 11.30 WIB');
    expect(oldest.attr('data-document')).toBe(v1);
    expect(oldest.hasClass('current')).toBe(false);
    expect(oldest.text()).toContain('Versi sebelumnya');
    expect(oldest.find('a').attr('href')).toBe(`/dokumen/${v1}`);
    expect(oldest.find('code').text()).toBe(sha256(PDF));
    expect(oldest.text()).toContain('2 Februari 2026 09.00 WIB');
    // the preview shows the current version, an image this time
    expect(page('.alur-viewers img').attr('src')).toBe(`/dokumen/${v2}?tampil=1`);
    expect(page('.alur-viewers img').attr('alt')).toContain('sk-v2.png');
    expect(page('.alur-viewers iframe')).toHaveLength(0);
  });

  test('when the Admin PPE opens each version, then both are downloadable with their own bytes', async () => {
    const first = await admin.get(`/dokumen/${v1}`).buffer(true);
    const second = await admin.get(`/dokumen/${v2}`).buffer(true);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(sha256(first.body as Buffer)).toBe(sha256(PDF));
    expect(sha256(second.body as Buffer)).toBe(sha256(PNG));
    expect(second.headers['content-type']).toBe('image/png');
    const inline = await admin.get(`/dokumen/${v2}?tampil=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename="sk-v2.png"/);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
  });
});
