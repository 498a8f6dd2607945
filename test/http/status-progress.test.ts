// The staff's case page: progress over the SOP steps, who holds the case now, and time taken per
// step against its Mutu Baku Waktu, with the total against 80 minutes. (The applicant's own page says
// where the case is in words, without times or names: applicant-journey.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, startTestApp, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { IDENTITY, firstTaskId, newApplicant, signUp, submitTask, take } from '../helpers/ppbj.js';
import { COMPLETE, VERIFIED, adminCompletes, at, informationSent, type Applicant } from '../tasks/office.js';

const STEP_IDS = ['MembuatAkun', 'MengisiIdentitas', 'MelakukanVerifikasi', 'MelengkapiInformasi', 'MemeriksaInformasi', 'MengaktifkanAkun'];

function statusPage(html: string) {
  const doc = $(html);
  const step = (id: string) => {
    const li = doc(`.steps li[data-step="${id}"]`);
    return { cls: li.attr('class'), actual: li.find('.actual').text().trim(), standard: li.find('.standard').text().trim(), text: li.text().replace(/\s+/g, ' ').trim() };
  };
  return {
    doc,
    step,
    progress: doc('.progress-text').text().replace(/\s+/g, ' ').trim(),
    bar: { value: doc('.progress progress').attr('value'), max: doc('.progress progress').attr('max') },
    holder: doc('.current li .holder').text().replace(/\s+/g, ' ').trim(),
    total: doc('.total-time').text().replace(/\s+/g, ' ').trim(),
    standardTotal: doc('.standard-total').text().replace(/\s+/g, ' ').trim(),
  };
}

describe('Given a PPBJ whose case is at step 5, after a slow verification', () => {
  let t: TestApp;
  let admin: TestAgent;
  let ppbj: TestAgent;
  let caseId: string;
  let name: string;
  // NOTE: the current step's elapsed time is measured at "now"; the timeline ends at the real time
  // so the figures hold whether the case page reads the app clock or the system clock.
  let base: Date;

  beforeAll(async () => {
    base = new Date(Date.now() - 29.5 * 60_000);
    t = await startTestApp();
    admin = t.agent();
    ppbj = t.agent();
    at(t, 0, base);
    await login(admin, ADMIN);
    const applicant = await signUp(ppbj, newApplicant()); // step 2 done at 0, step 3 opens at 0
    name = applicant.displayName;
    const user = await t.services.store.findUserByEmail(applicant.email);
    caseId = (await t.services.store.listCasesByApplicant(user!.id))[0]!.id;
    at(t, 7, base);
    expect((await submitTask(ppbj, await firstTaskId(ppbj, '/tugas'), IDENTITY)).status).toBe(303); // step 3: 7 min
  }, 60_000);
  afterAll(async () => t.close());

  test('when step 4 waits in the Antrian, then the page says "Langkah 3 dari 6" and that it waits for an Admin PPE', async () => {
    at(t, 8, base);
    const p = statusPage((await admin.get(`/kasus/${caseId}`)).text);
    expect(p.doc('.steps li.step').map((_, li) => p.doc(li).attr('data-step')).get()).toEqual(STEP_IDS);
    expect(p.progress).toBe('Langkah 3 dari 6');
    expect(p.bar).toEqual({ value: '2', max: '6' });
    expect(p.holder).toBe('Menunggu diambil petugas');
    expect(p.step('MengisiIdentitas')).toMatchObject({ cls: 'step done', actual: '7 menit', standard: '15 menit' });
    expect(p.step('MembuatAkun').actual).toBe('kurang dari 1 menit');
    expect(p.step('MelengkapiInformasi')).toMatchObject({ cls: 'step pending', actual: '', standard: '15 menit' });
    expect(p.standardTotal).toBe('Mutu baku waktu seluruh langkah: 1 jam 20 menit');
  });

  test('when an Admin PPE takes it, then the page names who holds the case now', async () => {
    at(t, 10, base);
    expect((await take(admin, await firstTaskId(admin, '/kotak-masuk', 'Melakukan Verifikasi'))).status).toBe(303);
    expect(statusPage((await admin.get(`/kasus/${caseId}`)).text).holder).toBe('Ditangani oleh Admin PPE');
  });

  test('when the verification took 18 minutes and step 5 has run for 4, then each step shows its time against the standard and the total against 80 minutes', async () => {
    at(t, 25, base);
    expect((await submitTask(admin, await firstTaskId(admin, '/tugas', 'Melakukan Verifikasi'), VERIFIED)).status).toBe(303);
    t.clock.now = new Date(); // = base + 29.5 min (+ the seconds this test has run)
    for (const who of [admin]) {
      const p = statusPage((await who.get(`/kasus/${caseId}`)).text);
      expect(p.progress).toBe('Langkah 4 dari 6');
      expect(p.bar).toEqual({ value: '3', max: '6' });
      expect(p.holder).toBe(`Ditangani oleh ${name}`);
      expect(p.step('MelakukanVerifikasi')).toMatchObject({ cls: 'step done over', actual: '18 menit', standard: '15 menit' });
      expect(p.step('MelakukanVerifikasi').text).toContain('Melebihi mutu baku');
      expect(p.step('MengisiIdentitas').text).not.toContain('Melebihi');
      const current = p.step('MelengkapiInformasi');
      expect(current).toMatchObject({ cls: 'step current', actual: '4 menit', standard: '15 menit' });
      expect(current.text).toContain('berjalan 4 menit / mutu baku 15 menit');
      expect(p.doc('.steps li[aria-current=step]').attr('data-step')).toBe('MelengkapiInformasi');
      expect(p.total).toBe('Total waktu: 29 menit / mutu baku 1 jam 20 menit');
      // the existing selectors stay
      expect(p.doc('.steps .step.done')).toHaveLength(3);
      expect(p.doc('.current li[data-task]')).toHaveLength(1);
      expect(p.doc('[data-status]')).toHaveLength(1);
    }
  });

  test('when the page is read in English, then progress and times are in English', async () => {
    t.clock.now = new Date();
    const en = admin;
    await en.get('/bahasa/en');
    try {
      const p = statusPage((await en.get(`/kasus/${caseId}`)).text);
      expect(p.progress).toBe('Step 4 of 6');
      expect(p.step('MelakukanVerifikasi').text).toContain('took 18 minutes / time standard 15 minutes Over the time standard');
      expect(p.total).toBe('Total time: 29 minutes / time standard 1 hour 20 minutes');
    } finally {
      await en.get('/bahasa/id');
    }
  });
});

describe('Given a case taken through every step in five minutes each', () => {
  let t: TestApp;
  let a: Applicant;
  let admin: TestAgent;

  useTestApp(async (app) => {
    t = app;
    at(t, 0);
    admin = await loggedIn(app, ADMIN);
    const ppbj = app.agent();
    const applicant = await signUp(ppbj, newApplicant());
    const user = await t.services.store.findUserByEmail(applicant.email);
    a = { ppbj, caseId: (await t.services.store.listCasesByApplicant(user!.id))[0]!.id, person: { name: applicant.displayName, email: applicant.email, nip: IDENTITY.nip, nik: IDENTITY.nik } };
    at(t, 5);
    expect((await submitTask(ppbj, await firstTaskId(ppbj, '/tugas'), IDENTITY)).status).toBe(303);
    at(t, 10);
    await adminCompletes(admin, a.caseId, VERIFIED);
    at(t, 15);
    await informationSent(a);
    at(t, 20);
    await adminCompletes(admin, a.caseId, COMPLETE);
    at(t, 25);
    await adminCompletes(admin, a.caseId, { sistem: 'SiRUP', catatan: '' });
    at(t, 600);
  }, 60_000);

  test('when the account is Aktif, then all six steps are done with their times and the total is within the 80 minutes', async () => {
    const p = statusPage((await admin.get(`/kasus/${a.caseId}`)).text);
    expect(p.doc('[data-status]').attr('data-status')).toBe('status.aktif');
    expect(p.progress).toBe('Selesai: 6 dari 6 langkah');
    expect(p.bar).toEqual({ value: '6', max: '6' });
    expect(p.doc('.steps .step.done')).toHaveLength(6);
    expect(p.doc('.current li')).toHaveLength(0);
    for (const id of STEP_IDS.slice(1)) expect(p.step(id).actual).toBe('5 menit');
    expect(p.step('MengaktifkanAkun')).toMatchObject({ cls: 'step done', standard: '5 menit' });
    expect(p.total).toBe('Total waktu: 25 menit / mutu baku 1 jam 20 menit');
    expect(p.doc('.badge.late')).toHaveLength(0);
  });
});
