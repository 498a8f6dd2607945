// Store contract: staff administration. A page of users of some roles in a total order, a status
// change that is conditional, atomic with its audit entry and keeps one active user of a role, and
// the staff audit log: append-only, newest first, per account, paged.
import { describe, expect, test } from '@jest/globals';
import { MissingReferenceError, type StaffAuditEvent, type UserRecord } from '../../src/store/ports.js';
import { expectConflict, race, type GetStore } from './contract-helpers.js';
import { at, uid, user } from './fixtures.js';

function entry(userId: string, minute: number, over: Partial<StaffAuditEvent> = {}): StaffAuditEvent {
  return { id: uid('staff-audit'), userId, at: at(minute), actorId: 'owner-1', actorName: 'Pemilik', type: 'staff.invited', data: { name: 'x' }, ...over };
}

export function staffAuditContract(store: GetStore): void {
  describe('staff administration', () => {
    const staff = async (over: Partial<UserRecord>) => {
      const u = user(over);
      await store().insertUser(u);
      return u;
    };

    test('given users of three roles, when pages of the staff roles are read, then they come by role, name, id with no one skipped or repeated', async () => {
      await staff({ id: 'a2', role: 'staff', displayName: 'Budi' });
      await staff({ id: 'a1', role: 'staff', displayName: 'Ani' });
      await staff({ id: 'a3', role: 'staff', displayName: 'Budi' });
      await staff({ id: 'p1', role: 'applicant', displayName: 'Cici' });
      await staff({ id: 'o1', role: 'process-owner', displayName: 'Ana' });
      const roles = ['process-owner', 'staff'] as const;
      const all = await store().listUsersPage({ roles: [...roles] });
      expect(all.map((u) => u.id)).toEqual(['o1', 'a1', 'a2', 'a3']); // 'process-owner' < 'staff'
      const pages = [];
      for (let offset = 0; offset < 5; offset += 2) pages.push(...(await store().listUsersPage({ roles: [...roles], limit: 2, offset })));
      expect(pages.map((u) => u.id)).toEqual(['o1', 'a1', 'a2', 'a3']);
      expect(await store().listUsersPage({ roles: ['staff'], limit: 0 })).toEqual([]);
      expect(all[1]).toMatchObject({ email: 'a1@example.go.id', role: 'staff' });
    });

    test('when a status changes from what it is, then it changes with its audit entry; from a stale status nothing is written', async () => {
      await staff({ id: 's1', role: 'staff', status: 'active' });
      const first = entry('s1', 1, { type: 'staff.deactivated' });
      expect(await store().changeUserStatus({ userId: 's1', from: 'active', to: 'disabled', audit: first })).toBe('changed');
      expect((await store().getUser('s1'))!.status).toBe('disabled');
      expect(await store().changeUserStatus({ userId: 's1', from: 'active', to: 'disabled', audit: entry('s1', 2) })).toBe('stale');
      expect(await store().changeUserStatus({ userId: 'nobody', from: 'active', to: 'disabled', audit: entry('s1', 2) })).toBe('stale');
      expect(await store().listStaffAudit({ userId: 's1' })).toEqual([first]);
    });

    test('given two active users of a role, when both are deactivated at once with keepOneActive, then exactly one is, and one stays active', async () => {
      await staff({ id: 'k1', role: 'process-owner', status: 'active' });
      await staff({ id: 'k2', role: 'process-owner', status: 'active' });
      const change = (id: string) => store().changeUserStatus({ userId: id, from: 'active', to: 'disabled', keepOneActive: 'process-owner', audit: entry(id, 1, { type: 'staff.deactivated' }) });
      const results = await Promise.all([change('k1'), change('k2')]);
      expect([...results].sort()).toEqual(['changed', 'last']);
      const statuses = [(await store().getUser('k1'))!.status, (await store().getUser('k2'))!.status].sort();
      expect(statuses).toEqual(['active', 'disabled']);
      expect((await store().listStaffAudit({})).length).toBe(1);
    });

    test('when ten changes of one status run at once, then one wins and one audit entry is written', async () => {
      await staff({ id: 'r1', role: 'staff', status: 'active' });
      const changes = Array.from({ length: 10 }, (_, i) => store().changeUserStatus({ userId: 'r1', from: 'active', to: 'disabled', audit: entry('r1', i) }));
      const { errors } = await race(changes);
      expect(errors).toEqual([]);
      expect((await Promise.all(changes)).filter((r) => r === 'changed')).toHaveLength(1);
      expect(await store().listStaffAudit({ userId: 'r1' })).toHaveLength(1);
    });

    test('given entries of two accounts, when the log is read, then newest first (ties by write order), per account, and paged', async () => {
      await staff({ id: 'l1' });
      await staff({ id: 'l2' });
      const e1 = entry('l1', 1);
      const e2 = entry('l2', 2, { type: 'staff.deactivated', data: { name: 'n', nested: { count: 2 } } });
      const e3 = entry('l1', 2, { type: 'staff.reactivated', actorId: null, actorName: null });
      await store().appendStaffAudit([e1]);
      await store().appendStaffAudit([e2, e3]);
      expect(await store().listStaffAudit({})).toEqual([e3, e2, e1]);
      expect(await store().listStaffAudit({ userId: 'l1' })).toEqual([e3, e1]);
      expect(await store().listStaffAudit({ limit: 1, offset: 1 })).toEqual([e2]);
      expect(await store().listStaffAudit({ limit: 0 })).toEqual([]);
      await store().appendStaffAudit([]);
      expect(await store().listStaffAudit({})).toHaveLength(3);
    });

    test('when an entry repeats an id or names no user, then nothing of the batch is written', async () => {
      await staff({ id: 'd1' });
      const e = entry('d1', 1);
      await store().appendStaffAudit([e]);
      await expectConflict(store().appendStaffAudit([entry('d1', 2), e]));
      await expect(store().appendStaffAudit([entry('d1', 3), entry('no-such-user', 3)])).rejects.toBeInstanceOf(MissingReferenceError);
      expect(await store().listStaffAudit({})).toEqual([e]);
    });
  });
}
