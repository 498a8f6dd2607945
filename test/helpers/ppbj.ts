// Valid PPBJ data and the steps of the SOP as HTTP calls, for tests that need a case at a given step.
import type TestAgent from 'supertest/lib/agent.js';
import type { Store } from '../../src/store/ports.js';
import { $, csrfFrom, login, storeOf } from './app.js';

let counter = 0;
export function newApplicant() {
  counter += 1;
  return {
    displayName: `Budi Santoso ${counter}`,
    email: `budi${counter}.${Date.now()}@kalbarprov.go.id`,
    whatsapp: '081234567890',
    password: 'kata-sandi-rahasia-1',
    passwordConfirm: 'kata-sandi-rahasia-1',
    persetujuanPrivasi: 'ya',
  };
}

export const IDENTITY = {
  nip: '19860926 201505 1 001',
  nik: '6171052609860003',
  gelarDepan: 'Ir.',
  namaLengkap: 'Budi Santoso',
  gelarBelakang: 'M.T.',
  pangkatGolongan: 'Penata (III/c)',
  jabatan: 'Pengelola Pengadaan Barang/Jasa Ahli Pertama',
  instansi: 'Pemerintah Provinsi Kalimantan Barat',
  perangkatDaerah: 'Dinas Pekerjaan Umum',
  unitKerja: 'Subbagian Umum',
  email: 'budi@kalbarprov.go.id',
  whatsapp: '+6281234567890',
};

export const INFORMATION = {
  peran: 'Pejabat Pengadaan',
  nomorSk: '027/123/BPBJ/2026',
  tanggalSk: '2026-01-05',
  berlakuMulai: '2026-01-05',
  berlakuSampai: '2026-12-31',
};

/** A small but real PDF file. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A small but real PNG (8×8, no metadata): what Alur stores is byte-identical to it. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWMwTpuJFTEMLQkAyvtMgR4PNM4AAAAASUVORK5CYII=',
  'base64',
);

/** Daftar only: the visitor is on "check your e-mail", not logged in, nothing verified yet. */
export async function submitSignUp(agent: TestAgent, data = newApplicant()) {
  const _csrf = await csrfFrom(agent, '/daftar');
  const res = await agent.post('/daftar').type('form').send({ _csrf, ...data });
  if (res.status !== 303 || res.headers.location !== '/daftar/terkirim') {
    throw new Error(`sign-up failed with ${res.status}: ${$(res.text)('.error-summary').text()}`);
  }
  return data;
}

/**
 * Daftar, the e-mail link opened, then a login (a PPBJ logs in once the e-mail is proved): the new
 * PPBJ is logged in with the WhatsApp number still unverified.
 */
export async function signUpUnverified(agent: TestAgent, data = newApplicant()) {
  await submitSignUp(agent, data);
  const link = await agent.get(await linkPath(storeOf(agent), data.email, 'verify-email', '/verifikasi/email/'));
  if (link.status !== 200) throw new Error(`e-mail link answered ${link.status}`);
  await login(agent, data);
  return data;
}

/** Daftar, then both contacts verified the way a person does it (e-mail link, login, WhatsApp code from the outbox). */
export async function signUp(agent: TestAgent, data = newApplicant()) {
  await signUpUnverified(agent, data);
  await verifyWhatsapp(agent, data.email);
  return data;
}

/** The newest outbox message of `kind` ('verify-email', 'verify-whatsapp', 'password-reset', …) to the user with `email`. */
export async function latestMessage(store: Store, email: string, kind: string) {
  const user = await store.findUserByEmail(email.toLowerCase());
  if (!user) throw new Error(`no user ${email}`);
  const message = (await store.listMessages({ userId: user.id, limit: 100 })).find((m) => m.kind === kind);
  if (!message) throw new Error(`no ${kind} message for ${email}`);
  return message;
}

/** The path of the first link to `prefix` in the newest `kind` message (e.g. /verifikasi/email/…). */
export async function linkPath(store: Store, email: string, kind: string, prefix: string): Promise<string> {
  const { body } = await latestMessage(store, email, kind);
  const m = new RegExp(`https?://[^/\\s]+(${prefix}[^\\s]+)`).exec(body);
  if (!m) throw new Error(`no ${prefix} link in ${kind}: ${body}`);
  return m[1]!;
}

export async function whatsappCode(store: Store, email: string): Promise<string> {
  const { body } = await latestMessage(store, email, 'verify-whatsapp');
  const m = /\b(\d{6})\b/.exec(body);
  if (!m) throw new Error(`no code in: ${body}`);
  return m[1]!;
}

/** Enters the WhatsApp code as the logged-in `agent` (whose e-mail is verified). */
export async function verifyWhatsapp(agent: TestAgent, email: string): Promise<void> {
  const store = storeOf(agent);
  const _csrf = await csrfFrom(agent, '/verifikasi');
  const res = await agent.post('/verifikasi/whatsapp').type('form').send({ _csrf, code: await whatsappCode(store, email) });
  if (res.status !== 303) throw new Error(`WhatsApp code answered ${res.status}: ${$(res.text)('#e-code').text()}`);
}

/** The id of the first task row in an inbox page (optionally the row whose step matches). */
export async function firstTaskId(agent: TestAgent, path: string, step?: string): Promise<string> {
  const res = await agent.get(path);
  const doc = $(res.text);
  const row = doc('tr.task-row').filter((_, el) => !step || doc(el).text().includes(step)).first();
  const id = row.attr('data-task');
  if (!id) throw new Error(`no task row${step ? ` for ${step}` : ''} at ${path} (${doc('tr.task-row').length} rows)`);
  return id;
}

/** IDENTITY with the applicant's own contacts (what the form pre-fills), for callers of the case service. */
export function identityOf(user: { email: string; whatsapp: string | null }): typeof IDENTITY {
  return { ...IDENTITY, email: user.email, whatsapp: user.whatsapp ?? IDENTITY.whatsapp };
}

/**
 * Submits the task's form. Like a browser, the form's pre-filled contacts (the account's e-mail and
 * WhatsApp) are sent where the caller passes none or IDENTITY's placeholders; another contact typed on purpose
 * is sent as typed (and must then be proved first: src/notifications/contact-change.ts).
 */
export async function submitTask(agent: TestAgent, taskId: string, fields: Record<string, string | string[]>) {
  const page = $((await agent.get(`/tugas/${taskId}`)).text);
  const _csrf = String(page('input[name=_csrf]').first().val() ?? '');
  const prefilled = (name: 'email' | 'whatsapp') => {
    const shown = page(`input[name=${name}]`).val();
    const given = fields[name];
    return (given === undefined || given === IDENTITY[name]) && typeof shown === 'string' && shown ? { [name]: shown } : {};
  };
  return agent.post(`/tugas/${taskId}`).type('form').send({ _csrf, ...fields, ...prefilled('email'), ...prefilled('whatsapp') });
}

export async function submitWithFile(agent: TestAgent, taskId: string, fields: Record<string, string>, file?: { buffer: Buffer; name: string }) {
  const _csrf = await csrfFrom(agent, `/tugas/${taskId}`);
  let req = agent.post(`/tugas/${taskId}`).field('_csrf', _csrf);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  if (file) req = req.attach('skFile', file.buffer, file.name);
  return req;
}

export async function take(agent: TestAgent, taskId: string) {
  const _csrf = await csrfFrom(agent, '/kotak-masuk');
  return agent.post(`/tugas/${taskId}/ambil`).type('form').send({ _csrf });
}

/** A new PPBJ whose case waits at step 5 "Melengkapi Informasi PPBJ" (identity verified by the admin). */
export async function caseAtInformation(agent: () => TestAgent, admin: TestAgent, store: { findUserByEmail(e: string): Promise<{ id: string } | null>; listCasesByApplicant(id: string): Promise<Array<{ id: string }>> }) {
  const ppbj = agent();
  const applicant = await signUp(ppbj);
  await submitTask(ppbj, await firstTaskId(ppbj, '/tugas'), IDENTITY);
  const user = await store.findUserByEmail(applicant.email);
  const caseId = (await store.listCasesByApplicant(user!.id))[0]!.id;
  const verify = await firstTaskIdOfCase(admin, caseId);
  await take(admin, verify);
  await submitTask(admin, verify, { sesuai: 'ya' });
  return { ppbj, caseId, taskId: await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ') };
}

/** The open task of one case, read from its case page. */
export async function firstTaskIdOfCase(agent: TestAgent, caseId: string): Promise<string> {
  const res = await agent.get(`/kasus/${caseId}`);
  const id = $(res.text)('.current li[data-task], .my-steps li[data-task]').first().attr('data-task'); // staff's page, or the applicant's steps
  if (!id) throw new Error(`no open task on the case page of ${caseId} (status ${res.status})`);
  return id;
}
