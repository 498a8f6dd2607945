// Domain validation over HTTP: NIP TMT rules on the service clock, the NIP/NIK cross-check as a
// warning the PPBJ confirms (recorded in the audit), and hard errors that no confirmation lifts.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { IDENTITY, firstTaskId, firstTaskIdOfCase, signUp, submitTask, take } from '../helpers/ppbj.js';

const NIK_WOMAN_27 = '6171056709860003'; // 27 + 40: a woman born 27-09-86; IDENTITY's NIP says a man born 26-09-1986

describe('Given a PPBJ at step 3 "Mengisi Identitas PPBJ"', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    t.clock.now = new Date('2026-03-10T03:00:00Z');
  });

  async function atIdentity(): Promise<{ ppbj: TestAgent; taskId: string; caseId: string }> {
    const ppbj = t.agent();
    const applicant = await signUp(ppbj);
    const user = await t.services.store.findUserByEmail(applicant.email);
    const caseId = (await t.services.store.listCasesByApplicant(user!.id))[0]!.id;
    return { ppbj, caseId, taskId: await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ') };
  }

  test('when NIP and NIK disagree on birth date and gender, then the form warns next to both fields and completes only once confirmed', async () => {
    const { ppbj, taskId, caseId } = await atIdentity();
    const first = await submitTask(ppbj, taskId, { ...IDENTITY, nik: NIK_WOMAN_27 });
    expect(first.status).toBe(422);
    const page = $(first.text);
    for (const field of ['nip', 'nik']) {
      const warnings = page(`.warning[data-field="${field}"]`).text();
      expect(warnings).toContain('Tanggal lahir pada NIP berbeda');
      expect(warnings).toContain('Jenis kelamin pada NIP');
    }
    expect(page('.error')).toHaveLength(0); // a warning, not an error
    expect(page('.confirm-summary a[href="#konfirmasi"]').text()).toContain('centang konfirmasi');
    const confirm = page('.confirm-warnings input[type=checkbox][name=_konfirmasi]');
    expect(confirm).toHaveLength(1);
    expect(confirm.attr('checked')).toBeUndefined();
    expect(page('.confirm-warnings label').text()).toContain('Saya konfirmasi data ini benar');
    expect(page('#f-nik').val()).toBe(NIK_WOMAN_27);
    expect(page('#f-namaLengkap').val()).toBe(IDENTITY.namaLengkap);
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
    expect((await t.services.store.getCase(caseId))!.rev).toBe(1);

    const confirmed = await submitTask(ppbj, taskId, { ...IDENTITY, nik: NIK_WOMAN_27, _konfirmasi: String(confirm.val()) });
    expect(confirmed.status).toBe(303);
    expect((await t.services.store.getTask(taskId))!.status).toBe('completed');
    const done = (await t.services.store.listAudit(caseId)).find((e) => e.type === 'task.completed' && e.taskId === taskId);
    expect(done!.data.confirmedWarnings).toEqual(['nipNik.tanggalLahir', 'nipNik.jenisKelamin']);
    expect(done!.data.fields).toMatchObject({ nik: NIK_WOMAN_27 });

    // the Admin PPE verifying the identity (step 4) sees what the PPBJ confirmed
    const admin = t.agent();
    await login(admin, ADMIN);
    const step4 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step4);
    const review = $((await admin.get(`/tugas/${step4}`)).text)('.review .confirmed-warnings');
    expect(review.text()).toContain('Pemohon mengonfirmasi data ini benar');
    expect(review.find('li')).toHaveLength(2);
  });

  test('when NIP and NIK agree, then no warning is shown and nothing is recorded as confirmed', async () => {
    const { ppbj, taskId, caseId } = await atIdentity();
    expect((await submitTask(ppbj, taskId, IDENTITY)).status).toBe(303);
    const done = (await t.services.store.listAudit(caseId)).find((e) => e.type === 'task.completed' && e.taskId === taskId);
    expect(done!.data.confirmedWarnings).toBeUndefined();
    const admin = t.agent();
    await login(admin, ADMIN);
    const step4 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step4);
    const page = $((await admin.get(`/tugas/${step4}`)).text);
    expect(page('.review').text()).toContain('6171052609860003');
    expect(page('.confirmed-warnings')).toHaveLength(0);
  });

  test('when the confirmation is ticked but a hard error remains, then the step is still refused', async () => {
    const { ppbj, taskId } = await atIdentity();
    const warned = $((await submitTask(ppbj, taskId, { ...IDENTITY, nik: NIK_WOMAN_27 })).text);
    const tick = String(warned('input[name=_konfirmasi]').val());
    const res = await submitTask(ppbj, taskId, { ...IDENTITY, nik: NIK_WOMAN_27, namaLengkap: '', _konfirmasi: tick });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-namaLengkap').text()).toContain('Wajib diisi');
    expect(page('input[name=_konfirmasi]').attr('checked')).toBeDefined(); // the tick is kept, like every typed value
    // a NIP whose TMT lies in the future is an error: confirming the warnings does not lift it
    const future = await submitTask(ppbj, taskId, { ...IDENTITY, nip: '19860926 202704 1 001', nik: NIK_WOMAN_27, _konfirmasi: tick });
    expect(future.status).toBe(422);
    expect($(future.text)('#e-nip').text()).toContain('belum terjadi');
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
  });

  test('when a confirmation was given for other findings, then it does not cover the new one', async () => {
    const { ppbj, taskId } = await atIdentity();
    const res = await submitTask(ppbj, taskId, { ...IDENTITY, nik: '6171056609860003', _konfirmasi: 'nipNik.tanggalLahir' });
    expect(res.status).toBe(422);
    expect($(res.text)('.warning[data-field="nik"]').text()).toContain('Jenis kelamin');
    expect((await t.services.store.getTask(taskId))!.status).toBe('open');
  });

  test('when the TMT in the NIP is before the 18th birthday or after this month (service clock, WIB), then the NIP is refused', async () => {
    const { ppbj, taskId } = await atIdentity();
    const young = await submitTask(ppbj, taskId, { ...IDENTITY, nip: '19860926 200409 1 001' });
    expect(young.status).toBe(422);
    expect($(young.text)('#e-nip').text()).toContain('lebih awal dari usia 18 tahun');

    t.clock.now = new Date('2026-03-31T16:59:00Z'); // 31 March 23.59 WIB: April is still to come
    const early = await submitTask(ppbj, taskId, { ...IDENTITY, nip: '19860926 202604 1 001' });
    expect(early.status).toBe(422);
    expect($(early.text)('#e-nip').text()).toContain('TMT pada NIP (digit 9–14) belum terjadi');
    expect($(early.text)('#f-nip').val()).toBe('19860926 202604 1 001');

    t.clock.now = new Date('2026-03-31T17:00:00Z'); // 1 April 00.00 WIB
    expect((await submitTask(ppbj, taskId, { ...IDENTITY, nip: '19860926 202604 1 001' })).status).toBe(303);
    t.clock.now = new Date('2026-03-10T03:00:00Z');
  });

  test('when the page is in English, then the messages and the warning are in English', async () => {
    const { ppbj, taskId } = await atIdentity();
    await ppbj.get('/bahasa/en?next=/');
    const res = await submitTask(ppbj, taskId, { ...IDENTITY, nip: '19860926 203001 1 001', nik: '6171052609860003', whatsapp: '12' });
    expect(res.status).toBe(422);
    const page = $(res.text);
    expect(page('#e-nip').text()).toContain('is in the future');
    expect(page('#e-whatsapp').text()).toContain('Invalid WhatsApp number');
    const warned = $((await submitTask(ppbj, taskId, { ...IDENTITY, nik: NIK_WOMAN_27 })).text);
    expect(warned('.warning[data-field="nip"]').text()).toContain('The birth date in the NIP differs');
    expect(warned('.confirm-warnings label').text()).toContain('I confirm this data is correct');
  });

  test('when the WhatsApp number is typed as 628…, then it is accepted and stored as +628…', async () => {
    const { ppbj, taskId, caseId } = await atIdentity();
    expect((await submitTask(ppbj, taskId, { ...IDENTITY, whatsapp: '62 812-3456-7890' })).status).toBe(303);
    expect((await t.services.store.getCase(caseId))!.data['ppbj-identitas']).toMatchObject({ whatsapp: '+6281234567890', nip: '198609262015051001' });
  });
});
