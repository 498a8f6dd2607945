// Every authorisation rule is proved by refusing the wrong person, on the server.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { addAdmin, ADMIN, ADMIN2, csrfFrom, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { IDENTITY, INFORMATION, PDF, firstTaskId, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

describe('Given two PPBJ, two Admin PPE and a process owner', () => {
  let t: TestApp;
  let ppbjA: TestAgent, ppbjB: TestAgent, admin1: TestAgent, admin2: TestAgent, owner: TestAgent;
  let caseA: string, docA: string, step4: string, step6: string;

  useTestApp(async (app) => {
    t = app;
    await addAdmin(t.services.store, ADMIN2, 'admin-2');
    [ppbjA, ppbjB, admin1, admin2, owner] = [app.agent(), app.agent(), app.agent(), app.agent(), app.agent()];
    const a = await signUp(ppbjA);
    await signUp(ppbjB);
    await Promise.all([login(admin1, ADMIN), login(admin2, ADMIN2), login(owner, OWNER)]);
    const userA = await t.services.store.findUserByEmail(a.email);
    caseA = (await t.services.store.listCasesByApplicant(userA!.id))[0]!.id;
    await submitTask(ppbjA, await firstTaskId(ppbjA, '/tugas'), IDENTITY);
    step4 = await firstTaskId(admin1, '/kotak-masuk', 'Melakukan Verifikasi');
  });

  test('when nobody is logged in, then pages redirect to Masuk and actions are refused', async () => {
    const anon = t.agent();
    for (const path of ['/tugas', '/kotak-masuk', `/kasus/${caseA}`, '/permohonan', '/proses']) {
      const res = await anon.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/masuk\?next=/);
    }
    expect((await anon.post(`/tugas/${step4}/ambil`).type('form').send({})).status).toBe(403);
  });

  test('when an Admin PPE completes a task nobody has taken, then it is refused until taken', async () => {
    const res = await admin1.get(`/tugas/${step4}`);
    expect(res.text).toContain('Ambil tugas ini terlebih dahulu');
    const _csrf = await csrfFrom(admin1, '/kotak-masuk');
    const post = await admin1.post(`/tugas/${step4}`).type('form').send({ _csrf, catatan: 'x' });
    expect(post.status).toBe(403);
  });

  test('when one admin holds a task, then another can neither take, release nor complete it', async () => {
    expect((await take(admin1, step4)).status).toBe(303);
    expect((await take(admin2, step4)).status).toBe(409);
    const _csrf = await csrfFrom(admin2, '/kotak-masuk');
    expect((await admin2.post(`/tugas/${step4}`).type('form').send({ _csrf, catatan: 'bukan saya' })).status).toBe(403);
    expect((await admin2.post(`/tugas/${step4}/lepas`).type('form').send({ _csrf })).status).toBe(403);
    const page = await admin2.get(`/tugas/${step4}`);
    expect(page.text).toContain('sedang ditangani petugas lain');
    // released by its holder, the second admin may take and complete it
    const c1 = await csrfFrom(admin1, '/kotak-masuk');
    expect((await admin1.post(`/tugas/${step4}/lepas`).type('form').send({ _csrf: c1 })).status).toBe(303);
    expect((await take(admin2, step4)).status).toBe(303);
    expect((await submitTask(admin2, step4, { sesuai: 'ya' })).status).toBe(303);
    const audit = (await t.services.store.listAudit(caseA)).map((e) => e.type);
    expect(audit.filter((x) => x === 'task.taken')).toHaveLength(2);
    expect(audit).toContain('task.released');

    const step5 = await firstTaskId(ppbjA, '/tugas', 'Melengkapi Informasi PPBJ');
    expect((await submitWithFile(ppbjA, step5, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    docA = (await t.services.store.listDocuments(caseA))[0]!.id;
    step6 = await firstTaskId(admin1, '/kotak-masuk', 'Memeriksa Informasi PPBJ');
  });

  test("when a PPBJ opens another PPBJ's case, task or document, then it is refused", async () => {
    expect((await ppbjB.get(`/kasus/${caseA}`)).status).toBe(403);
    expect((await ppbjB.get(`/dokumen/${docA}`)).status).toBe(403);
    const openA = await t.services.store.listTasks({ caseId: caseA, status: 'open' });
    expect(openA).toHaveLength(1);
    expect((await ppbjB.get(`/tugas/${openA[0]!.id}`)).status).toBe(403);
    expect((await ppbjA.get(`/kasus/${caseA}`)).status).toBe(200);
    expect((await ppbjA.get(`/dokumen/${docA}`)).status).toBe(200);
  });

  test('when a PPBJ tries Admin PPE work, then it is refused', async () => {
    expect((await ppbjA.get('/kotak-masuk')).status).toBe(403);
    expect((await ppbjA.get(`/tugas/${step6}`)).status).toBe(403);
    const _csrf = await csrfFrom(ppbjA, '/tugas');
    expect((await ppbjA.post(`/tugas/${step6}/ambil`).type('form').send({ _csrf })).status).toBe(403);
    expect((await ppbjA.post(`/tugas/${step6}`).type('form').send({ _csrf, lengkap: 'ya' })).status).toBe(403);
    expect((await t.services.store.getTask(step6))!.status).toBe('open');
  });

  test('when a process owner asks for documents or admin work, then it is refused', async () => {
    expect((await owner.get(`/dokumen/${docA}`)).status).toBe(403);
    expect((await owner.get('/kotak-masuk')).status).toBe(403);
    expect((await owner.get('/proses')).status).toBe(200);
    expect((await ppbjA.get('/proses')).status).toBe(403);
  });

  test('when a form is posted without its CSRF token, or as multipart to a non-upload route, then nothing changes', async () => {
    expect((await admin1.post(`/tugas/${step6}/ambil`).type('form').send({})).status).toBe(403);
    const _csrf = await csrfFrom(admin1, '/kotak-masuk');
    expect((await admin1.post(`/tugas/${step6}/ambil`).field('_csrf', _csrf)).status).toBe(403);
    expect((await t.services.store.getTask(step6))!.assigneeId).toBeNull();
    expect((await admin1.post('/keluar').type('form').send({})).status).toBe(403);
    expect((await admin1.get('/keluar')).status).toBe(404);
  });
});
