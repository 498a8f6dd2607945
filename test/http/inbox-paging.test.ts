// Server-side paging of the Antrian: 50 per page, page links keep the filters, counts follow them.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { seedQueue, type SeedTask } from '../tasks/inbox-seed.js';
import { T0, at, rowsOf } from '../tasks/office.js';

describe('Given 120 untaken tasks in the Antrian (80 at step 4, 40 at step 6)', () => {
  let t: TestApp;
  let admin: TestAgent;
  let all: string[]; // in due order
  let step4: string[];

  useTestApp(async (app) => {
    t = app;
    const entries: SeedTask[] = Array.from({ length: 120 }, (_, i) => ({
      name: `Pemohon ${String(i + 1).padStart(3, '0')}`,
      elementId: i % 3 === 2 ? 'MemeriksaInformasi' : 'MelakukanVerifikasi',
      createdAt: new Date(T0.getTime() + i * 60_000),
      nik: `6171${String(i).padStart(8, '0')}0001`,
    }));
    const def = await t.services.store.getLatestDefinition('pendaftaran-akun-ppbj');
    all = await seedQueue(t.services.store, def!.id, entries);
    step4 = all.filter((_, i) => entries[i]!.elementId === 'MelakukanVerifikasi');
    at(t, 60);
    admin = await loggedIn(app, ADMIN);
  }, 60_000);

  const page = async (path: string) => {
    const res = await admin.get(path);
    expect(res.status).toBe(200);
    const doc = $(res.text);
    return {
      ids: rowsOf(res.text).map((r) => r.id),
      total: doc('.summary').attr('data-total'),
      summary: doc('.summary').text().replace(/\s+/g, ' ').trim(),
      current: doc('.paging [aria-current=page]').text(),
      next: doc('.paging a[rel=next]').attr('href'),
      prev: doc('.paging a[rel=prev]').attr('href'),
      links: doc('.paging li a').map((_, a) => doc(a).attr('href')).get(),
      doc,
    };
  };

  test('when the Antrian is opened, then it shows 50 rows of 120, and the pages together list every task once, in order', async () => {
    const p1 = await page('/kotak-masuk');
    expect(p1.ids).toEqual(all.slice(0, 50));
    expect(p1.total).toBe('120');
    expect(p1.summary).toBe('Menampilkan 1–50 dari 120 tugas');
    expect(p1.current).toBe('1');
    expect(p1.prev).toBeUndefined();
    expect(p1.next).toBe('/kotak-masuk?halaman=2');
    const p2 = await page(p1.next!);
    expect(p2.ids).toEqual(all.slice(50, 100));
    expect(p2.prev).toBe('/kotak-masuk');
    expect(p2.summary).toBe('Menampilkan 51–100 dari 120 tugas');
    const p3 = await page(p2.next!);
    expect(p3.ids).toEqual(all.slice(100));
    expect(p3.next).toBeUndefined();
    expect(new Set([...p1.ids, ...p2.ids, ...p3.ids]).size).toBe(120);
  });

  test('when filtered and sorted, then the page links keep the filters and the next page continues the same list', async () => {
    const p1 = await page('/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MelakukanVerifikasi&cari=pemohon&urut=umur');
    expect(p1.total).toBe('80');
    expect(p1.ids).toEqual(step4.slice(0, 50));
    expect(p1.next).toBe('/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MelakukanVerifikasi&cari=pemohon&urut=umur&halaman=2');
    for (const href of p1.links) expect(href).toContain('proses=pendaftaran-akun-ppbj&langkah=MelakukanVerifikasi&cari=pemohon&urut=umur');
    expect(p1.doc('.tabs a .count').first().text()).toBe('80');
    const p2 = await page(p1.next!);
    expect(p2.ids).toEqual(step4.slice(50));
    expect(p2.doc('#q-langkah option[selected]').attr('value')).toBe('MelakukanVerifikasi');
    expect(p2.doc('#q-cari').val()).toBe('pemohon');
    expect(p2.doc('#q-urut option[selected]').attr('value')).toBe('umur');
  });

  test('when filtered by state, then the count and the pages follow the state too', async () => {
    // at T0+60 the tasks created before T0+45 are overdue (45 of them)
    const late = await page('/kotak-masuk?status=terlambat');
    expect(late.total).toBe('45');
    expect(late.ids).toEqual(all.slice(0, 45));
    expect(late.doc('.paging')).toHaveLength(0);
    const fresh = await page('/kotak-masuk?status=baru&halaman=2');
    expect(fresh.total).toBe('75');
    expect(fresh.ids).toEqual(all.slice(95));
    expect(fresh.prev).toBe('/kotak-masuk?status=baru');
  });

  test('when a page past the end or a nonsense page is asked for, then the last or the first page is shown', async () => {
    expect((await page('/kotak-masuk?halaman=9')).ids).toEqual(all.slice(100));
    expect((await page('/kotak-masuk?halaman=abc')).ids).toEqual(all.slice(0, 50));
    expect((await page('/kotak-masuk?halaman=0')).ids).toEqual(all.slice(0, 50));
  });

  test('when a search matches a few, then there is a single page and no page links', async () => {
    const p = await page('/kotak-masuk?cari=Pemohon%2007');
    expect(p.total).toBe('10');
    expect(p.ids).toHaveLength(10);
    expect(p.doc('.paging')).toHaveLength(0);
    expect(p.doc('.nik').first().text()).toMatch(/^6171\*{8}0001$/);
  });
});
