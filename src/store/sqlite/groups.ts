// Groups (from deployed models) and memberships for the SQLite store: a membership change is
// conditional and audited in one transaction; a group's members are read in name order from
// memberships_group (memberships.displayName is kept equal to the user's by a trigger: migration 12).
import { MissingReferenceError, type GroupRecord, type MembershipChange, type StaffAuditEvent, type UserRecord } from '../ports.js';
import { pageOf } from '../task-paging.js';
import { uniqueOrConflict, type Database } from './database.js';
import { cols } from './statements.js';

const GROUP = ['id', 'name', 'createdAt', 'updatedAt'];
const USER = [
  'id', 'email', 'whatsapp', 'displayName', 'role', 'passwordHash', 'status', 'createdAt',
  'emailVerifiedAt', 'whatsappVerifiedAt', 'privacyNoticeVersion', 'privacyAcknowledgedAt',
];
const U = USER.map((c) => `u."${c}"`).join(', ');

/** The statements test/store/sqlite.query-plans.test.ts checks against the indexes. */
export const LIST_GROUPS = `SELECT ${cols(GROUP)} FROM groups ORDER BY id LIMIT ?`;
export const USER_GROUPS = 'SELECT groupId FROM memberships WHERE userId = ? ORDER BY groupId';
// CROSS JOIN: the members in name order through memberships_group, each user by its primary key
export const GROUP_MEMBERS = `SELECT ${U} FROM memberships m CROSS JOIN users u WHERE m.groupId = ? AND u.id = m.userId ORDER BY m.displayName, m.userId LIMIT ?`;
export const ACTIVE_MEMBERS = "SELECT count(*) FROM memberships m CROSS JOIN users u WHERE m.groupId = ? AND u.id = m.userId AND u.status = 'active'";

export function createGroups(db: Database) {
  const st = {
    upsert: db.prepare<{ id: string; name: string; at: string }>(
      'INSERT INTO groups (id, name, createdAt, updatedAt) VALUES (@id, @name, @at, @at) ' +
        'ON CONFLICT (id) DO UPDATE SET name = excluded.name, updatedAt = excluded.updatedAt WHERE name IS NOT excluded.name',
    ),
    get: db.prepare<[string], GroupRecord>(`SELECT ${cols(GROUP)} FROM groups WHERE id = ?`),
    list: db.prepare<[number], GroupRecord>(LIST_GROUPS),
    userGroups: db.prepare<[string], string>(USER_GROUPS).pluck(),
    members: db.prepare<[string, number], UserRecord>(GROUP_MEMBERS),
    activeMembers: db.prepare<[string], number>(ACTIVE_MEMBERS).pluck(),
    userName: db.prepare<[string], string>('SELECT displayName FROM users WHERE id = ?').pluck(),
    groupExists: db.prepare<[string], number>('SELECT 1 FROM groups WHERE id = ?').pluck(),
    add: db.prepare<[string, string, string]>('INSERT INTO memberships (userId, groupId, displayName) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    remove: db.prepare<[string, string]>('DELETE FROM memberships WHERE userId = ? AND groupId = ?'),
    audit: db.prepare<Omit<StaffAuditEvent, 'data'> & { data: string }>(
      'INSERT INTO staff_audit (id, userId, at, actorId, actorName, type, data) VALUES (@id, @userId, @at, @actorId, @actorName, @type, @data)',
    ),
  };

  const upsert = db.transaction((groups: Array<Pick<GroupRecord, 'id' | 'name'>>, at: string) => {
    for (const g of groups) st.upsert.run({ id: g.id, name: g.name, at });
  });
  const change = db.transaction((c: MembershipChange): boolean => {
    const name = st.userName.get(c.userId);
    if (name === undefined) throw new MissingReferenceError(`user ${c.userId} does not exist`);
    if (st.groupExists.get(c.groupId) === undefined) throw new MissingReferenceError(`group ${c.groupId} does not exist`);
    const r = c.add ? st.add.run(c.userId, c.groupId, name) : st.remove.run(c.userId, c.groupId);
    if (r.changes === 0) return false;
    st.audit.run({ ...c.audit, data: JSON.stringify(c.audit.data) });
    return true;
  });

  return {
    upsertGroups(groups: Array<Pick<GroupRecord, 'id' | 'name'>>, at: string): void {
      if (groups.length > 0) upsert.immediate(groups, at);
    },
    getGroup(id: string): GroupRecord | null {
      return st.get.get(id) ?? null;
    },
    listGroups(limit = 500): GroupRecord[] {
      return st.list.all(pageOf({ limit }, 'group list', 500).limit);
    },
    changeMembership(c: MembershipChange): boolean {
      return uniqueOrConflict('staff audit event exists', () => change.immediate(c));
    },
    listUserGroups(userId: string): string[] {
      return st.userGroups.all(userId);
    },
    listGroupMembers(groupId: string, limit = 500): UserRecord[] {
      return st.members.all(groupId, pageOf({ limit }, 'group members', 500).limit);
    },
    countActiveMembers(groupIds: string[]): Record<string, number> {
      const out: Record<string, number> = {};
      for (const id of new Set(groupIds)) out[id] = st.activeMembers.get(id) as number;
      return out;
    },
  };
}
