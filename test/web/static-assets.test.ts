// Static files are compressed and cached: the stylesheet's URL names its content (a year,
// immutable, ETag), the studio's files carry the build's ?v=; the modeler's bundle and bpmn-js load
// only on studio pages.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';

const STUDIO_FILES = /\/studio\/bundle\/|\/vendor\//;
/** Pages of a process owner that are not studio pages (the modeler and the process view are). */
const NON_STUDIO = ['/proses', '/proses/pendaftaran-akun-ppbj', '/proses/pendaftaran-akun-ppbj/sop', '/proses/baru', '/laporan', '/laporan/tabel-7', '/laporan/kalender', '/staf', '/kotak-surat', '/privasi'];

const assetUrls = (html: string) => {
  const doc = $(html);
  return [...doc('link[href]').toArray().map((l) => doc(l).attr('href')!), ...doc('script[src]').toArray().map((s) => doc(s).attr('src')!)];
};

describe('Given the app and a logged-in process owner', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test('when a page\'s stylesheet is fetched with Accept-Encoding: gzip, then it comes gzip-compressed, cached for a year under a content hash, with an ETag', async () => {
    const css = $((await t.agent().get('/masuk')).text)('link[rel=stylesheet]').first().attr('href')!;
    expect(css).toMatch(/^\/assets\/[0-9a-f]{12}\/alur\.css$/);
    const res = await t.agent().get(css).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['set-cookie']).toBeUndefined();
    const etag = res.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await t.agent().get(css).set('If-None-Match', etag)).status).toBe(304);
    expect(res.text).toContain('.govuk-button'); // GOV.UK Frontend, compiled with the theme
  });

  test('when the GOV.UK Frontend script is fetched, then it is the module the layout starts, compressed with brotli when asked', async () => {
    const init = $((await t.agent().get('/masuk')).text)('script[type=module]').attr('src')!;
    expect(init).toMatch(/^\/assets\/[0-9a-f]{12}\/alur-init\.js$/);
    const res = await t.agent().get(init.replace('alur-init.js', 'govuk-frontend.min.js')).set('Accept-Encoding', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  test('when a studio file is fetched with the page\'s ?v=, then it is compressed and immutable; without it, an hour', async () => {
    const doc = $((await owner.get('/proses/pendaftaran-akun-ppbj/studio')).text);
    const bundle = doc('script[src^="/studio/bundle/"]').attr('src')!;
    const versioned = await t.agent().get(bundle).set('Accept-Encoding', 'gzip');
    expect([versioned.status, versioned.headers['content-encoding'], versioned.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    const plain = await t.agent().get(bundle.replace(/\?.*$/, ''));
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
  });

  test.each(NON_STUDIO)('when %s is opened, then it loads no modeler bundle and no bpmn-js', async (path) => {
    const res = await owner.get(path);
    expect(res.status).toBe(200);
    expect(assetUrls(res.text).filter((u) => STUDIO_FILES.test(u))).toEqual([]);
  });

  test('when the modeler is opened, then its bundle and bpmn-js are loaded (the check above can see them)', async () => {
    const urls = assetUrls((await owner.get('/proses/pendaftaran-akun-ppbj/studio')).text);
    expect(urls.filter((u) => STUDIO_FILES.test(u)).length).toBeGreaterThanOrEqual(3);
  });
});
