// Step 4 "Melakukan Verifikasi" can return the identity (Tidak sesuai, with reasons like step 6): the
// PPBJ corrects step 3, and the second verification starts empty with what changed since the first
// round listed and marked. The decision comes first on the page (its panel before the data).
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { IDENTITY, firstTaskId, firstTaskIdOfCase, submitTask, take } from '../helpers/ppbj.js';
import { atVerification, type Applicant } from '../tasks/office.js';

const PERSON = { name: 'Dewi Lestari', email: 'dewi.lestari@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' };
const CORRECTED_NIP = '198609262015051002'; // the serial number corrected

describe('Given a PPBJ at step 4 and an Admin PPE who took it', () => {
  let t: TestApp;
  let admin: TestAgent;
  let a: Applicant;
  let step4: string;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
    a = await atVerification(app, PERSON);
    step4 = await firstTaskIdOfCase(admin, a.caseId);
    expect((await take(admin, step4)).status).toBe(303);
  }, 60_000);

  test('when the task page opens, then the decision panel comes before the data and offers Sesuai / Tidak sesuai with the identity reasons', async () => {
    const page = $((await admin.get(`/tugas/${step4}`)).text);
    const layout = page('.alur-decision-layout').children();
    expect(layout.eq(0).hasClass('alur-decision-layout__panel')).toBe(true);
    expect(layout.eq(1).hasClass('alur-decision-layout__data')).toBe(true);
    expect(page('.alur-decision-layout__panel input[name=sesuai]').map((_, el) => page(el).attr('value')).get()).toEqual(['ya', 'tidak']);
    expect(page('.alur-decision-layout__panel input[name=alasanKode]').map((_, el) => page(el).attr('value')).get())
      .toEqual(['nip-tidak-sesuai', 'nik-tidak-sesuai', 'nama-tidak-sesuai', 'jabatan-tidak-sesuai', 'instansi-tidak-sesuai', 'lainnya']);
    expect(page('.alur-decision-layout__data section.review dt').first().text()).toBe('NIP');
  });

  test('when it is sent without a decision, or "Tidak sesuai" without a reason, then the errors say what is missing, in the panel, in both languages', async () => {
    const none = await submitTask(admin, step4, {});
    expect(none.status).toBe(422);
    const page = $(none.text);
    expect(page('.alur-decision-layout__panel .govuk-error-summary a[href="#f-sesuai"]').text()).toContain('Pilih Sesuai atau Tidak sesuai');
    const noReason = $((await submitTask(admin, step4, { sesuai: 'tidak', alasan: '' })).text);
    expect(noReason('#e-alasanKode').text()).toContain('Pilih minimal satu alasan pengembalian');
    expect(noReason('input[name=sesuai][value=tidak]').attr('checked')).toBeDefined();

    const inEnglish = await loggedIn(t, ADMIN);
    await inEnglish.get('/bahasa/en?next=/');
    expect($((await submitTask(inEnglish, step4, {})).text)('#e-sesuai').text()).toContain('Choose Correct or Not correct');
  });

  test('when "Tidak sesuai" is chosen with reasons, then step 3 reopens for the PPBJ with the reasons on top and next to the fields, and the return is audited', async () => {
    const res = await submitTask(admin, step4, { sesuai: 'tidak', alasanKode: ['nip-tidak-sesuai'], alasan: 'Satu digit NIP tidak sesuai SK.' });
    expect(res.status).toBe(303);
    const step3 = await firstTaskId(a.ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    const form = $((await a.ppbj.get(`/tugas/${step3}`)).text);
    expect(form('.returned .reason-list li').map((_, li) => form(li).attr('data-code')).get()).toEqual(['nip-tidak-sesuai']);
    expect(form('.returned .reasons').text()).toBe('Satu digit NIP tidak sesuai SK.');
    expect(form('.return-reason[data-field=nip]').text()).toContain('NIP tidak sesuai');
    expect(form('#f-nip').val()).toBe(PERSON.nip); // the PPBJ corrects what they sent
    const returned = (await t.services.store.listAudit(a.caseId)).filter((e) => e.type === 'case.returned');
    expect(returned.map((e) => [e.data.step, e.data.codes])).toEqual([['Melakukan Verifikasi', ['nip-tidak-sesuai']]]);
  });

  test('when the PPBJ sends the corrected identity, then the second verification starts empty and marks the NIP as changed with its earlier value', async () => {
    const step3 = await firstTaskId(a.ppbj, '/tugas', 'Mengisi Identitas PPBJ');
    expect((await submitTask(a.ppbj, step3, { ...IDENTITY, namaLengkap: PERSON.name, nip: CORRECTED_NIP, nik: PERSON.nik, email: PERSON.email })).status).toBe(303);
    const again = await firstTaskIdOfCase(admin, a.caseId);
    expect(again).not.toBe(step4);
    await take(admin, again);
    const page = $((await admin.get(`/tugas/${again}`)).text);

    // empty: no decision, no reason, no note of the first round
    expect(page('input[name=sesuai]:checked, input[name=sesuai][checked]')).toHaveLength(0);
    expect(page('input[name=alasanKode][checked]')).toHaveLength(0);
    expect(page('#f-alasan').text()).toBe('');
    // what changed: the NIP, listed and marked with the earlier value; nothing else
    const identity = page('section.review').first();
    expect(identity.find('.round-changes li a').map((_, el) => page(el).text()).get()).toEqual(['NIP']);
    expect(identity.find('.round-changes li a').attr('href')).toBe(`#${identity.find('.alur-changed').attr('id')}`);
    expect(identity.find('.alur-changed').map((_, el) => page(el).attr('data-field')).get()).toEqual(['nip']);
    expect(identity.find('.alur-changed dd').text()).toContain(CORRECTED_NIP);
    expect(identity.find('.alur-changed .before').text()).toContain(PERSON.nip);

    expect((await submitTask(admin, again, { sesuai: 'ya' })).status).toBe(303);
    expect((await t.services.store.listTasks({ caseId: a.caseId })).map((x) => x.elementId)).toEqual(['MelengkapiInformasi']);
  });
});
