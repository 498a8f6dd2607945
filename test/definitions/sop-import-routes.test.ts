// "Impor dokumen SOP" over HTTP (the real app, the importer in its worker): a sample PDF or a pasted
// table becomes the studio draft of a new process with its import problems; each refusal (scan, not a
// PDF, too large, unknown headers, an id taken, both or neither input) re-renders the page with the
// reason in the owner's language, a 4xx, the pasted text and the id kept, and nothing saved.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import PDFDocument from 'pdfkit';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';

const SAMPLE = readFileSync(new URL('../importer/fixtures/bps-bengkulu/348-upload-publikasi.pdf', import.meta.url));
const SEED_TEXT = readFileSync(new URL('../importer/fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8');
const PAGE = '/proses/baru';
const IMPORT = '/proses/baru/impor';

function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.rect(50, 50, 400, 600).fill('#777777'); // a page with no text: what a scanner gives
  doc.end();
  return done;
}

/** The import form posted as a browser does: the token, the file (if any), the text, the id. */
async function post(agent: TestAgent, parts: { file?: { bytes: Buffer; name: string }; text?: string; key?: string; lang?: 'en' }) {
  const _csrf = await csrfFrom(agent, PAGE);
  let req = agent.post(IMPORT).field('_csrf', _csrf);
  if (parts.lang) req = req.set('Cookie', 'lang=en');
  req = parts.file ? req.attach('berkas', parts.file.bytes, parts.file.name) : req.attach('berkas', Buffer.alloc(0), '');
  return req.field('teks', parts.text ?? '').field('idImpor', parts.key ?? '');
}

/** What the re-rendered page says on each import field, and what it kept. */
function refusal(html: string) {
  const doc = $(html);
  const error = (field: string) => doc(`#sop-import-form [data-field="${field}"] .govuk-error-message`).text().replace(/\s+/g, ' ').trim();
  return {
    summary: doc('.govuk-error-summary__list a').map((_i, a) => `${doc(a).attr('href')} ${doc(a).text().trim()}`).get(),
    file: error('berkas'), text: error('teks'), key: error('idImpor'),
    keptText: doc('#f-teks').text(), keptKey: doc('#f-idImpor').val(),
    focus: doc('#sop-import-form').attr('data-focus') ?? null,
  };
}

describe('Given the process owner on SOP baru', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test('then the page offers the import: a PDF file (multipart), a box for the pasted table and an optional process id', async () => {
    const doc = $((await owner.get(PAGE)).text);
    const form = doc('form#sop-import-form');
    expect([form.attr('method'), form.attr('action'), form.attr('enctype')]).toEqual(['post', IMPORT, 'multipart/form-data']);
    expect(form.find('input[type=file][name=berkas]').attr('accept')).toBe('.pdf,application/pdf');
    expect(form.find('textarea[name=teks]').length).toBe(1);
    expect(form.find('input[name=idImpor]').val()).toBe('');
    expect(doc('h2#impor').text()).toBe('Impor dokumen SOP');
  });

  test('when a sample PDF is imported, then the studio opens (303) on the new draft, which keeps the importer\'s problems by element', async () => {
    const res = await post(owner, { file: { bytes: SAMPLE, name: '348-upload-publikasi.pdf' } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/proses/upload-publikasi/studio');
    const draft = await t.services.store.getProcessDraft('upload-publikasi');
    expect(draft?.xml).toContain('<bpmn:process id="upload-publikasi" name="Upload Publikasi"');
    expect(draft?.importProblems?.map((p) => [p.id, p.code, p.row, p.elementId])).toEqual([
      ['p1', 'terminator-in-flow', 1, 'Langkah1'],
      ['p2', 'decision-branch-unlabelled', 4, 'Flow_Keputusan4_Selesai5'],
      ['p3', 'decision-branch-unlabelled', 4, 'Flow_Keputusan4_Langkah1'],
    ]);
    const studio = $((await owner.get(res.headers.location!)).text);
    expect(studio('.flash').text()).toContain('Draf dibuat dari dokumen SOP. Periksa catatan impor di bawah diagram');
    expect((await owner.get('/proses')).text).toContain('Upload Publikasi');
  });

  test('when the same document is imported again, then the id is taken (422, nothing replaced); with another id typed it becomes that process', async () => {
    const before = await t.services.store.getProcessDraft('upload-publikasi');
    const res = await post(owner, { file: { bytes: SAMPLE, name: 'sop.pdf' } });
    expect(res.status).toBe(422);
    expect(refusal(res.text).key).toBe('Kesalahan: Id proses "upload-publikasi" sudah dipakai oleh proses lain (atau drafnya); pilih id lain.');
    expect(await t.services.store.getProcessDraft('upload-publikasi')).toEqual(before);

    const again = await post(owner, { file: { bytes: SAMPLE, name: 'sop.pdf' }, key: 'upload-publikasi-2025' });
    expect([again.status, again.headers.location]).toEqual([303, '/proses/upload-publikasi-2025/studio']);
    const draft = await t.services.store.getProcessDraft('upload-publikasi-2025');
    expect(draft?.xml).toContain('<bpmn:process id="upload-publikasi-2025"');
    expect(draft?.xml).toContain('processRef="upload-publikasi-2025"');
    // the studio checks the draft as its own: no "the process id must be …" problem
    const csrf = await csrfFrom(owner, PAGE);
    const checked = await owner.post('/proses/upload-publikasi-2025/studio/validasi').set('x-csrf-token', csrf).send({ xml: draft!.xml });
    expect(checked.body.problems.map((p: { rule: string }) => p.rule)).not.toContain('process-id');
  });

  test('when a table is pasted, then it is imported the same way; the text reader\'s guesses are the draft\'s problems', async () => {
    const res = await post(owner, { text: SEED_TEXT, key: 'akun-pengadaan' });
    expect([res.status, res.headers.location]).toEqual([303, '/proses/akun-pengadaan/studio']);
    const draft = await t.services.store.getProcessDraft('akun-pengadaan');
    expect(draft?.importProblems?.map((p) => p.code)).toContain('text-decision-guessed');
  });

  test('when a scanned PDF is uploaded, then it is refused with the way on: the pasted-table box carries the message and takes the focus', async () => {
    const res = await post(owner, { file: { bytes: await scannedPdf(), name: 'scan.pdf' }, key: 'dari-pindaian' });
    expect(res.status).toBe(422);
    const page = refusal(res.text);
    expect(page.text).toBe('Kesalahan: Dokumen hasil pindai, tidak ada teks. Salin tabel SOP dan tempel di kolom teks.');
    expect(page.summary).toEqual(['#f-teks Atau tempel tabel SOP: Dokumen hasil pindai, tidak ada teks. Salin tabel SOP dan tempel di kolom teks.']);
    expect([page.focus, page.keptKey]).toEqual(['f-teks', 'dari-pindaian']);
    expect(await t.services.store.getProcessDraft('dari-pindaian')).toBeNull();
  });

  test.each([
    ['a PNG named .pdf', { file: { bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), name: 'sop.pdf' } }, 422, 'file', 'Kesalahan: Berkas bukan PDF (isi berkas diperiksa, bukan namanya). Unggah PDF, atau tempel tabel SOP.'],
    ['neither a file nor a text', {}, 422, 'file', 'Kesalahan: Pilih berkas PDF atau tempel tabel SOP.'],
    ['a file and a text', { file: { bytes: SAMPLE, name: 'sop.pdf' }, text: 'No\tKegiatan' }, 422, 'file', 'Kesalahan: Pilih salah satu: berkas PDF atau tabel yang ditempel, tidak keduanya.'],
    ['a table with unknown headers', { text: 'Tanggal\tUraian Biaya\tJumlah\n1 Mei\tKertas\t50.000\n2 Mei\tTinta\t75.000' }, 422, 'text', 'Kesalahan: Judul kolom tabel tidak dikenal sebagai format SOP (No, Kegiatan, Pelaksana, Mutu Baku: Kelengkapan, Waktu, Output, Keterangan).'],
    ['a pasted text over 200 KB', { text: `No\tKegiatan\n${'1\tMemeriksa berkas\n'.repeat(13_000)}` }, 413, 'text', 'Kesalahan: Dokumen terlalu besar untuk diimpor (PDF paling besar 10 MB, teks 200 KB, 200 baris).'],
    ['an id that is no process id', { text: SEED_TEXT, key: '1-salah id' }, 422, 'key', 'Kesalahan: Id proses hanya boleh huruf, angka, - dan _, diawali huruf, paling banyak 64 karakter.'],
  ] as const)('when the owner sends %s, then it is refused with the reason and what was typed is kept', async (_what, parts, status, field, message) => {
    const before = (await t.services.store.listProcessSummaries(new Date().toISOString())).length;
    const res = await post(owner, parts);
    expect(res.status).toBe(status);
    const page = refusal(res.text);
    expect(page[field]).toBe(message);
    expect(page.keptText).toBe(('text' in parts ? parts.text : '') ?? '');
    expect(page.keptKey).toBe(('key' in parts ? parts.key : '') ?? '');
    expect((await t.services.store.listProcessSummaries(new Date().toISOString())).length).toBe(before);
  }, 30_000);

  test('when the PDF is over 10 MB, then it is refused (413) and the id typed after the file still comes back', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const res = await post(owner, { file: { bytes: big, name: 'besar.pdf' }, key: 'sop-besar' });
    expect(res.status).toBe(413);
    const page = refusal(res.text);
    expect(page.file).toBe('Kesalahan: Dokumen terlalu besar untuk diimpor (PDF paling besar 10 MB, teks 200 KB, 200 baris).');
    expect(page.keptKey).toBe('sop-besar');
  });

  test('when the owner reads English, then the refusal is in English', async () => {
    const res = await post(owner, { file: { bytes: await scannedPdf(), name: 'scan.pdf' }, lang: 'en' });
    expect(res.status).toBe(422);
    expect(refusal(res.text).text).toBe('Error: A scanned document with no text. Copy the SOP table and paste it into the text box.');
  });

  test('when the post has no CSRF token, or comes from staff who own no process, then it is refused and nothing is read', async () => {
    const noToken = await owner.post(IMPORT).attach('berkas', SAMPLE, 'sop.pdf').field('teks', '');
    expect(noToken.status).toBe(403);
    const staff = await loggedIn(t, ADMIN);
    const _csrf = await csrfFrom(staff, '/kotak-masuk');
    const res = await staff.post(IMPORT).field('_csrf', _csrf).attach('berkas', SAMPLE, 'sop.pdf');
    expect(res.status).toBe(403);
    expect(await t.services.store.getProcessDraft('upload-publikasi-staf')).toBeNull();
  });
});
