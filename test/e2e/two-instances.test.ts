// Two real server processes on ONE SQLite file with ONE session secret. Requests alternate
// between them through a whole case, so no workflow state or session may live only in one
// process's memory; and both race to complete the same task.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { CORRECTED_SK, IDENTITY, INFORMATION, RETURN_REASON, makePdf, newApplicant } from './fixtures.js';
import { Person, historyRows, take, taskId, type Page } from './http-person.js';

const SECRET = 'two-instances-share-this-session-secret-0001';
const ADMIN = { email: 'admin@alur.local', password: 'demo-admin-ppe-2026' };
const OWNER = { email: 'pemilik@alur.local', password: 'demo-pemilik-2026' };
const PDF = makePdf();

function expectRedirect(page: Page, to: RegExp): string {
  const problem = page.status === 303 ? '' : page.$('.error-summary, .govuk-error-message, main h1').text().replace(/\s+/g, ' ').trim();
  expect({ status: page.status, problem }).toEqual({ status: 303, problem: '' });
  expect(page.location).toMatch(to);
  return page.location!;
}

/** Reads the sign-up's e-mail link and WhatsApp code from the development mailbox (as the process owner): link, login, code. */
async function verifyContacts(ppbj: Person, base: string, who: { email: string; password: string }): Promise<void> {
  const { email } = who;
  const owner = new Person();
  expectRedirect(await owner.submit(base, base, '/masuk', OWNER), /^\/proses$/);
  const box = await owner.get(base, '/kotak-surat');
  const body = (kind: string) =>
    box.$(`li.message[data-kind="${kind}"]`).filter((_, el) => box.$(el).find('.user').text() === email).first().find('.body').text();
  const link = /https?:\/\/[^/\s]+(\/verifikasi\/email\/\S+)/.exec(body('verify-email'))![1]!;
  expect((await ppbj.get(base, link)).status).toBe(200); // the address is proved: a PPBJ may log in now
  expectRedirect(await ppbj.submit(base, base, '/masuk', { email, password: who.password }), /^\/verifikasi$/);
  const code = /\b(\d{6})\b/.exec(body('verify-whatsapp'))![1]!;
  expectRedirect(await ppbj.submit(base, base, '/verifikasi', { code }), /^\/tugas$/);
}

async function signUp(ppbj: Person, base: string, tag: string) {
  const who = newApplicant(tag);
  const res = await ppbj.submit(base, base, '/daftar', { ...who, passwordConfirm: who.password, persetujuanPrivasi: 'ya' });
  expectRedirect(res, /^\/daftar\/terkirim$/);
  await verifyContacts(ppbj, base, who);
  return who;
}

describe('Given two Alur server processes A and B on one SQLite file and one session secret', () => {
  let dir: string;
  let A: string;
  let B: string;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alur-two-'));
    // development mode: the applicants' codes and links are read on the development mailbox
    const shared = { sessionSecret: SECRET, sqliteFile: join(dir, 'alur.sqlite'), uploadDir: join(dir, 'uploads'), env: { NODE_ENV: 'development' } };
    // Both start at once on the fresh file: migrations, the shipped process and the staff seed race too.
    const started = await Promise.allSettled([startServer({ ...shared, dataDir: join(dir, 'a') }), startServer({ ...shared, dataDir: join(dir, 'b') })]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    [A, B] = servers.map((s) => s.url) as [string, string];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  test('when one case goes through every step alternating between A and B, then it ends Aktif on both', async () => {
    const ppbj = new Person();
    const admin = new Person();

    // Sign-up on A; the session cookie A set is valid on B (Tugas Saya shows step 3 there)
    const who = await signUp(ppbj, A, 'two');
    const step3 = await taskId(ppbj, B, '/tugas', 'Mengisi Identitas PPBJ');
    // Identity: form (and its CSRF token) read on A, submitted on B
    const caseUrl = expectRedirect(await ppbj.submit(A, B, `/tugas/${step3}`, { ...IDENTITY }), /^\/kasus\/[^/]+\/terkirim$/).replace(/\/terkirim$/, '');

    // Admin: login on A, take on B, verify on A
    expectRedirect(await admin.submit(A, A, '/masuk', ADMIN), /^\/kotak-masuk$/);
    const step4 = await taskId(admin, B, '/kotak-masuk', 'Melakukan Verifikasi', who.displayName);
    expectRedirect(await take(admin, A, B, step4), new RegExp(`^/tugas/${step4}$`));
    const review = await admin.get(A, `/tugas/${step4}`);
    expect(review.$('section.review').text()).toContain(IDENTITY.nik);
    expectRedirect(await admin.submit(A, A, `/tugas/${step4}`, { sesuai: 'ya' }), /^\/kotak-masuk$/);

    // Information with the SK upload on B; the document is downloadable from A
    const step5 = await taskId(ppbj, A, '/tugas', 'Melengkapi Informasi PPBJ');
    const pdf = { field: 'skFile', name: 'sk-pengangkatan.pdf', type: 'application/pdf', bytes: PDF };
    expectRedirect(await ppbj.submit(B, B, `/tugas/${step5}`, INFORMATION, pdf), /^\/kasus\/[^/]+\/terkirim$/);
    const docHref = (await ppbj.get(A, caseUrl)).$('ul.documents a').attr('href');
    expect(docHref).toMatch(/^\/dokumen\/[^/]+$/);
    const doc = await ppbj.download(A, docHref!);
    expect(doc).toEqual({ status: 200, type: 'application/pdf', bytes: PDF });

    // Check on A (taken on B): Tidak lengkap
    const step6 = await taskId(admin, A, '/kotak-masuk', 'Memeriksa Informasi PPBJ', who.displayName);
    expectRedirect(await take(admin, B, B, step6), /^\/tugas\//);
    expectRedirect(await admin.submit(B, A, `/tugas/${step6}`, { lengkap: 'tidak', alasanKode: 'sk-tidak-terbaca', alasan: RETURN_REASON }), /^\/kotak-masuk$/);

    // Fix on B: the reason, the old values and the document are there; resubmit without a file
    const again = await taskId(ppbj, B, '/tugas', 'Melengkapi Informasi PPBJ');
    expect(again).not.toBe(step5);
    const form = await ppbj.get(B, `/tugas/${again}`);
    expect(form.$('.returned .reasons').text()).toContain(RETURN_REASON);
    expect(form.$('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(form.$('.current-doc a').text()).toBe('sk-pengangkatan.pdf');
    expectRedirect(await ppbj.submit(B, B, `/tugas/${again}`, { ...INFORMATION, nomorSk: CORRECTED_SK }), /^\/kasus\//);

    // Lengkap on A (taken on B), then activation on B (taken on A)
    const step6b = await taskId(admin, B, '/kotak-masuk', 'Memeriksa Informasi PPBJ', who.displayName);
    expectRedirect(await take(admin, B, B, step6b), /^\/tugas\//);
    expect((await admin.get(A, `/tugas/${step6b}`)).$('section.review').text()).toContain(CORRECTED_SK);
    const step7 = (await admin.submit(A, A, `/tugas/${step6b}`, { lengkap: 'ya', alasan: '' })).location?.replace('/tugas/', '') ?? '';
    expect(step7).toBe(await taskId(admin, A, '/kotak-masuk', 'Mengaktifkan Akun PPBJ', who.displayName)); // the decision opens the next task
    expectRedirect(await take(admin, A, A, step7), /^\/tugas\//);
    expectRedirect(await admin.submit(B, B, `/tugas/${step7}`, { sistem: ['SiRUP', 'SPSE'] }), /^\/kotak-masuk$/);

    // Status on A: Aktif, with every completion in the history exactly once
    for (const base of [A, B]) {
      const status = await ppbj.get(base, caseUrl);
      expect(status.$('[data-status]').attr('data-status')).toBe('status.aktif');
      expect(status.$('[data-status]').text().trim()).toBe('Aktif');
      expect(status.$('ul.documents li')).toHaveLength(1);
      // the full history is staff's (the applicant's page tells it in sentences)
      const record = await admin.get(base, caseUrl);
      expect(historyRows(record, 'task.completed')).toHaveLength(8);
      expect(historyRows(record, 'account.activated', 'SiRUP, SPSE')).toHaveLength(1);
    }
  }, 120_000);

  test('when A and B receive the same valid identity form at the same moment, then one saves (303) and the other gets 409', async () => {
    const ppbj = new Person();
    const who = await signUp(ppbj, B, 'race');
    const step3 = await taskId(ppbj, A, '/tugas', 'Mengisi Identitas PPBJ');
    const { action, body } = await ppbj.prepare(A, `/tugas/${step3}`, { ...IDENTITY });
    const [onA, onB] = await Promise.all([
      ppbj.request(A, action, new URLSearchParams(body as URLSearchParams)),
      ppbj.request(B, action, new URLSearchParams(body as URLSearchParams)),
    ]);
    expect([onA.status, onB.status].sort()).toEqual([303, 409]);
    const loser = onA.status === 409 ? onA : onB;
    expect(loser.$('main').text()).toContain('Tugas ini sudah ditangani');

    const mine = await ppbj.get(A, '/permohonan');
    const path = mine.location ?? mine.$('a[href^="/kasus/"]').first().attr('href');
    const admin = new Person(); // the full history is staff's
    expectRedirect(await admin.submit(A, A, '/masuk', ADMIN), /^\/kotak-masuk$/);
    const casePage = await admin.get(A, path!);
    expect(casePage.$('h1').text()).toContain(who.displayName);
    expect(historyRows(casePage, 'task.completed', 'Mengisi Identitas PPBJ')).toHaveLength(1);
    expect(historyRows(casePage, 'task.created', 'Melakukan Verifikasi')).toHaveLength(1);
    expect(casePage.$('ul.current li')).toHaveLength(1);
    expect(casePage.$('ul.current li').text()).toContain('Melakukan Verifikasi');
  }, 60_000);
});

