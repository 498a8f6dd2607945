// The modeler's draft (server-side, one per process), uploads and the no-JavaScript deploy of the
// saved draft: a broken upload never replaces the draft nor the running version.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { $, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { ruleFixture, shippedXml, studioPost, v2Xml } from './helpers.js';

const truncated = readFileSync(new URL('../workflow/fixtures/broken-truncated.bpmn', import.meta.url), 'utf8');
const versions = async (t: TestApp) => (await t.services.store.listDefinitions('pendaftaran-akun-ppbj')).map((d) => d.version);

describe('Given the process owner in the modeler', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test('when nothing was saved, then the modeler opens the running version', async () => {
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body).toMatchObject({ source: 'version', version: 1, xml: shippedXml() });
  });

  test('when a draft is saved, then it is what the modeler opens next, and the running version is unchanged', async () => {
    const xml = v2Xml();
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/draf', { xml });
    expect(res.status).toBe(200);
    expect(res.body.savedAt).toEqual(expect.any(String));
    expect(res.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body).toMatchObject({ source: 'draft', xml });
    expect($((await owner.get('/proses/pendaftaran-akun-ppbj/studio')).text)('#studio-source').text()).toMatch(/Membuka draf/);
    const download = await owner.get('/proses/pendaftaran-akun-ppbj/studio/draf.bpmn');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="?pendaftaran-akun-ppbj-draf\.bpmn"?$/);
    expect(download.text).toBe(xml);
    expect(await versions(t)).toEqual([1]);
  });

  test.each([
    ['truncated XML', truncated, 422, /unparsable content/],
    ['a DOCTYPE with an external entity', ruleFixture('external-entity.bpmn'), 422, /deklarasi DOCTYPE atau ENTITY yang tidak diizinkan/],
    ['a file over 1 MiB', shippedXml().replace('</bpmn:definitions>', `<!-- ${'x'.repeat(1024 * 1024)} --></bpmn:definitions>`), 422, /lebih dari batas 1048576 byte/],
    ['a request body far over the limit', shippedXml().replace('</bpmn:definitions>', `<!-- ${'x'.repeat(2 * 1024 * 1024)} --></bpmn:definitions>`), 413, /^Berkas lebih besar dari 1048576 byte; perkecil prosesnya\.$/],
  ])('when %s is uploaded, then it is refused and neither the draft nor the running version changes', async (_what, xml, status, reason) => {
    const before = (await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body.xml;
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/unggah', { xml, name: 'rusak.bpmn' });
    expect(res.status).toBe(status);
    expect(res.body.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(reason);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body.xml).toBe(before);
    expect(await versions(t)).toEqual([1]);
  });

  test('when a request body is not JSON, then it is refused (400) with the reason in the reader\'s language', async () => {
    const token = await csrfFrom(owner, '/proses/pendaftaran-akun-ppbj/studio');
    const res = await owner.post('/proses/pendaftaran-akun-ppbj/studio/draf').set('x-csrf-token', token).set('content-type', 'application/json').send('{"xml": ');
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'request-not-json', message: 'Permintaan tidak dapat dibaca; muat ulang halaman lalu coba lagi.' })]);
  });

  test('when a diagram from the Camunda desktop modeler is uploaded, then it becomes the draft with its problems listed', async () => {
    const xml = ruleFixture('camunda-modeler-export.bpmn');
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/unggah', { xml, name: 'dari-camunda.bpmn' });
    expect(res.status).toBe(200);
    expect(res.body.xml).toBe(xml);
    // the two steps a return goes back to (3 and 5) are joined without a gateway: warnings only
    expect(res.body.problems).toEqual([
      expect.objectContaining({ rule: 'fake-join', severity: 'warning', elementId: 'MengisiIdentitas' }),
      expect.objectContaining({ rule: 'fake-join', severity: 'warning', elementId: 'MelengkapiInformasi' }),
    ]);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body).toMatchObject({ source: 'draft', xml });
  });

  test('when a draft with an error is deployed from the plain form, then the refusal page lists the problem and nothing is deployed', async () => {
    await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/draf', { xml: ruleFixture('form-unknown.bpmn') });
    const _csrf = await csrfFrom(owner, '/proses/pendaftaran-akun-ppbj/studio');
    const res = await owner.post('/proses/pendaftaran-akun-ppbj/studio/deploy').type('form').send({ _csrf, comment: 'coba' });
    expect(res.status).toBe(422);
    const problem = $(res.text)('li.problem.error[data-element="MengaktifkanAkun"]');
    expect(problem.text()).toMatch(/Formulir "formulir-tidak-ada" pada langkah “Mengaktifkan Akun PPBJ” tidak ada/);
    expect(await versions(t)).toEqual([1]);
  });

  test('when a valid draft is deployed from the plain form, then it becomes version 2 and the draft is cleared', async () => {
    await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/draf', { xml: v2Xml() });
    const _csrf = await csrfFrom(owner, '/proses/pendaftaran-akun-ppbj/studio');
    const res = await owner.post('/proses/pendaftaran-akun-ppbj/studio/deploy').type('form').send({ _csrf, comment: 'Dari draf' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/proses/pendaftaran-akun-ppbj');
    const [v2] = await t.services.store.listDefinitions('pendaftaran-akun-ppbj');
    expect(v2).toMatchObject({ version: 2, xml: v2Xml(), comment: 'Dari draf' });
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body).toMatchObject({ source: 'version', version: 2 });
  });

  test('when a draft is discarded, then the modeler opens the running version again', async () => {
    await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/draf', { xml: shippedXml() });
    const _csrf = await csrfFrom(owner, '/proses/pendaftaran-akun-ppbj/studio');
    expect((await owner.post('/proses/pendaftaran-akun-ppbj/studio/buang').type('form').send({ _csrf })).status).toBe(303);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body).toMatchObject({ source: 'version', version: 2 });
    expect(await versions(t)).toEqual([2, 1]);
  });
});
