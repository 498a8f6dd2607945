// Issue 9 items 4-6 over HTTP: a model can no longer break every sign-up or the server. A model with an absurd time
// standard or without step "MembuatAkun" is refused at deploy; a version stored before those
// rules (inserted straight into the store) still lets people sign up: the due date is held at
// 9999-12-31 instead of throwing a RangeError into the request. The modeler's deploy refuses a
// 600,000-character name and a form field of type __proto__.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { studioPost } from '../studio/helpers.js';
import { newApplicant, signUpUnverified } from '../helpers/ppbj.js';
import { DeployRefusedError } from '../../src/definitions/deploy-refused-error.js';

const shipped = (): string => readFileSync(new URL('../../processes/pendaftaran-akun-ppbj.bpmn', import.meta.url), 'utf8');
/** Step 3 ("MengisiIdentitas", opened at sign-up) with a time standard of 300,000 years. */
const absurdWaktu = (): string => shipped().replace(/(<bpmn:userTask id="MengisiIdentitas"[\s\S]*?waktu=")PT15M"/, '$1P300000Y"');

describe('Given the sign-up process', () => {
  let t: TestApp;
  useTestApp((app) => void (t = app));

  test('when a version with waktu P300000Y is deployed, then it is refused and the running version keeps serving', async () => {
    expect(absurdWaktu()).toContain('P300000Y');
    const refusal = await t.services.definitions.deploy(absurdWaktu(), null, 'coba').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DeployRefusedError);
    expect((refusal as DeployRefusedError).problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/waktu "P300000Y" is longer than the maximum time standard of 1 year/));
    await signUpUnverified(t.agent());
  });

  test('when a version whose step 2 is not "MembuatAkun" is deployed, then it is refused', async () => {
    const refusal = await t.services.definitions.deploy(shipped().replaceAll('MembuatAkun', 'BuatAkun'), null, 'coba').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DeployRefusedError);
    expect((refusal as DeployRefusedError).problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/needs a user task with the id "MembuatAkun"/));
  });

  test('when a version stored before the rules says P300000Y, then sign-up still answers 303 and the task is due at 9999-12-31', async () => {
    const latest = await t.services.definitions.latest('pendaftaran-akun-ppbj');
    await t.services.store.insertDefinition({ ...latest, id: randomUUID(), version: latest.version + 1, xml: absurdWaktu(), comment: 'tersimpan sebelum aturan' });
    const person = await signUpUnverified(t.agent(), newApplicant());
    const user = await t.services.store.findUserByEmail(person.email);
    const tasks = await t.services.store.listTasks({ applicantId: user!.id, status: 'open', limit: 10 });
    expect(tasks.map((task) => [task.elementId, task.dueAt])).toEqual([['MengisiIdentitas', '9999-12-31T23:59:59.999Z']]);
  });
});

describe('Given a process owner in the modeler', () => {
  let t: TestApp;
  useTestApp((app) => void (t = app));

  test('when a diagram with a 600,000-character task name is deployed, then it is refused (422) naming the task, and no version is added', async () => {
    const owner = await loggedIn(t, OWNER);
    const xml = shipped().replace('name="Mengaktifkan Akun PPBJ"', `name="${'A'.repeat(600_000)}"`);
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml, comment: 'panjang' });
    expect(res.status).toBe(422);
    expect(res.body.problems).toContainEqual(expect.objectContaining({ elementId: 'MengaktifkanAkun', code: 'text-too-long', message: `Nama pada “${'A'.repeat(99)}…” panjangnya 600000 karakter, lebih dari batas 200; persingkat teksnya.` }));
    expect(await t.services.store.listDefinitions('pendaftaran-akun-ppbj')).toHaveLength(1);
  });

  test('when a step declares a form field of type __proto__, then the deploy is refused and sign-ups keep working', async () => {
    const owner = await loggedIn(t, OWNER);
    const xml = shipped().replace(
      '<bpmn:userTask id="MengaktifkanAkun" name="Mengaktifkan Akun PPBJ" camunda:formKey="aktivasi-akun" camunda:candidateGroups="admin-ppe">\n      <bpmn:extensionElements>',
      '<bpmn:userTask id="MengaktifkanAkun" name="Mengaktifkan Akun PPBJ" camunda:candidateGroups="admin-ppe">\n      <bpmn:extensionElements><camunda:formData><camunda:formField id="catatan" label="Catatan" type="__proto__" /></camunda:formData>',
    );
    expect(xml).toContain('type="__proto__"');
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml, comment: 'proto' });
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p: { message: string }) => p.message)).toContainEqual(expect.stringMatching(/Jenis isian "__proto__" pada isian "Catatan" formulir “Mengaktifkan Akun PPBJ” tidak didukung/));
    await signUpUnverified(t.agent());
    expect(Object.isFrozen(Object.prototype)).toBe(false);
  });
});
