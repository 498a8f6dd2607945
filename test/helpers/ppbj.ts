// Valid PPBJ data and the steps of the SOP as HTTP calls, for tests that need a case at a given step.
import type TestAgent from 'supertest/lib/agent.js';
import { $, csrfFrom } from './app.js';

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

export async function signUp(agent: TestAgent, data = newApplicant()) {
  const _csrf = await csrfFrom(agent, '/daftar');
  const res = await agent.post('/daftar').type('form').send({ _csrf, ...data });
  if (res.status !== 303) throw new Error(`sign-up failed with ${res.status}: ${$(res.text)('.error-summary').text()}`);
  return data;
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

export async function submitTask(agent: TestAgent, taskId: string, fields: Record<string, string | string[]>) {
  const _csrf = await csrfFrom(agent, `/tugas/${taskId}`);
  return agent.post(`/tugas/${taskId}`).type('form').send({ _csrf, ...fields });
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
  await submitTask(admin, verify, { catatan: '' });
  return { ppbj, caseId, taskId: await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ') };
}

/** The open task of one case, read from its case page. */
export async function firstTaskIdOfCase(agent: TestAgent, caseId: string): Promise<string> {
  const res = await agent.get(`/kasus/${caseId}`);
  const id = $(res.text)('.current li[data-task]').first().attr('data-task');
  if (!id) throw new Error(`no open task on the case page of ${caseId} (status ${res.status})`);
  return id;
}
