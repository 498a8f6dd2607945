// The page frame names the office (ALUR_OFFICE_NAME, its logo ALUR_OFFICE_LOGO) and its helpdesk
// (ALUR_HELPDESK); the service navigation marks the current page.
import { describe, expect, test } from '@jest/globals';
import type { Request, Response } from 'express';
import { loadConfig } from '../../src/config.js';
import { OFFICE_DEFAULTS } from '../../src/web/office.js';
import { navigation } from '../../src/web/navigation.js';
import { pageRenderer } from '../../src/web/page.js';
import { createViewEngine } from '../../src/web/view-engine.js';
import { $ } from '../helpers/app.js';
import { fileURLToPath } from 'node:url';

const VIEWS = fileURLToPath(new URL('../../views', import.meta.url));
const ASSETS = { css: '/assets/abc/alur.css', init: '/assets/abc/alur-init.js', version: 'abc' };

/** Renders `view` for a request of `user` and returns the parsed page. */
function page(office: typeof OFFICE_DEFAULTS, user: Express.User | undefined = undefined) {
  let html = '';
  const req = { originalUrl: '/privasi', path: '/privasi', headers: {}, user, session: undefined } as unknown as Request;
  const res = { status: () => res, type: () => res, send: (h: string) => { html = h; } } as unknown as Response;
  pageRenderer(createViewEngine(VIEWS), { mailboxLink: false, office, assets: ASSETS })(req, res, 'privacy/notice', { sections: [] });
  return $(html);
}

describe('Given the office settings', () => {
  test('when nothing is set, then the Biro PBJ Setda Provinsi Kalimantan Barat is the default, with its helpdesk and a logo', () => {
    expect(loadConfig({}).office).toEqual(OFFICE_DEFAULTS);
    expect(OFFICE_DEFAULTS.name).toBe('Sekretariat Daerah Provinsi Kalimantan Barat');
  });

  test('when ALUR_OFFICE_NAME, ALUR_OFFICE_LOGO and ALUR_HELPDESK are set, then the config carries them; an empty logo is none', () => {
    const env = { ALUR_OFFICE_NAME: 'Dinas Pendidikan Kota Pontianak', ALUR_OFFICE_LOGO: '/static/disdik.png', ALUR_HELPDESK: 'Telp. (0561) 123456' };
    expect(loadConfig(env).office).toEqual({ name: env.ALUR_OFFICE_NAME, logo: '/static/disdik.png', helpdesk: env.ALUR_HELPDESK });
    expect(loadConfig({ ALUR_OFFICE_LOGO: '' }).office.logo).toBeNull();
  });

  test.each(['https://example.org/logo.png', '//example.org/logo.png', '/static/../config.ts', 'logo.png', 'javascript:alert(1)'])('when the logo is %s, then the configuration is refused with a readable message', (logo) => {
    expect(() => loadConfig({ ALUR_OFFICE_LOGO: logo })).toThrow(/ALUR_OFFICE_LOGO: a path on this server/);
  });

  test('when a page is rendered, then the header names the office with its logo and the footer its helpdesk', () => {
    const doc = page({ name: 'Dinas Pendidikan Kota Pontianak', logo: '/static/disdik.png', helpdesk: 'Telp. (0561) 123456' });
    expect(doc('header .alur-header__office').text()).toBe('Dinas Pendidikan Kota Pontianak');
    expect(doc('header img.alur-header__logo').attr('src')).toBe('/static/disdik.png');
    expect(doc('footer .helpdesk').text()).toBe('Telp. (0561) 123456');
    expect(doc('title').text()).toContain('Dinas Pendidikan Kota Pontianak');
    expect(doc('link[rel=stylesheet]').attr('href')).toBe(ASSETS.css);
    expect(doc('script[type=module]').attr('src')).toBe(ASSETS.init);
  });

  test('when the office has no logo, then the header shows its name only', () => {
    expect(page({ ...OFFICE_DEFAULTS, logo: null })('header img')).toHaveLength(0);
  });
});

describe('Given the service navigation', () => {
  const staff = { role: 'staff', inGroups: true, startsCases: false };
  test('when a staff member is on a task of the inbox, then Kotak Masuk is not current but Tugas Saya is for /tugas/…', () => {
    expect(navigation(staff, false, '/tugas/abc').filter((i) => i.current).map((i) => i.href)).toEqual(['/tugas']);
    expect(navigation(staff, false, '/kotak-masuk').filter((i) => i.current).map((i) => i.href)).toEqual(['/kotak-masuk']);
    expect(navigation(staff, false, '/kotak-masukan').filter((i) => i.current)).toEqual([]); // a prefix of a word is no match
  });

  test('when a process owner is in no group, then no Kotak Masuk; the development mailbox only when it exists', () => {
    const owner = { role: 'process-owner', inGroups: false, startsCases: false };
    expect(navigation(owner, false, '/').map((i) => i.href)).toEqual(['/proses', '/laporan', '/staf']);
    expect(navigation(owner, true, '/').map((i) => i.href)).toContain('/kotak-surat');
  });
});
