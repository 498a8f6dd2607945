// Reassigning ("Alihkan") an Admin PPE task to another Admin PPE with a reason: who may, to whom,
// the audit entry, the form kept on error, and two reassigns at once.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { UNVERIFIED } from '../../src/auth/user-defaults.js';
import { $, addAdmin, ADMIN, ADMIN2, csrfFrom, joinGroups, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { take } from '../helpers/ppbj.js';
import { atVerification, rowsOf, type Applicant } from '../tasks/office.js';

const ADMIN3 = { email: 'admin3@alur.local', password: 'demo-admin3-ppe-2026' };

describe('Given three active Admin PPE, a disabled one, a process owner and PPBJ with cases at Verifikasi', () => {
  let t: TestApp;
  let admin1: TestAgent, admin2: TestAgent, admin3: TestAgent, owner: TestAgent;
  let admin1Id: string;
  let budi: Applicant, siti: Applicant, rina: Applicant;
  const taskOf = async (a: Applicant) => (await t.services.store.listTasks({ caseId: a.caseId }))[0]!;
  const reassignAudit = async (caseId: string) => (await t.services.store.listAudit(caseId)).filter((e) => e.type === 'task.reassigned');

  /** Posts the reassign form as shown to `who` (its CSRF token and its `dari`), with `fields` on top. */
  async function reassign(who: TestAgent, taskId: string, fields: Record<string, string>) {
    const form = $((await who.get(`/tugas/${taskId}/alihkan`)).text);
    const _csrf = String(form('input[name=_csrf]').first().val() ?? (await csrfFrom(who, '/kotak-masuk')));
    const dari = form('input[name=dari]').val();
    return who.post(`/tugas/${taskId}/alihkan`).type('form').send({ _csrf, ...(typeof dari === 'string' ? { dari } : {}), ...fields });
  }

  useTestApp(async (app) => {
    t = app;
    await addAdmin(t.services.store, ADMIN2, 'admin-2');
    await addAdmin(t.services.store, ADMIN3, 'admin-3');
    await t.services.store.insertUser({
      id: 'admin-off', email: 'admin.off@alur.local', whatsapp: null, displayName: 'Admin Nonaktif', role: 'staff',
      passwordHash: await hashPassword('demo-admin-off-2026'), status: 'disabled', createdAt: new Date().toISOString(), ...UNVERIFIED,
    });
    await joinGroups(t.services.store, 'admin-off', ['admin-ppe']);
    [admin1, admin2, admin3, owner] = [app.agent(), app.agent(), app.agent(), app.agent()];
    await Promise.all([login(admin1, ADMIN), login(admin2, ADMIN2), login(admin3, ADMIN3), login(owner, OWNER)]);
    admin1Id = (await t.services.store.findUserByEmail(ADMIN.email))!.id;
    budi = await atVerification(t, { name: 'Budi Santoso', email: 'budi.santoso@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' });
    siti = await atVerification(t, { name: 'Siti Aminah', email: 'siti.aminah@kalbarprov.go.id', nip: '199001152018012003', nik: '6171055501900002' });
    rina = await atVerification(t, { name: 'Rina Marlina', email: 'rina.marlina@kalbarprov.go.id', nip: '198707072011012004', nik: '6171024707870007' });
    expect((await take(admin1, (await taskOf(budi)).id)).status).toBe(303);
  }, 60_000);

  test('when the holder opens Alihkan, then the page lists the other active Admin PPE only, with the NIK masked', async () => {
    const task = await taskOf(budi);
    const res = await admin1.get(`/tugas/${task.id}/alihkan`);
    expect(res.status).toBe(200);
    const doc = $(res.text);
    expect(doc('#f-ke option').map((_, o) => doc(o).attr('value')).get()).toEqual(['', 'admin-2', 'admin-3']);
    expect(doc('label[for=f-ke]')).toHaveLength(1);
    expect(doc('label[for=f-alasan]')).toHaveLength(1);
    expect(doc('.holder').text()).toBe('Admin PPE');
    expect(doc('.nik').text()).toBe('6171********0003');
    expect(res.text).not.toContain('6171052609860003');
    // linked from the holder's inbox row and from the case page
    const row = $((await admin1.get('/tugas')).text)(`tr[data-task="${task.id}"] a.reassign`);
    expect(row.attr('href')).toBe(`/tugas/${task.id}/alihkan`);
    const casePage = $((await admin1.get(`/kasus/${budi.caseId}`)).text);
    expect(casePage(`.current li[data-task="${task.id}"] a.reassign`).attr('href')).toBe(`/tugas/${task.id}/alihkan`);
  });

  test('when the reason is empty, then it is refused with 422 and the chosen Admin PPE is kept; a typed reason is kept when no one is chosen', async () => {
    const task = await taskOf(budi);
    const noReason = await reassign(admin1, task.id, { ke: 'admin-2', alasan: '   ' });
    expect(noReason.status).toBe(422);
    const doc = $(noReason.text);
    expect(doc('#e-alasan').text()).toContain('Tulis alasan pengalihan');
    expect(doc('#f-ke option[selected]').attr('value')).toBe('admin-2');
    expect(doc('.error-summary a[href="#f-alasan"]')).toHaveLength(1);
    const noOne = await reassign(admin1, task.id, { ke: '', alasan: 'Saya cuti besok' });
    expect(noOne.status).toBe(422);
    expect($(noOne.text)('#e-ke').text()).toContain('Pilih petugas yang menerima tugas ini');
    expect($(noOne.text)('#f-alasan').text()).toBe('Saya cuti besok');
    expect((await taskOf(budi)).assigneeId).toBe(admin1Id);
    expect(await reassignAudit(budi.caseId)).toHaveLength(0);
  });

  test('when the target is oneself, a PPBJ, a process owner, a disabled admin or unknown, then it is refused and nothing changes', async () => {
    const task = await taskOf(budi);
    const ppbjId = (await t.services.store.findUserByEmail('siti.aminah@kalbarprov.go.id'))!.id;
    const ownerId = (await t.services.store.findUserByEmail(OWNER.email))!.id;
    const self = await reassign(admin1, task.id, { ke: admin1Id, alasan: 'Tes' });
    expect(self.status).toBe(422);
    expect($(self.text)('#e-ke').text()).toContain('diri sendiri');
    for (const ke of [ppbjId, ownerId, 'admin-off', 'tidak-ada']) {
      const res = await reassign(admin1, task.id, { ke, alasan: 'Tes' });
      expect(res.status).toBe(422);
      expect($(res.text)('#e-ke').text()).toContain('Pilih petugas aktif');
    }
    expect((await taskOf(budi)).assigneeId).toBe(admin1Id);
    expect(await reassignAudit(budi.caseId)).toHaveLength(0);
  });

  test('when the holder reassigns with a reason, then the other admin holds it, it is in their Tugas Saya, and the audit records from, to and reason', async () => {
    const task = await taskOf(budi);
    const res = await reassign(admin1, task.id, { ke: 'admin-2', alasan: 'Saya ditugaskan ke luar kota.' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/tugas');
    expect((await taskOf(budi)).assigneeId).toBe('admin-2');
    const [entry, ...more] = await reassignAudit(budi.caseId);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: admin1Id, taskId: task.id,
      data: { from: admin1Id, to: 'admin-2', reason: 'Saya ditugaskan ke luar kota.', fromName: 'Admin PPE', toName: 'Admin Dua' },
    });
    expect(rowsOf((await admin2.get('/tugas')).text).map((r) => r.id)).toContain(task.id);
    expect(rowsOf((await admin1.get('/tugas')).text).map((r) => r.id)).not.toContain(task.id);
    // the history shows it; the reason only to Admin PPE
    const staffView = $((await admin1.get(`/kasus/${budi.caseId}`)).text)('.history tr[data-type="task.reassigned"]').text();
    expect(staffView).toContain('Admin PPE → Admin Dua');
    expect(staffView).toContain('Saya ditugaskan ke luar kota.');
    // the applicant's page tells no staff names or internal reasons (a reassignment is staff's business)
    const ppbjView = $((await budi.ppbj.get(`/kasus/${budi.caseId}`)).text)('main').text();
    expect(ppbjView).not.toContain('Admin Dua');
    expect(ppbjView).not.toContain('luar kota');
  });

  test('when someone who does not hold the task tries to reassign it, then they are refused', async () => {
    const task = await taskOf(budi); // held by admin-2 now
    expect((await admin1.get(`/tugas/${task.id}/alihkan`)).status).toBe(403);
    const _csrf = await csrfFrom(admin1, '/kotak-masuk');
    const post = await admin1.post(`/tugas/${task.id}/alihkan`).type('form').send({ _csrf, dari: 'admin-2', ke: 'admin-3', alasan: 'Ambil alih' });
    expect(post.status).toBe(403);
    expect($(post.text)('main').text()).toContain('Hanya petugas yang menangani tugas ini');
    expect($((await admin1.get(`/kasus/${budi.caseId}`)).text)(`.current li[data-task="${task.id}"] a.reassign`)).toHaveLength(0);
    expect((await taskOf(budi)).assigneeId).toBe('admin-2');
  });

  test('when a PPBJ, a process owner or nobody tries it, then they are refused', async () => {
    const task = await taskOf(budi);
    expect((await budi.ppbj.get(`/tugas/${task.id}/alihkan`)).status).toBe(403);
    const ppbjCsrf = await csrfFrom(budi.ppbj, `/kasus/${budi.caseId}`);
    expect((await budi.ppbj.post(`/tugas/${task.id}/alihkan`).type('form').send({ _csrf: ppbjCsrf, ke: 'admin-3', alasan: 'x' })).status).toBe(403);
    expect((await owner.get(`/tugas/${task.id}/alihkan`)).status).toBe(403);
    const ownerCsrf = await csrfFrom(owner, '/proses');
    expect((await owner.post(`/tugas/${task.id}/alihkan`).type('form').send({ _csrf: ownerCsrf, ke: 'admin-3', alasan: 'x' })).status).toBe(403);
    const anon = await t.agent().get(`/tugas/${task.id}/alihkan`);
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toMatch(/^\/masuk\?next=/);
    expect((await taskOf(budi)).assigneeId).toBe('admin-2');
  });

  test('when the holder sends two reassigns at once (two tabs), then one wins and the other gets 409', async () => {
    const task = await taskOf(budi); // held by admin-2
    const form = $((await admin2.get(`/tugas/${task.id}/alihkan`)).text);
    const base = { _csrf: String(form('input[name=_csrf]').first().val()), dari: String(form('input[name=dari]').val()) };
    expect(base.dari).toBe('admin-2');
    const send = (ke: string) => admin2.post(`/tugas/${task.id}/alihkan`).type('form').send({ ...base, ke, alasan: `Ke ${ke}` });
    const results = await Promise.all([send(admin1Id), send('admin-3')]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const entries = await reassignAudit(budi.caseId);
    expect(entries).toHaveLength(2); // the earlier one and exactly one of these
    const holder = (await taskOf(budi)).assigneeId;
    expect(entries[1]!.data.to).toBe(holder);
    expect([admin1Id, 'admin-3']).toContain(holder);
  });

  test('when a task nobody holds is handed to a colleague by any Admin PPE, then it is theirs and audited from nobody', async () => {
    const task = await taskOf(siti);
    const queueRow = $((await admin3.get('/kotak-masuk')).text)(`tr[data-task="${task.id}"] a.reassign`);
    expect(queueRow.attr('href')).toBe(`/tugas/${task.id}/alihkan`);
    const res = await reassign(admin3, task.id, { ke: 'admin-2', alasan: 'Pembagian antrian pagi' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/kotak-masuk');
    expect((await taskOf(siti)).assigneeId).toBe('admin-2');
    expect((await reassignAudit(siti.caseId))[0]).toMatchObject({ data: { from: null, to: 'admin-2', reason: 'Pembagian antrian pagi' } });
  });

  test('when the form was opened before someone took the task, then the stale reassign gets 409 and nothing changes', async () => {
    const task = await taskOf(rina);
    const form = $((await admin3.get(`/tugas/${task.id}/alihkan`)).text);
    expect(form('input[name=dari]').val()).toBe('');
    expect((await take(admin1, task.id)).status).toBe(303);
    const res = await admin3.post(`/tugas/${task.id}/alihkan`).type('form')
      .send({ _csrf: String(form('input[name=_csrf]').first().val()), dari: '', ke: 'admin-2', alasan: 'Bagi' });
    expect(res.status).toBe(409);
    expect((await taskOf(rina)).assigneeId).toBe(admin1Id);
    expect(await reassignAudit(rina.caseId)).toHaveLength(0);
  });

  test('when the task has been completed, then it can no longer be reassigned', async () => {
    const task = await taskOf(rina); // held by admin1
    const _csrf = await csrfFrom(admin1, `/tugas/${task.id}`);
    expect((await admin1.post(`/tugas/${task.id}`).type('form').send({ _csrf, sesuai: 'ya' })).status).toBe(303);
    expect((await admin1.get(`/tugas/${task.id}/alihkan`)).status).toBe(409);
    const res = await admin1.post(`/tugas/${task.id}/alihkan`).type('form').send({ _csrf, ke: 'admin-2', alasan: 'x' });
    expect(res.status).toBe(409);
  });
});
