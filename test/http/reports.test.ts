// The compliance reports over HTTP, on the hand-computed fixture (test/compliance/report-fixture.ts):
// who may see and change what, the page (tables, server-drawn charts), the JSON for the diagram,
// every table as CSV, one case's timing, Tabel 7 for a semester, and the settings pages.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { PPBJ_PROCESS_KEY as SHIPPED_PROCESS_KEY } from '../../src/packs/ppbj/process-key.js';
import { $, ADMIN, csrfFrom, login, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { signUpUnverified } from '../helpers/ppbj.js';
import { buildReportFixture, type ReportFixture } from '../compliance/report-fixture.js';
import { completeStep, signUpAt, wib } from '../compliance/drive.js';
import { TimerScheduler } from '../../src/scheduler/timer-scheduler.js';

const PERIOD = 'dari=2026-10-01&sampai=2026-11-30';

describe('Given the hand-computed history and a process owner, an Admin PPE and a PPBJ', () => {
  let t: TestApp;
  let f: ReportFixture;
  let owner: TestAgent, admin: TestAgent, ppbj: TestAgent;
  useTestApp(async (app) => {
    t = app;
    f = await buildReportFixture(t);
    [owner, admin, ppbj] = [app.agent(), app.agent(), app.agent()];
    await login(owner, OWNER);
    await login(admin, ADMIN);
    t.clock.now = new Date('2027-01-04T02:00:00.000Z'); // the PPBJ signs up after every period asked below
    await signUpUnverified(ppbj);
    t.clock.now = new Date('2026-11-02T07:30:00.000Z'); // back to "now" of the fixture: 14.30 WIB
  }, 60_000);

  test('when a PPBJ or a visitor asks for a report, then they are refused; an Admin PPE reads but cannot change settings', async () => {
    const paths = ['/laporan', '/laporan/kepatuhan.json', '/laporan/unduh/langkah.csv', '/laporan/tabel-7', `/laporan/kasus/${f.cases.A}`, '/laporan/kalender', '/laporan/pengaturan'];
    for (const path of paths) expect([path, (await ppbj.get(path)).status]).toEqual([path, 403]);
    const anonymous = await t.agent().get('/laporan');
    expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/masuk?next=%2Flaporan']);
    expect((await admin.get('/laporan')).status).toBe(200);
    expect((await admin.get('/laporan/kalender')).status).toBe(403);
    expect((await admin.get('/laporan/pengaturan')).status).toBe(403);
    const _csrf = await csrfFrom(admin, '/laporan');
    expect((await admin.post('/laporan/kalender').type('form').send({ _csrf, zonaWaktu: 'Asia/Jakarta', mulai1: '08:00', selesai1: '12:00' })).status).toBe(403);
    expect($((await admin.get('/laporan')).text)('a[href="/laporan/kalender"]')).toHaveLength(0);
  });

  test('when the owner opens the report, then per-step figures, charts, end to end, admins, months, returns and overdue tasks are shown', async () => {
    const res = await owner.get(`/laporan?${PERIOD}`);
    expect(res.status).toBe(200);
    const doc = $(res.text);
    const step = (n: number) => doc('table.steps tbody tr').eq(n - 2);
    expect(doc('table.steps tbody tr')).toHaveLength(6);
    expect([step(3).find('.n').text(), step(3).find('.median').text(), step(3).find('.p90').text(), step(3).find('.within .level').text()]).toEqual(['4', '10 mnt', '20 mnt', '75%']);
    expect(step(6).find('.median').text()).toBe('12,5 mnt');
    expect(step(5).hasClass('level-warn')).toBe(true);
    expect(step(7).find('.within .level').attr('class')).toBe('level good');
    expect(step(5).find('.overdue-now').text()).toBe('1');
    expect(doc('svg.chart title').first().text()).toBe('Persentase tepat waktu per langkah');
    expect(doc('svg.chart')).toHaveLength(3); // steps, trend, reasons
    expect([doc('.e2e-count').text(), doc('.e2e-standard').text(), doc('.e2e-median').text(), doc('.e2e-within').text(), doc('.e2e-agency').text(), doc('.e2e-applicant').text()])
      .toEqual(['2', '80 mnt', '91 mnt / 114 mnt', '50%', '36 mnt', '55 mnt']);
    expect(doc(`table.admins tr[data-user="${f.adminId}"] .n`).text()).toBe('6');
    expect(doc('table.months tr[data-month="2026-11"] .n').text()).toBe('21');
    expect([doc('.returns-decisions').text(), doc('.returns-count').text(), doc('.returns-rate').text(), doc('.returns-per-case').text()]).toEqual(['4', '2', '50%', '0,67']);
    expect(doc('table.reasons tbody tr').map((_, r) => doc(r).attr('data-code')).get()).toEqual(['sk-kedaluwarsa', 'data-tidak-sesuai']);
    const late = doc('table.overdue tbody tr');
    expect(late).toHaveLength(1);
    expect(late.find('a').attr('href')).toBe(`/laporan/kasus/${f.cases.C}`);
    expect(late.find('.late').text()).toContain('30 mnt');
    expect(doc(`a[href="/laporan/unduh/langkah.csv?proses=pendaftaran-akun-ppbj&${PERIOD}"]`)).toHaveLength(1);
    expect(doc('a[href="/laporan/kalender"]')).toHaveLength(1);
  });

  test('when the language is English, then the page reads in English', async () => {
    const en = t.agent();
    await login(en, OWNER);
    await en.get('/bahasa/en');
    const doc = $((await en.get(`/laporan?${PERIOD}`)).text);
    expect(doc('h1').text()).toBe('SOP compliance report');
    expect(doc('table.steps tbody tr').eq(4).find('.median').text()).toBe('12.5 min');
  });

  test('when the diagram asks for per-step compliance, then JSON gives each user task its figures and level', async () => {
    const res = await owner.get(`/laporan/kepatuhan.json?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ processKey: SHIPPED_PROCESS_KEY, version: 1, goodShare: 0.8 });
    expect(res.body.steps.map((s: Record<string, unknown>) => [s.elementId, s.count, s.withinShare, s.medianMinutes, s.p90Minutes, s.standardMinutes, s.level])).toEqual([
      ['MembuatAkun', 4, 1, 0, 0, 15, 'good'],
      ['MengisiIdentitas', 4, 0.75, 10, 20, 15, 'warn'],
      ['MelakukanVerifikasi', 3, 2 / 3, 10, 20, 15, 'warn'],
      ['MelengkapiInformasi', 4, 0.5, 20, 40, 15, 'warn'],
      ['MemeriksaInformasi', 4, 0.75, 12.5, 20, 15, 'warn'],
      ['MengaktifkanAkun', 2, 1, 3.5, 4, 5, 'good'],
    ]);
    expect((await owner.get(`/laporan/kepatuhan.json?${PERIOD}&ambang=70`)).body.steps[1].level).toBe('good');
  });

  test('when a table is exported, then it is CSV with a BOM, a header and the same figures; an unknown table is 404', async () => {
    const res = await owner.get(`/laporan/unduh/langkah.csv?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=laporan-langkah-2026-10-01-2026-11-30.csv');
    const lines = res.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('No,Langkah,Pelaksana,Mutu Baku (menit),Jumlah,Median (menit),9 dari 10 dalam (menit),Tepat waktu,Tepat waktu (%),Antre (menit),Dikerjakan (menit),Terbuka,Terlambat,Penilaian');
    expect(lines[5]).toBe('6,Memeriksa Informasi PPBJ,Admin PPE,15,4,12.5,20,3,75,5,6.5,0,0,Perlu perhatian');
    const cases = (await owner.get(`/laporan/unduh/kasus.csv?${PERIOD}`)).text.trimEnd().split('\r\n');
    expect(cases.slice(1).map((l) => l.split(',').slice(5, 11))).toEqual([['68', '28', '40', '80', 'ya', '0'], ['114', '44', '70', '80', 'tidak', '1']]);
    const tasks = (await owner.get(`/laporan/unduh/tugas.csv?${PERIOD}`)).text.trimEnd().split('\r\n');
    expect(tasks).toHaveLength(1 + 21 + 2); // header, completed tasks, open tasks
    const reasons = (await owner.get(`/laporan/unduh/alasan.csv?${PERIOD}`)).text.trimEnd().split('\r\n');
    expect(reasons.slice(1)).toEqual(['sk-kedaluwarsa,SK kedaluwarsa,2,100', 'data-tidak-sesuai,Data tidak sesuai dengan SK,1,50']);
    for (const name of ['admin', 'bulan', 'tren', 'pengembalian', 'terlambat']) expect((await owner.get(`/laporan/unduh/${name}.csv?${PERIOD}`)).status).toBe(200);
    expect((await owner.get('/laporan/unduh/rahasia.csv')).status).toBe(404);
    expect((await owner.get('/laporan/unduh/langkah.json')).status).toBe(404);
  });

  test('when one case is opened, then each task shows its times and the case its agency and applicant time', async () => {
    const res = await owner.get(`/laporan/kasus/${f.cases.C}`);
    expect(res.status).toBe(200);
    const doc = $(res.text);
    expect([doc('.case-clock .agency').text(), doc('.case-clock .applicant').text(), doc('.case-clock .total').text()]).toEqual(['30 mnt (33%)', '60 mnt (67%)', '90 mnt']);
    expect(doc('table.case-tasks tbody tr')).toHaveLength(6);
    expect(doc('table.case-tasks tbody tr.overdue .elapsed').text()).toBe('45 mnt');
    expect((await owner.get('/laporan/kasus/tidak-ada')).status).toBe(404);
  });

  test('when Tabel 7 is printed for the second semester of 2026, then each step is assessed from the figures, with notes and actions', async () => {
    const res = await owner.get('/laporan/tabel-7?semester=2026-2');
    expect(res.status).toBe(200);
    const doc = $(res.text);
    expect(doc('.semester').text()).toContain('Semester II 2026 (1 Juli 2026 – 31 Desember 2026)');
    const row = (n: number) => doc(`table.tabel7-sheet tr[data-step="${n}"]`);
    expect(doc('table.tabel7-sheet thead th').map((_, h) => doc(h).text()).get()).toEqual([
      'No', 'Prosedur', 'Penilaian terhadap penerapan', 'Catatan Hasil Penilaian', 'Tindakan yang harus diambil', 'Paraf Penilai', 'Berjalan dengan baik', 'Tidak berjalan dengan baik',
    ]);
    expect([row(2).find('.baik').text(), row(2).find('.tidak-baik').text()]).toEqual(['✓Berjalan dengan baik', '']);
    expect(row(3).find('.tidak-baik').text()).toBe('✓Tidak berjalan dengan baik');
    expect(row(3).find('.catatan').text()).toBe('4 kali; median 10 mnt; 9 dari 10 selesai dalam 20 mnt; 75% (3 dari 4) dalam Mutu Baku 15 mnt.');
    expect(row(3).find('.tindakan').text()).toBe('Beri panduan pengisian dan pengingat lebih awal kepada pemohon.');
    expect(row(6).find('.catatan').text()).toBe('4 kali; median 12,5 mnt; 9 dari 10 selesai dalam 20 mnt; 75% (3 dari 4) dalam Mutu Baku 15 mnt. Dikembalikan 50% (2 dari 4); alasan terbanyak: SK kedaluwarsa (2).');
    expect(row(6).find('.tindakan').text()).toContain('Perjelas persyaratan dokumen');
    expect(row(5).find('.catatan').text()).toContain('1 masih terlambat');
    expect(row(7).find('.tindakan').text()).toBe('');
    expect(doc('td.paraf').map((_, c) => doc(c).text()).get()).toEqual(Array(6).fill(''));

    const first = $((await owner.get('/laporan/tabel-7?semester=2026-1')).text);
    expect(first('table.tabel7-sheet tbody .catatan').first().text()).toBe('Tidak ada data pada periode ini.');
    const csv = (await owner.get('/laporan/tabel-7.csv?semester=2026-2')).text.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('No,Prosedur,Berjalan dengan baik,Tidak berjalan dengan baik,Catatan Hasil Penilaian,Tindakan yang harus diambil,Paraf Penilai');
    expect(csv[1]).toMatch(/^2,Membuat Akun PPBJ,X,,/); // No = the SOP's row number
  });
});

describe('Given the settings pages', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  }, 60_000);

  test('the working calendar shows the defaults; a wrong form is refused with 422 keeping what was typed; a valid one is stored', async () => {
    const page = $((await owner.get('/laporan/kalender')).text);
    expect([page('#f-zonaWaktu').val(), page('#f-mulai1').val(), page('#f-selesai5').val(), page('#f-mulai6').val()]).toEqual(['Asia/Pontianak', '07:30', '16:00', '']);

    const _csrf = await csrfFrom(owner, '/laporan/kalender');
    const bad = await owner.post('/laporan/kalender').type('form').send({ _csrf, zonaWaktu: 'Bulan/Purnama', mulai1: '16:00', selesai1: '07:30', libur: '2026-13-01 Salah' });
    expect(bad.status).toBe(422);
    const doc = $(bad.text);
    expect(doc('#e-zonaWaktu').text()).toBe('Kesalahan: Zona waktu tidak dikenal.'); // the hidden prefix read out before the message
    expect(doc('#e-mulai1').text()).toBe('Kesalahan: Jam selesai harus setelah jam mulai.');
    expect(doc('#e-libur').text()).toContain('TTTT-BB-HH');
    expect([doc('#f-zonaWaktu').val(), doc('#f-mulai1').val(), doc('#f-libur').text()]).toEqual(['Bulan/Purnama', '16:00', '2026-13-01 Salah']);
    expect(doc('.error-summary a[href="#f-zonaWaktu"]')).toHaveLength(1);
    expect(await t.services.store.getWorkingCalendar()).toBeNull();

    const ok = await owner.post('/laporan/kalender').type('form').send({
      _csrf, zonaWaktu: 'Asia/Jakarta', mulai1: '08:00', selesai1: '16:00', mulai5: '08:00', selesai5: '16:30', libur: '2026-12-25 Hari Raya Natal',
    });
    expect([ok.status, ok.headers.location]).toEqual([303, '/laporan/kalender']);
    expect(await t.services.store.getWorkingCalendar()).toMatchObject({
      timeZone: 'Asia/Jakarta', hours: [{ day: 1, start: '08:00', end: '16:00' }, { day: 5, start: '08:00', end: '16:30' }],
      holidays: [{ date: '2026-12-25', name: 'Hari Raya Natal' }], updatedBy: (await t.services.store.findUserByEmail(OWNER.email))!.id,
    });
    const again = $((await owner.get('/laporan/kalender')).text);
    expect([again('.flash .govuk-notification-banner__heading').text(), again('#f-libur').text(), again('#f-mulai2').val()]).toEqual(['Kalender kerja disimpan.', '2026-12-25 Hari Raya Natal', '']);
  });

  test('the time settings of a version: working time and an escalation group per step (the model\'s staff groups only) are stored and shown', async () => {
    const page = $((await owner.get('/laporan/pengaturan')).text);
    expect(page('input[name=waktu][value=calendar]').attr('checked')).toBeDefined();
    expect(page('select[name=eskalasi_MelakukanVerifikasi] option[selected]')).toHaveLength(0);
    // the model's staff groups are offered by name; never the applicant or a system role
    expect(page('select[name=eskalasi_MelakukanVerifikasi] option').map((_, o) => page(o).attr('value')).get()).toEqual(['', 'admin-ppe']);
    expect(page('select[name=eskalasi_MelakukanVerifikasi] option[value=admin-ppe]').text()).toBe('Admin PPE');
    const _csrf = await csrfFrom(owner, '/laporan/pengaturan');
    const res = await owner.post('/laporan/pengaturan').type('form').send({ _csrf, versi: '1', waktu: 'working', eskalasi_MelakukanVerifikasi: 'admin-ppe', eskalasi_MengisiIdentitas: 'process-owner', eskalasi_MemeriksaInformasi: 'pemohon' });
    expect([res.status, res.headers.location]).toEqual([303, '/laporan/pengaturan?proses=pendaftaran-akun-ppbj&versi=1']);
    const def = await t.services.definitions.latest(SHIPPED_PROCESS_KEY);
    expect(await t.services.store.getProcessTimeSettings(def.id)).toMatchObject({ timeBasis: 'working', escalateTo: { MelakukanVerifikasi: 'admin-ppe' } });
    const after = $((await owner.get('/laporan/pengaturan?versi=1')).text);
    expect(after('input[name=waktu][value=working]').attr('checked')).toBeDefined();
    expect(after('select[name=eskalasi_MelakukanVerifikasi] option[selected]').val()).toBe('admin-ppe');
    expect((await owner.get('/laporan/pengaturan?versi=99')).status).toBe(404);
  });
});

describe('Given a step that passed its time standard', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  }, 60_000);

  test('when its SLA timer fires, then the case history shows it Terlambat, and the report lists it overdue', async () => {
    const { user, caseId } = await signUpAt(t, wib('2026-11-23T09:00'));
    await completeStep(t, caseId, 'MengisiIdentitas', user, wib('2026-11-23T09:05'));
    t.clock.now = wib('2026-11-23T09:30');
    await new TimerScheduler({ store: t.services.store, handlers: t.services.compliance.timerHandlers, now: () => t.clock.now }).runDue();
    const admin = t.agent();
    await login(admin, ADMIN);
    const history = $((await admin.get(`/kasus/${caseId}`)).text)('tr[data-type="task.overdue"]');
    expect(history.text()).toContain('Terlambat: melewati Mutu Baku Waktu: Melakukan Verifikasi');
    const report = $((await admin.get('/laporan')).text);
    expect(report('table.overdue tbody tr').text()).toContain('10 mnt');
  });
});
