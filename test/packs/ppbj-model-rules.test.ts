// The PPBJ pack's model rules (checkModel): a model of the sign-up process can only deploy if
// sign-up can start it (step "MembuatAkun", its form and group, a dry run of the start); the rules
// are the pack's, applied by the definition service only to the pack's process.
import { describe, expect, test } from '@jest/globals';
import { FormRegistry } from '../../src/forms/form-registry.js';
import { packForms, packModelChecks } from '../../src/packs/index.js';
import { registrasi } from '../../src/packs/ppbj/forms/ppbj-forms.js';
import { PPBJ_PACK } from '../../src/packs/ppbj/pack.js';
import { PPBJ_PROCESS_KEY, SIGN_UP_FORM_KEY } from '../../src/packs/ppbj/process-key.js';
import { validateDefinition, type DefinitionProblem } from '../../src/workflow/index.js';
import { shippedXml } from '../workflow/helpers.js';
import { PPBJ_MESSAGES } from '../../src/packs/ppbj/messages.js';
import { localizedProblems } from '../../src/studio/problem-messages.js';
import { addPackMessages } from '../../src/web/i18n.js';
import { useTestApp } from '../helpers/test-app.js';
import type { TestApp } from '../helpers/app.js';

const REGISTRY = new FormRegistry(packForms());
const hasForm = (key: string): boolean => REGISTRY.has(key);
const errorsOf = (problems: DefinitionProblem[]) => problems.filter((p) => p.severity === 'error' && p.rule === 'alur');
const alurErrors = async (xml: string): Promise<DefinitionProblem[]> =>
  errorsOf((await validateDefinition(xml, { hasForm, modelChecks: packModelChecks() })).problems);

/** The shipped process with `from` replaced by `to` (exactly once). */
function shippedWith(from: string | RegExp, to: string): string {
  const xml = shippedXml();
  const changed = xml.replace(from, to);
  expect(changed).not.toBe(xml);
  return changed;
}

const RENAMED_STEP = (): string => shippedXml().replaceAll('MembuatAkun', 'BuatAkun');

describe('Given the sign-up process (the process sign-up starts)', () => {
  test('when the pack is read, then its process and sign-up form are the ones its rules check', () => {
    expect(PPBJ_PACK.processKey).toBe(PPBJ_PROCESS_KEY);
    expect(SIGN_UP_FORM_KEY).toBe(registrasi.key);
    expect(PPBJ_PACK.checkModel).toBeDefined();
  });

  test('when step 2 has another id, then the deploy is refused: sign-up needs "MembuatAkun"', async () => {
    const problems = await alurErrors(RENAMED_STEP());
    expect(problems).toContainEqual(expect.objectContaining({ elementId: null, message: expect.stringMatching(/needs a user task with the id "MembuatAkun"/) }));
  });

  test('when "MembuatAkun" has another registered form, then the deploy is refused', async () => {
    const xml = shippedWith('id="MembuatAkun" name="Membuat Akun PPBJ" camunda:formKey="ppbj-registrasi"', 'id="MembuatAkun" name="Membuat Akun PPBJ" camunda:formKey="ppbj-identitas"');
    expect(await alurErrors(xml)).toContainEqual(expect.objectContaining({ elementId: 'MembuatAkun', message: expect.stringMatching(/must be camunda:formKey "ppbj-registrasi", not "ppbj-identitas"/) }));
  });

  test('when "MembuatAkun" belongs to Admin PPE, then the deploy is refused: the new applicant completes it', async () => {
    const xml = shippedWith('camunda:formKey="ppbj-registrasi" camunda:candidateGroups="pemohon"', 'camunda:formKey="ppbj-registrasi" camunda:candidateGroups="admin-ppe"');
    expect(await alurErrors(xml)).toContainEqual(expect.objectContaining({ elementId: 'MembuatAkun', message: expect.stringMatching(/group .* must be "pemohon", not "admin-ppe"/) }));
  });

  test('when the process waits at another step first, then the deploy is refused (a dry run of the start)', async () => {
    // Mulai -> MengisiIdentitas -> MembuatAkun -> MelakukanVerifikasi
    const xml = shippedWith('sourceRef="Mulai" targetRef="MembuatAkun"', 'sourceRef="Mulai" targetRef="MengisiIdentitas"')
      .replace('sourceRef="MembuatAkun" targetRef="MengisiIdentitas"', 'sourceRef="MembuatAkun" targetRef="MelakukanVerifikasi"')
      .replace('sourceRef="MengisiIdentitas" targetRef="MelakukanVerifikasi"', 'sourceRef="MengisiIdentitas" targetRef="MembuatAkun"');
    expect(await alurErrors(xml)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/must wait at "MembuatAkun" as soon as it starts, but it waits at "MengisiIdentitas"/) }));
  });

  test('when the shipped process is validated, then the start rules find nothing', async () => {
    expect(await alurErrors(shippedXml())).toEqual([]);
  });
});

describe('Given the pack\'s refusals as the studio words them', () => {
  test('when each rule refuses, then its text exists in Indonesian and English and names the step or says what to do, with no English left in the Indonesian text', async () => {
    addPackMessages([PPBJ_MESSAGES]);
    const refused = [
      ...(await alurErrors(RENAMED_STEP())),
      ...(await alurErrors(shippedWith('camunda:formKey="ppbj-registrasi" camunda:candidateGroups="pemohon"', 'camunda:formKey="ppbj-registrasi" camunda:candidateGroups="admin-ppe"'))),
    ];
    expect(refused.map((p) => p.code)).toEqual(['ppbj-sign-up-step-missing', 'ppbj-sign-up-step-group']);
    const id = localizedProblems(refused, 'id');
    expect(id[0]!.message).toContain('tugas pengguna dengan id “MembuatAkun”');
    expect(id[1]!.message).toBe('“Membuat Akun PPBJ”: pelaksananya harus grup “pemohon”, bukan “admin-ppe”, karena pemohon baru menyelesaikannya saat mendaftar. Letakkan di lane Pemohon.');
    expect(localizedProblems(refused, 'en')[1]!.message).toContain('“Membuat Akun PPBJ”: it must be done by group “pemohon”');
    for (const code of ['step-missing', 'step-form', 'step-group', 'start-fails', 'not-waiting', 'complete-fails']) {
      expect([code, typeof PPBJ_MESSAGES.id[`problem.ppbj-sign-up-${code}`], typeof PPBJ_MESSAGES.en[`problem.ppbj-sign-up-${code}`]]).toEqual([code, 'string', 'string']);
    }
  });
});

describe('Given the pack\'s rules belong to its process only', () => {
  test('when the core validates without the packs\' checks, then a model without "MembuatAkun" has no sign-up error (the rule is not core\'s)', async () => {
    expect(errorsOf((await validateDefinition(RENAMED_STEP(), { hasForm })).problems)).toEqual([]);
  });

  test('when the same model is another process (another id), then the PPBJ rules are not applied', async () => {
    const other = RENAMED_STEP().replaceAll(`"${PPBJ_PROCESS_KEY}"`, '"proses-lain"');
    expect(other).not.toContain(`"${PPBJ_PROCESS_KEY}"`);
    expect(await alurErrors(other)).toEqual([]);
  });

  describe('when the app\'s definition service validates and deploys', () => {
    let t: TestApp;
    useTestApp(async (app) => {
      t = app;
    });

    test('then a PPBJ model that breaks sign-up is refused and another process with the same steps is not', async () => {
      const refused = await t.services.definitions.validate(RENAMED_STEP());
      expect(refused.model).toBeNull();
      expect(errorsOf(refused.problems)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/needs a user task with the id "MembuatAkun"/) }));
      await expect(t.services.definitions.deploy(RENAMED_STEP(), null, 'rusak')).rejects.toThrow();
      const other = await t.services.definitions.validate(RENAMED_STEP().replaceAll(`"${PPBJ_PROCESS_KEY}"`, '"proses-lain"'));
      expect(errorsOf(other.problems)).toEqual([]);
    });
  });
});
