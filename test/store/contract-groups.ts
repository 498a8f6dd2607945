// Store contract: groups and memberships. A deploy creates and renames groups; a membership change
// is idempotent and audited only when it changes something; members come by name; the inbox of a
// person in several groups is their groups' tasks merged in page order.
import { describe, expect, test } from '@jest/globals';
import { MissingReferenceError, type MembershipChange, type StaffAuditEvent } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { at, caseRecord, create, task, uid, user } from './fixtures.js';

const event = (userId: string, type: StaffAuditEvent['type'], over: Partial<StaffAuditEvent> = {}): StaffAuditEvent => ({
  id: uid('staff-event'),
  userId,
  at: at(1),
  actorId: null,
  actorName: 'Pemilik Proses',
  type,
  data: {},
  ...over,
});

const membership = (userId: string, groupId: string, add: boolean): MembershipChange => ({
  userId,
  groupId,
  add,
  at: at(1),
  audit: event(userId, add ? 'staff.group-added' : 'staff.group-removed', { data: { groupId } }),
});

export function groupsContract(store: GetStore): void {
  describe('groups and memberships', () => {
    test('given a deploy, when groups are upserted, then missing ones are created and existing ones take the new name (updatedAt only when it changes)', async () => {
      await store().upsertGroups([{ id: 'kepala-seksi', name: 'kepala-seksi' }, { id: 'admin-ppe', name: 'Admin PPE' }], at(1));
      await store().upsertGroups([{ id: 'kepala-seksi', name: 'Kepala Seksi' }, { id: 'admin-ppe', name: 'Admin PPE' }, { id: 'bendahara', name: 'Bendahara' }], at(2));

      expect(await store().getGroup('kepala-seksi')).toEqual({ id: 'kepala-seksi', name: 'Kepala Seksi', createdAt: at(1), updatedAt: at(2) });
      expect(await store().getGroup('admin-ppe')).toEqual({ id: 'admin-ppe', name: 'Admin PPE', createdAt: at(1), updatedAt: at(1) });
      expect(await store().getGroup('tidak-ada')).toBeNull();
      expect((await store().listGroups()).map((g) => g.id)).toEqual(['admin-ppe', 'bendahara', 'kepala-seksi']);
      expect((await store().listGroups(2)).map((g) => g.id)).toEqual(['admin-ppe', 'bendahara']);
      expect(await store().listGroups(0)).toEqual([]);
      await store().upsertGroups([], at(3)); // nothing to do
      expect(await store().listGroups()).toHaveLength(3);
    });

    test('given a user and a group, when the membership is added twice and removed twice, then only the first of each changes anything and is audited', async () => {
      const u = user({ id: 'staf-1', role: 'staff', status: 'active' });
      await store().insertUser(u);
      await store().upsertGroups([{ id: 'admin-ppe', name: 'Admin PPE' }], at(0));

      const add = membership(u.id, 'admin-ppe', true);
      expect(await store().changeMembership(add)).toBe(true);
      expect(await store().changeMembership(membership(u.id, 'admin-ppe', true))).toBe(false);
      expect(await store().listUserGroups(u.id)).toEqual(['admin-ppe']);

      const remove = membership(u.id, 'admin-ppe', false);
      expect(await store().changeMembership(remove)).toBe(true);
      expect(await store().changeMembership(membership(u.id, 'admin-ppe', false))).toBe(false);
      expect(await store().listUserGroups(u.id)).toEqual([]);

      const log = await store().listStaffAudit({ userId: u.id });
      expect(log.map((e) => e.id).sort()).toEqual([add.audit.id, remove.audit.id].sort());
      expect(log.find((e) => e.id === add.audit.id)).toEqual(add.audit);
    });

    test("given a user in three groups, when their groups are listed, then the ids come sorted and other users' memberships are not mixed in", async () => {
      for (const id of ['s1', 's2']) await store().insertUser(user({ id, role: 'staff', status: 'active' }));
      await store().upsertGroups(['kepala-seksi', 'admin-ppe', 'bendahara'].map((id) => ({ id, name: id })), at(0));
      for (const g of ['kepala-seksi', 'bendahara', 'admin-ppe']) await store().changeMembership(membership('s1', g, true));
      await store().changeMembership(membership('s2', 'bendahara', true));
      expect(await store().listUserGroups('s1')).toEqual(['admin-ppe', 'bendahara', 'kepala-seksi']);
      expect(await store().listUserGroups('s2')).toEqual(['bendahara']);
      expect(await store().listUserGroups('nobody')).toEqual([]);
    });

    test('given a missing user or group, when a membership is changed, then MissingReferenceError and nothing is written', async () => {
      await store().insertUser(user({ id: 's1', role: 'staff', status: 'active' }));
      await store().upsertGroups([{ id: 'admin-ppe', name: 'Admin PPE' }], at(0));
      await expect(store().changeMembership(membership('ghost', 'admin-ppe', true))).rejects.toBeInstanceOf(MissingReferenceError);
      await expect(store().changeMembership(membership('s1', 'tidak-ada', true))).rejects.toBeInstanceOf(MissingReferenceError);
      await expect(store().changeMembership(membership('s1', 'tidak-ada', false))).rejects.toBeInstanceOf(MissingReferenceError);
      expect(await store().listUserGroups('s1')).toEqual([]);
      expect(await store().listGroupMembers('admin-ppe')).toEqual([]);
      expect(await store().listStaffAudit({})).toEqual([]);
    });

    test('given members of a group, when they are listed, then they come by displayName (byte order) then id, as full records, renames included', async () => {
      const members = [
        user({ id: 'm-2', displayName: 'Budi', role: 'staff', status: 'active' }),
        user({ id: 'm-1', displayName: 'Budi', role: 'staff', status: 'disabled' }),
        user({ id: 'm-3', displayName: 'Ani', role: 'process-owner', status: 'active' }),
        user({ id: 'm-4', displayName: 'ani', role: 'staff', status: 'registered' }),
      ];
      for (const u of members) await store().insertUser(u);
      await store().insertUser(user({ id: 'other', displayName: 'Aaron', role: 'staff', status: 'active' }));
      await store().upsertGroups([{ id: 'admin-ppe', name: 'Admin PPE' }, { id: 'bendahara', name: 'Bendahara' }], at(0));
      for (const u of members) await store().changeMembership(membership(u.id, 'admin-ppe', true));
      await store().changeMembership(membership('other', 'bendahara', true));

      const got = await store().listGroupMembers('admin-ppe');
      expect(got.map((u) => u.id)).toEqual(['m-3', 'm-1', 'm-2', 'm-4']);
      expect(got[0]).toEqual(members[2]);
      expect((await store().listGroupMembers('admin-ppe', 2)).map((u) => u.id)).toEqual(['m-3', 'm-1']);
      expect(await store().listGroupMembers('tidak-ada')).toEqual([]);

      await store().updateUser('m-4', { displayName: 'Zaenal' });
      expect((await store().listGroupMembers('admin-ppe')).map((u) => u.id)).toEqual(['m-3', 'm-1', 'm-2', 'm-4']);
      await store().updateUser('m-2', { displayName: 'Aaron' });
      expect((await store().listGroupMembers('admin-ppe')).map((u) => [u.id, u.displayName])).toEqual([
        ['m-2', 'Aaron'], ['m-3', 'Ani'], ['m-1', 'Budi'], ['m-4', 'Zaenal'],
      ]);
    });

    test('given active and inactive members, when active members are counted, then only active ones count and every group asked is answered (0 included)', async () => {
      await store().insertUser(user({ id: 'a1', role: 'staff', status: 'active' }));
      await store().insertUser(user({ id: 'a2', role: 'staff', status: 'active' }));
      await store().insertUser(user({ id: 'off', role: 'staff', status: 'disabled' }));
      await store().insertUser(user({ id: 'new', role: 'staff', status: 'registered' }));
      await store().upsertGroups(['admin-ppe', 'bendahara', 'kosong'].map((id) => ({ id, name: id })), at(0));
      for (const id of ['a1', 'a2', 'off', 'new']) await store().changeMembership(membership(id, 'admin-ppe', true));
      await store().changeMembership(membership('a1', 'bendahara', true));
      await store().changeMembership(membership('off', 'kosong', true));

      expect(await store().countActiveMembers(['admin-ppe', 'bendahara', 'kosong', 'tidak-ada'])).toEqual({ 'admin-ppe': 2, bendahara: 1, kosong: 0, 'tidak-ada': 0 });
      expect(await store().countActiveMembers([])).toEqual({});
      await store().updateUser('a1', { status: 'disabled' });
      expect(await store().countActiveMembers(['admin-ppe', 'bendahara'])).toEqual({ 'admin-ppe': 1, bendahara: 0 });
    });
  });

  describe('tasks of groups (TaskQuery.groupIds)', () => {
    const C = caseRecord();
    const admin1 = task(C, { groupId: 'admin-ppe', dueAt: at(30), createdAt: at(3) });
    const admin2 = task(C, { groupId: 'admin-ppe', dueAt: at(10), createdAt: at(5), assigneeId: 'a1' });
    const kasi1 = task(C, { groupId: 'kepala-seksi', dueAt: at(20), createdAt: at(1) });
    const kasi2 = task(C, { groupId: 'kepala-seksi', dueAt: at(30), createdAt: at(2) });
    const mine = task(C, { groupId: 'pemohon', dueAt: at(5), createdAt: at(4) });
    const other = task(C, { groupId: 'bendahara', dueAt: at(1), createdAt: at(0) });

    const given = async () => {
      await store().insertUser(user({ id: 'a1', role: 'staff', status: 'active' }));
      await store().applyCaseChange(create(C, { openTasks: [admin1, admin2, kasi1, kasi2, mine, other] }));
    };
    const ids = async (groupIds: string[], over: Record<string, unknown> = {}) =>
      (await store().listTasks({ groupIds, ...over })).map((t) => t.id);

    test('given one group, then only its tasks, by due time', async () => {
      await given();
      expect(await ids(['kepala-seksi'])).toEqual([kasi1.id, kasi2.id]);
      expect(await store().countTasks({ groupIds: ['kepala-seksi'] })).toBe(2);
      expect(await ids(['pemohon'])).toEqual([mine.id]);
    });

    test('given two groups, then their tasks merged in page order (due time, then age, then id), paged without gaps, duplicates ignored', async () => {
      await given();
      const both = [admin2.id, kasi1.id, ...[admin1, kasi2].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map((t) => t.id)];
      expect(await ids(['kepala-seksi', 'admin-ppe'])).toEqual(both);
      expect(await ids(['admin-ppe', 'kepala-seksi', 'admin-ppe'])).toEqual(both);
      expect(await store().countTasks({ groupIds: ['admin-ppe', 'kepala-seksi'] })).toBe(4);
      const pages = [...(await ids(['admin-ppe', 'kepala-seksi'], { limit: 3 })), ...(await ids(['admin-ppe', 'kepala-seksi'], { limit: 3, offset: 3 }))];
      expect(pages).toEqual(both);
      expect(await ids(['admin-ppe', 'kepala-seksi'], { sort: 'age' })).toEqual([kasi1.id, kasi2.id, admin1.id, admin2.id]);
      expect(await ids(['admin-ppe', 'kepala-seksi'], { assigneeId: null })).toEqual([kasi1.id, ...both.slice(2)]);
      expect(await store().countTasks({ groupIds: ['admin-ppe', 'kepala-seksi'], assigneeId: null })).toBe(3);
      expect(await ids(['admin-ppe', 'kepala-seksi'], { dueBefore: at(25) })).toEqual([admin2.id, kasi1.id]);
    });

    test('given no group ([]), then nothing matches; without groupIds, every group', async () => {
      await given();
      expect(await store().listTasks({ groupIds: [] })).toEqual([]);
      expect(await store().countTasks({ groupIds: [] })).toBe(0);
      expect(await store().countTasks({ groupIds: [], caseId: C.id })).toBe(0);
      expect(await store().countTasks({})).toBe(6);
      expect((await store().getTask(admin1.id))?.groupId).toBe('admin-ppe');
    });
  });
}
