// Store contract, part 8: drafts ("Simpan Draf", kept per task and user until the task closes) and
// audit events appended on their own (appendAudit).
import { describe, expect, test } from '@jest/globals';
import { MissingReferenceError, type DraftImportProblem } from '../../src/store/ports.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { randomUUID } from 'node:crypto';
import { at, audit, caseRecord, create, document, draft, task, update } from './fixtures.js';

export function draftsContract(store: GetStore): void {
  describe('drafts', () => {
    test('Given a saved draft, Then it comes back as saved; saving again replaces it', async () => {
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      const first = draft(t.id, 'ppbj-1', { values: { nama: 'Budi', empty: {}, list: [1, 'x', null], flag: false } });
      await store().saveDraft(first);
      expect(await store().getDraft(t.id, 'ppbj-1')).toEqual(first);

      const second = draft(t.id, 'ppbj-1', { values: { nama: 'Budi Santoso' }, updatedAt: at(9) });
      await store().saveDraft(second);
      expect(await store().getDraft(t.id, 'ppbj-1')).toEqual(second);
      expect(await store().getDraft(t.id, 'someone-else')).toBeNull();
      expect(await store().getDraft('no-such-task', 'ppbj-1')).toBeNull();
    });

    test('Drafts of one task are kept per user', async () => {
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      const a = draft(t.id, 'admin-a', { values: { catatan: 'a' } });
      const b = draft(t.id, 'admin-b', { values: { catatan: 'b' } });
      await Promise.all([store().saveDraft(a), store().saveDraft(b)]);
      expect(await store().getDraft(t.id, 'admin-a')).toEqual(a);
      expect(await store().getDraft(t.id, 'admin-b')).toEqual(b);
    });

    test('When applyCaseChange completes or cancels a task, Then its drafts go; other tasks keep theirs', async () => {
      const c = caseRecord();
      const [done, cancelled, open] = [task(c), task(c), task(c)];
      await store().applyCaseChange(create(c, { openTasks: [done, cancelled, open] }));
      for (const t of [done, cancelled, open]) {
        await store().saveDraft(draft(t.id, 'u1'));
        await store().saveDraft(draft(t.id, 'u2'));
      }
      await store().applyCaseChange(
        update(c, {}, {
          completeTasks: [
            { taskId: done.id, completedBy: 'u1', completedAt: at(3) },
            { taskId: cancelled.id, completedBy: null, completedAt: at(3), status: 'cancelled' },
          ],
        }),
      );
      for (const t of [done, cancelled]) {
        expect(await store().getDraft(t.id, 'u1')).toBeNull();
        expect(await store().getDraft(t.id, 'u2')).toBeNull();
      }
      expect(await store().getDraft(open.id, 'u1')).toEqual(draft(open.id, 'u1'));
      expect(await store().getDraft(open.id, 'u2')).toEqual(draft(open.id, 'u2'));
    });

    test('When the completing change conflicts, Then the draft is kept', async () => {
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      await store().applyCaseChange(update(c, { updatedAt: at(2) }));
      await store().saveDraft(draft(t.id, 'u1'));
      const stale = update(c, {}, { completeTasks: [{ taskId: t.id, completedBy: 'u1', completedAt: at(3) }] });
      await expectConflict(store().applyCaseChange(stale));
      expect(await store().getDraft(t.id, 'u1')).toEqual(draft(t.id, 'u1'));
      expect((await store().getTask(t.id))?.status).toBe('open');
    });
  });

  describe('appendAudit', () => {
    test('Events are appended to their cases and listed in the usual order', async () => {
      const c = caseRecord();
      const other = caseRecord();
      await store().applyCaseChange(create(c));
      await store().applyCaseChange(create(other));
      const [started] = await store().listAudit(c.id);
      const e1 = audit(c, 'data.exported', { at: at(5), actorId: 'ppbj-1', actorName: 'Budi', data: { format: 'json' } });
      const e2 = audit(other, 'data.exported', { at: at(5) });
      const e3 = audit(c, 'task.reassigned', { at: at(5), taskId: 't-1', data: { reason: 'cuti' } });
      await store().appendAudit([e1, e2, e3]);
      await store().appendAudit([]);
      expect(await store().listAudit(c.id)).toEqual([started, e1, e3]);
      expect((await store().listAudit(other.id)).at(-1)).toEqual(e2);
      expect((await store().getCase(c.id))?.rev).toBe(1); // nothing else changes
    });

    test('When an event names a case that does not exist, Then the batch is refused and none of it is written', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      const before = await store().listAudit(c.id);
      await expect(store().appendAudit([audit(c, 'data.exported'), audit('case-that-never-was', 'data.exported')])).rejects.toBeInstanceOf(MissingReferenceError);
      expect(await store().listAudit(c.id)).toEqual(before);
      expect(await store().listAudit('case-that-never-was')).toEqual([]);
    });

    test('When a draft names a task that does not exist, Then it is refused', async () => {
      await expect(store().saveDraft(draft('task-that-never-was', 'ppbj-1'))).rejects.toBeInstanceOf(MissingReferenceError);
      expect(await store().getDraft('task-that-never-was', 'ppbj-1')).toBeNull();
    });

    test('When one event of a batch has an existing id, Then ConflictError and none of the batch is written', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      const before = await store().listAudit(c.id);
      await expectConflict(store().appendAudit([audit(c, 'data.exported'), { ...before[0]! }]));
      expect(await store().listAudit(c.id)).toEqual(before);
    });
  });
  describe('process drafts (the modeler\'s "Simpan Draf")', () => {
    const processDraft = (processKey: string, xml: string, savedAt = at(1), savedBy: string | null = 'owner-1') => ({ processKey, xml, savedAt, savedBy });

    test('Given a saved process draft, Then it comes back; saving again replaces it; other processes have none', async () => {
      const key = `proses-${Math.random().toString(36).slice(2)}`;
      expect(await store().getProcessDraft(key)).toBeNull();
      await store().saveProcessDraft(processDraft(key, '<bpmn:definitions a="1"/>'));
      expect(await store().getProcessDraft(key)).toEqual(processDraft(key, '<bpmn:definitions a="1"/>'));
      await store().saveProcessDraft(processDraft(key, '<bpmn:definitions a="2"/>', at(5), null));
      expect(await store().getProcessDraft(key)).toEqual(processDraft(key, '<bpmn:definitions a="2"/>', at(5), null));
      expect(await store().getProcessDraft(`${key}-lain`)).toBeNull();
    });

    test('When two first saves of one process run at once, Then one draft is kept, and deleting it leaves none', async () => {
      const key = `proses-${Math.random().toString(36).slice(2)}`;
      await Promise.all([store().saveProcessDraft(processDraft(key, '<a/>')), store().saveProcessDraft(processDraft(key, '<b/>'))]);
      expect(['<a/>', '<b/>']).toContain((await store().getProcessDraft(key))!.xml);
      await store().deleteProcessDraft(key);
      expect(await store().getProcessDraft(key)).toBeNull();
      await store().deleteProcessDraft(key); // deleting what is not there is fine
    });

    test('When two owners create the first draft of one new process at once, Then exactly one is created and the other is refused, never overwriting it', async () => {
      const key = `proses-${Math.random().toString(36).slice(2)}`;
      const results = await Promise.all([store().createProcessDraft(processDraft(key, '<a/>')), store().createProcessDraft(processDraft(key, '<b/>'))]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store().getProcessDraft(key))!.xml).toBe(results[0] ? '<a/>' : '<b/>');
      expect(await store().createProcessDraft(processDraft(key, '<c/>'))).toBe(false);
      expect((await store().getProcessDraft(key))!.xml).toBe(results[0] ? '<a/>' : '<b/>');
    });

    const problem = (id: string, extra: Partial<DraftImportProblem> = {}): DraftImportProblem => ({
      id, code: 'decision-branch-unlabelled', severity: 'warning', row: 4, step: 'Memutuskan perbaikan', elementId: `Flow_${id}`, ...extra,
    });

    test('Given an imported draft with its problems, When the modeler saves it, Then the problems stay; dismissed ones go, in any order and at once', async () => {
      const key = `proses-${Math.random().toString(36).slice(2)}`;
      const problems = [problem('p1'), problem('p2', { row: null, step: '', elementId: null, code: 'no-end' }), problem('p3', { args: { waktu: 'Setiap Saat' } }), problem('p4')];
      expect(await store().createProcessDraft({ ...processDraft(key, '<a/>'), importProblems: problems })).toBe(true);
      expect(await store().getProcessDraft(key)).toEqual({ ...processDraft(key, '<a/>'), importProblems: problems });

      await store().saveProcessDraft({ ...processDraft(key, '<b/>', at(2)), importProblems: [] }); // the modeler's save never touches them
      expect(await store().getProcessDraft(key)).toEqual({ ...processDraft(key, '<b/>', at(2)), importProblems: problems });

      await Promise.all([store().dismissProcessDraftProblems(key, ['p3']), store().dismissProcessDraftProblems(key, ['p1', 'unknown'])]);
      expect((await store().getProcessDraft(key))!.importProblems).toEqual([problems[1], problems[3]]);
      await store().dismissProcessDraftProblems(key, ['p2', 'p4']);
      expect(await store().getProcessDraft(key)).toEqual(processDraft(key, '<b/>', at(2))); // none left: absent
      await store().dismissProcessDraftProblems(`${key}-lain`, ['p1']); // no such draft: nothing happens
      await store().dismissProcessDraftProblems(key, []);
    });

    test('Given a draft made by the modeler or SOP baru, Then it has no import problems, and a discarded import takes its problems with it', async () => {
      const key = `proses-${Math.random().toString(36).slice(2)}`;
      await store().saveProcessDraft({ ...processDraft(key, '<a/>'), importProblems: [problem('p1')] });
      expect(await store().getProcessDraft(key)).toEqual(processDraft(key, '<a/>'));
      await store().deleteProcessDraft(key);
      expect(await store().createProcessDraft({ ...processDraft(key, '<b/>'), importProblems: [problem('p1')] })).toBe(true);
      await store().deleteProcessDraft(key);
      expect(await store().createProcessDraft(processDraft(key, '<c/>'))).toBe(true);
      expect(await store().getProcessDraft(key)).toEqual(processDraft(key, '<c/>'));
    });
  });
  describe('uploads still referenced (the upload sweeper asks)', () => {
    test('Given files named by a document, a draft\'s staged files and a session, Then each is referenced; an unknown one is not', async () => {
      const [asDocument, inDraft, inSession, orphan] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t], documents: [document(c, { storedName: asDocument })] }));
      await store().saveDraft(draft(t.id, 'ppbj-1', { values: { nama: 'Budi', _staged: [{ field: 'skFile', storedName: inDraft }] } }));
      await store().setSession({ sid: `sid-${inSession}`, data: JSON.stringify({ staged: { [t.id]: [{ storedName: inSession }] } }), expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      for (const name of [asDocument, inDraft, inSession]) expect(await store().isUploadReferenced(name)).toBe(true);
      expect(await store().isUploadReferenced(orphan)).toBe(false);
    });

    test('Given staged files, When the draft and the session change or go, Then their files are no longer referenced', async () => {
      const [first, second, inSession] = [randomUUID(), randomUUID(), randomUUID()];
      const c = caseRecord();
      const t = task(c);
      await store().applyCaseChange(create(c, { openTasks: [t] }));
      await store().saveDraft(draft(t.id, 'ppbj-1', { values: { _staged: [{ field: 'a', storedName: first }] } }));
      await store().saveDraft(draft(t.id, 'ppbj-1', { values: { _staged: [{ field: 'a', storedName: second }] } }));
      expect(await store().isUploadReferenced(first)).toBe(false);
      expect(await store().isUploadReferenced(second)).toBe(true);
      const session = { sid: `sid-${inSession}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
      await store().setSession({ ...session, data: JSON.stringify({ staged: { [t.id]: [{ storedName: inSession }] } }) });
      expect(await store().isUploadReferenced(inSession)).toBe(true);
      await store().setSession({ ...session, data: JSON.stringify({ staged: {} }) });
      expect(await store().isUploadReferenced(inSession)).toBe(false);
      await store().setSession({ ...session, data: JSON.stringify({ staged: { [t.id]: [{ storedName: inSession }] } }) });
      await store().destroySession(session.sid);
      expect(await store().isUploadReferenced(inSession)).toBe(false);
      await store().applyCaseChange(update(c, { updatedAt: at(9) }, { completeTasks: [{ taskId: t.id, completedAt: at(9), completedBy: 'ppbj-1' }] }));
      expect(await store().isUploadReferenced(second)).toBe(false); // the draft went with its task
    });
  });
}
