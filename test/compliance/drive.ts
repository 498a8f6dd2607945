// Drives cases through the real services with the test app's clock: sign-up (step 2) with contacts
// marked verified, then any step by its SOP form values, Admin PPE steps taken first.
import { actorOf, type TestApp } from '../helpers/app.js';
import { ADMIN, OWNER } from '../helpers/app.js';
import { IDENTITY, INFORMATION, identityOf, newApplicant } from '../helpers/ppbj.js';
import type { StoredUpload } from '../../src/cases/case-service.js';
import type { UserRecord } from '../../src/store/ports.js';
import { ppbjSignUp } from '../../src/packs/ppbj/sign-up-service.js';

/** Pontianak local time (UTC+7) → Date. */
export const wib = (local: string): Date => new Date(`${local}:00+07:00`);

const SK: StoredUpload = { field: 'skFile', originalName: 'sk.pdf', storedName: 'sk-test.pdf', mime: 'application/pdf', size: 1234, sha256: 'a'.repeat(64) };

export const STEP_VALUES: Record<string, Record<string, unknown>> = {
  MengisiIdentitas: IDENTITY,
  MelakukanVerifikasi: { sesuai: 'ya', alasan: '' },
  MelengkapiInformasi: INFORMATION,
  MemeriksaInformasi: { lengkap: 'ya', alasan: '' },
  MengaktifkanAkun: { sistem: ['SiRUP', 'SPSE'], catatan: '' },
};

export async function staff(t: TestApp): Promise<{ admin: UserRecord; owner: UserRecord }> {
  const { store } = t.services;
  return { admin: (await store.findUserByEmail(ADMIN.email))!, owner: (await store.findUserByEmail(OWNER.email))! };
}

/** Signs up a PPBJ at `at` (contacts verified); returns the user and the case id (waiting at step 3). */
export async function signUpAt(t: TestApp, at: Date, name?: string): Promise<{ user: UserRecord; caseId: string }> {
  t.clock.now = at;
  const data = { ...newApplicant(), ...(name ? { displayName: name } : {}) };
  const registered = await ppbjSignUp(t.services).register(data, async (p) => `plain:${p}`);
  await t.services.store.updateUser(registered.id, { emailVerifiedAt: at.toISOString(), whatsappVerifiedAt: at.toISOString() });
  const user = (await t.services.store.getUser(registered.id))!;
  return { user, caseId: (await t.services.store.listCasesByApplicant(user.id))[0]!.id };
}

/** The case's open task at `elementId`. */
export async function openTask(t: TestApp, caseId: string, elementId: string) {
  const task = (await t.services.store.listTasks({ caseId })).find((x) => x.elementId === elementId);
  if (!task) throw new Error(`case ${caseId} has no open ${elementId}`);
  return task;
}

/** Admin PPE takes the step at `takeAt` (staff steps), and completes it at `doneAt` with `values`. */
export async function completeStep(
  t: TestApp, caseId: string, elementId: string, who: UserRecord, doneAt: Date,
  opts: { takeAt?: Date; values?: Record<string, unknown> } = {},
): Promise<void> {
  const task = await openTask(t, caseId, elementId);
  const actor = await actorOf(t.services.store, who);
  if (task.groupId !== 'pemohon') {
    t.clock.now = opts.takeAt ?? doneAt;
    await t.services.assignments.take(task.id, actor);
  }
  t.clock.now = doneAt;
  const uploads = elementId === 'MelengkapiInformasi' ? [{ ...SK }] : [];
  const values = opts.values ?? (elementId === 'MengisiIdentitas' ? identityOf((await t.services.store.getUser(task.applicantId))!) : STEP_VALUES[elementId]!);
  await t.services.cases.completeTask(task.id, actor, values, uploads);
}
