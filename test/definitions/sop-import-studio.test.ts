// The studio of an imported draft over HTTP: its import notes come with the draft, worded in the owner's
// language and naming the step by row number and Kegiatan; notes leave the draft when dismissed (a
// list of note ids, checked), the modeler's saves keep the others, and a deploy takes them with the draft.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';

const SAMPLE = readFileSync(new URL('../importer/fixtures/bps-bengkulu/348-upload-publikasi.pdf', import.meta.url));
const KEY = 'upload-publikasi';
const STUDIO = `/proses/${KEY}/studio`;
const STEP4 = 'Tim Diseminasi Statistik memutuskan apakah perlu dilakukan perbaikan atau tidak…';

describe('Given the owner imported sample 348 (a decision whose two branches carry no label)', () => {
  let t: TestApp;
  let owner: TestAgent;
  let csrf: string;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
    csrf = await csrfFrom(owner, '/proses/baru');
    const res = await owner.post('/proses/baru/impor').field('_csrf', csrf).attach('berkas', SAMPLE, 'sop.pdf').field('teks', '').field('idImpor', '');
    if (res.status !== 303) throw new Error(`import failed: ${res.status}`);
  }, 60_000);

  const notes = async (agent: TestAgent) => (await agent.get(`${STUDIO}/xml`)).body.importNotes as Array<{ id: string; elementId: string; code: string; message: string }>;
  const done = (ids: unknown, agent = owner, token = csrf) => agent.post(`${STUDIO}/impor/selesai`).set('x-csrf-token', token).send({ ids });

  test('when the studio opens the draft, then each note names its row and Kegiatan, in Indonesian by default and in English on request', async () => {
    expect((await notes(owner)).map((n) => [n.id, n.elementId, n.message])).toEqual([
      ['p1', 'Langkah1', 'Baris 1 “Tim Pembuat Publikasi menyusun kelengkapan penyerahan publikasi”: simbol awal juga menerima panah (alur kembali); dijadikan peristiwa awal diikuti tugas untuk kegiatan baris ini, yang dituju alur kembali itu; periksa langkah ini.'],
      ['p2', 'Flow_Keputusan4_Selesai5', `Baris 4 “${STEP4}”: salah satu cabang keputusan ini tidak berlabel; beri nama cabangnya (mis. “Ya” atau “Tidak”).`],
      ['p3', 'Flow_Keputusan4_Langkah1', `Baris 4 “${STEP4}”: salah satu cabang keputusan ini tidak berlabel; beri nama cabangnya (mis. “Ya” atau “Tidak”).`],
    ]);
    const english = (await owner.get(`${STUDIO}/xml`).set('Cookie', 'lang=en')).body.importNotes as Array<{ message: string }>;
    expect(english[1]!.message).toBe(`Row 4 “${STEP4}”: a branch of this decision has no label; name it (e.g. “Ya” or “Tidak”).`);
  });

  test('when the modeler saves the draft, then the notes stay; when two are dismissed, then only the third is left', async () => {
    const { xml } = (await owner.get(`${STUDIO}/xml`)).body as { xml: string };
    expect((await owner.post(`${STUDIO}/draf`).set('x-csrf-token', csrf).send({ xml })).status).toBe(200);
    expect((await notes(owner)).map((n) => n.id)).toEqual(['p1', 'p2', 'p3']);
    const res = await done(['p2', 'p3', 'p2']);
    expect([res.status, res.body]).toEqual([200, { dismissed: ['p2', 'p3'] }]);
    expect((await notes(owner)).map((n) => n.id)).toEqual(['p1']);
  });

  test.each([
    ['not a list', 'p1'],
    ['an empty list', []],
    ['something that is no note id', ['p1', { $gt: '' }]],
    ['too many ids', Array.from({ length: 501 }, (_v, i) => `p${i + 1}`)],
  ])('when the dismissal names %s, then it is refused (422) and nothing changes', async (_what, ids) => {
    expect((await done(ids)).status).toBe(422);
    expect((await notes(owner)).map((n) => n.id)).toEqual(['p1']);
  });

  test('when staff who own no process, or a post without the token, try to dismiss, then they are refused', async () => {
    const staff = await loggedIn(t, ADMIN);
    expect((await done(['p1'], staff, await csrfFrom(staff, '/kotak-masuk'))).status).toBe(403);
    expect((await owner.post(`${STUDIO}/impor/selesai`).send({ ids: ['p1'] })).status).toBe(403);
    expect((await notes(owner)).map((n) => n.id)).toEqual(['p1']);
  });

  test('when the draft is discarded, then its notes go with it', async () => {
    await owner.post(`${STUDIO}/buang`).type('form').send({ _csrf: csrf });
    expect(await t.services.store.getProcessDraft(KEY)).toBeNull();
  });
});
