// The process owner's pages render and are refused to everyone else.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';

const PAGES = ['/proses', '/proses/pendaftaran-akun-ppbj', '/proses/pendaftaran-akun-ppbj/studio', '/proses/pendaftaran-akun-ppbj/sop', '/proses/pendaftaran-akun-ppbj/pantau', '/proses/pendaftaran-akun-ppbj/pantau/langkah/MengisiIdentitas'];

describe('Given the process owner and an Admin PPE', () => {
  let t: TestApp;
  let owner: TestAgent;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
    admin = await loggedIn(app, ADMIN);
  });

  test.each(PAGES)('when the owner opens %s, then it renders with the page heading', async (path) => {
    const res = await owner.get(path);
    expect(res.status).toBe(200);
    expect($(res.text)('main h1').text().trim()).not.toBe('');
  });

  test.each([...PAGES, '/proses/pendaftaran-akun-ppbj/sop.pdf', '/proses/pendaftaran-akun-ppbj/studio/xml', '/proses/pendaftaran-akun-ppbj/pantau/data.json'])('when an Admin PPE opens %s, then it is refused (403)', async (path) => {
    expect((await admin.get(path)).status).toBe(403);
  });

  test('when nobody is logged in, then the modeler redirects to the login page', async () => {
    const res = await t.agent().get('/proses/pendaftaran-akun-ppbj/studio');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/masuk/);
  });

  test('when the modeler page is served, then bpmn-js, the panel CSS and the bundle come from this server and no script is inline', async () => {
    const doc = $((await owner.get('/proses/pendaftaran-akun-ppbj/studio')).text);
    const scripts = doc('script').toArray().map((s) => doc(s).attr('src'));
    expect(scripts).toEqual([expect.stringMatching(/^\/studio\/bundle\/modeler\.js\?v=\w+$/), expect.stringMatching(/^\/assets\/\w+\/alur-init\.js$/)]);
    expect(doc('script:not([src])')).toHaveLength(0);
    for (const href of doc('link[rel=stylesheet]').toArray().map((l) => doc(l).attr('href')!)) {
      expect(href.startsWith('/')).toBe(true);
      expect((await owner.get(href)).status).toBe(200);
    }
    expect((await owner.get('/studio/bundle/modeler.js')).status).toBe(200);
    expect((await owner.get('/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js')).status).toBe(200);
  });
});
