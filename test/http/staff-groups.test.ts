// Groups on /staf: only a process owner manages staff (staff and applicants get 403 on every /staf
// route); the invitation gives a system role and groups; a person's page adds and removes a group
// membership (CSRF, audited, idempotent; an unknown group is refused with a message).
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, csrfFrom, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { signUp } from '../helpers/ppbj.js';
import { addStaff, DISPOSISI_KEY, disposisiXml, formBody, invite, staffPost } from './staff-helpers.js';

const RINA = { id: 'rina', email: 'rina@alur.local', password: 'demo-rina-2026', name: 'Rina Kartika' };

describe('Given a process owner, a staff member, an applicant and a deployed process with group kepala-seksi', () => {
  let t: TestApp;
  let owner: TestAgent, admin: TestAgent, applicant: TestAgent;
  const store = () => t.services.store;
  const audit = async (userId: string, type: string) => (await store().listStaffAudit({ userId })).filter((e) => e.type === type);

  useTestApp(async (app) => {
    t = app;
    await t.services.definitions.deploy(disposisiXml(), null, 'Uji grup');
    await addStaff(store(), RINA, t.clock.now.toISOString());
    [owner, admin, applicant] = [app.agent(), app.agent(), app.agent()];
    await Promise.all([login(owner, OWNER), login(admin, ADMIN)]);
    await signUp(applicant);
  }, 60_000);

  test('when a staff member or an applicant opens or posts to any /staf route, then each answers 403 and nothing changes', async () => {
    const before = (await store().listStaffAudit({})).length;
    for (const who of [admin, applicant]) {
      const _csrf = await csrfFrom(who, '/privasi');
      for (const path of ['/staf', `/staf/${RINA.id}`]) expect([path, (await who.get(path)).status]).toEqual([path, 403]);
      for (const path of ['/staf/undang', `/staf/${RINA.id}/nonaktifkan`, `/staf/${RINA.id}/aktifkan`, `/staf/${RINA.id}/atur-ulang-sandi`, `/staf/${RINA.id}/grup/tambah`, `/staf/${RINA.id}/grup/hapus`]) {
        const res = await who.post(path).type('form').send(formBody({ _csrf, grup: 'kepala-seksi', nama: 'X', email: 'x@alur.local', peran: 'staff' }));
        expect([path, res.status]).toEqual([path, 403]);
      }
    }
    expect(await store().listUserGroups(RINA.id)).toEqual([]);
    expect(await store().findUserByEmail('x@alur.local')).toBeNull();
    expect(await store().listStaffAudit({})).toHaveLength(before);
  });

  test('when the owner opens /staf, then each person shows their groups by display name and the invitation offers every group as a checkbox', async () => {
    const doc = $((await owner.get('/staf')).text);
    const adminRow = doc('table.staff tbody tr').filter((_, tr) => doc(tr).find('.email').text() === ADMIN.email);
    expect(adminRow.find('.groups .group').map((_, g) => doc(g).text()).get()).toEqual(['Admin PPE']);
    expect(doc(`tr[data-user="${RINA.id}"] .groups .group`)).toHaveLength(0);
    expect(doc(`tr[data-user="${RINA.id}"] a.manage`).attr('href')).toBe(`/staf/${RINA.id}`);
    const boxes = doc('form.invite input[type=checkbox][name=grup]').map((_, i) => doc(i).attr('value')).get();
    expect(boxes).toEqual(expect.arrayContaining(['admin-ppe', 'kepala-seksi']));
    expect(boxes).not.toContain('pemohon');
    expect(doc('#f-peran option').map((_, o) => doc(o).attr('value')).get().filter(Boolean)).toEqual(['staff', 'process-owner']);
  });

  test('when the owner invites a staff member into two groups, then the account is a member of both and each membership is audited as the owner\'s', async () => {
    const res = await invite(owner, { nama: 'Yusuf Hidayat', email: 'yusuf@alur.local', peran: 'staff', grup: ['kepala-seksi', 'admin-ppe'] });
    expect(res.status).toBe(303);
    const yusuf = (await store().findUserByEmail('yusuf@alur.local'))!;
    expect(yusuf).toMatchObject({ role: 'staff', status: 'registered' });
    expect(await store().listUserGroups(yusuf.id)).toEqual(['admin-ppe', 'kepala-seksi']);
    const added = await audit(yusuf.id, 'staff.group-added');
    expect(added.map((e) => e.data.group).sort()).toEqual(['admin-ppe', 'kepala-seksi']);
    expect(added.every((e) => e.actorName === 'Pemilik Proses')).toBe(true);
  });

  test('when the invitation names an unknown group, then 422 says so next to the groups, keeps the typed values and ticked boxes, and creates nobody', async () => {
    const res = await invite(owner, { nama: 'Tono', email: 'tono@alur.local', peran: 'staff', grup: ['kepala-seksi', 'grup-palsu'] });
    expect(res.status).toBe(422);
    const doc = $(res.text);
    expect(doc('#e-grup').text()).toContain('Grup tidak dikenal');
    expect(doc('#f-nama').val()).toBe('Tono');
    expect(doc('input[name=grup][value="kepala-seksi"]').attr('checked')).toBeDefined();
    expect(doc('input[name=grup][value="admin-ppe"]').attr('checked')).toBeUndefined();
    expect(await store().findUserByEmail('tono@alur.local')).toBeNull();
  });

  test('when the owner adds Rina to kepala-seksi on her page, then she is a member, the change is audited once, shown in both logs, and adding again changes nothing', async () => {
    const page = $((await owner.get(`/staf/${RINA.id}`)).text);
    expect(page('h1').text()).toBe(RINA.name);
    expect(page('form.add-group select[name=grup] option').map((_, o) => page(o).attr('value')).get()).toContain('kepala-seksi');
    const res = await staffPost(owner, `/staf/${RINA.id}/grup/tambah`, { grup: 'kepala-seksi' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/staf/${RINA.id}`);
    expect(await store().listUserGroups(RINA.id)).toEqual(['kepala-seksi']);
    const after = $((await owner.get(`/staf/${RINA.id}`)).text);
    expect(after('.flash').text()).toContain('Ditambahkan ke grup Kepala Seksi');
    expect(after('ul.member-groups li').map((_, li) => after(li).attr('data-group')).get()).toEqual(['kepala-seksi']);
    expect(after('#riwayat tr[data-type="staff.group-added"] .group').text()).toBe('Kepala Seksi (kepala-seksi)');
    const list = $((await owner.get('/staf')).text);
    expect(list(`tr[data-user="${RINA.id}"] .groups .group`).text()).toBe('Kepala Seksi');
    expect(list('#riwayat tr[data-type="staff.group-added"]').filter((_, tr) => list(tr).find('.account').text() === RINA.name).find('.group').text()).toBe('Kepala Seksi (kepala-seksi)');

    const again = await staffPost(owner, `/staf/${RINA.id}/grup/tambah`, { grup: 'kepala-seksi' });
    expect(again.status).toBe(303);
    expect(await audit(RINA.id, 'staff.group-added')).toHaveLength(1);
    expect($((await owner.get(`/staf/${RINA.id}`)).text)('.flash').text()).toContain('Tidak ada perubahan');
  });

  test('when the owner adds an unknown group, posts no group or posts without a CSRF token, then it is refused with a 4xx and a message (English too), and nothing changes', async () => {
    const before = (await store().listStaffAudit({ userId: RINA.id })).length;
    for (const grup of ['grup-palsu', '', 'Bukan Grup!', 'pemohon']) {
      const res = await staffPost(owner, `/staf/${RINA.id}/grup/tambah`, { grup });
      expect([grup, res.status]).toEqual([grup, 422]);
      expect($(res.text)('.problem').text()).toContain('Grup tidak dikenal');
    }
    expect((await staffPost(owner, `/staf/${RINA.id}/grup/tambah`, { grup: ['admin-ppe', 'kepala-seksi'] })).status).toBe(422);
    expect((await owner.post(`/staf/${RINA.id}/grup/tambah`).type('form').send('grup=admin-ppe')).status).toBe(403);
    expect((await staffPost(owner, '/staf/tidak-ada/grup/tambah', { grup: 'admin-ppe' })).status).toBe(404);
    const applicantId = (await store().listUsersPage({ roles: ['applicant'] }))[0]!.id;
    expect((await staffPost(owner, `/staf/${applicantId}/grup/tambah`, { grup: 'admin-ppe' })).status).toBe(404);
    expect((await owner.get(`/staf/${applicantId}`)).status).toBe(404);
    const english = t.agent();
    await login(english, OWNER);
    await english.get('/bahasa/en');
    const en = await staffPost(english, `/staf/${RINA.id}/grup/tambah`, { grup: 'grup-palsu' });
    expect(en.status).toBe(422);
    expect($(en.text)('.problem').text()).toContain('Unknown group');
    expect(await store().listUserGroups(RINA.id)).toEqual(['kepala-seksi']);
    expect(await store().listStaffAudit({ userId: RINA.id })).toHaveLength(before);
  });

  test('when the owner removes Rina from kepala-seksi, then she is no longer a member, the removal is audited once, and removing again changes nothing', async () => {
    const res = await staffPost(owner, `/staf/${RINA.id}/grup/hapus`, { grup: 'kepala-seksi' });
    expect(res.status).toBe(303);
    expect(await store().listUserGroups(RINA.id)).toEqual([]);
    expect(await audit(RINA.id, 'staff.group-removed')).toMatchObject([{ actorName: 'Pemilik Proses', data: { group: 'kepala-seksi', groupName: 'Kepala Seksi' } }]);
    expect((await staffPost(owner, `/staf/${RINA.id}/grup/hapus`, { grup: 'kepala-seksi' })).status).toBe(303);
    expect(await audit(RINA.id, 'staff.group-removed')).toHaveLength(1);
    const page = $((await owner.get('/staf')).text);
    expect(page('#riwayat tr[data-type="staff.group-removed"] .what').text()).toContain('Dikeluarkan dari grup');
  });

  test('given the deployed process, its group exists with the lane\'s display name', async () => {
    expect(await store().getGroup('kepala-seksi')).toMatchObject({ name: 'Kepala Seksi' });
    expect((await store().getLatestDefinition(DISPOSISI_KEY))?.version).toBe(1);
  });
});
