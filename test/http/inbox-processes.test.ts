// Every inbox is per process: with a second process deployed next to PPBJ, each row shows its
// process, the inbox filters by process, and the step filter lists the steps of one process only
// (one step across versions; never a step of another process). The task and case pages of the
// second process open.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, actorOf, ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { caseAtInformation, firstTaskId, IDENTITY, signUp, submitTask } from '../helpers/ppbj.js';
import { studioPost } from '../studio/helpers.js';
import { newCase } from '../../src/cases/case-records.js';
import { auditEvent, newTasks } from '../../src/cases/task-projection.js';
import { startProcess } from '../../src/workflow/index.js';

const PPBJ = 'pendaftaran-akun-ppbj';
const PPBJ_NAME = 'Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa';
const CUTI = 'izin-cuti';
const CUTI_NAME = 'Permohonan Izin Cuti';
const cutiXml = (): string => readFileSync(new URL('../studio/fixtures/izin-cuti.bpmn', import.meta.url), 'utf8');

/** Deploys the second process from its file, as the process owner does in the studio. */
async function deployCuti(owner: TestAgent, xml: string, comment: string) {
  const _csrf = await csrfFrom(owner, '/proses/baru');
  await owner.post('/proses/baru').type('form').send({ _csrf, nama: 'Izin Cuti', id: CUTI });
  const res = await studioPost(owner, `/proses/${CUTI}/studio/deploy`, { xml, comment });
  expect(res.status).toBe(201);
}

/**
 * Starts a case of the second process for `applicantId` on its latest version (case starters come
 * later): the engine's first step projected by the real projection code, then the PPBJ completes
 * it through CaseService, which projects the Admin PPE step.
 */
async function startCuti(t: TestApp, applicantId: string): Promise<{ caseId: string; taskId: string }> {
  const { store, definitions, cases } = t.services;
  const def = await definitions.latest(CUTI);
  const user = (await store.getUser(applicantId))!;
  const started = await startProcess(def);
  const now = t.clock.now;
  const c = newCase(def, user, started, now.toISOString());
  const first = newTasks(c, started.waiting, [], now);
  await store.applyCaseChange({
    expectedRev: null, case: c, openTasks: first.tasks,
    audit: [auditEvent(c.id, now.toISOString(), user, 'case.started', { processKey: def.processKey, version: def.version }), ...first.audit],
  });
  await cases.completeTask(first.tasks[0]!.id, await actorOf(store, user), { alasan: 'Keperluan keluarga' });
  const open = await store.listTasks({ caseId: c.id, groupIds: ['admin-ppe'] });
  return { caseId: c.id, taskId: open[0]!.id };
}

describe('Given PPBJ with a case at the Admin PPE and a second process (Izin Cuti, two versions) with a case at its Admin PPE step', () => {
  let t: TestApp;
  let admin: TestAgent;
  let cuti: { caseId: string; taskId: string };
  let applicant: TestAgent;
  useTestApp(async (app) => {
    t = app;
    const owner = await loggedIn(app, OWNER);
    admin = await loggedIn(app, ADMIN);
    const { caseId, ppbj: first } = await caseAtInformation(() => app.agent(), admin, app.services.store);
    applicant = first;
    const applicantId = (await app.services.store.getCase(caseId))!.applicantId;
    await deployCuti(owner, cutiXml(), 'Versi 1');
    cuti = await startCuti(app, applicantId);
    // a second PPBJ case waits at the Admin PPE's identity check
    const ppbj = app.agent();
    await signUp(ppbj);
    await submitTask(ppbj, await firstTaskId(ppbj, '/tugas'), IDENTITY);
    await deployCuti(owner, cutiXml().replace('Catatan pemeriksaan', 'Catatan'), 'Versi 2'); // same step ids
  });

  const page = async (path: string) => $((await admin.get(path)).text);
  const rowsOf = (doc: ReturnType<typeof $>) => doc('tr.task-row').map((_, r) => doc(r).attr('data-process')).get();

  test('when the Admin PPE opens the Antrian, then the Izin Cuti task shows with its process name and the PPBJ task with its own', async () => {
    const queue = await page('/kotak-masuk');
    const row = queue(`tr[data-task="${cuti.taskId}"]`);
    expect(row.find('td.process').text()).toBe(CUTI_NAME);
    expect(row.attr('data-process')).toBe(CUTI);
    expect(queue('thead th:not(.alur-select)').first().text()).toBe('Proses'); // after the column of the select boxes
    expect(rowsOf(queue).sort()).toEqual([CUTI, PPBJ]);
    expect(queue(`tr.task-row[data-process="${PPBJ}"] td.process`).text()).toBe(PPBJ_NAME);
  });

  test('when the Admin PPE filters by process, then each process shows only its tasks and the tab counts follow', async () => {
    const both = await page('/kotak-masuk');
    expect(both('#q-proses option').map((_, o) => both(o).text()).get()).toEqual(['Semua proses', PPBJ_NAME, CUTI_NAME]); // by name
    expect(both('#q-proses option').map((_, o) => both(o).attr('value')).get()).toEqual(['', PPBJ, CUTI]);
    const onlyCuti = await page(`/kotak-masuk?proses=${CUTI}`);
    expect(rowsOf(onlyCuti)).toEqual([CUTI]);
    expect(onlyCuti(`#q-proses option[value="${CUTI}"]`).attr('selected')).toBeDefined();
    expect(onlyCuti('nav.tabs a').first().attr('href')).toBe(`/kotak-masuk?proses=${CUTI}`);
    expect(onlyCuti('nav.tabs a').first().find('.count').text()).toBe('1');
    expect(rowsOf(await page(`/kotak-masuk?proses=${PPBJ}`))).toEqual([PPBJ]);
    expect(rowsOf(await page('/kotak-masuk?proses=tidak-ada')).sort()).toEqual(rowsOf(both).sort()); // unknown: every process
  });

  test('when the Admin PPE chooses a process, then the step filter lists that process\'s steps (one per element id over its versions), and a step filters within its process only', async () => {
    const none = await page('/kotak-masuk');
    expect(none('#q-langkah option').map((_, o) => none(o).attr('value')).get()).toEqual(['']); // two processes: choose one first
    expect(none('#q-langkah-hint').text()).toContain('Pilih proses');
    const cutiSteps = await page(`/kotak-masuk?proses=${CUTI}`);
    expect(cutiSteps('#q-langkah option').map((_, o) => cutiSteps(o).attr('value')).get()).toEqual(['', 'izin-cuti_Langkah1']);
    expect(cutiSteps('#q-langkah option').eq(1).text()).toBe('2. Memeriksa Permohonan');
    const ppbjSteps = await page(`/kotak-masuk?proses=${PPBJ}`);
    expect(ppbjSteps('#q-langkah option').map((_, o) => ppbjSteps(o).attr('value')).get()).toEqual(['', 'MelakukanVerifikasi', 'MemeriksaInformasi', 'MengaktifkanAkun']);
    expect(rowsOf(await page(`/kotak-masuk?proses=${PPBJ}&langkah=MelakukanVerifikasi`))).toEqual([PPBJ]);
    const step = await page(`/kotak-masuk?proses=${CUTI}&langkah=izin-cuti_Langkah1`);
    expect(rowsOf(step)).toEqual([CUTI]);
    expect(step('#q-langkah option[selected]').attr('value')).toBe('izin-cuti_Langkah1');
    // a PPBJ step asked within Izin Cuti is not one of its steps: ignored, the process filter stays
    const foreign = await page(`/kotak-masuk?proses=${CUTI}&langkah=MelakukanVerifikasi`);
    expect(rowsOf(foreign)).toEqual([CUTI]);
    expect(foreign('#q-langkah option[selected]')).toHaveLength(0);
  });

  test('when the Admin PPE opens the Izin Cuti task and its case, then both pages open with its step', async () => {
    const task = await admin.get(`/tugas/${cuti.taskId}`);
    expect(task.status).toBe(200);
    expect($(task.text)('h1').text()).toContain('Memeriksa Permohonan');
    const kasus = await admin.get(`/kasus/${cuti.caseId}`);
    expect(kasus.status).toBe(200);
    expect(kasus.text).toContain('Memeriksa Permohonan');
  });

  test('when the PPBJ opens Tugas Saya, then their task shows its process too', async () => {
    const doc = $((await applicant.get('/tugas')).text);
    expect(doc('tr.task-row td.process').map((_, c) => doc(c).text()).get()).toEqual([PPBJ_NAME]);
  });

  test('when the Admin PPE takes the Izin Cuti task, then Tugas Saya filters it by process, searches within it, and shows no NIK for a case without the PPBJ identity form', async () => {
    const _csrf = await csrfFrom(admin, '/kotak-masuk');
    expect((await admin.post(`/tugas/${cuti.taskId}/ambil`).type('form').send({ _csrf })).status).toBe(303);
    const mine = await page(`/tugas?proses=${CUTI}`);
    expect(rowsOf(mine)).toEqual([CUTI]);
    expect(mine(`tr[data-task="${cuti.taskId}"] td.nik`).text()).toBe('—');
    expect(rowsOf(await page(`/tugas?proses=${PPBJ}`))).toEqual([]);
    const name = (await t.services.store.getTask(cuti.taskId))!.applicantName;
    expect(rowsOf(await page(`/tugas?proses=${CUTI}&cari=${encodeURIComponent(name)}`))).toEqual([CUTI]);
    expect(rowsOf(await page(`/tugas?proses=${CUTI}&cari=tidak-ada-nama`))).toEqual([]);
    expect(rowsOf(await page(`/tugas?proses=${CUTI}&langkah=izin-cuti_Langkah1&urut=umur`))).toEqual([CUTI]);
    const queue = await page(`/kotak-masuk?proses=${PPBJ}`);
    expect(queue('tr.task-row td.nik').text()).toMatch(/\*/); // the PPBJ case's NIK, masked
  });
});
