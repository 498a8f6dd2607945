// The applicant's journey through the PPBJ registration (any public service works the same way):
// the service's start page, "Langkah Anda" with a state per step, the confirmation with a nomor
// permohonan after each submission, and the status page in the applicant's words.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, startTestApp, type TestApp } from '../helpers/app.js';
import { openPdf } from '../../src/importer/pdf/pdf-load.js';
import { receiptCode } from '../../src/receipts/receipt-code.js';
import { IDENTITY, INFORMATION, PDF, firstTaskId, firstTaskIdOfCase, newApplicant, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

/** The text of every page of a PDF, lines joined by spaces. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await openPdf(bytes);
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('Given the PPBJ registration, a new PPBJ and an Admin PPE', () => {
  let t: TestApp;
  let ppbj: TestAgent;
  let admin: TestAgent;
  let caseId: string;
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.agent();
    await login(admin, ADMIN);
    ppbj = t.agent();
    const who = await signUp(ppbj, newApplicant());
    const user = await t.services.store.findUserByEmail(who.email);
    caseId = (await t.services.store.listCasesByApplicant(user!.id))[0]!.id;
  }, 60_000);
  afterAll(async () => t?.close());

  test('when a visitor opens the service\'s start page, then it says what it is for, who may apply, what to prepare (the model\'s Persyaratan, NIP, NIK, the SK file\'s limits), how long, and the helpdesk', async () => {
    const res = await t.agent().get('/layanan/pendaftaran-akun-ppbj');
    expect(res.status).toBe(200);
    const page = $(res.text);
    expect(page('h1').text()).toBe('Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa');
    const prepare = page('ul.prepare li').map((_, li) => text(page(li).text())).get();
    expect(prepare).toEqual(expect.arrayContaining([
      'e-Mail Aktif', 'Nomor Whatsapp Aktif', 'Surat Keputusan atau Surat Tugas',
      'NIP (Nomor Induk Pegawai, 18 angka)', 'NIK (Nomor Induk Kependudukan, 16 angka, sesuai KTP)',
    ]));
    expect(prepare.find((p) => p.includes('PDF, JPG atau PNG, paling besar 2 MB'))).toBeDefined();
    expect(prepare).not.toContain('Form Registrasi'); // the output of an earlier step is not prepared
    expect(page('.total-time').text()).toBe('1 jam 20 menit');
    expect(page('.audience').text()).toContain('Pengelola Pengadaan');
    expect(page('.service-help .helpdesk').text().trim()).not.toBe('');
    expect(page('.service-help .office').text().trim()).not.toBe('');
    expect(page('a.start').attr('href')).toBe('/daftar');
    expect(page('ol.applicant-steps li').map((_, li) => page(li).text()).get()).toEqual(['Membuat Akun PPBJ', 'Mengisi Identitas PPBJ', 'Melengkapi Informasi PPBJ']);
  });

  test('when a process is not a public service, then its start page is the 404 page', async () => {
    expect((await t.agent().get('/layanan/tidak-ada')).status).toBe(404);
  });

  test('when the PPBJ opens their case after signing up, then it has a nomor permohonan and "Langkah Anda" lists their steps with a state each, without staff details', async () => {
    const page = $((await ppbj.get(`/kasus/${caseId}`)).text);
    expect(page('.case-number').text()).toBe(`PPBJ-${year}-000001`);
    expect((await t.services.store.getCase(caseId))?.caseNumber).toBe(`PPBJ-${year}-000001`);
    const steps = page('.my-steps li').map((_, li) => ({ name: text(page(li).find('.govuk-task-list__name-and-hint').text()), state: page(li).attr('data-state'), status: text(page(li).find('.govuk-task-list__status').text()) })).get();
    expect(steps).toEqual([
      { name: 'Membuat Akun PPBJ', state: 'done', status: 'Selesai' },
      { name: 'Mengisi Identitas PPBJ', state: 'todo', status: 'Belum dimulai' },
      { name: 'Melengkapi Informasi PPBJ', state: 'waiting', status: 'Menunggu petugas' },
    ]);
    expect(page('.my-steps li[data-state="todo"] a').attr('href')).toMatch(/^\/tugas\//);
    expect(text(page('.situation').text())).toBe('Langkah 2 dari 6: Mengisi Identitas PPBJ — menunggu Anda.');
    const html = page('main').text();
    for (const staffWord of ['Ditangani oleh', 'Mutu baku', 'mutu baku', 'SHA-256', 'Versi proses']) expect(html).not.toContain(staffWord);
    expect(page('table.history')).toHaveLength(0);
  });

  test('when the PPBJ keeps a draft of step 3, then the step reads "Sedang diisi"', async () => {
    const task = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    expect((await submitTask(ppbj, task, { _action: 'draf', nip: IDENTITY.nip })).status).toBe(303);
    const page = $((await ppbj.get(`/kasus/${caseId}`)).text);
    expect(page('.my-steps li').eq(1).attr('data-state')).toBe('draft');
    expect(text(page('.my-steps li').eq(1).find('.govuk-task-list__status').text())).toBe('Sedang diisi');
  });

  test('when the PPBJ submits step 3, then the confirmation shows the nomor permohonan, the office\'s next step and its time standard', async () => {
    const task = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    const res = await submitTask(ppbj, task, IDENTITY);
    expect([res.status, res.headers.location]).toEqual([303, `/kasus/${caseId}/terkirim`]);
    const page = $((await ppbj.get(res.headers.location!)).text);
    expect(page('.govuk-panel--confirmation .case-number').text()).toBe(`PPBJ-${year}-000001`);
    expect(page('.next').attr('data-situation')).toBe('staff');
    expect(text(page('.next').text())).toContain('Melakukan Verifikasi dalam waktu 15 menit');
    expect(page('a.to-case').attr('href')).toBe(`/kasus/${caseId}`);
  });

  test('when step 4 waits and is then taken, then the status page says so in words and staff see the number on their page', async () => {
    let page = $((await ppbj.get(`/kasus/${caseId}`)).text);
    expect(text(page('.situation').text())).toBe('Langkah 3 dari 6: Melakukan Verifikasi — menunggu diperiksa petugas.');
    expect(page('.my-steps li').eq(1).attr('data-state')).toBe('done');
    await take(admin, await firstTaskIdOfCase(admin, caseId));
    page = $((await ppbj.get(`/kasus/${caseId}`)).text);
    expect(text(page('.situation').text())).toBe('Langkah 3 dari 6: Melakukan Verifikasi — sedang diperiksa petugas.');
    const staff = $((await admin.get(`/kasus/${caseId}`)).text);
    expect(staff('.case-number').text()).toBe(`PPBJ-${year}-000001`);
  });

  test('when another PPBJ or a visitor asks for the confirmation page, then it is refused', async () => {
    const other = t.agent();
    await signUp(other, newApplicant());
    expect((await other.get(`/kasus/${caseId}/terkirim`)).status).toBe(403);
    expect((await t.agent().get(`/kasus/${caseId}/terkirim`)).status).toBe(303); // to the login
  });

  test('when the account is activated, then the end page says so, names the systems with how to log in there, and offers the receipt; the receipt is a PDF with the number, dates and a verification link that says it is genuine', async () => {
    const step4 = await firstTaskIdOfCase(admin, caseId);
    expect((await submitTask(admin, step4, { sesuai: 'ya' })).status).toBe(303);
    const step5 = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    expect((await submitWithFile(ppbj, step5, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    const decisions: Array<Record<string, string | string[]>> = [{ lengkap: 'ya', alasan: '' }, { sistem: ['SiRUP', 'SPSE'], catatan: '' }];
    for (const fields of decisions) {
      const id = await firstTaskIdOfCase(admin, caseId);
      await take(admin, id);
      expect((await submitTask(admin, id, fields)).status).toBe(303);
    }
    expect((await ppbj.get(`/kasus/${caseId}/bukti.pdf`)).status).toBe(200);

    const page = $((await ppbj.get(`/kasus/${caseId}`)).text);
    expect(page('.end-panel .govuk-panel__title').text()).toBe('Akun PPBJ Anda aktif');
    expect(page('.end-panel strong').text()).toBe(`PPBJ-${year}-000001`);
    expect(page('.end-systems [data-system]').map((_, el) => page(el).attr('data-system')).get()).toEqual(['SiRUP', 'SPSE']);
    expect(page('.end-systems [data-system="SiRUP"] dd').text()).toContain('sirup.lkpp.go.id');
    expect(page('a.receipt').attr('href')).toBe(`/kasus/${caseId}/bukti.pdf`);
    expect(page('.my-steps li').map((_, li) => page(li).attr('data-state')).get()).toEqual(['done', 'done', 'done']);
    expect(page('a.withdraw')).toHaveLength(0);

    const pdf = await ppbj.get(`/kasus/${caseId}/bukti.pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const words = await pdfText(body);
    const c = (await t.services.store.getCase(caseId))!;
    const code = receiptCode(c)!;
    expect(words).toContain(`PPBJ-${year}-000001`);
    expect(words).toContain('Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa');
    expect(words).toContain('Aktif');
    expect(words).toContain(`/bukti/${code}`);

    const genuine = await t.agent().get(`/bukti/${code}`);
    expect(genuine.status).toBe(200);
    const check = $(genuine.text);
    expect(check('.receipt-genuine .case-number').text()).toBe(`PPBJ-${year}-000001`);
    expect(check('.applicant-name').text()).toBe(c.applicantName);
    expect(check('main').text()).not.toContain(IDENTITY.nik);
    expect(check('main').text()).not.toContain(IDENTITY.nip);
  });

  test('when a receipt code is forged (another check, an unknown number) or staff of no concern ask, then the check says it is not known', async () => {
    const c = (await t.services.store.getCase(caseId))!;
    const code = receiptCode(c)!;
    for (const forged of [`${c.caseNumber}.AAAAAAAAAAAAAAAA`, `PPBJ-${year}-000099.${code.split('.')[1]}`, 'tanpa-titik']) {
      const res = await t.agent().get(`/bukti/${encodeURIComponent(forged)}`);
      expect(res.status).toBe(404);
      expect($(res.text)('.receipt-unknown')).toHaveLength(1);
    }
    const other = t.agent();
    await signUp(other, newApplicant());
    expect((await other.get(`/kasus/${caseId}/bukti.pdf`)).status).toBe(403);
  });
});
