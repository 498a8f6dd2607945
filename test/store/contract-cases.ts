// Store contract, part 2: creating and updating cases, task completion, all-or-nothing changes.
import { describe, expect, test } from '@jest/globals';
import { ConflictError, type CaseRecord } from '../../src/store/ports.js';
import { NotFoundError } from '../../src/errors.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, document, task, update, user } from './fixtures.js';

export function casesContract(store: GetStore): void {
  /** Everything the store holds about a case, to prove a failed change wrote nothing. */
  const snapshot = async (caseId: string) => ({
    case: await store().getCase(caseId),
    tasks: await store().listTasks({ caseId, status: 'open' }),
    done: await store().listTasks({ caseId, status: 'completed' }),
    audit: await store().listAudit(caseId),
    documents: await store().listDocuments(caseId),
  });

  describe('cases: create and update', () => {
    test('Given a new case with tasks, documents and audit, Then all of it is stored as given', async () => {
      const c = caseRecord({ data: { empty: {}, form: { a: 1, nested: { list: [1, 'x', null] } } } });
      const t = task(c);
      const d = document(c, { taskId: t.id });
      await store().applyCaseChange(create(c, { openTasks: [t], documents: [d] }));

      const got = await store().getCase(c.id);
      expect(got).toEqual(c);
      expect(Buffer.isBuffer(got?.engineState)).toBe(true);
      expect(got?.engineState.equals(c.engineState)).toBe(true);
      expect(await store().getTask(t.id)).toEqual(t);
      expect(await store().getDocument(d.id)).toEqual(d);
      expect((await store().listAudit(c.id)).map((e) => e.type)).toEqual(['case.started']);
      expect(await store().getCase('nope')).toBeNull();
      expect(await store().getTask('nope')).toBeNull();
    });

    test('When a case id already exists, Then ConflictError and the second change writes nothing', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      const before = await snapshot(c.id);
      const again = create({ ...c, applicantName: 'Someone Else' }, { openTasks: [task(c)], documents: [document(c)] });
      await expectConflict(store().applyCaseChange(again));
      expect(await snapshot(c.id)).toEqual(before);
    });

    test('Given rev 1, When updated with expectedRev 1, Then rev 2 with the new state and data', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      const newState = Buffer.from('compressed state v2');
      await store().applyCaseChange(
        update(c, { engineState: newState, data: { f: { ok: true } }, updatedAt: at(5), status: 'failed' }), // failed: keeps its state
      );
      const got = (await store().getCase(c.id)) as CaseRecord;
      expect(got.rev).toBe(2);
      expect(got.engineState.equals(newState)).toBe(true);
      expect(got.data).toEqual({ f: { ok: true } });
      expect(got.status).toBe('failed');
      expect(got.createdAt).toBe(c.createdAt);
      expect(got.updatedAt).toBe(at(5));
    });

    test('Given form data with an undefined value, When a case is created and changed, Then the key is absent (never null)', async () => {
      const c = caseRecord({ data: { f: { nama: 'Budi', catatan: undefined } } });
      await store().applyCaseChange(create(c));
      expect(Object.keys(((await store().getCase(c.id))!.data as Record<string, object>).f!)).toEqual(['nama']);
      const changed = { f: { nama: 'Budi', nip: undefined }, g: undefined } as unknown as CaseRecord['data'];
      await store().applyCaseChange(update(c, { data: changed, updatedAt: at(3) }));
      const data = (await store().getCase(c.id))!.data as Record<string, object>;
      expect(Object.keys(data)).toEqual(['f']);
      expect(Object.keys(data.f!)).toEqual(['nama']);
    });

    test('When updated with a stale rev, Then ConflictError and nothing changes', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      await store().applyCaseChange(update(c, { updatedAt: at(2) }));
      const before = await snapshot(c.id);
      const stale = update(c, { status: 'failed', error: 'x' }, { openTasks: [task(c)], audit: [audit(c, 'case.failed')] });
      await expectConflict(store().applyCaseChange(stale));
      expect(await snapshot(c.id)).toEqual(before);
    });

    test('When the case does not exist, Then an update is a ConflictError', async () => {
      await expectConflict(store().applyCaseChange(update(caseRecord(), {})));
    });

    test('When case.rev is not expectedRev + 1, Then the change is refused', async () => {
      const c = caseRecord();
      await expect(store().applyCaseChange({ ...create(c), case: { ...c, rev: 5 } })).rejects.toThrow(/rev/);
      expect(await store().getCase(c.id)).toBeNull();
    });
  });

  describe('cases: completing tasks', () => {
    test('When an open task is completed with the change, Then it is completed and new tasks open', async () => {
      const c = caseRecord();
      const t1 = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t1] }));
      const t2 = task(c, { elementId: 'aktivasi', createdAt: at(3) });
      await store().applyCaseChange(
        update(c, {}, {
          completeTasks: [{ taskId: t1.id, completedBy: 'admin-1', completedAt: at(3) }],
          openTasks: [t2],
          audit: [audit(c, 'task.completed', { taskId: t1.id, actorId: 'admin-1', actorName: 'Admin' })],
        }),
      );
      expect(await store().getTask(t1.id)).toEqual({ ...t1, status: 'completed', completedBy: 'admin-1', completedAt: at(3), searchText: '' }); // search: open tasks only
      expect(await store().getTask(t2.id)).toEqual(t2);
    });

    test('When a task is written already closed (the sign-up step, created and completed in one change), Then it keeps no search text either', async () => {
      const c = caseRecord();
      const done = task(c, { status: 'completed', assigneeId: 'u-1', completedBy: 'u-1', completedAt: at(1), searchText: 'budi budi@x.go.id' });
      const open = task(c, { elementId: 'identitas', searchText: 'budi budi@x.go.id' });
      await store().applyCaseChange(create(c, { openTasks: [done, open] }));
      expect(await store().getTask(done.id)).toEqual({ ...done, searchText: '' });
      expect(await store().getTask(open.id)).toEqual(open);
    });

    test('When a task is cancelled by a change (status cancelled), Then it is stored as cancelled', async () => {
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      await store().applyCaseChange(
        update(c, {}, { completeTasks: [{ taskId: t.id, completedBy: null, completedAt: at(4), status: 'cancelled' }] }),
      );
      expect(await store().getTask(t.id)).toMatchObject({ status: 'cancelled', completedBy: null, completedAt: at(4) });
    });

    test('When an already completed task is completed again, Then ConflictError with nothing written', async () => {
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      const done = { taskId: t.id, completedBy: 'admin-1', completedAt: at(3) };
      await store().applyCaseChange(update(c, {}, { completeTasks: [done] }));
      const c2 = (await store().getCase(c.id)) as CaseRecord;
      const before = await snapshot(c.id);

      const again = update(c2, { data: { second: {} } }, {
        completeTasks: [{ ...done, completedBy: 'admin-2' }],
        openTasks: [task(c)],
        documents: [document(c)],
        audit: [audit(c, 'task.completed', { actorId: 'admin-2' })],
      });
      await expectConflict(store().applyCaseChange(again));
      expect(await snapshot(c.id)).toEqual(before);
      expect((await store().getTask(t.id))?.completedBy).toBe('admin-1');
    });

    test('When the task belongs to another case, Then ConflictError', async () => {
      const a = caseRecord();
      const b = caseRecord();
      const tb = task(b);
      await store().applyCaseChange(create(a));
      await store().applyCaseChange(create(b, { openTasks: [tb] }));
      await expectConflict(
        store().applyCaseChange(update(a, {}, { completeTasks: [{ taskId: tb.id, completedBy: null, completedAt: at(2) }] })),
      );
      expect((await store().getTask(tb.id))?.status).toBe('open');
      expect((await store().getCase(a.id))?.rev).toBe(1);
    });
  });

  describe('cases: users in a change, and rollback', () => {
    test('Given a sign-up change with a new user, Then user and case are created together', async () => {
      const u = user();
      const c = caseRecord({ applicantId: u.id });
      await store().applyCaseChange(create(c, { newUser: u }));
      expect(await store().getUser(u.id)).toEqual(u);
      expect(await store().getCase(c.id)).toEqual(c);
    });

    test('When the new user email is taken, Then ConflictError and the case is NOT created', async () => {
      await store().insertUser(user({ email: 'taken@example.go.id' }));
      const c = caseRecord();
      const change = create(c, { newUser: user({ email: 'Taken@example.go.id' }), openTasks: [task(c)], documents: [document(c)] });
      await expectConflict(store().applyCaseChange(change));
      expect(await snapshot(c.id)).toEqual({ case: null, tasks: [], done: [], audit: [], documents: [] });
      expect(await store().countUsers()).toBe(1);
    });

    test('When userStatus activates the applicant, Then the status changes with the case', async () => {
      const u = user({ status: 'registered' });
      await store().insertUser(u);
      const c = caseRecord({ applicantId: u.id });
      await store().applyCaseChange(create(c));
      await store().applyCaseChange(
        update(c, {}, { userStatus: { userId: u.id, status: 'active' }, audit: [audit(c, 'account.activated')] }),
      );
      expect((await store().getUser(u.id))?.status).toBe('active');
      expect((await store().getCase(c.id))?.rev).toBe(2);
    });

    test('When the last part of an update fails (duplicate audit id), Then nothing of it is written', async () => {
      const c = caseRecord();
      const t = task(c);
      const u = user({ status: 'registered' });
      await store().insertUser(u);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      const before = await snapshot(c.id);
      const existing = before.audit[0]!;

      const change = update(c, { data: { changed: {} } }, {
        userStatus: { userId: u.id, status: 'active' },
        completeTasks: [{ taskId: t.id, completedBy: 'admin-1', completedAt: at(3) }],
        openTasks: [task(c)],
        documents: [document(c)],
        audit: [audit(c, 'task.completed'), { ...existing }],
      });
      await expect(store().applyCaseChange(change)).rejects.toBeInstanceOf(ConflictError);
      expect(await snapshot(c.id)).toEqual(before);
      expect((await store().getUser(u.id))?.status).toBe('registered');
    });

    test('When userStatus names an unknown user, Then the change fails and nothing is written', async () => {
      const c = caseRecord();
      await expect(store().applyCaseChange(create(c, { userStatus: { userId: 'ghost', status: 'active' } }))).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().getCase(c.id)).toBeNull();
    });
  });
}
