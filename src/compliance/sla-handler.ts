// The SLA timer of a task (one per open task, due at its dueAt): when it fires and the task is still
// open, the task is marked Terlambat (audit 'task.overdue'), its holder or group is reminded, and,
// if the version's settings name a group for the step, that group's active members are told ('task.escalated'). All of
// it is written atomically with marking the timer done under its lease: once, on any instance.
import { randomUUID } from 'node:crypto';
import { outboxMessage, type Links } from '../notifications/messages.js';
import { APPLICANT_GROUP, type AuditEvent, type OutboxMessage, type Store, type TaskRecord, type TimerRecord, type UserRecord } from '../store/ports.js';
import type { TimerContext, TimerOutcome } from '../scheduler/timer-scheduler.js';
import type { ComplianceSettings } from './compliance-settings.js';
import { taskEscalated, taskOverdue } from './templates/task-overdue.js';

export interface SlaDeps {
  store: Store;
  settings: ComplianceSettings;
  links: Links;
}

const active = (users: UserRecord[]) => users.filter((u) => u.status === 'active' && u.role !== 'applicant');

export function slaHandler(deps: SlaDeps) {
  const { store } = deps;

  /** Who is reminded: the applicant for their own step, else the holder, else every active member of the task's group. */
  async function holders(task: TaskRecord): Promise<UserRecord[]> {
    if (task.groupId === APPLICANT_GROUP) return [await store.getUser(task.applicantId)].filter((u): u is UserRecord => u !== null);
    if (task.assigneeId) return [await store.getUser(task.assigneeId)].filter((u): u is UserRecord => u !== null);
    return active(await store.listGroupMembers(task.groupId));
  }

  return async function fireSla(timer: TimerRecord, { lease, now }: TimerContext): Promise<TimerOutcome> {
    const at = now.toISOString();
    const done = async (effects = {}) => ((await store.completeTimer(lease, at, effects)) ? 'done' : 'lost');
    const task = timer.taskId ? await store.getTask(timer.taskId) : null;
    const c = task ? await store.getCase(task.caseId) : null;
    if (!task || !c || task.status !== 'open' || c.status !== 'running') return done(); // nothing late any more
    if (task.dueAt > at) return { retryAt: task.dueAt }; // due later than scheduled (never expected)

    const settings = await deps.settings.processSettings(c.definitionId);
    // own entries only: an element id such as `constructor` must not find an Object.prototype member
    const escalateTo = Object.hasOwn(settings.escalateTo, task.elementId) ? settings.escalateTo[task.elementId]! : null;
    const reminded = await holders(task);
    const escalated = escalateTo ? active(await store.listGroupMembers(escalateTo)).filter((u) => !reminded.some((r) => r.id === u.id)) : [];
    const facts = { step: task.name, stepNo: task.stepNo, applicantName: task.applicantName, dueAt: task.dueAt, timeStandard: task.timeStandard };
    const holderName = task.assigneeId ? (reminded[0]?.displayName ?? '') : ((await store.getGroup(task.groupId))?.name ?? task.groupId);

    const outbox: OutboxMessage[] = [];
    for (const u of reminded) {
      const link = deps.links.to(task.groupId === APPLICANT_GROUP ? '/tugas' : task.assigneeId ? `/tugas/${task.id}` : '/kotak-masuk');
      const text = taskOverdue({ ...facts, name: u.displayName, link });
      outbox.push(outboxMessage('task-overdue', 'email', { userId: u.id, to: u.email }, text, now, c.id));
      if (task.groupId === APPLICANT_GROUP && u.whatsapp) outbox.push(outboxMessage('task-overdue', 'whatsapp', { userId: u.id, to: u.whatsapp }, text, now, c.id));
    }
    for (const u of escalated) {
      const text = taskEscalated({ ...facts, name: u.displayName, holder: holderName, link: deps.links.to(`/kasus/${c.id}`) });
      outbox.push(outboxMessage('task-escalated', 'email', { userId: u.id, to: u.email }, text, now, c.id));
    }
    const event = (type: AuditEvent['type'], data: Record<string, unknown>): AuditEvent => ({
      id: randomUUID(), caseId: c.id, at, actorId: null, actorName: null, type, taskId: task.id, data,
    });
    const audit = [event('task.overdue', { ...facts, groupId: task.groupId, assigneeId: task.assigneeId, reminded: reminded.map((u) => u.id) })];
    if (escalateTo) audit.push(event('task.escalated', { step: task.name, stepNo: task.stepNo, to: escalateTo, notified: escalated.map((u) => u.id) }));
    return done({ audit, outbox });
  };
}
