// Store contract, part 3: concurrent writers. Exactly one wins; the loser writes nothing.
import { describe, expect, test } from '@jest/globals';
import { ConflictError, type CaseRecord } from '../../src/store/ports.js';
import { race, type GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, document, task, update, user } from './fixtures.js';

export function concurrencyContract(store: GetStore): void {
  describe('concurrent writers', () => {
    test('Given two writers loaded rev 1, When both apply at once, Then one wins and the loser wrote nothing', async () => {
      const c = caseRecord();
      const open = task(c);
      await store().applyCaseChange(create(c, { openTasks: [open] }));
      const loaded = (await store().getCase(c.id)) as CaseRecord;

      // each writer completes the same task and writes its own tasks, documents and audit
      const writer = (who: string) =>
        update(loaded, { data: { by: { who } }, updatedAt: at(10) }, {
          completeTasks: [{ taskId: open.id, completedBy: who, completedAt: at(10) }],
          openTasks: [task(c, { elementId: `next-by-${who}`, name: who })],
          documents: [document(c, { uploaderId: who, originalName: `${who}.pdf` })],
          audit: [audit(c, 'task.completed', { actorId: who, taskId: open.id, at: at(10) })],
        });
      const a = writer('alice');
      const b = writer('bob');

      const { won, errors } = await race([store().applyCaseChange(a), store().applyCaseChange(b)]);
      expect(won).toBe(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(ConflictError);

      const after = (await store().getCase(c.id)) as CaseRecord;
      expect(after.rev).toBe(2);
      const winner = (after.data.by as { who: string }).who;
      const loser = winner === 'alice' ? 'bob' : 'alice';
      expect((await store().getTask(open.id))?.completedBy).toBe(winner);

      const tasks = await store().listTasks({ caseId: c.id });
      expect(tasks.map((t) => t.name)).toEqual([winner]);
      const docs = await store().listDocuments(c.id);
      expect(docs.map((d) => d.uploaderId)).toEqual([winner]);
      const events = await store().listAudit(c.id);
      expect(events.filter((e) => e.type === 'task.completed').map((e) => e.actorId)).toEqual([winner]);
      expect(JSON.stringify({ tasks, docs, events })).not.toContain(loser);
    });

    test('When five writers race on the same rev, Then exactly one wins and the rest get ConflictError', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      const writers = ['w1', 'w2', 'w3', 'w4', 'w5'].map((who) =>
        store().applyCaseChange(update(c, { data: { who: { who } } }, { audit: [audit(c, 'case.returned', { actorId: who })] })),
      );
      const { won, errors } = await race(writers);
      expect(won).toBe(1);
      expect(errors.every((e) => e instanceof ConflictError)).toBe(true);
      expect((await store().getCase(c.id))?.rev).toBe(2);
      expect((await store().listAudit(c.id)).filter((e) => e.type === 'case.returned')).toHaveLength(1);
    });

    test('When two writers create the same case id at once, Then one wins', async () => {
      const c = caseRecord();
      const { won, errors } = await race([
        store().applyCaseChange(create(c, { openTasks: [task(c, { name: 'first' })] })),
        store().applyCaseChange(create(c, { openTasks: [task(c, { name: 'second' })] })),
      ]);
      expect(won).toBe(1);
      expect(errors[0]).toBeInstanceOf(ConflictError);
      expect(await store().listTasks({ caseId: c.id })).toHaveLength(1);
      expect(await store().listAudit(c.id)).toHaveLength(1);
    });

    test('Given two admins take the same unassigned task at once, Then one wins and one audit event exists', async () => {
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      for (const id of ['admin-a', 'admin-b']) await store().insertUser(user({ id, role: 'staff', status: 'active' })); // a holder must be active
      const take = (admin: string) =>
        store().changeAssignee({ taskId: t.id, from: null, to: admin, audit: audit(c, 'task.taken', { actorId: admin, taskId: t.id }) });

      const { won, errors } = await race([take('admin-a'), take('admin-b')]);
      expect(won).toBe(1);
      expect(errors[0]).toBeInstanceOf(ConflictError);
      const assignee = (await store().getTask(t.id))?.assigneeId;
      expect(['admin-a', 'admin-b']).toContain(assignee);
      const taken = (await store().listAudit(c.id)).filter((e) => e.type === 'task.taken');
      expect(taken.map((e) => e.actorId)).toEqual([assignee]);
    });
  });
}
