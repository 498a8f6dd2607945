// The inbox sorted by its process, step and applicant columns over HTTP: both ways on the server,
// case-insensitive, the header saying which (aria-sort), links keeping the filters and starting at
// page 1, both languages; an unknown sort is the default order, never an error.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { take } from '../helpers/ppbj.js';
import { seedQueue } from './inbox-seed.js';
import { rowsOf } from './office.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe('Given a queue of three tasks of two processes, one applicant named in lower case', () => {
  let t: TestApp;
  let admin: TestAgent;
  let ids: string[];
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
    const store = app.services.store;
    const defId = (await store.getLatestDefinition('pendaftaran-akun-ppbj'))!.id;
    // a second process, named to sort before "Pendaftaran Akun PPBJ"
    await store.insertDefinition({
      id: 'def-izin-cuti', processKey: 'izin-cuti', version: 1, name: 'Izin Cuti', xml: '<bpmn:definitions/>',
      createdAt: new Date().toISOString(), createdBy: null, comment: '',
    });
    // steps: Melakukan Verifikasi (Ani), Mengaktifkan Akun PPBJ (beni), Memeriksa Informasi PPBJ (Cici, of Izin Cuti)
    ids = await seedQueue(store, defId, [
      { name: 'Ani', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(30), nik: '6171052609860003' }, // overdue 15 min
      { name: 'beni', elementId: 'MengaktifkanAkun', createdAt: minutesAgo(12), nik: '6171052609860004' }, // overdue 7 min
      { name: 'Cici', elementId: 'MemeriksaInformasi', createdAt: minutesAgo(3), nik: '6171052609860005', processKey: 'izin-cuti' }, // 12 min left
    ]);
  });

  const order = async (path: string) => {
    const res = await admin.get(path);
    expect(res.status).toBe(200);
    return rowsOf(res.text).map((r) => ids.indexOf(r.id));
  };

  test.each([
    ['proses', [2, 0, 1]], // Izin Cuti, then Pendaftaran Akun PPBJ by due time
    ['proses-turun', [1, 0, 2]],
    ['langkah', [0, 2, 1]], // Melakukan …, Memeriksa …, Mengaktifkan …
    ['langkah-turun', [1, 2, 0]],
    ['pemohon', [0, 1, 2]], // Ani, beni, Cici: case-insensitive
    ['pemohon-turun', [2, 1, 0]],
  ])('when the queue is sorted by %s, then the server returns that order', async (urut, want) => {
    expect(await order(`/kotak-masuk?urut=${urut}`)).toEqual(want);
  });

  test('when sorted by step, then its header says ascending, links to descending, the others to their first order, and the select shows it', async () => {
    const page = $((await admin.get('/kotak-masuk?urut=langkah')).text);
    expect(page('th.sort-step').attr('aria-sort')).toBe('ascending');
    expect(page('th.sort-step a').attr('href')).toBe('/kotak-masuk?urut=langkah-turun');
    expect(page('th.sort-process').attr('aria-sort')).toBe('none');
    expect(page('th.sort-process a').attr('href')).toBe('/kotak-masuk?urut=proses');
    expect(page('th.sort-applicant a').attr('href')).toBe('/kotak-masuk?urut=pemohon');
    expect(page('th.sort-time-left').attr('aria-sort')).toBe('none');
    expect(page('#q-urut option[selected]').attr('value')).toBe('langkah');
    expect(page('#q-urut option[value="langkah"]').text()).toBe('Langkah A–Z');
    const desc = $((await admin.get('/kotak-masuk?urut=langkah-turun')).text);
    expect(desc('th.sort-step').attr('aria-sort')).toBe('descending');
    expect(desc('th.sort-step a').attr('href')).toBe('/kotak-masuk?urut=langkah');
  });

  test('when filtered and on page 2, then a header link keeps the filters and starts again at page 1, and the filters apply to the sorted list', async () => {
    const page = $((await admin.get('/kotak-masuk?status=terlambat&cari=kalbarprov&halaman=2&urut=pemohon')).text);
    expect(page('th.sort-applicant').attr('aria-sort')).toBe('ascending');
    expect(page('th.sort-applicant a').attr('href')).toBe('/kotak-masuk?status=terlambat&cari=kalbarprov&urut=pemohon-turun');
    expect(page('th.sort-process a').attr('href')).toBe('/kotak-masuk?status=terlambat&cari=kalbarprov&urut=proses');
    expect(await order('/kotak-masuk?status=terlambat&cari=kalbarprov&urut=pemohon-turun')).toEqual([1, 0]);
    expect(await order('/kotak-masuk?proses=pendaftaran-akun-ppbj&urut=proses-turun')).toEqual([1, 0]);
  });

  test('when an unknown or repeated sort is asked for, then the default order is shown (no error)', async () => {
    for (const bad of ['urut=DROP%20TABLE', 'urut=process', 'urut[]=langkah', 'urut=%00']) {
      expect(await order(`/kotak-masuk?${bad}`)).toEqual([0, 1, 2]);
    }
    expect(await order('/kotak-masuk?urut=pemohon-turun&urut=langkah')).toEqual([2, 1, 0]); // the first one counts
  });

  test('when the page is in English, then the sortable headers and the sort options are in English', async () => {
    const english = await loggedIn(t, ADMIN);
    await english.get('/bahasa/en?next=/');
    const page = $((await english.get('/kotak-masuk?urut=proses-turun')).text);
    expect(page('th.sort-process').attr('aria-sort')).toBe('descending');
    expect(page('th.sort-process a').text()).toBe('Process');
    expect(page('th.sort-applicant a').text()).toBe('Applicant');
    expect(page('#q-urut option[selected]').text()).toBe('Process Z–A');
    expect(page('#q-urut option').map((_, o) => page(o).text()).get()).not.toContain('Proses A–Z');
  });

  // NOTE: last, since it takes the whole queue
  test('when the tasks are mine, then Tugas Saya sorts by the same columns', async () => {
    for (const id of ids) await take(admin, id);
    const order = async (path: string) => rowsOf((await admin.get(path)).text).map((r) => ids.indexOf(r.id));
    expect(await order('/tugas?urut=langkah')).toEqual([0, 2, 1]);
    expect(await order('/tugas?urut=proses-turun')).toEqual([1, 0, 2]);
    expect($((await admin.get('/tugas?urut=pemohon')).text)('th.sort-applicant a').attr('href')).toBe('/tugas?urut=pemohon-turun');
  });
});
