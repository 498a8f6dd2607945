// Scenario helpers for the inbox, reassign and status tests: a settable clock in minutes after T0,
// applicants with their own name, e-mail, NIP and NIK, and cases driven to a given SOP step over HTTP
// (with the shared helpers of test/helpers/ppbj.ts).
import type TestAgent from 'supertest/lib/agent.js';
import { $, type TestApp } from '../helpers/app.js';
import { IDENTITY, INFORMATION, PDF, firstTaskId, firstTaskIdOfCase, newApplicant, signUp, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

export const T0 = new Date('2026-03-02T01:00:00.000Z');

/** Sets the app clock to `minutes` (may be fractional) after `base`. */
export function at(t: TestApp, minutes: number, base: Date = T0): void {
  t.clock.now = new Date(base.getTime() + minutes * 60_000);
}

export interface Person {
  name: string;
  email: string;
  nip: string;
  nik: string;
}

export interface Applicant {
  ppbj: TestAgent;
  caseId: string;
  person: Person;
}

function ok(res: { status: number; text: string }, what: string): void {
  if (res.status !== 303) throw new Error(`${what} answered ${res.status}: ${$(res.text)('.error-summary, main').first().text().trim().slice(0, 300)}`);
}

/** Signs up (step 2) and submits the identity (step 3): the case then waits at step 4 in the Antrian. */
export async function atVerification(t: TestApp, p: Person): Promise<Applicant> {
  const ppbj = t.agent();
  await signUp(ppbj, { ...newApplicant(), displayName: p.name, email: p.email });
  const step3 = await firstTaskId(ppbj, '/tugas', 'Mengisi Identitas PPBJ');
  ok(await submitTask(ppbj, step3, { ...IDENTITY, namaLengkap: p.name, nip: p.nip, nik: p.nik, email: p.email }), 'identity');
  const user = await t.services.store.findUserByEmail(p.email);
  const caseId = (await t.services.store.listCasesByApplicant(user!.id))[0]!.id;
  return { ppbj, caseId, person: p };
}

/** The admin takes and completes the open Admin PPE task of the case with `fields`. */
export async function adminCompletes(admin: TestAgent, caseId: string, fields: Record<string, string>): Promise<string> {
  const id = await firstTaskIdOfCase(admin, caseId);
  ok(await take(admin, id), 'take');
  ok(await submitTask(admin, id, fields), 'admin step');
  return id;
}

/** The PPBJ completes step 5 with the SK upload. */
export async function informationSent(a: Applicant): Promise<void> {
  const step5 = await firstTaskId(a.ppbj, '/tugas', 'Melengkapi Informasi PPBJ');
  ok(await submitWithFile(a.ppbj, step5, INFORMATION, { buffer: PDF, name: 'sk.pdf' }), 'information');
}

export const VERIFIED = { sesuai: 'ya', alasan: '' };
export const COMPLETE = { lengkap: 'ya', alasan: '' };

/** Rows of an inbox page: task id → row text (whitespace collapsed). */
export function rowsOf(html: string): Array<{ id: string; text: string; overdue: boolean; nik: string }> {
  const doc = $(html);
  return doc('tr.task-row').map((_, el) => ({
    id: doc(el).attr('data-task') ?? '',
    text: doc(el).text().replace(/\s+/g, ' ').trim(),
    overdue: doc(el).hasClass('overdue'),
    nik: doc(el).find('.nik').text().trim(),
  })).get();
}
