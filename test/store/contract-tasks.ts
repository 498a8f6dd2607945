// Store contract, part 4: take / release / reassign, and the inbox queries (listTasks, countTasks).
import { beforeEach, describe, expect, test } from '@jest/globals';
import { ConflictError, InactiveAssigneeError, type CaseRecord, type TaskQuery, type TaskRecord } from '../../src/store/ports.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, task, update, user } from './fixtures.js';

export function tasksContract(store: GetStore): void {
  describe('changeAssignee', () => {
    let c: CaseRecord;
    let t: TaskRecord;
    beforeEach(async () => {
      c = caseRecord();
      t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      for (const id of ['admin-1', 'admin-2']) await store().insertUser(user({ id, role: 'staff', status: 'active' }));
    });
    const change = (from: string | null, to: string | null) => ({
      taskId: t.id,
      from,
      to,
      audit: audit(c, to ? 'task.taken' : 'task.released', { actorId: to ?? from, taskId: t.id }),
    });
    const events = async () => (await store().listAudit(c.id)).map((e) => e.type);

    test('When an unassigned task is taken, Then it has the assignee and a task.taken event', async () => {
      await store().changeAssignee(change(null, 'admin-1'));
      expect((await store().getTask(t.id))?.assigneeId).toBe('admin-1');
      expect(await events()).toEqual(['case.started', 'task.taken']);
    });

    test('When it is released by its assignee, Then it is unassigned again', async () => {
      await store().changeAssignee(change(null, 'admin-1'));
      await store().changeAssignee(change('admin-1', null));
      expect((await store().getTask(t.id))?.assigneeId).toBeNull();
      expect(await events()).toEqual(['case.started', 'task.taken', 'task.released']);
    });

    test('When it is reassigned from the current assignee, Then the new one has it', async () => {
      await store().changeAssignee(change(null, 'admin-1'));
      await store().changeAssignee(change('admin-1', 'admin-2'));
      expect((await store().getTask(t.id))?.assigneeId).toBe('admin-2');
    });

    test('When "from" is not the current assignee, Then ConflictError and no audit event', async () => {
      await store().changeAssignee(change(null, 'admin-1'));
      await expectConflict(store().changeAssignee(change(null, 'admin-2'))); // someone took it
      await expectConflict(store().changeAssignee(change('admin-3', null))); // not yours to release
      expect((await store().getTask(t.id))?.assigneeId).toBe('admin-1');
      expect(await events()).toEqual(['case.started', 'task.taken']);
    });

    test('When the audit event cannot be written (duplicate id), Then the assignee is unchanged too', async () => {
      const existing = (await store().listAudit(c.id))[0]!;
      await expect(store().changeAssignee({ ...change(null, 'admin-1'), audit: { ...existing } })).rejects.toBeInstanceOf(ConflictError);
      expect((await store().getTask(t.id))?.assigneeId).toBeNull();
      expect(await events()).toEqual(['case.started']);
    });

    test('When the new holder is disabled, invited or unknown, Then InactiveAssigneeError (a ConflictError) and nothing changes', async () => {
      await store().insertUser(user({ id: 'admin-off', role: 'staff', status: 'disabled' }));
      await store().insertUser(user({ id: 'admin-new', role: 'staff', status: 'registered' }));
      for (const to of ['admin-off', 'admin-new', 'no-such-user']) {
        const refused = store().changeAssignee(change(null, to)); // a take
        await expect(refused).rejects.toBeInstanceOf(InactiveAssigneeError);
        await expect(refused).rejects.toBeInstanceOf(ConflictError);
      }
      await store().changeAssignee(change(null, 'admin-1'));
      await expect(store().changeAssignee(change('admin-1', 'admin-off'))).rejects.toBeInstanceOf(InactiveAssigneeError); // a reassign
      expect((await store().getTask(t.id))?.assigneeId).toBe('admin-1');
      expect(await events()).toEqual(['case.started', 'task.taken']);
    });

    test('When the holder was deactivated after it was chosen, Then a hand-over to it is refused; its own task can still be released', async () => {
      await store().changeAssignee(change(null, 'admin-1'));
      await store().changeUserStatus({
        userId: 'admin-2', from: 'active', to: 'disabled',
        audit: { id: 'sa-off', userId: 'admin-2', at: at(3), actorId: 'admin-1', actorName: 'Admin Satu', type: 'staff.deactivated', data: {} },
      });
      await expect(store().changeAssignee(change('admin-1', 'admin-2'))).rejects.toBeInstanceOf(InactiveAssigneeError);
      await store().changeUserStatus({
        userId: 'admin-1', from: 'active', to: 'disabled',
        audit: { id: 'sa-off-1', userId: 'admin-1', at: at(4), actorId: 'admin-2', actorName: 'Admin Dua', type: 'staff.deactivated', data: {} },
      });
      await store().changeAssignee(change('admin-1', null)); // the deactivation's release: to nobody
      expect((await store().getTask(t.id))?.assigneeId).toBeNull();
      expect(await events()).toEqual(['case.started', 'task.taken', 'task.released']);
    });

    test('When the task is no longer open (or unknown), Then ConflictError', async () => {
      await store().applyCaseChange(update(c, {}, { completeTasks: [{ taskId: t.id, completedBy: null, completedAt: at(2) }] }));
      await expectConflict(store().changeAssignee(change(null, 'admin-1')));
      await expectConflict(store().changeAssignee({ ...change(null, 'admin-1'), taskId: 'no-such-task' }));
      expect((await store().getTask(t.id))?.assigneeId).toBeNull();
      expect(await events()).toEqual(['case.started']);
    });
  });

  describe('listTasks and countTasks', () => {
    const A = caseRecord({ applicantId: 'ppbj-a' });
    const B = caseRecord({ applicantId: 'ppbj-b', processKey: 'izin-cuti' }); // A's is the fixture's PPBJ process
    // dueAt deliberately not in insertion order; t4 and t5 share dueAt and differ by createdAt
    const t1 = task(A, { groupId: 'admin-ppe', dueAt: at(300), createdAt: at(1) });
    const t2 = task(A, { groupId: 'admin-ppe', dueAt: at(100), createdAt: at(2), assigneeId: 'admin-1' });
    const t3 = task(A, { groupId: 'pemohon', dueAt: at(200), createdAt: at(3), elementId: 'aktivasi-akun' });
    const t4 = task(B, { groupId: 'admin-ppe', dueAt: at(150), createdAt: at(5) });
    const t5 = task(B, { groupId: 'admin-ppe', dueAt: at(150), createdAt: at(4), assigneeId: 'admin-2' });
    const t6 = task(B, { groupId: 'kepala-seksi', dueAt: at(50), createdAt: at(6), elementId: 'aktivasi-akun' });
    const done = task(B, { groupId: 'admin-ppe', dueAt: at(10), createdAt: at(0), assigneeId: 'admin-1' });

    beforeEach(async () => {
      await store().applyCaseChange(create(A, { openTasks: [t3, t1, t2] }));
      await store().applyCaseChange(create(B, { openTasks: [t6, done, t4, t5] }));
      const completion = { taskId: done.id, completedBy: 'admin-1', completedAt: at(20) };
      await store().applyCaseChange(update(B, {}, { completeTasks: [completion] }));
    });

    const ids = async (q: TaskQuery) => (await store().listTasks(q)).map((t) => t.id);
    const cases: Array<[string, TaskQuery, TaskRecord[]]> = [
      ['no filter: open tasks by dueAt, then createdAt', {}, [t6, t2, t5, t4, t3, t1]],
      ['group', { groupIds: ['admin-ppe'] }, [t2, t5, t4, t1]],
      ['assignee', { assigneeId: 'admin-1' }, [t2]],
      ['unassigned only (assigneeId null)', { assigneeId: null }, [t6, t4, t3, t1]],
      ['group + unassigned (the shared queue)', { groupIds: ['admin-ppe'], assigneeId: null }, [t4, t1]],
      ['applicant', { applicantId: 'ppbj-a' }, [t2, t3, t1]],
      ['case', { caseId: B.id }, [t6, t5, t4]],
      ['status completed', { status: 'completed' }, [done]],
      ['status completed + assignee', { status: 'completed', assigneeId: 'admin-1' }, [done]],
      ['status completed + process', { status: 'completed', processKey: 'izin-cuti' }, [done]],
      ['status cancelled', { status: 'cancelled' }, []],
      ['applicant + group', { applicantId: 'ppbj-b', groupIds: ['admin-ppe'] }, [t5, t4]],
      ['nothing matches', { groupIds: ['pemohon'], applicantId: 'ppbj-b' }, []],
      ['one SOP step (elementId)', { elementId: 'aktivasi-akun' }, [t6, t3]],
      ['elementId + group', { elementId: 'verifikasi-berkas', groupIds: ['admin-ppe'] }, [t2, t5, t4, t1]],
      ['process', { processKey: 'izin-cuti' }, [t6, t5, t4]],
      ['process + the shared queue', { groupIds: ['admin-ppe'], assigneeId: null, processKey: 'izin-cuti' }, [t4]],
      ['process + assignee', { groupIds: ['admin-ppe'], assigneeId: 'admin-1', processKey: 'pendaftaran-akun-ppbj' }, [t2]],
      ['a step of one process (the same element id in another process is not mixed in)', { processKey: 'pendaftaran-akun-ppbj', elementId: 'aktivasi-akun' }, [t3]],
      ['a process with no tasks', { processKey: 'tidak-ada' }, []],
      ["process + sort 'age'", { processKey: 'pendaftaran-akun-ppbj', sort: 'age' }, [t1, t2, t3]],
      ['overdue at a time (dueBefore: dueAt < it)', { dueBefore: at(150) }, [t6, t2]],
      ['not overdue at a time (dueFrom: dueAt >= it)', { dueFrom: at(150) }, [t5, t4, t3, t1]],
      ['due window (dueFrom + dueBefore)', { dueFrom: at(100), dueBefore: at(200) }, [t2, t5, t4]],
      ['shared queue, overdue', { groupIds: ['admin-ppe'], assigneeId: null, dueBefore: at(301) }, [t4, t1]],
      ['completed + dueBefore', { status: 'completed', dueBefore: at(11) }, [done]],
      ["sort 'due' (the default)", { sort: 'due' }, [t6, t2, t5, t4, t3, t1]],
      ["sort 'age': oldest first", { sort: 'age' }, [t1, t2, t3, t5, t4, t6]],
      ["sort 'age' + group", { sort: 'age', groupIds: ['admin-ppe'] }, [t1, t2, t5, t4]],
      ["sort 'age' + overdue", { sort: 'age', dueBefore: at(200) }, [t2, t5, t4, t6]],
      ["sort 'due-desc': the 'due' order reversed", { sort: 'due-desc' }, [t1, t3, t4, t5, t2, t6]],
      ["sort 'due-desc' + the shared queue", { sort: 'due-desc', groupIds: ['admin-ppe'], assigneeId: null }, [t1, t4]],
      ["sort 'age-desc': newest first", { sort: 'age-desc' }, [t6, t4, t5, t3, t2, t1]],
      ["sort 'age-desc' + two groups", { sort: 'age-desc', groupIds: ['kepala-seksi', 'admin-ppe'] }, [t6, t4, t5, t2, t1]],
      ["sort 'age-desc' + overdue", { sort: 'age-desc', dueBefore: at(200) }, [t6, t4, t5, t2]],
    ];
    test.each(cases)('filter: %s', async (_label, q, want) => {
      expect(await ids(q)).toEqual(want.map((t) => t.id));
      expect(await store().countTasks(q)).toBe(want.length);
    });

    test('returned tasks are full records (completed one with its completion)', async () => {
      expect(await store().listTasks({ caseId: A.id, groupIds: ['pemohon'] })).toEqual([t3]);
      expect(await store().listTasks({ status: 'completed' })).toEqual([
        { ...done, status: 'completed', completedBy: 'admin-1', completedAt: at(20), searchText: '' }, // search: open tasks only
      ]);
    });

    test('paging: limit and offset slice the ordered list; count ignores them', async () => {
      expect(await ids({ limit: 2 })).toEqual([t6.id, t2.id]);
      expect(await ids({ limit: 2, offset: 2 })).toEqual([t5.id, t4.id]);
      expect(await ids({ limit: 10, offset: 4 })).toEqual([t3.id, t1.id]);
      expect(await ids({ offset: 6 })).toEqual([]);
      expect(await store().countTasks({ limit: 1, offset: 3 })).toBe(6);
      expect(await ids({ sort: 'age', limit: 2, offset: 2 })).toEqual([t3.id, t5.id]);
      expect(await ids({ sort: 'due-desc', limit: 2, offset: 2 })).toEqual([t4.id, t5.id]);
    });

    test('an unknown sort is refused', async () => {
      await expect(store().listTasks({ sort: 'name' as 'due' })).rejects.toThrow(RangeError);
    });

    test('the default limit is 50', async () => {
      const C = caseRecord();
      const many = Array.from({ length: 55 }, (_, i) => task(C, { groupId: 'pemohon', dueAt: at(1000 + i) }));
      await store().applyCaseChange(create(C, { openTasks: many }));
      const page = await store().listTasks({ caseId: C.id });
      expect(page).toHaveLength(50);
      expect(page.map((t) => t.id)).toEqual(many.slice(0, 50).map((t) => t.id));
      expect(await store().countTasks({ caseId: C.id })).toBe(55);
      expect(await store().listTasks({ caseId: C.id, offset: 50 })).toHaveLength(5);
    });
  });
}
