// Plays demo case timelines through the services the app uses, in time order, on a controllable
// clock: CaseService.register / completeTask, VerificationService (the links and codes from the
// outbox), AssignmentService.take, and the TimerScheduler for SLA timers as time passes.
import type { Services } from '../src/composition.js';
import type { StoredUpload } from '../src/cases/case-service.js';
import { TimerScheduler } from '../src/scheduler/timer-scheduler.js';
import type { UserRecord } from '../src/store/ports.js';
import type { Actor } from '../src/cases/task-access.js';
import { ppbjSignUp } from '../src/packs/ppbj/sign-up-service.js';
import type { Applicant } from './seed-demo-people.js';
import type { DemoEvent } from './seed-demo-plan.js';

export interface DemoCase {
  applicant: Applicant;
  user?: UserRecord;
  caseId?: string;
  broken?: string;
}

export interface RunOptions {
  services: Services;
  clock: { now: Date };
  admins: Actor[];
  upload: StoredUpload;
  passwordHash: string;
  log: (line: string) => void;
}

const EMAIL_LINK = /\/verifikasi\/email\/([^\s]+)/;
const CODE = /\b(\d{6})\b/;

async function verifyContacts(services: Services, user: UserRecord): Promise<void> {
  const messages = await services.store.listMessages({ userId: user.id, limit: 20 });
  const link = EMAIL_LINK.exec(messages.find((m) => m.kind === 'verify-email')?.body ?? '')?.[1];
  const code = CODE.exec(messages.find((m) => m.kind === 'verify-whatsapp')?.body ?? '')?.[1];
  if (!link || !code) throw new Error('no verification link or code in the outbox');
  const email = await services.verification.confirmEmailLink(decodeURIComponent(link));
  if (email.outcome !== 'verified') throw new Error(`e-mail link: ${email.outcome}`);
  const whatsapp = await services.verification.confirmWhatsapp((await services.store.getUser(user.id))!, code);
  if (whatsapp !== 'verified') throw new Error(`WhatsApp code: ${whatsapp}`);
}

async function openTask(services: Services, caseId: string, step: string) {
  const task = (await services.store.listTasks({ caseId, status: 'open', limit: 100 })).find((t) => t.elementId === step);
  if (!task) throw new Error(`no open ${step}`);
  return task;
}

async function play(o: RunOptions, c: DemoCase, e: DemoEvent, index: number): Promise<void> {
  const { services } = o;
  if (e.kind === 'signup') {
    c.user = await ppbjSignUp(services).register(c.applicant.registration, async () => o.passwordHash);
    await verifyContacts(services, c.user);
    c.caseId = (await services.store.listCasesByApplicant(c.user.id))[0]!.id;
    return;
  }
  if (!c.user || !c.caseId) throw new Error('case not started');
  const task = await openTask(services, c.caseId, e.step);
  if (e.kind === 'take') {
    await services.assignments.take(task.id, o.admins[e.admin]!);
    return;
  }
  const actor = e.admin === null ? { ...(await services.store.getUser(c.user.id))!, groups: [] } : o.admins[e.admin]!;
  const values = e.step === 'MengisiIdentitas' ? c.applicant.identity : (e.values ?? {});
  const uploads = e.step === 'MelengkapiInformasi' ? [{ ...o.upload, originalName: `SK-${index}.pdf` }] : [];
  await services.cases.completeTask(task.id, actor, values, uploads);
}

/** Plays every event in time order; SLA timers fire whenever at least a minute of demo time passed. */
export async function playEvents(o: RunOptions, cases: DemoCase[], events: DemoEvent[]): Promise<{ played: number; broken: number }> {
  const scheduler = new TimerScheduler({ store: o.services.store, handlers: o.services.compliance.timerHandlers, now: () => o.clock.now, batch: 200 });
  let lastTick = 0;
  let played = 0;
  for (const [i, e] of events.entries()) {
    const c = cases[e.case]!;
    if (c.broken) continue;
    o.clock.now = new Date(e.at);
    if (e.at - lastTick >= 60_000) {
      await scheduler.runDue();
      lastTick = e.at;
    }
    try {
      await play(o, c, e, i);
      played++;
    } catch (err) {
      c.broken = err instanceof Error ? err.message : String(err);
      o.log(`[seed] case ${e.case} stopped at ${e.kind} ${'step' in e ? e.step : ''}: ${c.broken}`);
    }
    if ((i + 1) % 2000 === 0) o.log(`[seed] ${i + 1}/${events.length} events, demo time ${o.clock.now.toISOString()}`);
  }
  return { played, broken: cases.filter((c) => c.broken).length };
}
