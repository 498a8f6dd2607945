// "Grup X tidak punya anggota aktif": a group the latest version of a process needs (never the
// applicant's 'pemohon') without an active member is warned of on Proses (its row and its page)
// and in the studio's validation (a warning: the deploy still goes through).
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { shippedXml, studioPost } from '../studio/helpers.js';
import { addStaff, DISPOSISI_KEY, disposisiXml, invite, staffPost, warnedGroups } from './staff-helpers.js';

const RINA = { id: 'rina', email: 'rina@alur.local', password: 'demo-rina-2026', name: 'Rina Kartika' };
const ROW = `tr.process-row[data-process="${DISPOSISI_KEY}"]`;
const PAGE = `/proses/${DISPOSISI_KEY}`;
const RULE = 'group-no-active-member';
/** The fixture with its lane renamed: its step is then done by group 'bendahara-pengeluaran'. */
const bendaharaXml = () => disposisiXml().replace('name="Kepala Seksi"', 'name="Bendahara Pengeluaran"').replace('candidateStarterGroups="kepala-seksi"', 'candidateStarterGroups="bendahara-pengeluaran"');

describe('Given a deployed process whose one step is done by group kepala-seksi, which has no member', () => {
  let t: TestApp;
  let owner: TestAgent;
  const store = () => t.services.store;

  useTestApp(async (app) => {
    t = app;
    await t.services.definitions.deploy(disposisiXml(), null, 'Uji peringatan grup');
    await addStaff(store(), RINA, t.clock.now.toISOString());
    owner = app.agent();
    await login(owner, OWNER);
  }, 60_000);

  test('when the owner opens Proses and the process page, then both warn that group kepala-seksi (Kepala Seksi) has no active member, and the PPBJ process (its group has a member, pemohon is not counted) has no warning', async () => {
    const doc = $((await owner.get('/proses')).text);
    expect(doc(`${ROW} .group-warning`).text()).toBe('Grup kepala-seksi (Kepala Seksi) tidak punya anggota aktif');
    expect(doc('tr.process-row[data-process="pendaftaran-akun-ppbj"] .group-warning')).toHaveLength(0);
    const page = $((await owner.get(PAGE)).text);
    expect(page('.group-warnings .group-warning').map((_, li) => page(li).text()).get()).toEqual(['Grup kepala-seksi (Kepala Seksi) tidak punya anggota aktif']);
    expect(page('.group-warnings a[href="/staf"]')).toHaveLength(1);
    expect(page(`table.sop tr[data-element="${DISPOSISI_KEY}_Langkah1"] .group`).text()).toBe('Kepala Seksi');
    expect(await warnedGroups(owner, '/proses/pendaftaran-akun-ppbj', '.group-warnings')).toEqual([]);
    const english = t.agent();
    await login(english, OWNER);
    await english.get('/bahasa/en');
    expect($((await english.get('/proses')).text)(`${ROW} .group-warning`).text()).toBe('Group kepala-seksi (Kepala Seksi) has no active member');
  });

  test('when an invited account (no password set yet) joins the group, then the warning stays: an invitation is not an active member', async () => {
    expect((await invite(owner, { nama: 'Yusuf', email: 'yusuf@alur.local', peran: 'staff', grup: 'kepala-seksi' })).status).toBe(303);
    expect(await warnedGroups(owner, '/proses', ROW)).toEqual(['kepala-seksi']);
  });

  test('when the owner adds an active staff member to the group, then the warning disappears from Proses and the process page', async () => {
    expect((await staffPost(owner, `/staf/${RINA.id}/grup/tambah`, { grup: 'kepala-seksi' })).status).toBe(303);
    expect(await warnedGroups(owner, '/proses', ROW)).toEqual([]);
    expect(await warnedGroups(owner, PAGE, '.group-warnings')).toEqual([]);
  });

  test('when the owner deactivates the only active member, then the warning is back; reactivated (her membership kept), it is gone again', async () => {
    expect((await staffPost(owner, `/staf/${RINA.id}/nonaktifkan`)).status).toBe(303);
    expect(await store().listUserGroups(RINA.id)).toEqual(['kepala-seksi']);
    expect(await warnedGroups(owner, '/proses', ROW)).toEqual(['kepala-seksi']);
    expect(await warnedGroups(owner, PAGE, '.group-warnings')).toEqual(['kepala-seksi']);
    expect((await staffPost(owner, `/staf/${RINA.id}/aktifkan`)).status).toBe(303);
    expect(await warnedGroups(owner, '/proses', ROW)).toEqual([]);
  });

  test('when the owner validates a model whose step is done by a group not in the store yet, then the studio lists a warning for it (not an error) on that step, and none for a group with an active member', async () => {
    const res = await studioPost(owner, `${PAGE}/studio/validasi`, { xml: bendaharaXml() });
    expect(res.status).toBe(200);
    const problems = res.body.problems as Array<{ severity: string; rule: string; elementId: string | null; message: string }>;
    expect(problems.filter((p) => p.rule === RULE)).toEqual([expect.objectContaining({
      severity: 'warning', elementId: `${DISPOSISI_KEY}_Langkah1`, code: 'group-no-active-member',
      message: 'Grup bendahara-pengeluaran (Bendahara Pengeluaran) belum punya anggota aktif; tidak ada yang mengerjakan langkahnya sampai anggota ditambahkan di halaman Staf.',
    })]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const current = await studioPost(owner, `${PAGE}/studio/validasi`, { xml: disposisiXml() });
    expect((current.body.problems as Array<{ rule: string }>).filter((p) => p.rule === RULE)).toEqual([]);
    const ppbj = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/validasi', { xml: shippedXml() });
    expect((ppbj.body.problems as Array<{ rule: string }>).filter((p) => p.rule === RULE)).toEqual([]);
  });

  test('when the owner deploys that model despite the warning, then the deploy goes through, and the new version\'s group is warned of on Proses', async () => {
    const res = await studioPost(owner, `${PAGE}/studio/deploy`, { xml: bendaharaXml(), comment: 'Lajur baru' });
    expect(res.status).toBe(201);
    expect((await store().getLatestDefinition(DISPOSISI_KEY))?.version).toBe(2);
    expect(await store().getGroup('bendahara-pengeluaran')).toMatchObject({ name: 'Bendahara Pengeluaran' });
    expect(await warnedGroups(owner, '/proses', ROW)).toEqual(['bendahara-pengeluaran']);
    expect(await warnedGroups(owner, PAGE, '.group-warnings')).toEqual(['bendahara-pengeluaran']);
  });
});
