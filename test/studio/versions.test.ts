// Versions over HTTP: deploy from the modeler, refusals that leave the running version alone,
// running cases staying on their version, the diff page and rollback.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, caseAtInformation, firstTaskIdOfCase, submitTask, submitWithFile, take } from '../helpers/ppbj.js';
import { ruleFixture, shippedXml, studioPost, v2Xml } from './helpers.js';

describe('Given a case started on version 1 and a process owner', () => {
  let t: TestApp;
  let owner: TestAgent;
  let admin: TestAgent;
  let onV1: Awaited<ReturnType<typeof caseAtInformation>>;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
    admin = await loggedIn(app, ADMIN);
    onV1 = await caseAtInformation(() => app.agent(), admin, t.services.store);
  });

  test('when the owner deploys a diagram with an error, then it is refused with the reasons and version 1 keeps running', async () => {
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml: ruleFixture('time-standard-invalid.bpmn'), comment: 'rusak' });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'MengaktifkanAkun', severity: 'error', message: expect.stringMatching(/Waktu langkah “Mengaktifkan Akun PPBJ” "5 Menit" tidak dapat dibaca/) })]));
    const other = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml: ruleFixture('process-id-changed.bpmn'), comment: 'lain' });
    expect(other.status).toBe(422);
    expect(other.body.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(/id proses harus pendaftaran-akun-ppbj/);
    expect((await t.services.store.listDefinitions('pendaftaran-akun-ppbj')).map((d) => d.version)).toEqual([1]);
  });

  test('when a deploy carries no CSRF token, then it is refused (403) and nothing is deployed', async () => {
    const res = await owner.post('/proses/pendaftaran-akun-ppbj/studio/deploy').set('accept', 'application/json').send({ xml: v2Xml(), comment: 'tanpa token' });
    expect(res.status).toBe(403);
    expect((await t.services.store.listDefinitions('pendaftaran-akun-ppbj'))).toHaveLength(1);
  });

  test('when the owner deploys version 2, then the v1 case finishes on v1 while a new case starts on v2', async () => {
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml: v2Xml(), comment: 'Aktivasi 10 menit' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, location: '/proses/pendaftaran-akun-ppbj' });

    // the v1 case goes on: step 5 → 6 (Lengkap) → 7, whose task still has v1's name and time standard
    expect((await submitWithFile(onV1.ppbj, onV1.taskId, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    const step6 = await firstTaskIdOfCase(admin, onV1.caseId);
    await take(admin, step6);
    expect((await submitTask(admin, step6, { lengkap: 'ya', alasan: '' })).status).toBe(303);
    const [step7] = await t.services.store.listTasks({ caseId: onV1.caseId, status: 'open' });
    expect(step7).toMatchObject({ name: 'Mengaktifkan Akun PPBJ', timeStandard: 'PT5M' });
    await take(admin, step7!.id);
    expect((await submitTask(admin, step7!.id, { sistem: ['SiRUP'] })).status).toBe(303);
    expect(await t.services.store.getCase(onV1.caseId)).toMatchObject({ status: 'completed', definitionVersion: 1 });

    const onV2 = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await t.services.store.getCase(onV2.caseId))!.definitionVersion).toBe(2);
  });

  test('when the owner opens the version list, then each version shows who deployed it, when, and the comment', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj')).text);
    const row = (v: number) => page(`tr.version-row[data-version="${v}"]`);
    expect(row(2).find('.by').text()).toBe('Pemilik Proses');
    expect(row(2).find('.comment').text()).toBe('Aktivasi 10 menit');
    expect(row(1).find('.by').text()).toBe('Sistem');
    expect(row(1).find('form.rollback')).toHaveLength(1);
    expect(row(2).find('form.rollback')).toHaveLength(0);
  });

  test('when the owner compares version 1 with version 2, then the diff page lists the changed step and its SOP fields', async () => {
    const [v2, v1] = await t.services.store.listDefinitions('pendaftaran-akun-ppbj');
    const page = $((await owner.get(`/proses/pendaftaran-akun-ppbj/beda?dari=${v1!.id}&ke=${v2!.id}`)).text);
    const step = page('.diff-changed .changed-element[data-element="MengaktifkanAkun"]');
    expect(step.find('tr[data-field="time"] .before').text()).toBe('PT5M');
    expect(step.find('tr[data-field="time"] .after').text()).toBe('PT10M');
    expect(step.find('tr[data-field="name"] .after').text()).toBe('Mengaktifkan Akun PPBJ (v2)');
    expect(page('.diff-added, .diff-removed')).toHaveLength(0);
  });

  test('when the owner rolls back to version 1, then version 3 is deployed with version 1\'s XML and new cases use it', async () => {
    const [, v1] = await t.services.store.listDefinitions('pendaftaran-akun-ppbj');
    const _csrf = await csrfFrom(owner, '/proses/pendaftaran-akun-ppbj');
    const res = await owner.post(`/proses/pendaftaran-akun-ppbj/versi/${v1!.id}/rollback`).type('form').send({ _csrf });
    expect(res.status).toBe(303);
    const [v3] = await t.services.store.listDefinitions('pendaftaran-akun-ppbj');
    expect(v3).toMatchObject({ version: 3, xml: shippedXml(), comment: 'Dipulihkan dari versi 1' });
    expect($((await owner.get('/proses/pendaftaran-akun-ppbj')).text)('tr[data-element="MengaktifkanAkun"] .time').text()).toBe('5 menit');
    const onV3 = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await t.services.store.getCase(onV3.caseId))!.definitionVersion).toBe(3);
  });

  test('when an Admin PPE tries to roll back, then it is refused', async () => {
    const [, , v1] = await t.services.store.listDefinitions('pendaftaran-akun-ppbj');
    const _csrf = await csrfFrom(admin, '/kotak-masuk');
    expect((await admin.post(`/proses/pendaftaran-akun-ppbj/versi/${v1!.id}/rollback`).type('form').send({ _csrf })).status).toBe(403);
  });
});
