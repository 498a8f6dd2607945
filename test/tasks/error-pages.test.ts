// The refusals a staff member meets in a working day say what happened and what to do, in both
// languages: 404 (no such task), 403 (not theirs to open), 409 (someone else took it meanwhile).
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, addAdmin, ADMIN, ADMIN2, csrfFrom, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { seedQueue } from './inbox-seed.js';

describe('Given two Admin PPE and a task of another group', () => {
  let t: TestApp;
  let admin: TestAgent;
  let admin2: TestAgent;
  let mine: string;
  let foreign: string;
  useTestApp(async (app) => {
    t = app;
    await addAdmin(app.services.store, ADMIN2, 'admin-2');
    [admin, admin2] = await Promise.all([loggedIn(app, ADMIN), loggedIn(app, ADMIN2)]);
    const defId = (await app.services.store.getLatestDefinition('pendaftaran-akun-ppbj'))!.id;
    [mine, foreign] = await seedQueue(app.services.store, defId, [
      { name: 'Ani', elementId: 'MelakukanVerifikasi', createdAt: new Date(), nik: '6171052609860003' },
      { name: 'Beni', elementId: 'MelakukanVerifikasi', createdAt: new Date(), nik: '6171052609860004', groupId: 'kepala-seksi' },
    ]) as [string, string];
  });

  const page = (res: { text: string }) => {
    const doc = $(res.text);
    return { heading: doc('main h1').text().trim(), next: doc('main .error-next').text().trim() };
  };

  test('when a task does not exist, then the 404 page says it was not found and where to go', async () => {
    const res = await admin.get('/tugas/tidak-ada');
    expect(res.status).toBe(404);
    expect(page(res)).toEqual({ heading: 'Halaman tidak ditemukan', next: expect.stringContaining('Kembali ke beranda atau Kotak Masuk') });
  });

  test('when a task of another group is opened, then the 403 page says so and who can give access', async () => {
    const res = await admin.get(`/tugas/${foreign}`);
    expect(res.status).toBe(403);
    expect(page(res)).toEqual({ heading: 'Anda tidak berhak membuka halaman ini', next: expect.stringContaining('menambahkan Anda ke grup') });
  });

  test('when someone else took the task first, then the 409 page says it changed and what to do, also in English', async () => {
    const _csrf = await csrfFrom(admin, '/kotak-masuk');
    expect((await admin2.post(`/tugas/${mine}/ambil`).type('form').send({ _csrf: await csrfFrom(admin2, '/kotak-masuk') })).status).toBe(303);
    const res = await admin.post(`/tugas/${mine}/ambil`).type('form').send({ _csrf });
    expect(res.status).toBe(409);
    expect(page(res)).toEqual({ heading: 'Tugas ini sudah berubah', next: expect.stringContaining('isian Anda tidak disimpan') });

    await admin.get('/bahasa/en?next=/');
    const english = await admin.post(`/tugas/${mine}/ambil`).type('form').send({ _csrf: await csrfFrom(admin, '/kotak-masuk') });
    expect(page(english)).toEqual({ heading: 'This task has changed', next: expect.stringContaining('your input was not saved') });
  });

  test('when a form is sent without its token, then the 403 keeps the page of an expired form (no access advice)', async () => {
    const res = await t.agent().post(`/tugas/${mine}/ambil`).type('form').send({});
    expect(res.status).toBe(403);
    expect(page(res).next).toBe('');
  });
});
