// A step added to the process with its fields declared in the model works without code: a new
// case reaches it, the generic form is rendered, checked on the server (values kept on error),
// completed with a file, audited, and shown to the Admin PPE with the applicant's data.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { PPBJ_PROCESS_FILE as SHIPPED_PROCESS_FILE } from '../../src/packs/ppbj/process-key.js';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, login, OWNER, startTestApp, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { IDENTITY, PDF, firstTaskId, firstTaskIdOfCase, signUp, submitTask, take } from '../helpers/ppbj.js';
import { STEP_ID, STEP_NAME, withModelFormStep } from '../helpers/model-form-step.js';

const VALID = { namaAtasan: 'Dra. Siti Aminah', jumlahPaket: '12', tanggalTugas: '2024-03-01', jenisPengadaan: 'jasa', bersedia: 'ya' };

async function postMultipart(agent: TestAgent, taskId: string, fields: Record<string, string>, file?: { field: string; buffer: Buffer; name: string }) {
  const _csrf = await csrfFrom(agent, '/tugas');
  let req = agent.post(`/tugas/${taskId}`).field('_csrf', _csrf);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  if (file) req = req.attach(file.field, file.buffer, file.name);
  return req;
}

describe('Given version 2 of the process with a step whose six fields are declared in the model', () => {
  let t: TestApp;
  let admin: TestAgent;
  let ppbj: TestAgent;
  let taskId: string;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = t.agent();
    await login(admin, ADMIN);
    const v2 = await t.services.definitions.deploy(withModelFormStep(), null, 'langkah tambahan tanpa kode');
    expect(v2.version).toBe(2);
    ppbj = t.agent();
    await signUp(ppbj);
    taskId = await firstTaskId(ppbj, '/tugas', STEP_NAME);
    caseId = (await t.services.store.getTask(taskId))!.caseId;
  });
  afterAll(async () => t.close());
  const uploadsOnDisk = () => readdirSync(t.config.uploadDir).length;

  test('when a new case starts, then it reaches the step, whose task has the generated formKey and the case says whose turn it is', async () => {
    expect(await t.services.store.getTask(taskId)).toMatchObject({ elementId: STEP_ID, formKey: `model:${STEP_ID}`, groupId: 'pemohon', timeStandard: 'PT10M', status: 'open' });
    expect((await t.services.store.getCase(caseId))!.definitionVersion).toBe(2);
    expect($((await ppbj.get(`/kasus/${caseId}`)).text)('.status').text()).toContain('Menunggu Tindakan Pemohon');
  });

  test('when the PPBJ opens it, then the generic form shows every declared field with its label and input', async () => {
    const page = $((await ppbj.get(`/tugas/${taskId}`)).text);
    expect(page('h1').text()).toBe(STEP_NAME);
    expect(page('label[for=f-namaAtasan]').text()).toContain('Nama atasan langsung');
    expect(page('#f-namaAtasan').attr('maxlength')).toBe('80');
    expect(page('#f-jumlahPaket').attr('inputmode')).toBe('numeric');
    expect(page('#h-jumlahPaket').text()).toBe('Antara 1 dan 100.');
    expect(page('#f-tanggalTugas').attr('type')).toBe('date');
    expect(page('[data-field=jenisPengadaan] input[type=radio]').map((_, el) => page(el).parent().text().trim()).get()).toEqual(['Barang', 'Jasa Konsultansi']);
    expect(page('[data-field=bersedia] legend').text()).toContain('Bersedia mengikuti pelatihan?');
    expect(page('[data-field=bersedia] input[type=radio]').map((_, el) => page(el).attr('value')).get()).toEqual(['ya', 'tidak']);
    expect(page('#f-suratAtasan').attr('type')).toBe('file');
    expect(page('form.task-form').attr('enctype')).toBe('multipart/form-data');
    expect(page('button[name=_action][value=draf]')).toHaveLength(1);
  });

  test('when the values break the declared rules, then each error is shown in Indonesian and every typed value comes back', async () => {
    const before = uploadsOnDisk();
    const res = await postMultipart(ppbj, taskId, { ...VALID, namaAtasan: '', jumlahPaket: '500', tanggalTugas: '1999-12-31' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('.error-summary li').map((_, el) => page(el).text()).get()).toEqual([
      'Nama atasan langsung: Wajib diisi.', 'Jumlah paket per tahun: Paling besar 100.', 'Tanggal mulai bertugas: Paling kecil 2000-01-01.',
    ]);
    expect(page('#f-jumlahPaket').val()).toBe('500');
    expect(page('#f-tanggalTugas').val()).toBe('1999-12-31');
    expect(page('[data-field=jenisPengadaan] input[value=jasa]').attr('checked')).toBeDefined();
    expect(page('[data-field=bersedia] input[value=ya]').attr('checked')).toBeDefined();
    expect(uploadsOnDisk()).toBe(before);
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
  });

  test('when another PPBJ posts a file to the step, then it is refused before anything is written', async () => {
    const other = t.agent();
    await signUp(other);
    const before = uploadsOnDisk();
    const res = await postMultipart(other, taskId, VALID, { field: 'suratAtasan', buffer: PDF, name: 'surat.pdf' });
    expect(res.status).toBe(403);
    expect(uploadsOnDisk()).toBe(before);
  });

  test('when the process owner opens the steps, the SOP document and the process view, then the new step is in each', async () => {
    const owner = t.agent();
    await login(owner, OWNER);
    expect($((await owner.get('/proses/pendaftaran-akun-ppbj')).text)(`tr[data-element="${STEP_ID}"]`).text()).toContain(STEP_NAME);
    const sop = $((await owner.get('/proses/pendaftaran-akun-ppbj/sop')).text);
    expect(sop(`tr.sop-row[data-elements~="${STEP_ID}"] .uraian`).text()).toBe(STEP_NAME);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/sop.pdf')).status).toBe(200);
    const monitor = (await owner.get('/proses/pendaftaran-akun-ppbj/pantau/data.json').set('accept', 'application/json')).body as { steps: Array<{ elementId: string }> };
    expect(monitor.steps.map((x) => x.elementId)).toContain(STEP_ID);
  });

  test('when valid values and the file are submitted (after a version 3 without the step), then the step completes on its own version, its data and document are stored and audited, and the case goes on', async () => {
    const v3 = await t.services.definitions.deploy(readFileSync(SHIPPED_PROCESS_FILE, 'utf8'), null, 'tanpa langkah tambahan');
    expect(v3.version).toBe(3);
    const res = await postMultipart(ppbj, taskId, VALID, { field: 'suratAtasan', buffer: PDF, name: 'surat-atasan.pdf' });
    expect(res.status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(doc).toMatchObject({ field: 'suratAtasan', originalName: 'surat-atasan.pdf', taskId });
    const c = await t.services.store.getCase(caseId);
    expect(c!.data[`model:${STEP_ID}`]).toEqual({ ...VALID, suratAtasan: doc!.id });
    const open = await t.services.store.listTasks({ caseId, status: 'open' });
    expect(open.map((x) => x.name)).toEqual(['Mengisi Identitas PPBJ']);
    const audit = await t.services.store.listAudit(caseId);
    expect(audit.find((e) => e.type === 'task.completed' && e.taskId === taskId)).toMatchObject({ data: { step: STEP_NAME, fields: { ...VALID, suratAtasan: doc!.id } } });
    expect(audit.find((e) => e.type === 'document.uploaded' && e.taskId === taskId)).toMatchObject({ data: { field: 'suratAtasan', name: 'surat-atasan.pdf' } });
    expect((await submitTask(ppbj, taskId, VALID)).status).toBe(409);
  });

  test('when the Admin PPE verifies the identity, then the step\'s data is shown with the choices\' labels and its document', async () => {
    const identityTask = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas');
    expect((await submitTask(ppbj, identityTask, IDENTITY)).status).toBe(303);
    const verification = await firstTaskIdOfCase(admin, caseId);
    await take(admin, verification);
    const page = $((await admin.get(`/tugas/${verification}`)).text);
    const section = page('section.review').filter((_, el) => page(el).find('h2').text() === STEP_NAME);
    expect(section).toHaveLength(1);
    const rows = Object.fromEntries(section.find('dt').map((i, el) => [[page(el).text(), section.find('dd').eq(i).text().trim()]]).get() as Array<[string, string]>);
    expect(rows).toMatchObject({ 'Nama atasan langsung': 'Dra. Siti Aminah', 'Jenis pengadaan': 'Jasa Konsultansi', 'Bersedia mengikuti pelatihan?': 'Ya', 'Jumlah paket per tahun': '12' });
    expect(rows['Surat pengantar atasan']).toContain('surat-atasan.pdf');
  });
});

describe('Given a step declared in the model with two file fields', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    const files = '<camunda:formField id="suratA" label="Surat A" type="file"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>'
      + '<camunda:formField id="suratB" label="Surat B" type="file" />';
    await t.services.definitions.deploy(withModelFormStep(files), null, 'dua berkas');
  });

  test('when the PPBJ uploads both files in one submission, then both become documents of the step', async () => {
    const ppbj = t.agent();
    await signUp(ppbj);
    const taskId = await firstTaskId(ppbj, '/tugas', STEP_NAME);
    const _csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    const res = await ppbj.post(`/tugas/${taskId}`).field('_csrf', _csrf).attach('suratA', PDF, 'a.pdf').attach('suratB', PDF, 'b.pdf');
    expect(res.status).toBe(303);
    const { caseId } = (await t.services.store.getTask(taskId))!;
    const docs = await t.services.store.listDocuments(caseId);
    expect(docs.map((d) => [d.field, d.originalName]).sort()).toEqual([['suratA', 'a.pdf'], ['suratB', 'b.pdf']]);
  });
});
