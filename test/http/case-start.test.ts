// Who starts a case: the public catalogue (home page and /layanan), an applicant's start form from
// the model, staff's "Permohonan baru" for a staff-started process, and every refusal on the server.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { $, addPerson, csrfFrom, login, startTestApp, type Person, type TestApp } from '../helpers/app.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const PUBLIC_START = '/layanan/surat-keterangan/mulai';
const STAFF_START = '/proses/surat-masuk/permohonan-baru';



describe('Given a public service and a staff-started process deployed beside the PPBJ sign-up', () => {
  let t: TestApp;
  let applicant: Person;
  let frontDesk: Person;
  let sectionHead: Person;
  const as = async (who: Person): Promise<TestAgent> => {
    const agent = t.agent();
    await login(agent, who);
    return agent;
  };
  beforeAll(async () => {
    t = await startTestApp();
    await t.services.definitions.deploy(fixture('layanan-surat-keterangan.bpmn'), null, 'layanan publik');
    await t.services.definitions.deploy(fixture('surat-masuk.bpmn'), null, 'dimulai petugas loket');
    applicant = await addPerson(t.services.store, 'warga', 'applicant');
    frontDesk = await addPerson(t.services.store, 'loket', 'staff', ['petugas-loket']);
    sectionHead = await addPerson(t.services.store, 'kasi', 'staff', ['kepala-seksi']);
  });
  afterAll(async () => t?.close());

  test('when a visitor opens the home page, then the catalogue lists the public services with what to prepare and the time, "Mulai" opens the service\'s start page, whose "Mulai sekarang" asks to log in first', async () => {
    const page = $((await t.agent().get('/')).text);
    const sk = page('li.service[data-process="surat-keterangan"]');
    expect(sk.find('h3').text()).toBe('Surat Keterangan Domisili');
    expect(sk.find('.description').text()).toBe('Permohonan surat keterangan domisili untuk warga.');
    expect(sk.find('ul.prepare li').map((_, el) => page(el).text()).get()).toEqual(['KTP', 'Kartu Keluarga']);
    expect(sk.find('.total-time').text()).toBe('1 hari 30 menit');
    expect(sk.find('a.start').attr('href')).toBe('/layanan/surat-keterangan');
    expect(page('li.service[data-process="surat-masuk"]')).toHaveLength(0); // staff start it
    const guide = $((await t.agent().get('/layanan/surat-keterangan')).text);
    expect(guide('a.start').attr('href')).toBe(`/masuk?next=${encodeURIComponent(PUBLIC_START)}`);
  });

  test('when a logged-in applicant opens the home page, then it shows the catalogue with "Mulai" going to the start page, and its "Mulai sekarang" straight to the start form; staff are sent to their inbox', async () => {
    const agent = await as(applicant);
    const page = $((await agent.get('/')).text);
    expect(page('li.service[data-process="surat-keterangan"] a.start').attr('href')).toBe('/layanan/surat-keterangan');
    expect($((await agent.get('/layanan/surat-keterangan')).text)('a.start').attr('href')).toBe(PUBLIC_START);
    const staff = await (await as(frontDesk)).get('/');
    expect([staff.status, staff.headers.location]).toEqual([303, '/kotak-masuk']);
  });

  test('when the catalogue lists the PPBJ sign-up, then its start page\'s "Mulai sekarang" goes to the pack\'s own start (/daftar), and the generic start redirects there', async () => {
    const page = $((await t.agent().get('/layanan')).text);
    expect(page('li.service[data-process="pendaftaran-akun-ppbj"] a.start').attr('href')).toBe('/layanan/pendaftaran-akun-ppbj');
    expect($((await t.agent().get('/layanan/pendaftaran-akun-ppbj')).text)('a.start').attr('href')).toBe('/daftar');
    const res = await (await as(applicant)).get('/layanan/pendaftaran-akun-ppbj/mulai');
    expect([res.status, res.headers.location]).toEqual([303, '/daftar']);
  });

  test('when a visitor opens or posts a start form, then they are sent to log in and nothing starts', async () => {
    const res = await t.agent().get(PUBLIC_START);
    expect([res.status, res.headers.location]).toEqual([303, `/masuk?next=${encodeURIComponent(PUBLIC_START)}`]);
    expect(await t.services.store.listCasesByStatus('running', 100)).toHaveLength(0);
  });

  test('when the applicant opens the start form, then it shows the model\'s start fields, and bad input answers 422 keeping every typed value', async () => {
    const agent = await as(applicant);
    const form = $((await agent.get(PUBLIC_START)).text);
    expect(form('h1').text()).toContain('Surat Keterangan Domisili');
    expect(form('label[for=f-alamat]').text()).toContain('Alamat domisili');
    expect(form('#f-lamaTinggal').attr('inputmode')).toBe('numeric');
    const _csrf = String(form('input[name=_csrf]').val());
    const res = await agent.post(PUBLIC_START).type('form').send({ _csrf, alamat: 'Jl. Merdeka 1', lamaTinggal: '500' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('.error-summary li').map((_, el) => page(el).text()).get()).toEqual(['Lama tinggal (tahun): Paling besar 99.']);
    expect(page('#f-alamat').val()).toBe('Jl. Merdeka 1');
    expect(page('#f-lamaTinggal').val()).toBe('500');
    expect(await t.services.store.listCasesByApplicant(applicant.id)).toHaveLength(0);
  });

  test('when the applicant starts it with valid values, then the case is theirs, holds the start form under its key (start:<start event id>), waits at their first step, and is audited', async () => {
    const agent = await as(applicant);
    const _csrf = await csrfFrom(agent, PUBLIC_START);
    const res = await agent.post(PUBLIC_START).type('form').send({ _csrf, alamat: 'Jl. Merdeka 1', lamaTinggal: '12' });
    expect(res.status).toBe(303);
    const [c] = await t.services.store.listCasesByApplicant(applicant.id);
    expect(res.headers.location).toBe(`/kasus/${c!.id}/terkirim`); // the confirmation with the nomor permohonan
    expect(c).toMatchObject({ processKey: 'surat-keterangan', applicantId: applicant.id, applicantName: applicant.displayName, status: 'running', data: { 'start:Mulai': { alamat: 'Jl. Merdeka 1', lamaTinggal: '12' } } });
    const open = await t.services.store.listTasks({ caseId: c!.id });
    expect(open.map((x) => [x.elementId, x.groupId])).toEqual([['Lengkapi', 'pemohon']]);
    const audit = await t.services.store.listAudit(c!.id);
    expect(audit.find((e) => e.type === 'case.started')).toMatchObject({ actorId: applicant.id, data: { processKey: 'surat-keterangan', version: 1, by: 'applicant' } });
    expect((await agent.get(`/kasus/${c!.id}`)).status).toBe(200);
  });

  test('when the applicant asks for the staff-started process, then it is not theirs to start (404 as a service, 403 as staff\'s page)', async () => {
    const agent = await as(applicant);
    expect((await agent.get('/layanan/surat-masuk/mulai')).status).toBe(404);
    const res = await agent.get(STAFF_START);
    expect(res.status).toBe(403);
    expect($(res.text)('main p').first().text()).toBe('Halaman ini untuk petugas. Pemohon memulai permohonan dari daftar Layanan.');
  });

  test('when a front-desk member (group of the starters) starts the staff process, then "Permohonan baru" lists it and the case is named after the start form\'s subject', async () => {
    const agent = await as(frontDesk);
    const list = $((await agent.get('/permohonan-baru')).text);
    expect(list('li.service').map((_, el) => list(el).attr('data-process')).get()).toEqual(['surat-masuk']);
    expect(list('li.service a.start').attr('href')).toBe(STAFF_START);
    const _csrf = await csrfFrom(agent, STAFF_START);
    const res = await agent.post(STAFF_START).type('form').send({ _csrf, nomorSurat: '005/12/2026', pemohon: 'PT Maju Jaya' });
    expect(res.status).toBe(303);
    const [c] = await t.services.store.listCasesByApplicant(frontDesk.id);
    expect(c).toMatchObject({ processKey: 'surat-masuk', applicantId: frontDesk.id, applicantName: 'PT Maju Jaya', data: { 'start:Terima': { nomorSurat: '005/12/2026', pemohon: 'PT Maju Jaya' } } });
    const open = await t.services.store.listTasks({ caseId: c!.id });
    expect(open.map((x) => [x.elementId, x.groupId, x.applicantName])).toEqual([['Jawab', 'kepala-seksi', 'PT Maju Jaya']]);
  });

  test('when a staff member outside the starter groups opens or posts the staff start, then it is refused with a message and no case starts', async () => {
    const agent = await as(sectionHead);
    const list = $((await agent.get('/permohonan-baru')).text);
    expect(list('li.service')).toHaveLength(0);
    const page = await agent.get(STAFF_START);
    expect(page.status).toBe(403);
    expect($(page.text)('main p').first().text()).toBe('Anda bukan anggota grup yang dapat memulai proses ini.');
    const _csrf = await csrfFrom(agent, '/permohonan-baru');
    const res = await agent.post(STAFF_START).type('form').send({ _csrf, nomorSurat: '006/12/2026', pemohon: 'CV Lain' });
    expect(res.status).toBe(403);
    expect(await t.services.store.listCasesByApplicant(sectionHead.id)).toHaveLength(0);
  });

  test('when a starter-group member, another staff member and an applicant open a page, then only the starter sees "Permohonan baru" in the menu and the applicant sees "Layanan"', async () => {
    const nav = async (who: Person, path: string) => {
      const page = $((await (await as(who)).get(path)).text);
      return page('.govuk-service-navigation nav a').map((_, a) => [[page(a).attr('href'), page(a).text().trim()]]).get() as string[][];
    };
    expect(await nav(frontDesk, '/kotak-masuk')).toContainEqual(['/permohonan-baru', 'Permohonan baru']);
    expect((await nav(sectionHead, '/kotak-masuk')).map(([href]) => href)).not.toContain('/permohonan-baru');
    const applicantNav = await nav(applicant, '/tugas');
    expect(applicantNav).toContainEqual(['/layanan', 'Layanan']);
    expect(applicantNav.map(([href]) => href)).not.toContain('/permohonan-baru');
  });

  test('when staff open the start of a process that was never deployed, then it is not found', async () => {
    expect((await (await as(frontDesk)).get('/proses/tidak-ada/permohonan-baru')).status).toBe(404);
  });
});
