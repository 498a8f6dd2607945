// The Admin PPE inbox at office scale: filters by step and state, search by name, NIP and e-mail,
// both sorts, counts, time left against the Mutu Baku Waktu, overdue marking, masked NIK.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { take } from '../helpers/ppbj.js';
import { COMPLETE, VERIFIED, adminCompletes, at, atVerification, informationSent, rowsOf, type Applicant, type Person } from '../tasks/office.js';

const SITI: Person = { name: 'Siti Aminah', email: 'siti.aminah@kalbarprov.go.id', nip: '199001152018012003', nik: '6171055501900002' };
const RAHMAT: Person = { name: 'Rahmat Hidayat', email: 'rahmat.h@pontianak.go.id', nip: '198803102012121002', nik: '6171011003880001' };
const DEWI: Person = { name: 'Dewi Lestari', email: 'dewi.lestari@gmail.com', nip: '199205202019032001', nik: '6171026005920004' };
const BUDI: Person = { name: 'Budi Santoso', email: 'budi.santoso@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' };
const EKO: Person = { name: 'Eko Prasetyo', email: 'eko.prasetyo@kalbarprov.go.id', nip: '198512012010011005', nik: '6171030112850005' };

describe('Given an office with tasks at steps 4, 6 and 7, one of them taken by the Admin PPE', () => {
  let t: TestApp;
  let admin: TestAgent;
  const task: Record<string, string> = {}; // A4 = Siti at step 4, …
  const open = async (ppbj: Applicant) => (await t.services.store.listTasks({ caseId: ppbj.caseId }))[0]!.id;

  useTestApp(async (app) => {
    t = app;
    at(t, 0);
    admin = await loggedIn(app, ADMIN);
    const siti = await atVerification(t, SITI); // step 4 created at T0, due T0+15
    at(t, 2);
    const dewi = await atVerification(t, DEWI);
    at(t, 3);
    await adminCompletes(admin, dewi.caseId, VERIFIED);
    at(t, 4);
    await informationSent(dewi); // step 6 created T0+4, due T0+19
    at(t, 5);
    const budi = await atVerification(t, BUDI); // step 4 created T0+5, due T0+20
    at(t, 6);
    expect((await take(admin, await open(budi))).status).toBe(303);
    at(t, 8);
    const eko = await atVerification(t, EKO);
    at(t, 9);
    await adminCompletes(admin, eko.caseId, VERIFIED);
    at(t, 10);
    const rahmat = await atVerification(t, RAHMAT); // step 4 created T0+10, due T0+25
    await informationSent(eko);
    at(t, 12);
    await adminCompletes(admin, eko.caseId, COMPLETE); // step 7 (PT5M) created T0+12, due T0+17
    Object.assign(task, { A4: await open(siti), B4: await open(rahmat), C6: await open(dewi), D4: await open(budi), E7: await open(eko) });
    at(t, 16);
  }, 120_000);

  const ids = async (path: string) => rowsOf((await admin.get(path)).text).map((r) => r.id);
  const tabCounts = (html: string) => {
    const doc = $(html);
    return doc('.tabs a').map((_, a) => doc(a).find('.count').text().trim()).get().map(Number);
  };

  test('when nothing is filtered, then the Antrian lists the untaken tasks by due time with counts for both views', async () => {
    const res = await admin.get('/kotak-masuk');
    expect(rowsOf(res.text).map((r) => r.id)).toEqual([task.A4, task.E7, task.C6, task.B4]);
    expect(tabCounts(res.text)).toEqual([4, 1]); // Antrian, Tugas Saya
    expect($(res.text)('.summary').attr('data-total')).toBe('4');
    expect(await ids('/tugas')).toEqual([task.D4]);
  });

  test('when sorted by age, then the task waiting longest comes first', async () => {
    expect(await ids('/kotak-masuk?urut=umur')).toEqual([task.A4, task.C6, task.B4, task.E7]);
    expect(await ids('/kotak-masuk?urut=batas')).toEqual([task.A4, task.E7, task.C6, task.B4]);
  });

  test('when filtered by step, then only that step is listed, the select offers the Admin PPE steps and the counts follow', async () => {
    const res = await admin.get('/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MelakukanVerifikasi');
    const doc = $(res.text);
    expect(rowsOf(res.text).map((r) => r.id)).toEqual([task.A4, task.B4]);
    expect(doc('#q-langkah option').map((_, o) => doc(o).attr('value')).get()).toEqual(['', 'MelakukanVerifikasi', 'MemeriksaInformasi', 'MengaktifkanAkun']);
    expect(doc('#q-langkah option[selected]').attr('value')).toBe('MelakukanVerifikasi');
    expect(tabCounts(res.text)).toEqual([2, 1]);
    expect(await ids('/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MemeriksaInformasi')).toEqual([task.C6]);
    expect(await ids('/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MengaktifkanAkun')).toEqual([task.E7]);
    expect(await ids('/tugas?proses=pendaftaran-akun-ppbj&langkah=MemeriksaInformasi')).toEqual([]);
  });

  test('when filtered by state, then "terlambat" lists the overdue and "baru" the untaken ones still on time', async () => {
    const late = await admin.get('/kotak-masuk?status=terlambat');
    expect(rowsOf(late.text).map((r) => r.id)).toEqual([task.A4]);
    expect($(late.text)('.summary').attr('data-total')).toBe('1');
    expect($(late.text)('#q-status option[selected]').attr('value')).toBe('terlambat');
    expect(await ids('/kotak-masuk?status=baru')).toEqual([task.E7, task.C6, task.B4]);
    expect(await ids('/tugas?status=terlambat')).toEqual([]);
    expect(await ids('/tugas?status=diambil')).toEqual([task.D4]);
  });

  test('when a state cannot occur in a view, then it is not offered, is ignored with a note, and the note links to the other view', async () => {
    const mine = $((await admin.get('/tugas?status=baru')).text);
    expect(mine('#q-status option').map((_, o) => mine(o).attr('value')).get()).toEqual(['', 'terlambat']);
    expect(mine('tr.task-row').map((_, r) => mine(r).attr('data-task')).get()).toEqual([task.D4]);
    expect(mine('.ignored-state').text()).toContain('tidak berlaku di Tugas Saya');
    expect(mine('.ignored-state a').attr('href')).toBe('/kotak-masuk?status=baru');
    const queue = $((await admin.get('/kotak-masuk?proses=pendaftaran-akun-ppbj&status=diambil&langkah=MelakukanVerifikasi')).text);
    expect(queue('#q-status option').map((_, o) => queue(o).attr('value')).get()).toEqual(['', 'baru', 'terlambat']);
    expect(queue('tr.task-row')).toHaveLength(2);
    expect(queue('.ignored-state a').attr('href')).toBe('/tugas?proses=pendaftaran-akun-ppbj&langkah=MelakukanVerifikasi&status=diambil');
  });

  test('when searching by name, then the match is case-insensitive and the counts follow the search', async () => {
    const res = await admin.get('/kotak-masuk?cari=SITI');
    expect(rowsOf(res.text).map((r) => r.id)).toEqual([task.A4]);
    expect(tabCounts(res.text)).toEqual([1, 0]);
    expect(await ids('/kotak-masuk?cari=lestari')).toEqual([task.C6]);
    expect(await ids('/kotak-masuk?cari=tidak-ada-orang-ini')).toEqual([]);
  });

  test('when searching by e-mail, then the applicant with that address is found', async () => {
    expect(await ids('/kotak-masuk?cari=rahmat.h%40pontianak')).toEqual([task.B4]);
    expect(await ids('/tugas?cari=budi.santoso%40kalbarprov.go.id')).toEqual([task.D4]);
  });

  test('when searching by NIP, typed with or without the spaces of the ID card, then that applicant is found', async () => {
    expect(await ids('/kotak-masuk?cari=199205202019032001')).toEqual([task.C6]);
    expect(await ids(`/kotak-masuk?cari=${encodeURIComponent('19920520 201903 2 001')}`)).toEqual([task.C6]);
    expect(await ids('/kotak-masuk?cari=198512012010011005')).toEqual([task.E7]);
  });

  test('when searching the NIP of an applicant waiting for Verifikasi (step 4), then the task is found', async () => {
    // The identity (with the NIP) is submitted in the same change that creates the step 4 task.
    expect(await ids('/kotak-masuk?cari=199001152018012003')).toEqual([task.A4]);
  });

  test('when filters are applied, then the form keeps them and the tab links keep step, search and sort', async () => {
    const doc = $((await admin.get('/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MemeriksaInformasi&status=baru&cari=dewi&urut=umur')).text);
    expect(doc('form.filters').attr('method')).toBe('get');
    expect(doc('#q-cari').val()).toBe('dewi');
    expect(doc('label[for=q-cari]').text()).toBe('Cari');
    for (const id of ['q-langkah', 'q-status', 'q-urut']) expect(doc(`label[for=${id}]`)).toHaveLength(1);
    expect(doc('#q-status option[selected]').attr('value')).toBe('baru');
    expect(doc('#q-urut option[selected]').attr('value')).toBe('umur');
    expect(doc('tr.task-row').map((_, r) => doc(r).attr('data-task')).get()).toEqual([task.C6]);
    expect(doc('.tabs a').map((_, a) => doc(a).attr('href')).get()).toEqual([
      '/kotak-masuk?proses=pendaftaran-akun-ppbj&langkah=MemeriksaInformasi&cari=dewi&urut=umur', '/tugas?proses=pendaftaran-akun-ppbj&langkah=MemeriksaInformasi&cari=dewi&urut=umur',
    ]);
  });

  test('when the clock passes a due time, then each row shows the time left or how late it is, and overdue rows say Terlambat', async () => {
    const html = (await admin.get('/kotak-masuk')).text;
    const rows = Object.fromEntries(rowsOf(html).map((r) => [r.id, r]));
    expect(rows[task.A4]).toMatchObject({ overdue: true });
    expect(rows[task.A4]!.text).toContain('Terlambat 1 menit');
    expect($(html)(`tr[data-task="${task.A4}"] .badge.late`).text()).toBe('Terlambat 1 menit');
    expect(rows[task.E7]!.text).toContain('sisa 1 menit');
    expect(rows[task.C6]!.text).toContain('sisa 3 menit');
    expect(rows[task.B4]!.text).toContain('sisa 9 menit');
    expect(rows[task.B4]!.text).toContain('mutu baku 15 menit');
    expect(rows[task.E7]!.text).toContain('mutu baku 5 menit');
    for (const id of [task.E7, task.C6, task.B4]) {
      expect(rows[id]).toMatchObject({ overdue: false });
      expect(rows[id]!.text).not.toContain('Terlambat');
    }
    at(t, 27.5);
    try {
      const later = Object.fromEntries(rowsOf((await admin.get('/kotak-masuk')).text).map((r) => [r.id, r]));
      expect(later[task.B4]).toMatchObject({ overdue: true });
      expect(later[task.B4]!.text).toContain('Terlambat 2 menit');
      expect(later[task.A4]!.text).toContain('Terlambat 12 menit');
      expect(await ids('/tugas?status=terlambat')).toEqual([task.D4]);
    } finally {
      at(t, 16);
    }
  });

  test('when the Admin PPE reads the inbox in English, then the time left is in English too', async () => {
    const en = t.agent();
    await login(en, ADMIN);
    await en.get('/bahasa/en');
    const rows = Object.fromEntries(rowsOf((await en.get('/kotak-masuk')).text).map((r) => [r.id, r]));
    expect(rows[task.A4]!.text).toContain('Overdue by 1 minute');
    expect(rows[task.B4]!.text).toContain('due in 9 minutes');
    expect($((await en.get('/kotak-masuk')).text)('label[for=q-cari]').text()).toBe('Search');
  });

  test('when the inbox lists applicants, then the NIK is masked to its first and last four digits', async () => {
    const res = await admin.get('/kotak-masuk');
    const rows = Object.fromEntries(rowsOf(res.text).map((r) => [r.id, r]));
    expect(rows[task.A4]!.nik).toBe('6171********0002');
    expect(rows[task.C6]!.nik).toBe('6171********0004');
    for (const p of [SITI, DEWI, EKO, RAHMAT]) expect(res.text).not.toContain(p.nik);
    const mine = await admin.get('/tugas');
    expect(rowsOf(mine.text)[0]!.nik).toBe('6171********0003');
    expect(mine.text).not.toContain(BUDI.nik);
  });

  test('when a PPBJ opens Tugas Saya, then there are no staff filters and no NIK column', async () => {
    const ppbj = await atVerification(t, { name: 'Yuni Astuti', email: 'yuni@kalbarprov.go.id', nip: '199103032015022001', nik: '6171024303910006' });
    const res = await ppbj.ppbj.get('/tugas?status=terlambat&langkah=MelakukanVerifikasi');
    const doc = $(res.text);
    expect(res.status).toBe(200);
    expect(doc('form.filters')).toHaveLength(0);
    expect(doc('.tabs')).toHaveLength(0);
    expect(doc('td.nik')).toHaveLength(0);
    expect((await ppbj.ppbj.get('/kotak-masuk')).status).toBe(403);
  });
});
