// What is kept of an upload: the UTF-8 file name as typed, without control or bidi characters; an
// image without its metadata (EXIF GPS position), hashed as stored; a PDF as uploaded, served only
// under a script-free policy and never sniffed.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, caseAtInformation, submitWithFile } from '../helpers/ppbj.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The EXIF tag that points to the GPS IFD (0x8825), in either byte order. */
const hasGpsPointer = (exif: Buffer) => exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

/** A photo as a phone takes it: EXIF with the camera make and the GPS position. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'KameraUji' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '109/1 20/1 0/1' } })
    .toBuffer();
}

const PDF_WITH_SCRIPT = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n4 0 obj<</S/JavaScript/JS(app.alert\\(1\\))>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('Given a PPBJ at step 5 uploading the SK', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });
  const stored = (storedName: string) => readFileSync(join(t.config.uploadDir, storedName));

  test('when the file name is not ASCII, then it is kept as typed (UTF-8), not garbled', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const name = 'SK Pengangkatan – Ñandú 日本.pdf';
    expect((await submitWithFile(ppbj, taskId, INFORMATION, { buffer: PDF, name })).status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(doc!.originalName).toBe(name);
    const download = await admin.get(`/dokumen/${doc!.id}`);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });

  test('when the file name holds bidi and control characters, then they are stripped from the stored and served name', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const res = await submitWithFile(ppbj, taskId, INFORMATION, { buffer: PDF, name: 'SK\u202Efdp.exe\u200F\u2066\tfinal.pdf' });
    expect(res.status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(doc!.originalName).toBe('SKfdp.exefinal.pdf');
    const download = await admin.get(`/dokumen/${doc!.id}`);
    expect(download.headers['content-disposition']).not.toMatch(/%E2%80%AE|%E2%81%A6|%09/);
  });

  test('when a photo carries EXIF with a GPS position, then the stored image has no EXIF and its hash and size are of the stored bytes', async () => {
    const photo = await jpegWithGps();
    const before = await sharp(photo).metadata();
    expect(before.exif && hasGpsPointer(before.exif) && before.exif.includes('KameraUji')).toBe(true); // the fixture does carry GPS
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await submitWithFile(ppbj, taskId, INFORMATION, { buffer: photo, name: 'foto-sk.jpg' })).status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    const bytes = stored(doc!.storedName);
    const after = await sharp(bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.format).toBe('jpeg');
    expect([after.width, after.height]).toEqual([32, 24]);
    expect(bytes.includes('Exif')).toBe(false);
    expect(bytes.includes('KameraUji')).toBe(false);
    expect(doc).toMatchObject({ mime: 'image/jpeg', size: bytes.length, sha256: sha256(bytes) });
    const download = await admin.get(`/dokumen/${doc!.id}`).buffer(true);
    expect(sha256(download.body as Buffer)).toBe(doc!.sha256);
  });

  test('when an image has a valid signature but cannot be decoded, then it is refused with the values kept and nothing stored', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const broken = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
    const res = await submitWithFile(ppbj, taskId, INFORMATION, { buffer: broken, name: 'rusak.png' });
    expect(res.status).toBe(422);
    expect($(res.text)('#e-skFile').text()).toContain('Gambar tidak dapat dibaca');
    expect($(res.text)('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(await t.services.store.listDocuments(caseId)).toHaveLength(0);
  });

  test('when a PDF carries /OpenAction JavaScript, then it is stored as uploaded and served only under a script-free CSP with nosniff', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await submitWithFile(ppbj, taskId, INFORMATION, { buffer: PDF_WITH_SCRIPT, name: 'sk.pdf' })).status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(stored(doc!.storedName).equals(PDF_WITH_SCRIPT)).toBe(true);
    expect(doc!.sha256).toBe(sha256(PDF_WITH_SCRIPT));
    for (const path of [`/dokumen/${doc!.id}`, `/dokumen/${doc!.id}?tampil=1`]) {
      const res = await admin.get(path).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/(^|; )default-src 'none'/);
      expect(csp).not.toMatch(/script-src|'unsafe-eval'/);
    }
  });
});
