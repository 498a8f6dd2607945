// Deactivate, reactivate and reset a password on /staf: a deactivated person cannot log in, their
// open session ends, the tasks they held go back to the queue (audited on each case) and they are
// never offered in Alihkan; a reset link works once; two owners acting at once corrupt nothing.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { take } from '../helpers/ppbj.js';
import { atVerification, type Applicant } from '../tasks/office.js';
import { addStaff, NEW_PASSWORD, setPassword, staffPost, staffRow, tryLogin } from './staff-helpers.js';

const DEWI = { email: 'dewi@alur.local', password: 'demo-dewi-ppe-2026' };
const OWNER2 = { email: 'pemilik2@alur.local', password: 'demo-pemilik2-2026' };

describe('Given two process owners, two staff members of Admin PPE and two cases at Verifikasi held by Dewi', () => {
  let t: TestApp;
  let owner: TestAgent, owner2: TestAgent, admin: TestAgent, dewi: TestAgent;
  let dewiId: string, ownerId: string, owner2Id: string;
  let cases: Applicant[];
  const store = () => t.services.store;
  const taskOf = async (a: Applicant) => (await store().listTasks({ caseId: a.caseId }))[0]!;
  const staffAudit = async (userId: string, type: string) => (await store().listStaffAudit({ userId })).filter((e) => e.type === type);
  const alihkanOptions = async (who: TestAgent, taskId: string) => {
    const doc = $((await who.get(`/tugas/${taskId}/alihkan`)).text);
    return doc('#f-ke option').map((_, o) => doc(o).attr('value')).get().filter(Boolean);
  };
  let auditBefore = 0;

  useTestApp(async (app) => {
    t = app;
    await addStaff(store(), { id: 'dewi', ...DEWI, name: 'Dewi Lestari', groups: ['admin-ppe'] }, t.clock.now.toISOString());
    await addStaff(store(), { id: 'owner-2', ...OWNER2, name: 'Pemilik Dua', role: 'process-owner' }, t.clock.now.toISOString());
    [owner, owner2, admin, dewi] = [app.agent(), app.agent(), app.agent(), app.agent()];
    await Promise.all([login(owner, OWNER), login(owner2, OWNER2), login(admin, ADMIN), login(dewi, DEWI)]);
    [dewiId, ownerId, owner2Id] = ['dewi', (await store().findUserByEmail(OWNER.email))!.id, 'owner-2'];
    cases = [
      await atVerification(t, { name: 'Budi Santoso', email: 'budi.santoso@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' }),
      await atVerification(t, { name: 'Siti Aminah', email: 'siti.aminah@kalbarprov.go.id', nip: '199001152018012003', nik: '6171055501900002' }),
    ];
    for (const c of cases) expect((await take(dewi, (await taskOf(c)).id)).status).toBe(303);
    auditBefore = (await store().listStaffAudit({})).length;
  }, 60_000);

  test('when a post has no CSRF token, names an unknown account or an applicant, or the owner themselves, then it is refused with a 4xx and nothing changes', async () => {
    expect((await owner.post(`/staf/${dewiId}/nonaktifkan`).type('form').send({})).status).toBe(403);
    expect((await staffPost(owner, '/staf/tidak-ada/nonaktifkan')).status).toBe(404);
    const ppbjId = (await store().findUserByEmail(cases[0]!.person.email))!.id;
    expect((await staffPost(owner, `/staf/${ppbjId}/nonaktifkan`)).status).toBe(404);
    expect((await staffPost(owner, `/staf/${ppbjId}/atur-ulang-sandi`)).status).toBe(404);
    const self = await staffPost(owner, `/staf/${ownerId}/nonaktifkan`);
    expect(self.status).toBe(422);
    expect($(self.text)('.problem').text()).toContain('tidak dapat menonaktifkan akun Anda sendiri');
    expect((await staffPost(owner, `/staf/${dewiId}/aktifkan`)).status).toBe(409); // not deactivated
    expect((await store().getUser(dewiId))!.status).toBe('active');
    expect((await store().getUser(ownerId))!.status).toBe('active');
    expect(await store().listStaffAudit({})).toHaveLength(auditBefore);
    expect(await staffRow(owner, DEWI.email)).toMatchObject({ state: 'active', tasks: 2 });
  });

  test('when the owner deactivates Dewi, then her session ends, she cannot log in, her tasks are back in the queue with a task.released audit, and she is not offered in Alihkan', async () => {
    const res = await staffPost(owner, `/staf/${dewiId}/nonaktifkan`);
    expect(res.status).toBe(303);
    expect((await owner.get('/staf')).text).toContain('2 tugas dikembalikan ke antrean');
    // the open session is refused on its next request
    const next = await dewi.get('/kotak-masuk');
    expect(next.status).toBe(303);
    expect(next.headers.location).toMatch(/^\/masuk/);
    expect(await tryLogin(t.agent(), DEWI.email, DEWI.password)).toBe(401);
    for (const c of cases) {
      const task = await taskOf(c);
      expect(task.assigneeId).toBeNull();
      const released = (await store().listAudit(c.caseId)).filter((e) => e.type === 'task.released' && e.data.holder === dewiId);
      expect(released).toHaveLength(1);
      expect(released[0]).toMatchObject({ actorId: ownerId, taskId: task.id, data: { cause: 'account-deactivated', holderName: 'Dewi Lestari' } });
      expect(String(released[0]!.data.reason)).toContain('dinonaktifkan');
    }
    expect(await store().countTasks({ groupIds: ['admin-ppe'], assigneeId: null })).toBe(2);
    expect(await staffRow(owner, DEWI.email)).toMatchObject({ state: 'disabled', tasks: 0 });
    expect(await staffAudit(dewiId, 'staff.deactivated')).toMatchObject([{ actorId: ownerId, actorName: 'Pemilik Proses', data: { previousStatus: 'active' } }]);
    expect(await staffAudit(dewiId, 'staff.tasks-released')).toMatchObject([{ data: { count: 2 } }]);
    // the admin takes one and may not hand it to Dewi
    const task = await taskOf(cases[0]!);
    expect((await take(admin, task.id)).status).toBe(303);
    expect(await alihkanOptions(admin, task.id)).not.toContain(dewiId);
    const _csrf = String($((await admin.get(`/tugas/${task.id}/alihkan`)).text)('input[name=_csrf]').first().val());
    const forced = await admin.post(`/tugas/${task.id}/alihkan`).type('form').send({ _csrf, dari: (await taskOf(cases[0]!)).assigneeId, ke: dewiId, alasan: 'Tes' });
    expect(forced.status).toBe(422);
    const page = $((await owner.get('/staf')).text);
    const log = page('#riwayat tbody tr').filter((_, tr) => page(tr).find('.account').text() === 'Dewi Lestari').map((_, tr) => page(tr).attr('data-type')).get();
    expect(log.slice(0, 2)).toEqual(['staff.tasks-released', 'staff.deactivated']); // newest first
  });

  test('when the owner reactivates Dewi, then she can log in again and may be offered in Alihkan', async () => {
    expect((await staffPost(owner, `/staf/${dewiId}/aktifkan`)).status).toBe(303);
    expect((await store().getUser(dewiId))!.status).toBe('active');
    expect(await tryLogin(dewi, DEWI.email, DEWI.password)).toBe(303);
    expect((await dewi.get('/kotak-masuk')).status).toBe(200);
    expect(await alihkanOptions(admin, (await taskOf(cases[0]!)).id)).toContain(dewiId);
    expect(await staffAudit(dewiId, 'staff.reactivated')).toMatchObject([{ actorId: ownerId, data: { status: 'active' } }]);
  });

  test('when the owner resets Dewi\'s password, then the old one stops working and her session ends, the e-mailed link sets a new one once, and the owner never sees it', async () => {
    const res = await staffPost(owner, `/staf/${dewiId}/atur-ulang-sandi`);
    expect(res.status).toBe(303);
    expect((await owner.get('/staf')).text).not.toMatch(/atur-ulang-kata-sandi\//);
    expect((await dewi.get('/kotak-masuk')).status).toBe(303);
    expect(await tryLogin(t.agent(), DEWI.email, DEWI.password)).toBe(401);
    const { path, res: set } = await setPassword(t.agent(), store(), DEWI.email, 'staff-password-reset');
    expect(set.status).toBe(303);
    expect(await tryLogin(dewi, DEWI.email, NEW_PASSWORD)).toBe(303);
    const again = t.agent();
    const form = await again.get(path);
    expect(form.status).toBe(410);
    expect(await staffAudit(dewiId, 'staff.password-reset')).toHaveLength(1);
  });

  test('when two owners deactivate the same Admin PPE at once, then one wins, one audit entry is written and each task is released once; the same for reactivating', async () => {
    const task = await taskOf(cases[1]!);
    expect((await take(dewi, task.id)).status).toBe(303);
    const [a, b] = await Promise.all([staffPost(owner, `/staf/${dewiId}/nonaktifkan`), staffPost(owner2, `/staf/${dewiId}/nonaktifkan`)]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    expect(await staffAudit(dewiId, 'staff.deactivated')).toHaveLength(2); // the first test's and this one
    expect((await store().listAudit(cases[1]!.caseId)).filter((e) => e.type === 'task.released' && e.data.holder === dewiId)).toHaveLength(2);
    const [c, d] = await Promise.all([staffPost(owner, `/staf/${dewiId}/aktifkan`), staffPost(owner2, `/staf/${dewiId}/aktifkan`)]);
    expect([c.status, d.status].sort()).toEqual([303, 409]);
    expect(await staffAudit(dewiId, 'staff.reactivated')).toHaveLength(2);
    expect((await store().getUser(dewiId))!.status).toBe('active');
  });

  test('when the owner removes Dewi from group admin-ppe while she holds a task of it, then the task goes back to the queue (audited on the case) and she no longer sees the queue', async () => {
    const task = await taskOf(cases[1]!);
    expect((await take(dewi, task.id)).status).toBe(303);
    const res = await staffPost(owner, `/staf/${dewiId}/grup/hapus`, { grup: 'admin-ppe' });
    expect(res.status).toBe(303);
    expect($((await owner.get(`/staf/${dewiId}`)).text)('.flash').text()).toContain('1 tugas grup itu dikembalikan ke antrean');
    expect((await taskOf(cases[1]!)).assigneeId).toBeNull();
    const released = (await store().listAudit(cases[1]!.caseId)).filter((e) => e.type === 'task.released' && e.data.cause === 'membership-removed');
    expect(released).toMatchObject([{ actorId: ownerId, taskId: task.id, data: { holder: dewiId } }]);
    expect(await staffAudit(dewiId, 'staff.group-removed')).toMatchObject([{ data: { group: 'admin-ppe' } }]);
    expect((await staffAudit(dewiId, 'staff.tasks-released'))[0]).toMatchObject({ data: { count: 1, group: 'admin-ppe' } });
    expect(await store().listUserGroups(dewiId)).toEqual([]);
  });

  test('when the two process owners deactivate each other at once, then exactly one of them is deactivated and one active process owner remains', async () => {
    const [a, b] = await Promise.all([staffPost(owner, `/staf/${owner2Id}/nonaktifkan`), staffPost(owner2, `/staf/${ownerId}/nonaktifkan`)]);
    const statuses = [(await store().getUser(ownerId))!.status, (await store().getUser(owner2Id))!.status];
    expect(statuses.sort()).toEqual(['active', 'disabled']);
    expect([a.status, b.status]).toContain(303);
    const deactivations = [...(await staffAudit(ownerId, 'staff.deactivated')), ...(await staffAudit(owner2Id, 'staff.deactivated'))];
    expect(deactivations).toHaveLength(1);
    // the loser was refused as the last active owner, or (if the winner went first) lost its session
    const loser = a.status === 303 && b.status === 303 ? null : a.status === 303 ? b : a;
    if (loser && loser.status === 409) expect($(loser.text)('.problem').text()).toContain('Pemilik Proses aktif terakhir');
  });
});
