// "Simpan Draf": typed values (and an accepted upload) kept without validation, never moving the
// case; the task page pre-fills from the draft; completing the task removes it.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, login, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { IDENTITY, INFORMATION, PDF, caseAtInformation, firstTaskId, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

const DRAFT = { _action: 'draf' };

describe('Given PPBJ at steps 3 and 5 and an Admin PPE', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });

  async function atIdentity() {
    const ppbj = t.agent();
    const applicant = await signUp(ppbj);
    const user = (await t.services.store.findUserByEmail(applicant.email))!;
    const caseId = (await t.services.store.listCasesByApplicant(user.id))[0]!.id;
    return { ppbj, applicant, user, caseId, taskId: await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ') };
  }

  /** What a draft must never change: the case's rev, its open tasks and its audit trail. */
  async function caseSnapshot(caseId: string) {
    const [c, open, audit, documents] = await Promise.all([
      t.services.store.getCase(caseId),
      t.services.store.listTasks({ caseId, status: 'open' }),
      t.services.store.listAudit(caseId),
      t.services.store.listDocuments(caseId),
    ]);
    return { rev: c!.rev, status: c!.status, open: open.map((x) => `${x.id}:${x.status}`), audit: audit.length, documents: documents.length };
  }

  test('when a half-filled, invalid identity is saved as a draft, then it is kept without validation and the case does not move', async () => {
    const { ppbj, user, caseId, taskId } = await atIdentity();
    const page = $((await ppbj.get(`/tugas/${taskId}`)).text);
    expect(page('button[name=_action][value=draf]').text()).toContain('Simpan Draf');
    const before = await caseSnapshot(caseId);

    const res = await submitTask(ppbj, taskId, { ...DRAFT, nip: '123', namaLengkap: 'Budi Draf', email: 'draf@kalbarprov.go.id', whatsapp: '' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/tugas/${taskId}`);
    expect(await caseSnapshot(caseId)).toEqual(before);
    const draft = await t.services.store.getDraft(taskId, user.id);
    expect(draft!.values).toMatchObject({ nip: '123', namaLengkap: 'Budi Draf', email: 'draf@kalbarprov.go.id', whatsapp: '' });

    const reopened = $((await ppbj.get(`/tugas/${taskId}`)).text);
    expect(reopened('.flash').text()).toContain('Draf disimpan');
    expect(reopened('.draft-notice').text()).toContain('draf');
    expect(reopened('#f-nip').val()).toBe('123');
    expect(reopened('#f-namaLengkap').val()).toBe('Budi Draf');
    // the draft wins over the case data (the registration e-mail and WhatsApp)
    expect(reopened('#f-email').val()).toBe('draf@kalbarprov.go.id');
    expect(reopened('#f-whatsapp').val()).toBe('');
    expect(reopened('.error')).toHaveLength(0);
  });

  test('when a draft field is longer than its limit, then the draft is refused with the reason and nothing is stored', async () => {
    const { ppbj, user, taskId } = await atIdentity();
    const res = await submitTask(ppbj, taskId, { ...DRAFT, namaLengkap: 'x'.repeat(201), jabatan: 'Analis' });
    expect(res.status).toBe(422);
    expect($(res.text)('#e-namaLengkap').text()).toContain('terlalu panjang');
    expect($(res.text)('#f-jabatan').val()).toBe('Analis');
    expect(await t.services.store.getDraft(taskId, user.id)).toBeNull();
  });

  test('when the task is submitted after a draft, then the full rules apply and completing it removes the draft', async () => {
    const { ppbj, user, caseId, taskId } = await atIdentity();
    expect((await submitTask(ppbj, taskId, { ...DRAFT, ...IDENTITY, nip: '1' })).status).toBe(303);
    expect((await submitTask(ppbj, taskId, { ...IDENTITY, nip: '1' })).status).toBe(422); // Ajukan validates
    expect(await t.services.store.getDraft(taskId, user.id)).not.toBeNull();
    expect((await submitTask(ppbj, taskId, IDENTITY)).status).toBe(303);
    expect(await t.services.store.getDraft(taskId, user.id)).toBeNull();
    expect((await t.services.store.getCase(caseId))!.rev).toBe(2);
    // a draft for a handled task is refused like any late submission
    expect((await submitTask(ppbj, taskId, { ...DRAFT, nip: '2' })).status).toBe(409);
    expect(await t.services.store.getDraft(taskId, user.id)).toBeNull();
  });

  test('when a draft of step 5 carries the SK file, then the file is kept (not yet a document) across sessions and used on submission', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const before = await caseSnapshot(caseId);
    expect($((await ppbj.get(`/tugas/${taskId}`)).text)('button[name=_action][value=draf]')).toHaveLength(1);
    const saved = await submitWithFile(ppbj, taskId, { ...DRAFT, nomorSk: '027/DRAF', berlakuSampai: 'bukan tanggal' }, { buffer: PDF, name: 'sk-draf.pdf' });
    expect(saved.status).toBe(303);
    expect(await caseSnapshot(caseId)).toEqual(before); // no document record, no audit, no rev change

    // a new session (log out, log in again) still finds the draft and the file
    const task = (await t.services.store.getTask(taskId))!;
    const email = (await t.services.store.getUser(task.applicantId))!.email;
    const again = t.agent();
    await login(again, { email, password: 'kata-sandi-rahasia-1' });
    const page = $((await again.get(`/tugas/${taskId}`)).text);
    expect(page('#f-nomorSk').val()).toBe('027/DRAF');
    expect(page('#f-berlakuSampai').val()).toBe('bukan tanggal');
    expect(page('.current-doc').text()).toContain('sk-draf.pdf');
    expect(page('.current-doc').text()).toContain('belum diajukan');

    expect((await submitWithFile(again, taskId, INFORMATION)).status).toBe(303);
    const [doc] = await t.services.store.listDocuments(caseId);
    expect(doc).toMatchObject({ originalName: 'sk-draf.pdf', mime: 'application/pdf', taskId });
    expect(doc!.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(await t.services.store.getDraft(taskId, task.applicantId)).toBeNull();
  });

  test("when a PPBJ saves a draft on another PPBJ's task or on an Admin PPE task, then it is refused and nothing is stored", async () => {
    const a = await atIdentity();
    const b = await atIdentity();
    const _csrf = await csrfFrom(b.ppbj, '/tugas');
    const onOther = await b.ppbj.post(`/tugas/${a.taskId}`).type('form').send({ _csrf, ...DRAFT, nip: 'milik B' });
    expect(onOther.status).toBe(403);
    expect(await t.services.store.getDraft(a.taskId, b.user.id)).toBeNull();
    expect(await t.services.store.getDraft(a.taskId, a.user.id)).toBeNull();

    expect((await submitTask(a.ppbj, a.taskId, IDENTITY)).status).toBe(303);
    const verify = (await t.services.store.listTasks({ caseId: a.caseId, status: 'open' }))[0]!;
    expect(verify.groupId).toBe('admin-ppe');
    const asPpbj = await a.ppbj.post(`/tugas/${verify.id}`).type('form').send({ _csrf: await csrfFrom(a.ppbj, '/tugas'), ...DRAFT, catatan: 'x' });
    expect(asPpbj.status).toBe(403);
    expect(await t.services.store.getDraft(verify.id, a.user.id)).toBeNull();

    // an Admin PPE form has no drafts: no button, and a forged draft request is refused
    await take(admin, verify.id);
    expect($((await admin.get(`/tugas/${verify.id}`)).text)('button[name=_action]')).toHaveLength(0);
    const forged = await submitTask(admin, verify.id, { ...DRAFT, catatan: 'draf?' });
    expect(forged.status).toBe(400);
    expect((await t.services.store.getTask(verify.id))!.status).toBe('open');
  });
});
