// Messages caused by a change to a case, built before the change and written in the same store
// transaction (CaseChange.outbox): sign-up codes, new queue tasks, a return with reasons, activation.
import type { FormEffects, FormValues } from '../forms/form-types.js';
import { APPLICANT_GROUP, type CaseRecord, type OutboxMessage, type Store, type TaskRecord, type UserRecord } from '../store/ports.js';
import { outboxMessage, type Links } from './messages.js';
import { accountActivatedEmail, accountActivatedWhatsapp } from './templates/account-activated.js';
import { caseReturnedEmail, caseReturnedWhatsapp } from './templates/case-returned.js';
import { taskCreated } from './templates/task-created.js';
import { applicantTurnEmail, applicantTurnWhatsapp } from './templates/applicant-turn.js';
import { caseEndedEmail, caseEndedWhatsapp, type CaseEnd } from './templates/case-ended.js';
import type { VerificationService } from './verification-service.js';

export interface CompletionFacts {
  case: CaseRecord;
  newTasks: TaskRecord[];
  effects: FormEffects;
  values: FormValues;
  now: Date;
  /** Who completed the step (the applicant needs no message that their own next step is open). */
  actorId?: string;
  /** The change ends the case (the applicant is told, unless the step's own message, e.g. an activation, says it). */
  ended?: boolean;
}

export interface SignUpMessages {
  outbox: OutboxMessage[];
  /** Stores the codes' hashes; call once the change that created the user is written. */
  commit: () => Promise<void>;
}

export class CaseNotifications {
  constructor(private readonly deps: { store: Store; links: Links; verification: VerificationService }) {}

  /** Sign-up (SOP step 2): the e-mail link and the WhatsApp code, plus any new queue task. */
  async signUp(user: UserRecord, c: CaseRecord, newTasks: TaskRecord[], now: Date): Promise<SignUpMessages> {
    const issued = [this.deps.verification.prepare(user, 'email', now), ...(user.whatsapp ? [this.deps.verification.prepare(user, 'whatsapp', now)] : [])];
    return {
      outbox: [...issued.map((i) => i.message), ...(await this.queueTasks(c, newTasks, now))],
      commit: async () => {
        for (const i of issued) await this.deps.store.insertVerification(i.record);
      },
    };
  }

  /**
   * A completed task: new queue tasks to their group; to the applicant a return, their turn again (a
   * step of theirs opened by someone else's), the activation, or the end of the case.
   */
  async completion(f: CompletionFacts): Promise<OutboxMessage[]> {
    const out = await this.queueTasks(f.case, f.newTasks, f.now);
    const turn = f.effects.returnedReasons ? [] : f.newTasks.filter((t) => t.groupId === APPLICANT_GROUP && f.actorId !== undefined && f.actorId !== f.case.applicantId);
    const ended = Boolean(f.ended) && !f.effects.activateAccount;
    if (!f.effects.returnedReasons && !f.effects.activateAccount && turn.length === 0 && !ended) return out;
    const applicant = await this.deps.store.getUser(f.case.applicantId);
    if (!applicant) return out;
    const email = { userId: applicant.id, to: applicant.email };
    const phone = applicant.whatsapp ? { userId: applicant.id, to: applicant.whatsapp } : null;
    const msg = (kind: string, channel: 'email' | 'whatsapp', who: typeof email, text: Parameters<typeof outboxMessage>[3]) =>
      outboxMessage(kind, channel, who, text, f.now, f.case.id);
    const processName = (await this.deps.store.getDefinition(f.case.definitionId))?.name || undefined;
    const caseNumber = f.case.caseNumber;
    if (f.effects.returnedReasons) {
      const d = { name: applicant.displayName, reasons: f.effects.returnedReasons, link: this.deps.links.to('/tugas'), processName };
      out.push(msg('case-returned', 'email', email, caseReturnedEmail(d)));
      if (phone) out.push(msg('case-returned', 'whatsapp', phone, caseReturnedWhatsapp(d)));
    }
    for (const task of turn) {
      const d = { name: applicant.displayName, step: task.name, link: this.deps.links.to(`/tugas/${task.id}`), processName, caseNumber };
      out.push(msg('applicant-turn', 'email', email, applicantTurnEmail(d)));
      if (phone) out.push(msg('applicant-turn', 'whatsapp', phone, applicantTurnWhatsapp(d)));
    }
    if (f.effects.activateAccount) {
      const systems = [f.values.sistem ?? []].flat().map(String);
      const d = { name: applicant.displayName, systems, link: this.deps.links.to(`/kasus/${f.case.id}`), processName };
      out.push(msg('account-activated', 'email', email, accountActivatedEmail(d)));
      if (phone) out.push(msg('account-activated', 'whatsapp', phone, accountActivatedWhatsapp(d)));
    }
    if (ended) out.push(...this.caseEnded(applicant, f.case, 'completed', processName, f.now));
    return out;
  }

  /** The applicant is told their case ended (completed, withdrawn or closed), by e-mail and WhatsApp. */
  caseEnded(applicant: UserRecord, c: CaseRecord, end: CaseEnd, processName: string | undefined, now: Date): OutboxMessage[] {
    const d = { name: applicant.displayName, end, link: this.deps.links.to(`/kasus/${c.id}`), processName, caseNumber: c.caseNumber };
    const out = [outboxMessage('case-ended', 'email', { userId: applicant.id, to: applicant.email }, caseEndedEmail(d), now, c.id)];
    if (applicant.whatsapp) out.push(outboxMessage('case-ended', 'whatsapp', { userId: applicant.id, to: applicant.whatsapp }, caseEndedWhatsapp(d), now, c.id));
    return out;
  }

  /** Tasks of a staff group wait in that group's queue: every active member hears of them by e-mail. */
  private async queueTasks(c: CaseRecord, tasks: TaskRecord[], now: Date): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const task of tasks.filter((t) => t.groupId !== APPLICANT_GROUP && !t.assigneeId)) {
      const staff = (await this.deps.store.listGroupMembers(task.groupId)).filter((u) => u.status === 'active' && u.role !== 'applicant');
      for (const u of staff) {
        const text = taskCreated({
          name: u.displayName, step: task.name, stepNo: task.stepNo, applicantName: c.applicantName, dueAt: task.dueAt,
          link: this.deps.links.to('/kotak-masuk'),
        });
        out.push(outboxMessage('task-created', 'email', { userId: u.id, to: u.email }, text, now, c.id));
      }
    }
    return out;
  }
}
