// Messages caused by a change to a case, built before the change and written in the same store
// transaction (CaseChange.outbox): sign-up codes, new queue tasks, a return with reasons, activation.
import type { FormEffects, FormValues } from '../forms/form-types.js';
import { APPLICANT_GROUP, type CaseRecord, type OutboxMessage, type Store, type TaskRecord, type UserRecord } from '../store/ports.js';
import { outboxMessage, type Links } from './messages.js';
import { accountActivatedEmail, accountActivatedWhatsapp } from './templates/account-activated.js';
import { caseReturnedEmail, caseReturnedWhatsapp } from './templates/case-returned.js';
import { taskCreated } from './templates/task-created.js';
import type { VerificationService } from './verification-service.js';

export interface CompletionFacts {
  case: CaseRecord;
  newTasks: TaskRecord[];
  effects: FormEffects;
  values: FormValues;
  now: Date;
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

  /** A completed task: new queue tasks to their group, a return or the activation to the applicant. */
  async completion(f: CompletionFacts): Promise<OutboxMessage[]> {
    const out = await this.queueTasks(f.case, f.newTasks, f.now);
    if (!f.effects.returnedReasons && !f.effects.activateAccount) return out;
    const applicant = await this.deps.store.getUser(f.case.applicantId);
    if (!applicant) return out;
    const email = { userId: applicant.id, to: applicant.email };
    const phone = applicant.whatsapp ? { userId: applicant.id, to: applicant.whatsapp } : null;
    const msg = (kind: string, channel: 'email' | 'whatsapp', who: typeof email, text: Parameters<typeof outboxMessage>[3]) =>
      outboxMessage(kind, channel, who, text, f.now, f.case.id);
    const processName = (await this.deps.store.getDefinition(f.case.definitionId))?.name || undefined;
    if (f.effects.returnedReasons) {
      const d = { name: applicant.displayName, reasons: f.effects.returnedReasons, link: this.deps.links.to('/tugas'), processName };
      out.push(msg('case-returned', 'email', email, caseReturnedEmail(d)));
      if (phone) out.push(msg('case-returned', 'whatsapp', phone, caseReturnedWhatsapp(d)));
    }
    if (f.effects.activateAccount) {
      const systems = [f.values.sistem ?? []].flat().map(String);
      const d = { name: applicant.displayName, systems, link: this.deps.links.to(`/kasus/${f.case.id}`), processName };
      out.push(msg('account-activated', 'email', email, accountActivatedEmail(d)));
      if (phone) out.push(msg('account-activated', 'whatsapp', phone, accountActivatedWhatsapp(d)));
    }
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
