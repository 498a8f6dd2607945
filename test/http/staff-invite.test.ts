// Staff administration (/staf): only the process owner manages staff; an invitation creates an
// account without a usable password and e-mails a set-password link through the outbox; the new
// staff member of group admin-ppe sets a password, logs in, sees the inbox and is offered in Alihkan
// only from then on.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { UNVERIFIED } from '../../src/auth/user-defaults.js';
import { $, ADMIN, csrfFrom, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { latestMessage, signUp, take } from '../helpers/ppbj.js';
import { atVerification, type Applicant } from '../tasks/office.js';
import { invite, NEW_PASSWORD, setPassword, staffPost, staffRow, tryLogin } from './staff-helpers.js';

const NEW_ADMIN = { nama: 'Dewi Lestari', email: 'dewi.lestari@kalbarprov.go.id', peran: 'staff', grup: 'admin-ppe' };

describe('Given a staff member of Admin PPE, a process owner, a PPBJ and a case waiting at Verifikasi', () => {
  let t: TestApp;
  let admin: TestAgent, owner: TestAgent, ppbj: TestAgent;
  let budi: Applicant;
  let auditBefore = 0; // the seeded admin's membership of admin-ppe, written by the system at start-up
  const alihkanOptions = async (who: TestAgent, taskId: string) => {
    const doc = $((await who.get(`/tugas/${taskId}/alihkan`)).text);
    return doc('#f-ke option').map((_, o) => doc(o).attr('value')).get().filter(Boolean);
  };

  useTestApp(async (app) => {
    t = app;
    [admin, owner, ppbj] = [app.agent(), app.agent(), app.agent()];
    await Promise.all([login(admin, ADMIN), login(owner, OWNER)]);
    await signUp(ppbj);
    auditBefore = (await app.services.store.listStaffAudit({})).length;
    budi = await atVerification(t, { name: 'Budi Santoso', email: 'budi.santoso@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' });
  }, 60_000);

  test('when someone who is not the process owner opens or posts to /staf, then anonymous is sent to log in and staff and applicants get 403, with nothing changed', async () => {
    const anonymous = await t.agent().get('/staf');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/masuk?next=%2Fstaf');
    for (const who of [admin, ppbj]) {
      expect((await who.get('/staf')).status).toBe(403);
      const _csrf = await csrfFrom(who, '/privasi');
      const posted = await who.post('/staf/undang').type('form').send({ _csrf, ...NEW_ADMIN });
      expect(posted.status).toBe(403);
      const ownerId = (await t.services.store.findUserByEmail(OWNER.email))!.id;
      expect((await who.post(`/staf/${ownerId}/nonaktifkan`).type('form').send({ _csrf })).status).toBe(403);
    }
    expect(await t.services.store.findUserByEmail(NEW_ADMIN.email)).toBeNull();
    expect(await t.services.store.listStaffAudit({})).toHaveLength(auditBefore);
    // the nav link is the process owner's only
    expect($((await owner.get('/proses')).text)('nav a[href="/staf"]')).toHaveLength(1);
    expect($((await admin.get('/kotak-masuk')).text)('nav a[href="/staf"]')).toHaveLength(0);
  });

  test('when the process owner opens /staf, then the staff accounts are listed with role, status and tasks held, and no PPBJ', async () => {
    const res = await owner.get('/staf');
    expect(res.status).toBe(200);
    const doc = $(res.text);
    const emails = doc('table.staff .email').map((_, e) => doc(e).text()).get();
    expect(emails).toEqual(expect.arrayContaining([ADMIN.email, OWNER.email]));
    expect(emails).not.toContain(budi.person.email);
    expect(await staffRow(owner, ADMIN.email)).toMatchObject({ state: 'active', tasks: 0 });
    // one cannot deactivate oneself: no button on one's own row
    const own = await staffRow(owner, OWNER.email);
    expect(doc(`tr[data-user="${own!.id}"] button.deactivate`)).toHaveLength(0);
  });

  test('when the invitation is incomplete or names an unknown or old role, then 422 with the field errors and the typed values kept', async () => {
    const empty = await invite(owner, { nama: '  ', email: '', peran: '' });
    expect(empty.status).toBe(422);
    const doc = $(empty.text);
    expect(doc('#e-nama').text()).toContain('Wajib diisi');
    expect(doc('#e-email').text()).toContain('Wajib diisi');
    expect(doc('#e-peran').text()).toContain('Wajib diisi');
    const bad = await invite(owner, { nama: 'Dewi', email: 'bukan-email', peran: 'ppbj' });
    expect(bad.status).toBe(422);
    expect($(bad.text)('#e-email').text()).toContain('Format email tidak valid');
    expect($(bad.text)('#e-peran').text()).toContain('Pilihan tidak dikenal');
    expect($(bad.text)('#f-nama').val()).toBe('Dewi');
    expect($(bad.text)('#f-email').val()).toBe('bukan-email');
    for (const peran of ['admin-ppe', 'applicant']) expect($((await invite(owner, { nama: 'Dewi', email: 'dewi@alur.local', peran })).text)('#e-peran').text()).toContain('Pilihan tidak dikenal');
    expect(await t.services.store.listStaffAudit({})).toHaveLength(auditBefore);
  });

  test('when the invitation names an address that has an account, then 422 says so (in English too) and keeps the typed values', async () => {
    const res = await invite(owner, { nama: 'Admin Lain', email: ADMIN.email.toUpperCase(), peran: 'staff' });
    expect(res.status).toBe(422);
    const doc = $(res.text);
    expect(doc('#e-email').text()).toContain('Email ini sudah dipakai akun lain');
    expect(doc('#f-nama').val()).toBe('Admin Lain');
    expect(doc('#f-peran option[selected]').attr('value')).toBe('staff');
    const english = t.agent();
    await login(english, OWNER);
    await english.get('/bahasa/en');
    const en = await invite(english, { nama: 'Admin Lain', email: ADMIN.email, peran: 'staff' });
    expect(en.status).toBe(422);
    expect($(en.text)('#e-email').text()).toContain('already used by another account');
  });

  test('when the owner invites a staff member into group admin-ppe, then the account waits as "Undangan terkirim" without a usable password, is not offered in Alihkan, and the outbox holds a 7-day set-password link', async () => {
    const res = await invite(owner, NEW_ADMIN);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/staf');
    const user = (await t.services.store.findUserByEmail(NEW_ADMIN.email))!;
    expect(user).toMatchObject({ displayName: 'Dewi Lestari', role: 'staff', status: 'registered' });
    expect(await t.services.store.listUserGroups(user.id)).toEqual(['admin-ppe']);
    expect(await staffRow(owner, NEW_ADMIN.email)).toMatchObject({ state: 'invited', tasks: 0 });
    const mail = await latestMessage(t.services.store, NEW_ADMIN.email, 'staff-invitation');
    expect(mail.channel).toBe('email');
    expect(mail.body).toContain('/atur-ulang-kata-sandi/');
    expect(mail.body).toContain('Yth. Dewi Lestari');
    expect(mail.body).toContain('sebagai Staf');
    expect(mail.body).toContain('as Staff');
    expect(mail.body).toContain('— English —');
    const link = await t.services.store.latestVerification(user.id, 'password-reset');
    expect(Date.parse(link!.expiresAt) - Date.parse(link!.createdAt)).toBe(7 * 24 * 60 * 60 * 1000);
    // the page shows the invitation in the log, and the admin never sees a password
    const page = $((await owner.get('/staf')).text);
    expect(page('#riwayat tr[data-type="staff.invited"] .account').text()).toContain(NEW_ADMIN.email);
    expect(page('#riwayat tr[data-type="staff.invited"] .actor').text()).toBe('Pemilik Proses');
    // nobody can log in with a guessed password, and an invited account holds no task
    expect(await tryLogin(t.agent(), NEW_ADMIN.email, '')).not.toBe(303);
    const task = (await t.services.store.listTasks({ caseId: budi.caseId }))[0]!;
    expect((await take(admin, task.id)).status).toBe(303);
    expect(await alihkanOptions(admin, task.id)).not.toContain(user.id);
  });

  test('when the invited person follows the link and sets a password, then they log in, see the inbox, are offered in Alihkan, and the link works only once', async () => {
    const dewi = t.agent();
    const { path, status, res } = await setPassword(dewi, t.services.store, NEW_ADMIN.email, 'staff-invitation');
    expect(status).toBe(200);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/masuk');
    const user = (await t.services.store.findUserByEmail(NEW_ADMIN.email))!;
    expect(user.status).toBe('active');
    expect(await staffRow(owner, NEW_ADMIN.email)).toMatchObject({ state: 'active' });
    expect(await tryLogin(dewi, NEW_ADMIN.email, NEW_PASSWORD)).toBe(303);
    const inbox = await dewi.get('/kotak-masuk');
    expect(inbox.status).toBe(200);
    expect($(inbox.text)('h1').text()).toBeTruthy();
    const task = (await t.services.store.listTasks({ caseId: budi.caseId }))[0]!;
    expect(await alihkanOptions(admin, task.id)).toContain(user.id);
    expect((await t.agent().get(path)).status).toBe(410);
  });
  test('when an invitation is cancelled by deactivating the account, then its link stops working; reactivated, it is an invitation again and a resent link activates it', async () => {
    const who = { nama: 'Rudi Hartono', email: 'rudi.hartono@kalbarprov.go.id', peran: 'process-owner' };
    expect((await invite(owner, who)).status).toBe(303);
    const { id } = (await staffRow(owner, who.email))!;
    const link = (await latestMessage(t.services.store, who.email, 'staff-invitation')).body;
    expect((await staffPost(owner, `/staf/${id}/nonaktifkan`)).status).toBe(303);
    const path = /https?:\/\/[^/\s]+(\/atur-ulang-kata-sandi\/\S+)/.exec(link)![1]!;
    expect((await t.agent().get(path)).status).toBe(404); // a disabled account has no usable link
    expect((await staffPost(owner, `/staf/${id}/aktifkan`)).status).toBe(303);
    expect(await staffRow(owner, who.email)).toMatchObject({ state: 'invited' });
    expect((await t.agent().get(path)).status).toBe(410); // the old link was used up when the invitation was cancelled
    expect((await staffPost(owner, `/staf/${id}/atur-ulang-sandi`)).status).toBe(303);
    const { res } = await setPassword(t.agent(), t.services.store, who.email, 'staff-invitation');
    expect(res.status).toBe(303);
    expect(await staffRow(owner, who.email)).toMatchObject({ state: 'active' });
    const rudi = t.agent();
    expect(await tryLogin(rudi, who.email, NEW_PASSWORD)).toBe(303);
    expect($((await rudi.get('/staf')).text)('h1').text()).toBe('Staf'); // a process owner administers staff too
  });
  test('given more staff than one page holds, when the owner pages through /staf, then every account appears once', async () => {
    const passwordHash = await hashPassword('tidak-dipakai-2026');
    for (let n = 0; n < 30; n++) {
      await t.services.store.insertUser({
        id: `bulk-${n}`, email: `staf${String(n).padStart(2, '0')}@alur.local`, whatsapp: null, displayName: `Staf ${String(n).padStart(2, '0')}`,
        role: 'staff', passwordHash, status: 'active', createdAt: new Date().toISOString(), ...UNVERIFIED,
      });
    }
    const total = (await t.services.store.countUsers('staff')) + (await t.services.store.countUsers('process-owner'));
    const seen: string[] = [];
    let path: string | undefined = '/staf';
    for (let pages = 0; path && pages < 5; pages++) {
      const doc = $((await owner.get(path)).text);
      const rows = doc('table.staff tbody tr').map((_, tr) => doc(tr).attr('data-user')).get();
      expect(rows.length).toBeLessThanOrEqual(25);
      seen.push(...rows);
      path = doc('.paging a[rel=next]').attr('href');
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect((await owner.get('/staf?halaman=999999')).status).toBe(200); // past the end: the last page
    expect((await owner.get('/staf?halaman=abc&riwayat=-1')).status).toBe(200);
  });
});
