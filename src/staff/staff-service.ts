// Staff administration: list staff with their groups, invite by e-mail (a system role, any groups,
// and a set-password link: the administrator never chooses a password), add and remove group
// memberships, deactivate (held tasks go back to the queue) and reactivate, and reset a password by
// e-mail. Every change is written to the staff audit log.
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { PasswordResetService } from '../auth/password-reset-service.js';
import { normalizeEmail } from '../store/identifier.js';
import type { AccountStatus, GroupRecord, Role, StaffAuditEvent, StaffAuditType, Store, TaskQuery, UserRecord } from '../store/ports.js';
import { UNVERIFIED } from '../auth/user-defaults.js';
import { translate } from '../web/i18n.js';
import { INVITABLE_ROLES, isInvitedStaff, isStaffRole, roleLabel, STAFF_ADMIN_ROLES, STAFF_ROLES } from './staff-roles.js';
import { postedGroupIds, resolveGroups } from './staff-groups.js';
import { releaseHeldTasks } from './held-tasks.js';
import { staffInvitation, staffPasswordReset } from './staff-messages.js';

const HOUR = 60 * 60 * 1000;
/** An invitation link lasts a week (a new colleague may not read e-mail at once); an admin's reset a day. */
export const INVITATION_TTL_MS = 7 * 24 * HOUR;
export const ADMIN_RESET_TTL_MS = 24 * HOUR;
export const STAFF_PAGE_SIZE = 25;
export const STAFF_AUDIT_PAGE_SIZE = 20;
export const MAX_NAME = 120;
const MAX_EMAIL = 254;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type StaffState = 'active' | 'disabled' | 'invited';

export interface StaffRow {
  user: UserRecord;
  state: StaffState;
  tasks: number; // open tasks the person holds
  groups: Array<{ id: string; name: string }>; // memberships (kept while deactivated), by id
}

/** One person's page: their row, and the groups they could still be added to. */
export interface StaffPerson extends StaffRow {
  others: GroupRecord[];
}

export interface Actor {
  id: string;
  displayName: string;
}

export interface InviteInput {
  nama?: unknown;
  email?: unknown;
  peran?: unknown;
  grup?: unknown; // group ids: one value or several (checkboxes)
}

const stateOf = (u: UserRecord): StaffState => (u.status === 'disabled' ? 'disabled' : isInvitedStaff(u) ? 'invited' : 'active');
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export class StaffService {
  constructor(private readonly deps: { store: Store; passwordReset: PasswordResetService; now: () => Date; hash: (password: string) => Promise<string> }) {}

  /** One page of staff accounts (by role, then name) with the open tasks each holds. */
  async page(pageNo: number): Promise<{ rows: StaffRow[]; page: number; pages: number; total: number }> {
    const { store } = this.deps;
    let total = 0;
    for (const role of STAFF_ROLES) total += await store.countUsers(role);
    const pages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
    const page = Math.min(Math.max(1, pageNo), pages);
    const users = await store.listUsersPage({ roles: [...STAFF_ROLES], limit: STAFF_PAGE_SIZE, offset: (page - 1) * STAFF_PAGE_SIZE });
    const groups = await store.listGroups();
    const rows = await Promise.all(users.map((user) => this.row(user, groups)));
    return { rows, page, pages, total };
  }

  /** One staff account with its groups and the groups it is not a member of; NotFoundError for anyone else. */
  async person(userId: string): Promise<StaffPerson> {
    const user = await this.staffMember(userId);
    const all = await this.deps.store.listGroups();
    const row = await this.row(user, all);
    const member = new Set(row.groups.map((g) => g.id));
    return { ...row, others: all.filter((g) => !member.has(g.id)) };
  }

  /** One account's latest staff audit entries, newest first. */
  history(userId: string): Promise<StaffAuditEvent[]> {
    return this.deps.store.listStaffAudit({ userId, limit: STAFF_AUDIT_PAGE_SIZE });
  }

  /** Every group that exists (for the invitation's checkboxes), by id. */
  groups(): Promise<GroupRecord[]> {
    return this.deps.store.listGroups();
  }

  /** The staff audit log, newest first, one page (and whether an older page exists). */
  async auditPage(pageNo: number): Promise<{ entries: StaffAuditEvent[]; page: number; older: boolean }> {
    const page = Math.max(1, pageNo);
    const found = await this.deps.store.listStaffAudit({ limit: STAFF_AUDIT_PAGE_SIZE + 1, offset: (page - 1) * STAFF_AUDIT_PAGE_SIZE });
    return { entries: found.slice(0, STAFF_AUDIT_PAGE_SIZE), page, older: found.length > STAFF_AUDIT_PAGE_SIZE };
  }

  /**
   * Creates the account (status 'registered' = invited: no usable password, never offered a task)
   * and e-mails a set-password link valid for a week. An address that has an account is refused.
   */
  async invite(actor: Actor, raw: InviteInput): Promise<UserRecord> {
    const name = text(raw.nama);
    const email = normalizeEmail(text(raw.email));
    const role = text(raw.peran);
    const errors: Record<string, string> = {};
    if (!name) errors.nama = 'field.required';
    else if (name.length > MAX_NAME) errors.nama = 'field.tooLong';
    if (!email) errors.email = 'field.required';
    else if (email.length > MAX_EMAIL || !EMAIL.test(email)) errors.email = 'field.email.format';
    if (!role) errors.peran = 'field.required';
    else if (!INVITABLE_ROLES.includes(role as Role)) errors.peran = 'field.option.invalid';
    const posted = postedGroupIds(raw.grup);
    const { known: groups, unknown } = posted ? await resolveGroups(this.deps.store, posted) : { known: [], unknown: ['?'] };
    if (unknown.length > 0) errors.grup = 'staff.group.unknown';
    if (!errors.email && (await this.deps.store.findUserByEmail(email))) errors.email = 'staff.email.taken';
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const user: UserRecord = {
      id: randomUUID(), email, whatsapp: null, displayName: name, role: role as Role,
      // a hash of a random secret nobody knows: no password works, and a login costs as much as any other
      passwordHash: await this.deps.hash(randomBytes(32).toString('base64url')),
      status: 'registered', createdAt: this.deps.now().toISOString(), ...UNVERIFIED,
    };
    try {
      await this.deps.store.insertUser(user);
    } catch (err) {
      if (err instanceof ConflictError) throw new ValidationError({ email: 'staff.email.taken' }); // invited at the same moment
      throw err;
    }
    await this.deps.store.appendStaffAudit([this.entry(user, actor, 'staff.invited', { role: user.role, email })]);
    for (const group of groups) await this.membership(actor, user, group, true);
    await this.deps.passwordReset.sendSetPasswordLink(user, {
      kind: 'staff-invitation', ttlMs: INVITATION_TTL_MS,
      text: (link, expiresAt) => staffInvitation({
        name, link, expiresAt, invitedBy: actor.displayName,
        roleId: translate('id', roleLabel(user.role)), roleEn: translate('en', roleLabel(user.role)),
      }),
    });
    return user;
  }

  /**
   * Adds (`add`) or removes a membership of an existing group, audited ('staff.group-added' /
   * 'staff.group-removed'); idempotent: `changed` is false (and nothing is written) when there was
   * nothing to do. A removed member's open tasks of that group go back to the queue (they may no
   * longer act on them). An unknown group is refused with 422 'staff.group.unknown'.
   */
  async changeGroup(actor: Actor, userId: string, rawGroupId: unknown, add: boolean): Promise<{ changed: boolean; group: GroupRecord; released: number }> {
    const user = await this.staffMember(userId);
    const posted = postedGroupIds(rawGroupId);
    const { known: [group] } = posted?.length === 1 ? await resolveGroups(this.deps.store, posted) : { known: [] };
    if (!group) throw new AppError(422, 'staff.group.unknown');
    const changed = await this.membership(actor, user, group, add);
    let released = 0;
    if (!add) {
      released = await releaseHeldTasks(this.deps, actor, user, { groupIds: [group.id] }, 'membership-removed');
      if (released > 0) await this.deps.store.appendStaffAudit([this.entry(user, actor, 'staff.tasks-released', { count: released, group: group.id, groupName: group.name })]);
    }
    return { changed, group, released };
  }

  /**
   * Deactivates a staff account: login and every session are refused from now on (passport), its
   * set-password link stops working, and each task it holds goes back to the queue (audited on the
   * case). Never oneself, never the last active account of an administering role.
   */
  async deactivate(actor: Actor, userId: string): Promise<{ released: number }> {
    const user = await this.staffMember(userId);
    if (user.id === actor.id) throw new AppError(422, 'staff.deactivate.self');
    if (user.status === 'disabled') throw new ConflictError(`user ${userId} is disabled`, 'staff.stale');
    await this.revokeLink(user); // first, so a link opened now cannot set a password (and activate) after
    await this.changeStatus(actor, user, 'disabled', 'staff.deactivated', { previousStatus: user.status });
    const released = await releaseHeldTasks(this.deps, actor, user, await this.staffTaskScope(), 'account-deactivated');
    if (released > 0) await this.deps.store.appendStaffAudit([this.entry(user, actor, 'staff.tasks-released', { count: released })]);
    return { released };
  }

  /** Reactivates: back to active, or to invited if the person never set a password. */
  async reactivate(actor: Actor, userId: string): Promise<void> {
    const user = await this.staffMember(userId);
    if (user.status !== 'disabled') throw new ConflictError(`user ${userId} is not disabled`, 'staff.stale');
    const [last] = (await this.deps.store.listStaffAudit({ userId, limit: STAFF_AUDIT_PAGE_SIZE })).filter((e) => e.type === 'staff.deactivated');
    const to: AccountStatus = last?.data.previousStatus === 'registered' ? 'registered' : 'active';
    await this.changeStatus(actor, user, to, 'staff.reactivated', { status: to });
  }

  /**
   * Resets a password: the old one stops working at once (which also ends the person's sessions:
   * passport keeps a fingerprint of the hash) and a set-password link goes to their e-mail only.
   */
  async resetPassword(actor: Actor, userId: string): Promise<void> {
    const user = await this.staffMember(userId);
    if (user.status === 'disabled') throw new AppError(409, 'staff.reset.disabled');
    await this.deps.store.updateUser(user.id, { passwordHash: await this.deps.hash(randomBytes(32).toString('base64url')) });
    await this.deps.store.appendStaffAudit([this.entry(user, actor, 'staff.password-reset', {})]);
    const invited = isInvitedStaff(user);
    await this.deps.passwordReset.sendSetPasswordLink(user, invited
      ? {
          kind: 'staff-invitation', ttlMs: INVITATION_TTL_MS,
          text: (link, expiresAt) => staffInvitation({
            name: user.displayName, link, expiresAt, invitedBy: actor.displayName,
            roleId: translate('id', roleLabel(user.role)), roleEn: translate('en', roleLabel(user.role)),
          }),
        }
      : { kind: 'staff-password-reset', ttlMs: ADMIN_RESET_TTL_MS, text: (link, expiresAt) => staffPasswordReset({ name: user.displayName, link, expiresAt }) });
  }

  private async staffMember(userId: string): Promise<UserRecord> {
    const user = userId ? await this.deps.store.getUser(userId) : null;
    if (!user || !isStaffRole(user.role)) throw new NotFoundError();
    return user;
  }

  private async changeStatus(actor: Actor, user: UserRecord, to: AccountStatus, type: StaffAuditType, data: Record<string, unknown>): Promise<void> {
    const keepOneActive = to !== 'active' && STAFF_ADMIN_ROLES.includes(user.role) ? user.role : undefined;
    const result = await this.deps.store.changeUserStatus({ userId: user.id, from: user.status, to, keepOneActive, audit: this.entry(user, actor, type, data) });
    if (result === 'stale') throw new ConflictError(`user ${user.id} changed`, 'staff.stale');
    if (result === 'last') throw new AppError(409, 'staff.deactivate.last');
  }

  /** Uses up the latest set-password link (only the latest one ever works), if it is unused. */
  private async revokeLink(user: UserRecord): Promise<void> {
    const { store } = this.deps;
    const rec = await store.latestVerification(user.id, 'password-reset');
    if (rec && !rec.usedAt) await store.consumeVerification(rec.id, this.deps.now().toISOString());
  }

  /** `groups`: every group (store.listGroups), the scope of held tasks and the source of display names. */
  private async row(user: UserRecord, groups: GroupRecord[]): Promise<StaffRow> {
    const { store } = this.deps;
    const names = new Map(groups.map((g) => [g.id, g.name]));
    const [tasks, ids] = await Promise.all([store.countTasks({ groupIds: [...names.keys()], assigneeId: user.id }), store.listUserGroups(user.id)]);
    return { user, state: stateOf(user), tasks, groups: ids.map((id) => ({ id, name: names.get(id) ?? id })) };
  }

  /**
   * The tasks a person may hold: those of every staff group (a held task is never the applicant's
   * 'pemohon'). NOTE: naming the groups keeps the query on the (status, groupId, assigneeId) index.
   */
  private async staffTaskScope(): Promise<Pick<TaskQuery, 'groupIds'>> {
    return { groupIds: (await this.deps.store.listGroups()).map((g) => g.id) };
  }

  /** One membership change with its audit entry (written only if something changed). */
  private membership(actor: Actor, user: UserRecord, group: GroupRecord, add: boolean): Promise<boolean> {
    const type: StaffAuditType = add ? 'staff.group-added' : 'staff.group-removed';
    return this.deps.store.changeMembership({
      userId: user.id, groupId: group.id, add, at: this.deps.now().toISOString(),
      audit: this.entry(user, actor, type, { group: group.id, groupName: group.name }),
    });
  }

  private entry(user: UserRecord, actor: Actor, type: StaffAuditType, data: Record<string, unknown>): StaffAuditEvent {
    return { id: randomUUID(), userId: user.id, at: this.deps.now().toISOString(), actorId: actor.id, actorName: actor.displayName, type, data: { name: user.displayName, ...data } };
  }
}
