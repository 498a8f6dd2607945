// The SOP over HTTP, step by step: Daftar → identity → verification → information with upload →
// "Tidak lengkap" return → corrected → "Lengkap" → activation → Aktif.
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { $, ADMIN, login, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { IDENTITY, INFORMATION, PDF, firstTaskId, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

describe('Given a fresh Alur on the embedded store', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when a PPBJ and an Admin PPE work through the SOP with one return, then the account becomes Aktif', async () => {
    const ppbj = t.agent();
    const admin = t.agent();

    // Step 2: Daftar creates the user and the case; the PPBJ lands on Tugas Saya with step 3
    const applicant = await signUp(ppbj);
    const inbox = await ppbj.get('/tugas');
    expect($(inbox.text)('tr.task-row').text()).toContain('Mengisi Identitas PPBJ');
    const user = await t.services.store.findUserByEmail(applicant.email);
    expect(user).toMatchObject({ role: 'applicant', status: 'registered', whatsapp: '+6281234567890' });
    const [theCase] = await t.services.store.listCasesByApplicant(user!.id);
    expect(theCase).toMatchObject({ status: 'running', definitionVersion: 1 });

    // Step 3: identity form is pre-filled with the registration e-mail and WhatsApp
    const step3 = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    const form3 = $((await ppbj.get(`/tugas/${step3}`)).text);
    expect(form3('#f-email').val()).toBe(applicant.email);
    expect((await submitTask(ppbj, step3, IDENTITY)).status).toBe(303);

    // Step 4: the admin sees it in the Kotak Masuk, takes it, reviews the identity and verifies
    await login(admin, ADMIN);
    const step4 = await firstTaskId(admin, '/kotak-masuk', 'Melakukan Verifikasi');
    expect((await take(admin, step4)).status).toBe(303);
    const review = $((await admin.get(`/tugas/${step4}`)).text);
    expect(review('.review').text()).toContain('6171052609860003');
    expect(review('.review').text()).toContain('Penata (III/c)');
    expect((await submitTask(admin, step4, { sesuai: 'ya' })).status).toBe(303);

    // Step 5: information with the SK upload
    const step5 = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    const res5 = await submitWithFile(ppbj, step5, INFORMATION, { buffer: PDF, name: 'sk-pengangkatan.pdf' });
    expect(res5.status).toBe(303);
    const docs = await t.services.store.listDocuments(theCase!.id);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ mime: 'application/pdf', size: PDF.length, originalName: 'sk-pengangkatan.pdf' });
    expect(docs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Step 6: "Tidak lengkap" with reasons goes back to step 5
    const step6 = await firstTaskId(admin, '/kotak-masuk', 'Memeriksa Informasi PPBJ');
    await take(admin, step6);
    const noReason = await submitTask(admin, step6, { lengkap: 'tidak', alasan: '' });
    expect(noReason.status).toBe(422);
    expect($(noReason.text)('#e-alasan').text()).toContain('Tulis catatan untuk pemohon');
    expect($(noReason.text)('input[name=lengkap][value=tidak]').attr('checked')).toBeDefined();
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'sk-tidak-terbaca', alasan: 'SK tidak terbaca, mohon pindai ulang.' })).status).toBe(303);

    // The PPBJ sees the reasons on the reopened form, previous values pre-filled, previous upload kept
    const again = await firstTaskId(ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
    expect(again).not.toBe(step5);
    const form5 = $((await ppbj.get(`/tugas/${again}`)).text);
    expect(form5('.returned .reasons').text()).toContain('SK tidak terbaca');
    expect(form5('#f-nomorSk').val()).toBe(INFORMATION.nomorSk);
    expect(form5('#f-peran option[selected]').val()).toBe(INFORMATION.peran);
    expect(form5('.current-doc a').text()).toBe('sk-pengangkatan.pdf');
    const status = $((await ppbj.get(`/kasus/${theCase!.id}`)).text);
    expect(status('[data-status]').attr('data-status')).toBe('status.dikembalikan');
    expect(status('.returns').text()).toContain('SK tidak terbaca');

    // Corrected without a new file: the previous document is kept
    expect((await submitWithFile(ppbj, again, { ...INFORMATION, nomorSk: '027/124/BPBJ/2026' })).status).toBe(303);
    expect(await t.services.store.listDocuments(theCase!.id)).toHaveLength(1);

    // Step 6 again: Lengkap → step 7: activation for SiRUP and SPSE
    const step6b = await firstTaskId(admin, '/kotak-masuk', 'Memeriksa Informasi PPBJ');
    await take(admin, step6b);
    expect((await submitTask(admin, step6b, { lengkap: 'ya', alasan: '' })).status).toBe(303);
    const step7 = await firstTaskId(admin, '/kotak-masuk', 'Mengaktifkan Akun PPBJ');
    await take(admin, step7);
    expect((await submitTask(admin, step7, { sistem: ['SiRUP', 'SPSE'] })).status).toBe(303);

    // Step 8: Selesai; the account is Aktif and the history shows every step with who and when
    expect((await t.services.store.getUser(user!.id))!.status).toBe('active');
    expect((await t.services.store.getCase(theCase!.id))!.status).toBe('completed');
    const done = $((await ppbj.get(`/kasus/${theCase!.id}`)).text);
    expect(done('[data-status]').attr('data-status')).toBe('status.aktif');
    expect(done('.my-steps li[data-state="done"]')).toHaveLength(3); // the applicant's own steps
    expect(done('.end-systems [data-system]').map((_, el) => done(el).attr('data-system')).get()).toEqual(['SiRUP', 'SPSE']);
    const staffView = $((await admin.get(`/kasus/${theCase!.id}`)).text); // staff see every step and the full history
    expect(staffView('.steps .step.done')).toHaveLength(6);
    expect(staffView('.history tr[data-type="account.activated"]').text()).toContain('SiRUP, SPSE');
    const types = (await t.services.store.listAudit(theCase!.id)).map((e) => e.type);
    expect(types.filter((x) => x === 'task.completed')).toHaveLength(8);
    expect(types).toEqual(expect.arrayContaining(['case.started', 'task.taken', 'document.uploaded', 'case.returned', 'account.activated', 'case.completed']));
    expect(await t.services.store.countTasks({ caseId: theCase!.id, status: 'open' })).toBe(0);

    // The audit records the submitted fields, never the password (nor does any stored byte)
    const audit = await t.services.store.listAudit(theCase!.id);
    const registration = audit.find((e) => e.type === 'task.completed' && e.data.step === 'Membuat Akun PPBJ');
    expect(registration!.data.fields).toMatchObject({ email: applicant.email, whatsapp: '+6281234567890' });
    expect(JSON.stringify(audit)).not.toContain(applicant.password);
    await t.services.store.close();
    const raw = Buffer.concat([readFileSync(t.config.sqliteFile), ...['-wal'].filter((x) => existsSync(t.config.sqliteFile + x)).map((x) => readFileSync(t.config.sqliteFile + x))]);
    expect(raw.includes(Buffer.from(applicant.password))).toBe(false);
    expect(raw.includes(Buffer.from(applicant.email))).toBe(true); // the scan does see stored text
  });
});
