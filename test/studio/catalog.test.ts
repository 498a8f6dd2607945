// The process catalogue (/proses), "SOP baru", and the pages of each process under /proses/:key:
// a second process lives next to PPBJ with its own versions, studio, SOP document, monitor and
// reports; process ids are checked; unknown keys are 404; the URLs of before redirect.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { caseAtInformation } from '../helpers/ppbj.js';
import { shippedXml, studioPost } from './helpers.js';

const PPBJ = 'pendaftaran-akun-ppbj';
const SECOND = 'izin-cuti';
const secondXml = (): string => readFileSync(new URL('./fixtures/izin-cuti.bpmn', import.meta.url), 'utf8');

async function newSop(owner: TestAgent, fields: { nama: string; id: string }) {
  const _csrf = await csrfFrom(owner, '/proses/baru');
  return owner.post('/proses/baru').type('form').send({ _csrf, ...fields });
}

describe('Given the shipped PPBJ process with a running case, a process owner and an Admin PPE', () => {
  let t: TestApp;
  let owner: TestAgent;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
    admin = await loggedIn(app, ADMIN);
    await caseAtInformation(() => app.agent(), admin, app.services.store);
    t.clock.now = new Date(t.clock.now.getTime() + 60 * 60_000); // past every PPBJ time standard
  });

  const row = async (key: string) => $((await owner.get('/proses')).text)(`tr.process-row[data-process="${key}"]`);

  test('when the owner opens Proses, then PPBJ is listed with its name, latest version, running cases and overdue tasks from the store', async () => {
    const store = t.services.store;
    const running = (await store.listCasesByStatus('running', 100)).filter((c) => c.processKey === PPBJ);
    const overdue = await store.countTasks({ status: 'open', dueBefore: t.clock.now.toISOString() });
    const ppbj = await row(PPBJ);
    expect(ppbj.find('th a').text()).toBe('Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa');
    expect(ppbj.find('th a').attr('href')).toBe(`/proses/${PPBJ}`);
    expect(ppbj.find('.version').text().trim()).toBe('1');
    expect([ppbj.find('.running').text(), ppbj.find('.overdue').text()]).toEqual([String(running.length), String(overdue)]);
    expect(running.length).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
    expect(ppbj.find(`a[href="/proses/${PPBJ}/studio"]`)).toHaveLength(1);
  });

  test.each([
    '/proses/tidak-ada', '/proses/tidak-ada/studio', '/proses/tidak-ada/sop', '/proses/tidak-ada/pantau', `/proses/${'a'.repeat(65)}`,
    '/proses/a.b/studio', '/proses/%3Cb%3E', '/laporan?proses=tidak-ada', '/laporan?proses=%3Cb%3E', '/laporan/tabel-7?proses=x.y',
    '/laporan/pengaturan?proses=tidak-ada', '/laporan/unduh/langkah.csv?proses=tidak-ada',
  ])('when the owner opens %s (not a process), then it is the 404 page', async (path) => {
    const res = await owner.get(path);
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/at \w+ \(|Error:/);
  });

  test.each([
    ['/proses/studio', `/proses/${PPBJ}/studio`],
    ['/proses/studio/xml', `/proses/${PPBJ}/studio/xml`],
    ['/proses/sop?versi=abc', `/proses/${PPBJ}/sop?versi=abc`],
    ['/proses/sop.pdf', `/proses/${PPBJ}/sop.pdf`],
    ['/proses/pantau', `/proses/${PPBJ}/pantau`],
    ['/proses/pantau/langkah/MengisiIdentitas?terlambat=1', `/proses/${PPBJ}/pantau/langkah/MengisiIdentitas?terlambat=1`],
    ['/proses/beda?dari=a&ke=b', `/proses/${PPBJ}/beda?dari=a&ke=b`],
    ['/proses/versi/abc.bpmn', `/proses/${PPBJ}/versi/abc.bpmn`],
  ])('when an old URL %s is opened, then it redirects (303) to the PPBJ process page %s', async (from, to) => {
    const res = await owner.get(from);
    expect([res.status, res.headers.location]).toEqual([303, to]);
  });

  test('when an old studio endpoint is posted to, then it redirects with 308 (same method and body) to the PPBJ studio', async () => {
    const token = await csrfFrom(owner, `/proses/${PPBJ}/studio`);
    const res = await owner.post('/proses/studio/validasi').set('x-csrf-token', token).set('accept', 'application/json').send({ xml: '<x/>' });
    expect([res.status, res.headers.location]).toEqual([308, `/proses/${PPBJ}/studio/validasi`]);
  });

  test('when an Admin PPE or a visitor opens Proses or SOP baru, then it is refused', async () => {
    for (const path of ['/proses', '/proses/baru', `/proses/${PPBJ}`]) expect((await admin.get(path)).status).toBe(403);
    expect((await t.agent().get('/proses/baru')).status).toBe(303);
    const _csrf = await csrfFrom(admin, '/tugas');
    expect((await admin.post('/proses/baru').type('form').send({ _csrf, nama: 'X', id: 'x' })).status).toBe(403);
  });

  test.each([
    [{ nama: 'Pendaftaran Lain', id: PPBJ }, /sudah dipakai oleh proses lain/],
    [{ nama: 'Izin', id: 'izin cuti!' }, /hanya boleh huruf, angka/],
    [{ nama: 'Izin', id: '9-izin' }, /diawali huruf/],
    [{ nama: 'Izin', id: 'studio' }, /dipakai oleh halaman Alur/],
    [{ nama: '', id: 'izin' }, /Isi nama SOP/],
    [{ nama: 'Izin', id: 'x'.repeat(65) }, /paling banyak 64/],
  ])('when SOP baru is posted with %j, then it is refused (422) with the reason and the typed values', async (fields, reason) => {
    const res = await newSop(owner, fields);
    expect(res.status).toBe(422);
    const doc = $(res.text);
    expect(doc('.error-summary').text()).toMatch(reason);
    expect(doc('#f-nama').val()).toBe(fields.nama);
    expect(doc('#f-id').val()).toBe(fields.id.slice(0, 128));
  });

  describe('when the owner makes a new SOP from its name', () => {
    const KEY = 'permohonan-surat-keterangan';
    let created: { status: number; headers: Record<string, string> };
    test('then a draft opens in its studio, the catalogue lists it as "draf", and its id is taken', async () => {
      created = await newSop(owner, { nama: 'Permohonan Surat Keterangan', id: '' });
      expect([created.status, created.headers.location]).toEqual([303, `/proses/${KEY}/studio`]);
      const studio = $((await owner.get(`/proses/${KEY}/studio`)).text)('#studio');
      expect(studio.attr('data-url-deploy')).toBe(`/proses/${KEY}/studio/deploy`);
      expect(studio.attr('data-url-xml')).toBe(`/proses/${KEY}/studio/xml`);
      const doc = (await owner.get(`/proses/${KEY}/studio/xml`)).body as { source: string; version: number; xml: string };
      expect(doc).toMatchObject({ source: 'draft', version: 0 });
      expect(doc.xml).toContain(`<bpmn:process id="${KEY}" name="Permohonan Surat Keterangan"`);
      expect(doc.xml).toContain('namaSop="PERMOHONAN SURAT KETERANGAN"');
      const listed = await row(KEY);
      expect(listed.find('th a').text()).toBe('Permohonan Surat Keterangan');
      expect(listed.find('.version').text().trim()).toBe('draf');
      expect((await newSop(owner, { nama: 'Lagi', id: KEY })).status).toBe(422);
      expect((await owner.get(`/proses/${KEY}/sop`)).status).toBe(404); // nothing deployed yet
    });

    test('then a model whose process id is another process\'s is refused in its studio, and the other way round', async () => {
      const inNew = await studioPost(owner, `/proses/${KEY}/studio/deploy`, { xml: shippedXml(), comment: 'salah' });
      expect(inNew.status).toBe(422);
      expect(inNew.body.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(`id proses harus ${KEY}`);
      const draft = ((await owner.get(`/proses/${KEY}/studio/xml`)).body as { xml: string }).xml;
      const inPpbj = await studioPost(owner, `/proses/${PPBJ}/studio/validasi`, { xml: draft });
      expect(inPpbj.body.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(`id proses harus ${PPBJ}`);
      expect(await t.services.store.getLatestDefinition(KEY)).toBeNull();
    });

    test('then deploying its draft makes version 1 of the new process; PPBJ keeps its versions and its sign-up and steps work', async () => {
      const _csrf = await csrfFrom(owner, `/proses/${KEY}/studio`);
      const res = await owner.post(`/proses/${KEY}/studio/deploy`).type('form').send({ _csrf, comment: 'Versi pertama' });
      expect([res.status, res.headers.location]).toEqual([303, `/proses/${KEY}`]);
      expect((await t.services.store.listDefinitions(KEY)).map((d) => d.version)).toEqual([1]);
      expect((await row(KEY)).find('.version').text().trim()).toBe('1');
      expect((await t.services.store.listDefinitions(PPBJ)).map((d) => d.version)).toEqual([1]);
      const again = await caseAtInformation(() => t.agent(), admin, t.services.store);
      expect(await t.services.store.getCase(again.caseId)).toMatchObject({ processKey: PPBJ, definitionVersion: 1, status: 'running' });
    });
  });

  test('when the owner discards the only draft of a new SOP, then it leaves the catalogue and its pages are 404', async () => {
    expect((await newSop(owner, { nama: 'Coba Saja', id: 'coba-saja' })).status).toBe(303);
    const _csrf = await csrfFrom(owner, '/proses/coba-saja/studio');
    const res = await owner.post('/proses/coba-saja/studio/buang').type('form').send({ _csrf });
    expect([res.status, res.headers.location]).toEqual([303, '/proses']);
    expect(await row('coba-saja')).toHaveLength(0);
    expect((await owner.get('/proses/coba-saja/studio')).status).toBe(404);
  });

  describe('when a second process is deployed from a file whose lanes are Admin PPE and the applicant (Pemohon)', () => {
    test('then it has its own versions page, studio, SOP document, monitor, reports, Tabel 7, CSV and time settings', async () => {
      expect((await newSop(owner, { nama: 'Izin Cuti', id: SECOND })).status).toBe(303);
      const up = await studioPost(owner, `/proses/${SECOND}/studio/unggah`, { xml: secondXml() });
      expect(up.status).toBe(200);
      const deployed = await studioPost(owner, `/proses/${SECOND}/studio/deploy`, { xml: secondXml(), comment: 'Dari berkas' });
      expect(deployed.status).toBe(201);
      expect(deployed.body).toMatchObject({ version: 1, location: `/proses/${SECOND}` });

      const page = $((await owner.get(`/proses/${SECOND}`)).text);
      expect(page('tr.version-row')).toHaveLength(1);
      expect(page('tr[data-element="izin-cuti_Mengajukan"]').text()).toContain('Mengajukan Izin Cuti');
      expect(page(`a[href="/proses/${SECOND}/versi/${deployed.body.id}.bpmn"]`)).toHaveLength(1);
      for (const path of [`/proses/${SECOND}/studio`, `/proses/${SECOND}/sop`, `/proses/${SECOND}/pantau`, `/laporan?proses=${SECOND}`,
        `/laporan/tabel-7?proses=${SECOND}`, `/laporan/pengaturan?proses=${SECOND}`]) {
        expect([path, (await owner.get(path)).status]).toEqual([path, 200]);
      }
      expect($((await owner.get(`/proses/${SECOND}/sop`)).text)('.sop-doc').text()).toContain('PERMOHONAN IZIN CUTI');
      expect((await owner.get(`/proses/${SECOND}/sop.pdf`)).headers['content-type']).toBe('application/pdf');
      const monitor = (await owner.get(`/proses/${SECOND}/pantau/data.json`)).body as { steps: Array<{ elementId: string }> };
      expect(monitor.steps.map((s) => s.elementId).sort()).toEqual(['izin-cuti_Langkah1', 'izin-cuti_Mengajukan']);
      const report = $((await owner.get(`/laporan?proses=${SECOND}`)).text);
      expect(report('.alur-meta').text()).toContain('Permohonan Izin Cuti');
      expect(report(`#f-proses option[value="${SECOND}"]`).attr('selected')).toBe('selected');
      expect(report(`a[href^="/laporan/unduh/langkah.csv?proses=${SECOND}&"]`)).toHaveLength(1);
      const csv = await owner.get(`/laporan/unduh/langkah.csv?proses=${SECOND}`);
      expect(csv.text).toContain('Mengajukan Izin Cuti');
      expect(csv.text).not.toContain('Membuat Akun PPBJ');
      // Admin PPE reads its reports, as PPBJ's, but not its owner pages
      expect((await admin.get(`/laporan?proses=${SECOND}`)).status).toBe(200);
      for (const path of [`/proses/${SECOND}`, `/proses/${SECOND}/studio`, `/proses/${SECOND}/sop`, `/laporan/pengaturan?proses=${SECOND}`]) {
        expect([path, (await admin.get(path)).status]).toEqual([path, 403]);
      }
    });

    test('then its time settings are saved per process version and the form comes back to it', async () => {
      const _csrf = await csrfFrom(owner, `/laporan/pengaturan?proses=${SECOND}`);
      const res = await owner.post('/laporan/pengaturan').type('form').send({ _csrf, proses: SECOND, versi: '1', waktu: 'working' });
      expect([res.status, res.headers.location]).toEqual([303, `/laporan/pengaturan?proses=${SECOND}&versi=1`]);
      const def = await t.services.store.getLatestDefinition(SECOND);
      expect((await t.services.store.getProcessTimeSettings(def!.id))?.timeBasis).toBe('working');
      const ppbj = await t.services.store.getLatestDefinition(PPBJ);
      expect(await t.services.store.getProcessTimeSettings(ppbj!.id)).toBeNull();
    });

    test('then a new version with a lane named after a new actor validates, and its group is a warning until it has an active member', async () => {
      const xml = secondXml().replace('name="Admin PPE"', 'name="Kepala Bagian"');
      const res = await studioPost(owner, `/proses/${SECOND}/studio/validasi`, { xml });
      expect(res.status).toBe(200);
      const problems = res.body.problems as Array<{ severity: string; message: string; elementId: string | null }>;
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(problems.filter((p) => p.severity === 'warning' && p.elementId === 'izin-cuti_Langkah1').map((p) => p.message).join(' ')).toContain('Kepala Bagian');
    });

    test('then a new version whose lane names a system role is refused, naming the step, and the running version keeps serving', async () => {
      const xml = secondXml().replace('name="Admin PPE"', 'name="Process Owner"');
      const res = await studioPost(owner, `/proses/${SECOND}/studio/deploy`, { xml, comment: 'peran sistem' });
      expect(res.status).toBe(422);
      expect(res.body.problems.map((p: { message: string }) => p.message).join(' ')).toContain('Memeriksa Permohonan');
      expect(res.body.problems.map((p: { message: string }) => p.message).join(' ')).toContain('process-owner');
      expect((await t.services.store.listDefinitions(SECOND)).map((d) => d.version)).toEqual([1]);
    });

    test('then a running case of it keeps its version after a new one, and counts in its own row of the catalogue only', async () => {
      const store = t.services.store;
      const v1 = (await store.getLatestDefinition(SECOND))!;
      const now = t.clock.now.toISOString();
      const c = {
        id: 'case-izin-cuti-1', definitionId: v1.id, processKey: SECOND, definitionVersion: 1, applicantId: 'u-izin', applicantName: 'Sari',
        status: 'running' as const, engineState: Buffer.from([0]), data: {}, rev: 1, error: null, createdAt: now, updatedAt: now,
      };
      const task = {
        id: 'task-izin-cuti-1', caseId: c.id, processKey: SECOND, applicantId: c.applicantId, applicantName: 'Sari', elementId: 'izin-cuti_Langkah1', name: 'Memeriksa Permohonan',
        stepNo: 2, groupId: 'admin-ppe', formKey: 'model:izin-cuti_Langkah1', assigneeId: null, status: 'open' as const, createdAt: now,
        dueAt: new Date(t.clock.now.getTime() - 60_000).toISOString(), timeStandard: 'PT1H', completedAt: null, completedBy: null, searchText: 'sari',
      };
      await store.applyCaseChange({ expectedRev: null, case: c, openTasks: [task], audit: [] });
      const before = await row(PPBJ);
      const v2 = await studioPost(owner, `/proses/${SECOND}/studio/deploy`, { xml: secondXml().replace('Catatan pemeriksaan', 'Catatan'), comment: 'v2' });
      expect(v2.status).toBe(201);
      expect(await store.getCase(c.id)).toMatchObject({ definitionVersion: 1, definitionId: v1.id });
      const second = await row(SECOND);
      expect([second.find('.version').text().trim(), second.find('.running').text(), second.find('.overdue').text()]).toEqual(['2', '1', '1']);
      const after = await row(PPBJ);
      expect([after.find('.running').text(), after.find('.overdue').text()]).toEqual([before.find('.running').text(), before.find('.overdue').text()]);
      expect((await owner.get(`/proses/${SECOND}/pantau/data.json`)).body.steps).toEqual(
        expect.arrayContaining([expect.objectContaining({ elementId: 'izin-cuti_Langkah1', open: 1, overdue: 1 })]),
      );
    });

    test('then a task of it at an element id PPBJ also uses counts on its own process view only', async () => {
      const store = t.services.store;
      const ppbjStep = async () => ((await owner.get(`/proses/${PPBJ}/pantau/data.json`)).body.steps as Array<{ elementId: string; open: number }>)
        .find((s) => s.elementId === 'MengisiIdentitas')!.open;
      const before = await ppbjStep();
      const c = (await store.getCase('case-izin-cuti-1'))!;
      const now = t.clock.now.toISOString();
      await store.applyCaseChange({
        expectedRev: c.rev, case: { ...c, rev: c.rev + 1 }, audit: [],
        openTasks: [{ ...(await store.getTask('task-izin-cuti-1'))!, id: 'task-izin-cuti-2', elementId: 'MengisiIdentitas', createdAt: now, dueAt: now }],
      });
      expect(await ppbjStep()).toBe(before);
      const cases = $((await owner.get(`/proses/${PPBJ}/pantau/langkah/MengisiIdentitas`)).text);
      expect(cases('a[href="/kasus/case-izin-cuti-1"]')).toHaveLength(0);
    });
  });
});
