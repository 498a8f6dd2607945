// Store contract: the inbox sorted by process name, step name and applicant name, both ways —
// case-insensitive, ties in the due order (dueAt, createdAt, id), groups merged, pages that add up.
import { beforeEach, describe, expect, test } from '@jest/globals';
import type { CaseRecord, TaskQuery, TaskRecord } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { at, caseRecord, create, definition, task, update, user } from './fixtures.js';

type Sort = NonNullable<TaskQuery['sort']>;

export function taskSortsContract(store: GetStore): void {
  describe('listTasks sorted by process, step and applicant', () => {
    // processes: their latest names are 'akun PPBJ' (lower-case first letter), 'Barang', 'Cuti' (renamed from 'Zeta')
    const defs = [
      definition({ id: 'd-akun', processKey: 'p-akun', name: 'akun PPBJ' }),
      definition({ id: 'd-barang', processKey: 'p-barang', name: 'Barang' }),
      definition({ id: 'd-cuti-1', processKey: 'p-cuti', version: 1, name: 'Zeta' }),
      definition({ id: 'd-cuti-2', processKey: 'p-cuti', version: 2, name: 'Cuti' }),
    ];
    // applicants: 'budi' sorts between 'Ani' and 'Citra' only case-insensitively
    const ani = caseRecord({ id: 'case-ani', processKey: 'p-cuti', applicantId: 'u-ani', applicantName: 'Ani' });
    const budi = caseRecord({ id: 'case-budi', processKey: 'p-akun', applicantId: 'u-budi', applicantName: 'budi' });
    const citra = caseRecord({ id: 'case-citra', processKey: 'p-barang', applicantId: 'u-citra', applicantName: 'Citra' });
    const mk = (c: CaseRecord, id: string, name: string, dueAt: number, over: Partial<TaskRecord> = {}) =>
      task(c, { id, name, elementId: name.toLowerCase().replace(/ /g, '-'), dueAt: at(dueAt), createdAt: at(1), ...over });
    // two groups (a member of both sees them merged); step names 'unggah SK' / 'Verifikasi' / 'Aktivasi'
    const t = {
      a1: mk(ani, 'sort-a1', 'Verifikasi', 30, { groupId: 'g1' }),
      a2: mk(ani, 'sort-a2', 'unggah SK', 10, { groupId: 'g2' }),
      b1: mk(budi, 'sort-b1', 'Verifikasi', 20, { groupId: 'g2' }),
      b2: mk(budi, 'sort-b2', 'Aktivasi', 40, { groupId: 'g1' }),
      // a tie on everything but the id
      c1: mk(citra, 'sort-c2', 'Verifikasi', 20, { groupId: 'g1' }),
      c2: mk(citra, 'sort-c1', 'Verifikasi', 20, { groupId: 'g1' }),
    };
    const other = mk(citra, 'sort-x', 'Aktivasi', 1, { groupId: 'g3' }); // another group's: never listed
    const scope: TaskQuery = { groupIds: ['g2', 'g1'], assigneeId: null };
    const ids = (rows: TaskRecord[]) => rows.map((r) => r.id);

    beforeEach(async () => {
      for (const d of defs) await store().insertDefinition(d);
      for (const u of [['u-ani', 'Ani'], ['u-budi', 'budi'], ['u-citra', 'Citra']] as const) await store().insertUser(user({ id: u[0], displayName: u[1] }));
      await store().applyCaseChange(create(ani, { openTasks: [t.a1, t.a2] }));
      await store().applyCaseChange(create(budi, { openTasks: [t.b1, t.b2] }));
      await store().applyCaseChange(create(citra, { openTasks: [t.c1, t.c2, other] }));
    });

    const expected: Array<[Sort, TaskRecord[]]> = [
      // akun PPBJ (budi), Barang (citra), Cuti (ani); each process by due time, then id
      ['process', [t.b1, t.b2, t.c2, t.c1, t.a2, t.a1]],
      ['step', [t.b2, t.a2, t.b1, t.c2, t.c1, t.a1]],
      ['applicant', [t.a2, t.a1, t.b1, t.b2, t.c2, t.c1]],
    ];

    test.each(expected)('sort %s: case-insensitive, ties by due time and id, both groups merged', async (sort, want) => {
      expect(ids(await store().listTasks({ ...scope, sort }))).toEqual(ids(want));
    });

    test.each(expected)("sort %s-desc: the same order reversed", async (sort, want) => {
      expect(ids(await store().listTasks({ ...scope, sort: `${sort}-desc` as Sort }))).toEqual(ids(want).reverse());
    });

    test.each(expected.flatMap(([sort, want]) => [[sort, want], [`${sort}-desc` as Sort, [...want].reverse()]] as Array<[Sort, TaskRecord[]]>))(
      'sort %s: pages of 2 add up to the whole list, none skipped or repeated',
      async (sort, want) => {
        const pages = [];
        for (let offset = 0; offset < 8; offset += 2) pages.push(...ids(await store().listTasks({ ...scope, sort, limit: 2, offset })));
        expect(pages).toEqual(ids(want));
        expect(ids(await store().listTasks({ ...scope, sort, limit: 3, offset: 1 }))).toEqual(ids(want).slice(1, 4));
      },
    );

    test('with filters: one process, one group, a due-time bound, a search', async () => {
      expect(ids(await store().listTasks({ ...scope, processKey: 'p-akun', sort: 'step' }))).toEqual(['sort-b2', 'sort-b1']);
      expect(ids(await store().listTasks({ groupIds: ['g1'], assigneeId: null, sort: 'process' }))).toEqual(['sort-b2', 'sort-c1', 'sort-c2', 'sort-a1']);
      expect(ids(await store().listTasks({ ...scope, dueBefore: at(25), sort: 'applicant-desc' }))).toEqual(['sort-c2', 'sort-c1', 'sort-b1', 'sort-a2']);
      expect(ids(await store().listTasks({ ...scope, search: 'citra', sort: 'process-desc' }))).toEqual(['sort-c2', 'sort-c1']);
      expect(await store().listTasks({ ...scope, sort: 'process', limit: 0 })).toEqual([]);
      expect(await store().listTasks({ groupIds: [], sort: 'process' })).toEqual([]);
    });

    test('Given a taken task, When the queue and my tasks are sorted, Then each holds its own', async () => {
      await store().insertUser(user({ id: 'staff-1', role: 'staff', status: 'active' }));
      await store().changeAssignee({ taskId: t.b2.id, from: null, to: 'staff-1', audit: { id: 'aud-take', caseId: budi.id, at: at(2), actorId: 'staff-1', actorName: 'S', type: 'task.taken', taskId: t.b2.id, data: {} } });
      expect(ids(await store().listTasks({ groupIds: ['g1', 'g2'], assigneeId: 'staff-1', sort: 'process' }))).toEqual(['sort-b2']);
      expect(ids(await store().listTasks({ ...scope, sort: 'process' }))).toEqual(['sort-b1', 'sort-c1', 'sort-c2', 'sort-a2', 'sort-a1']);
    });

    test("Given an applicant renamed, Then their open tasks sort by the new name and a completed task keeps the old one", async () => {
      await store().applyCaseChange(update(ani, { updatedAt: at(3) }, { completeTasks: [{ taskId: t.a2.id, completedAt: at(3), completedBy: 'u-ani' }] }));
      await store().updateUser('u-ani', { displayName: 'Zaki' });
      expect(ids(await store().listTasks({ ...scope, sort: 'applicant' }))).toEqual(['sort-b1', 'sort-b2', 'sort-c1', 'sort-c2', 'sort-a1']);
      expect((await store().getTask(t.a1.id))?.applicantName).toBe('Zaki');
      expect((await store().getTask(t.a2.id))?.applicantName).toBe('Ani');
    });
  });
}
