// Step 6 "Tidak lengkap" with structured reasons: at least one required, the note optional next to
// them, the PPBJ sees them at the top of the reopened form and next to the fields they concern.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, caseAtInformation, firstTaskIdOfCase, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

describe('Given a case at step 6 "Memeriksa Informasi PPBJ", taken by an Admin PPE', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });

  async function atCheck() {
    const at = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await submitWithFile(at.ppbj, at.taskId, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    const step6 = await firstTaskIdOfCase(admin, at.caseId);
    await take(admin, step6);
    return { ...at, step6 };
  }

  test('when "Tidak lengkap" is chosen without a reason, then at least one reason is required (or a note with "Lainnya")', async () => {
    const { step6 } = await atCheck();
    const form = $((await admin.get(`/tugas/${step6}`)).text);
    expect(form('input[type=checkbox][name=alasanKode]').map((_, el) => form(el).attr('value')).get())
      .toEqual(['sk-tidak-terbaca', 'sk-kedaluwarsa', 'data-tidak-sesuai', 'dokumen-kurang', 'lainnya']);

    const none = await submitTask(admin, step6, { lengkap: 'tidak', alasan: '' });
    expect(none.status).toBe(422);
    expect($(none.text)('#e-alasanKode').text()).toContain('Pilih minimal satu alasan pengembalian');
    const other = await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'lainnya', alasan: '' });
    expect(other.status).toBe(422);
    expect($(other.text)('#e-alasanKode')).toHaveLength(0);
    expect($(other.text)('#e-alasan').text()).toContain('Tulis catatan untuk pemohon');
    expect($(other.text)('input[name=alasanKode][value=lainnya]').attr('checked')).toBeDefined();
    const forged = await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'sesuka-hati' });
    expect(forged.status).toBe(422);
    expect($(forged.text)('#e-alasanKode').text()).toContain('Pilihan tidak dikenal');
    expect((await t.services.store.getTask(step6))!.status).toBe('open');
  });

  test('when reasons are ticked without a note, then the case returns and the audit keeps the codes and the readable text', async () => {
    const { caseId, step6 } = await atCheck();
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: ['sk-kedaluwarsa', 'data-tidak-sesuai'], alasan: '' })).status).toBe(303);
    const returned = (await t.services.store.listAudit(caseId)).find((e) => e.type === 'case.returned');
    expect(returned!.data).toMatchObject({ codes: ['sk-kedaluwarsa', 'data-tidak-sesuai'], reasons: 'SK kedaluwarsa; Data tidak sesuai dengan SK', note: '' });
    const open = await t.services.store.listTasks({ caseId, status: 'open' });
    expect(open.map((x) => x.name)).toEqual(['Melengkapi Informasi PPBJ']);
  });

  test('when the PPBJ reopens the returned form, then the reasons are at the top and next to the fields they concern', async () => {
    const { ppbj, caseId, step6 } = await atCheck();
    const note = 'Masa berlaku SK sudah lewat; unggah SK perpanjangan.';
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: ['sk-kedaluwarsa', 'sk-tidak-terbaca'], alasan: note })).status).toBe(303);
    const again = await firstTaskIdOfCase(ppbj, caseId);
    const page = $((await ppbj.get(`/tugas/${again}`)).text);
    expect(page('.returned .reason-list li').map((_, el) => page(el).attr('data-code')).get()).toEqual(['sk-kedaluwarsa', 'sk-tidak-terbaca']);
    expect(page('.returned .reason-list').text()).toContain('SK kedaluwarsa');
    expect(page('.returned .reasons').text()).toBe(note);
    expect(page('.return-reason[data-field="berlakuMulai"]').text()).toContain('SK kedaluwarsa');
    expect(page('.return-reason[data-field="berlakuSampai"]').text()).toContain('SK kedaluwarsa');
    expect(page('.return-reason[data-field="skFile"]').text()).toContain('SK tidak terbaca');
    expect(page('.return-reason[data-field="nomorSk"]')).toHaveLength(0);
    expect(page('.return-reason[data-field="peran"]')).toHaveLength(0);
    // the applicant's case page lists the return's reasons and note; staff's the readable text (labels and note)
    const status = $((await ppbj.get(`/kasus/${caseId}`)).text);
    expect(status('.returned-banner .returns li').map((_, li) => status(li).text()).get()).toEqual(['SK kedaluwarsa', 'SK tidak terbaca']);
    expect(status('.returned-banner .return-note').text()).toBe(note);
    const staffView = $((await admin.get(`/kasus/${caseId}`)).text);
    expect(staffView('.returns').text()).toContain('SK kedaluwarsa; SK tidak terbaca');
    expect(staffView('.returns').text()).toContain(note);
    // in English the labels follow the language
    await ppbj.get('/bahasa/en?next=/');
    const en = $((await ppbj.get(`/tugas/${again}`)).text);
    expect(en('.returned .reason-list').text()).toContain('SK has expired');
    expect(en('.return-reason[data-field="skFile"]').text()).toContain('SK is not readable');
  });

  test('when the corrected form is submitted, then the case is no longer shown as returned', async () => {
    const { ppbj, caseId, step6 } = await atCheck();
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'data-tidak-sesuai' })).status).toBe(303);
    const again = await firstTaskIdOfCase(ppbj, caseId);
    const page = $((await ppbj.get(`/tugas/${again}`)).text);
    expect(page('.return-reason[data-field="nomorSk"]').text()).toContain('Data tidak sesuai dengan SK');
    expect(page('.returned .reasons')).toHaveLength(0); // no note was written
    expect($((await ppbj.get(`/kasus/${caseId}`)).text)('[data-status]').attr('data-status')).toBe('status.dikembalikan');
    expect((await submitWithFile(ppbj, again, { ...INFORMATION, nomorSk: '027/999/BPBJ/2026' })).status).toBe(303);
    expect($((await ppbj.get(`/kasus/${caseId}`)).text)('[data-status]').attr('data-status')).toBe('status.sedangDiperiksa');
  });
});
