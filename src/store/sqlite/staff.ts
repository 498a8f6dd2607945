// Staff administration in the SQLite store: a page of users of some roles, a status change that is
// conditional and audited in one transaction, and the append-only staff audit log.
import type { StaffAuditEvent, StaffAuditQuery, UserPageQuery, UserRecord, UserStatusChange, UserStatusChangeResult } from '../ports.js';
import { pageOf } from '../task-paging.js';
import { uniqueOrConflict, type Database } from './database.js';
import { cols } from './statements.js';

const STAFF_AUDIT = ['id', 'userId', 'at', 'actorId', 'actorName', 'type', 'data'];
const USER = [
  'id', 'email', 'whatsapp', 'displayName', 'role', 'passwordHash', 'status', 'createdAt',
  'emailVerifiedAt', 'whatsappVerifiedAt', 'privacyNoticeVersion', 'privacyAcknowledgedAt',
];
type StaffAuditRow = Omit<StaffAuditEvent, 'data'> & { data: string };

/** The statements test/store/sqlite.query-plans.test.ts checks against the indexes. */
export const STAFF_AUDIT_BY_AT = `SELECT ${cols(STAFF_AUDIT)} FROM staff_audit ORDER BY at DESC, seq DESC LIMIT @limit OFFSET @offset`;
export const STAFF_AUDIT_BY_USER = `SELECT ${cols(STAFF_AUDIT)} FROM staff_audit WHERE userId = @userId ORDER BY at DESC, seq DESC LIMIT @limit OFFSET @offset`;
export const USERS_OF_ROLE_PAGE = `SELECT ${cols(USER)} FROM users WHERE role = @role ORDER BY displayName, id LIMIT @limit OFFSET @offset`;
export const COUNT_ROLE = 'SELECT count(*) FROM users WHERE role = ?';
export const ACTIVE_OF_ROLE = "SELECT 1 FROM users WHERE role = ? AND status = 'active' LIMIT 1";

export function createStaff(db: Database) {
  const st = {
    insert: db.prepare<StaffAuditRow>(`INSERT INTO staff_audit (${cols(STAFF_AUDIT)}) VALUES (@id, @userId, @at, @actorId, @actorName, @type, @data)`),
    byAt: db.prepare<{ limit: number; offset: number }, StaffAuditRow>(STAFF_AUDIT_BY_AT),
    byUser: db.prepare<{ userId: string; limit: number; offset: number }, StaffAuditRow>(STAFF_AUDIT_BY_USER),
    usersOfRole: db.prepare<{ role: string; limit: number; offset: number }, UserRecord>(USERS_OF_ROLE_PAGE),
    countRole: db.prepare<[string], number>(COUNT_ROLE).pluck(),
    activeOfRole: db.prepare<[string], number>(ACTIVE_OF_ROLE).pluck(),
    status: db.prepare<[string], string>('SELECT status FROM users WHERE id = ?').pluck(),
    setStatus: db.prepare<[string, string, string]>('UPDATE users SET status = ? WHERE id = ? AND status = ?'),
  };
  const toRow = (e: StaffAuditEvent): StaffAuditRow => ({ ...e, data: JSON.stringify(e.data) });
  const fromRow = (r: StaffAuditRow): StaffAuditEvent => ({ ...r, data: JSON.parse(r.data) as StaffAuditEvent['data'] });

  const append = db.transaction((events: StaffAuditEvent[]) => {
    for (const e of events) st.insert.run(toRow(e));
  });
  // BEGIN IMMEDIATE: the status read, the "one active left" check and the writes see no other writer
  const change = db.transaction((c: UserStatusChange): UserStatusChangeResult => {
    if (st.status.get(c.userId) !== c.from || st.setStatus.run(c.to, c.userId, c.from).changes !== 1) return 'stale';
    if (c.keepOneActive && st.activeOfRole.get(c.keepOneActive) === undefined) {
      st.setStatus.run(c.from, c.userId, c.to); // undo: the transaction commits nothing else
      return 'last';
    }
    st.insert.run(toRow(c.audit));
    return 'changed';
  });

  return {
    listUsersPage(q: UserPageQuery): UserRecord[] {
      // one role after another (each read by the users_role index in order), skipping whole roles by their count
      const { limit, offset } = pageOf(q, 'user page', 50);
      const out: UserRecord[] = [];
      let skip = offset;
      for (const role of [...new Set(q.roles)].sort()) {
        if (out.length === limit) break;
        const count = st.countRole.get(role) as number;
        if (skip >= count) {
          skip -= count;
          continue;
        }
        out.push(...st.usersOfRole.all({ role, limit: limit - out.length, offset: skip }));
        skip = 0;
      }
      return out;
    },
    changeUserStatus(c: UserStatusChange): UserStatusChangeResult {
      return uniqueOrConflict('staff audit event exists', () => change.immediate(c));
    },
    appendStaffAudit(events: StaffAuditEvent[]): void {
      if (events.length === 0) return;
      uniqueOrConflict('staff audit event exists', () => append.immediate(events));
    },
    listStaffAudit(q: StaffAuditQuery): StaffAuditEvent[] {
      const { limit, offset } = pageOf(q, 'staff audit', 50);
      const rows = q.userId === undefined ? st.byAt.all({ limit, offset }) : st.byUser.all({ userId: q.userId, limit, offset });
      return rows.map(fromRow);
    },
  };
}
