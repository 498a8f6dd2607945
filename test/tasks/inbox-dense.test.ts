// The dense inbox over HTTP: the columns sort both ways on the server (aria-sort on the header),
// each row has its urgency, the keyboard shortcuts are on the page with their script, and Alihkan is
// offered only where another active member could receive the task, listing each one's open tasks.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, addAdmin, ADMIN, ADMIN2, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { take } from '../helpers/ppbj.js';
import { seedQueue } from './inbox-seed.js';
import { rowsOf } from './office.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe('Given a queue of three tasks and one Admin PPE', () => {
  let t: TestApp;
  let admin: TestAgent;
  let ids: string[];
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
    const defId = (await app.services.store.getLatestDefinition('pendaftaran-akun-ppbj'))!.id;
    // created 30, 12 and 3 minutes ago; due: verification and check after 15 minutes, activation after 5
    ids = await seedQueue(app.services.store, defId, [
      { name: 'Ani', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(30), nik: '6171052609860003' }, // overdue 15 min
      { name: 'Beni', elementId: 'MengaktifkanAkun', createdAt: minutesAgo(12), nik: '6171052609860004' }, // overdue 7 min
      { name: 'Cici', elementId: 'MemeriksaInformasi', createdAt: minutesAgo(3), nik: '6171052609860005' }, // 12 min left
    ]);
  });

  const order = async (path: string) => rowsOf((await admin.get(path)).text).map((r) => ids.indexOf(r.id));

  test('when the columns are sorted, then the server returns each order and the header says which', async () => {
    expect(await order('/kotak-masuk')).toEqual([0, 1, 2]);
    expect(await order('/kotak-masuk?urut=batas-akhir')).toEqual([2, 1, 0]);
    expect(await order('/kotak-masuk?urut=umur')).toEqual([0, 1, 2]);
    expect(await order('/kotak-masuk?urut=terbaru')).toEqual([2, 1, 0]);
    const page = $((await admin.get('/kotak-masuk?urut=terbaru')).text);
    expect(page('th.sort-waiting').attr('aria-sort')).toBe('ascending');
    expect(page('th.sort-time-left').attr('aria-sort')).toBe('none');
    expect(page('th.sort-waiting a').attr('href')).toBe('/kotak-masuk?urut=umur');
    expect(page('#q-urut option[selected]').attr('value')).toBe('terbaru');
  });

  test('when the queue is shown, then each row carries its urgency, overdue rows a "Terlambat" tag, and the page the shortcuts and their script', async () => {
    const page = $((await admin.get('/kotak-masuk')).text);
    expect(page('tr.task-row').map((_, r) => page(r).attr('data-urgency')).get()).toEqual(['late', 'late', 'ok']);
    expect(page('tr.task-row').first().find('.govuk-tag--red').text()).toMatch(/^Terlambat 1[45] menit$/);
    expect(page('table.alur-table--dense')).toHaveLength(1);
    expect(page('.alur-keys kbd').map((_, k) => page(k).text()).get()).toEqual(['j', 'k', 'Enter', 'o', 'a', 'x', 'b', 'n']);
    expect(page('script[type=module][src^="/static/inbox-keys.js"]')).toHaveLength(1);
    expect(page('script:not([src])')).toHaveLength(0);
    expect((await admin.get('/static/inbox-keys.js')).status).toBe(200);
  });

  test('when nobody else in the group could receive a task, then Alihkan is not offered (inbox and case page); once a colleague joins, it is, with their open tasks', async () => {
    expect($((await admin.get('/kotak-masuk')).text)('a.reassign')).toHaveLength(0);
    const casePath = `/kasus/${(await t.services.store.getTask(ids[0]!))!.caseId}`;
    expect($((await admin.get(casePath)).text)('a.reassign')).toHaveLength(0); // the case page offers it by the same rule

    await addAdmin(t.services.store, ADMIN2, 'admin-2');
    const admin2 = await loggedIn(t, ADMIN2);
    await take(admin2, ids[1]!);
    await take(admin2, ids[2]!);
    const queue = $((await admin.get('/kotak-masuk')).text);
    expect(queue(`tr[data-task="${ids[0]}"] a.reassign`).attr('href')).toBe(`/tugas/${ids[0]}/alihkan`);
    expect($((await admin.get(casePath)).text)('a.reassign').attr('href')).toBe(`/tugas/${ids[0]}/alihkan`);

    const form = $((await admin.get(`/tugas/${ids[0]}/alihkan`)).text);
    const option = form('#f-ke option[value="admin-2"]');
    expect(option.attr('data-open-tasks')).toBe('2');
    expect(option.text()).toContain('2 tugas terbuka');
  });
});
