// A generic public service end to end (found by the e2e run): the applicant's start-form answers are
// shown to staff in the review of later steps and on the case page, under the start form's labels,
// and a finished case of a generic process says "Selesai" (the PPBJ's "Aktif" is the PPBJ pack's).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { $, addPerson, csrfFrom, login, startTestApp, type Person, type TestApp } from '../helpers/app.js';
import { firstTaskIdOfCase, submitTask, take } from '../helpers/ppbj.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const START = '/layanan/surat-keterangan/mulai';



/** The review sections of a page: title -> [label, shown value] rows. */
function sections(html: string): Record<string, string[][]> {
  const doc = $(html);
  return Object.fromEntries(doc('section.review').map((_, s) => [[
    doc(s).find('h2').text().trim(),
    doc(s).find('dt').map((i, dt) => [[doc(dt).text().trim(), doc(s).find('dd').eq(i).text().trim()]]).get(),
  ]]).get());
}

describe('Given a public service with a start form, started by an applicant', () => {
  let t: TestApp;
  let applicant: TestAgent;
  let frontDesk: TestAgent;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.services.definitions.deploy(fixture('layanan-surat-keterangan.bpmn'), null, 'layanan publik');
    const warga = await addPerson(t.services.store, 'warga', 'applicant');
    const loket = await addPerson(t.services.store, 'loket', 'staff', ['petugas-loket']);
    applicant = t.agent();
    await login(applicant, warga);
    frontDesk = t.agent();
    await login(frontDesk, loket);
    const _csrf = await csrfFrom(applicant, START);
    const res = await applicant.post(START).type('form').send({ _csrf, alamat: 'Jl. Merdeka 1', lamaTinggal: '12' });
    expect(res.status).toBe(303);
    caseId = res.headers.location!.replace('/kasus/', '').replace('/terkirim', ''); // the applicant's confirmation page
    expect((await submitTask(applicant, await firstTaskIdOfCase(applicant, caseId), { nik: '6171052609860003' })).status).toBe(303);
  });
  afterAll(async () => t?.close());

  test('when the front desk opens the next step, then its review shows the start form\'s answers under the start form\'s labels', async () => {
    const taskId = await firstTaskIdOfCase(frontDesk, caseId);
    expect((await take(frontDesk, taskId)).status).toBe(303);
    const review = sections((await frontDesk.get(`/tugas/${taskId}`)).text);
    expect(review['Permohonan diajukan']).toEqual([['Alamat domisili', 'Jl. Merdeka 1'], ['Lama tinggal (tahun)', '12']]);
    expect(review['Melengkapi Data Pemohon']).toEqual([['NIK', '6171052609860003']]);
  });

  test('when the applicant and the front desk open the case page, then both see the start form\'s answers', async () => {
    for (const agent of [applicant, frontDesk]) {
      const page = sections((await agent.get(`/kasus/${caseId}`)).text);
      expect(page['Permohonan diajukan']).toEqual([['Alamat domisili', 'Jl. Merdeka 1'], ['Lama tinggal (tahun)', '12']]);
    }
  });

  test('when the last step is done, then the case page says "Selesai" (English: "Completed"), not the PPBJ\'s "Aktif"', async () => {
    const taskId = await firstTaskIdOfCase(frontDesk, caseId);
    expect((await submitTask(frontDesk, taskId, { catatan: 'Lengkap' })).status).toBe(303);
    expect((await t.services.store.getCase(caseId))!.status).toBe('completed');
    const page = $((await applicant.get(`/kasus/${caseId}`)).text);
    expect(page('[data-status]').attr('data-status')).toBe('status.selesai');
    expect(page('[data-status]').text().trim()).toBe('Selesai');
    await applicant.get('/bahasa/en');
    expect($((await applicant.get(`/kasus/${caseId}`)).text)('[data-status]').text().trim()).toBe('Completed');
  });
});
