// Store contract, part 5: audit trail order, documents, and an applicant's cases.
import { describe, expect, test } from '@jest/globals';
import type { CaseRecord } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, document, task, update } from './fixtures.js';

export function historyContract(store: GetStore): void {
  describe('audit trail', () => {
    test('Events come back oldest first: by time, and in the given order within one change', async () => {
      const c = caseRecord();
      const started = audit(c, 'case.started', { at: at(1), data: { via: 'web', n: [1, 2] } });
      const created = audit(c, 'task.created', { at: at(1), taskId: 'task-x' });
      await store().applyCaseChange({ ...create(c), audit: [started, created] });
      // written later but happened earlier (e.g. a clock-skewed second process)
      const late = audit(c, 'document.uploaded', { at: at(0), actorId: 'ppbj-1', actorName: 'Budi' });
      const last = audit(c, 'case.completed', { at: at(9) });
      await store().applyCaseChange(update(c, {}, { audit: [last, late] }));

      expect(await store().listAudit(c.id)).toEqual([late, started, created, last]);
      expect(await store().listAudit('other-case')).toEqual([]);
    });

    test('Given events of one case in the same millisecond, written by separate changes, Then listed in the order written, whatever the ids', async () => {
      const c = caseRecord();
      const first = audit(c, 'case.started', { id: 'audit-zz-written-first', at: at(2) });
      const second = audit(c, 'data.exported', { id: 'audit-mm-written-second', at: at(2) });
      const third = audit(c, 'task.created', { id: 'audit-aa-written-third', at: at(2) });
      await store().applyCaseChange(create(c, { audit: [first] }));
      await store().appendAudit([second]); // outside a case change
      await store().applyCaseChange(update(c, {}, { audit: [third] }));

      expect((await store().listAudit(c.id)).map((e) => e.id)).toEqual([first.id, second.id, third.id]);
      const report = await store().listAuditOfCases([c.id], ['case.started', 'data.exported', 'task.created']);
      expect(report.map((e) => e.id)).toEqual([first.id, second.id, third.id]);
    });

    test('A single change may write many events; all are kept', async () => {
      const c = caseRecord();
      const many = Array.from({ length: 20 }, (_, i) => audit(c, 'task.created', { at: at(1), data: { i } }));
      await store().applyCaseChange({ ...create(c), audit: many });
      expect((await store().listAudit(c.id)).map((e) => e.data.i)).toEqual(many.map((_, i) => i));
    });
  });

  describe('documents', () => {
    test('Documents are listed per case, oldest first, and fetched by id', async () => {
      const c = caseRecord();
      const other = caseRecord();
      const d1 = document(c, { createdAt: at(2), taskId: 'task-1', size: 0 });
      const d2 = document(c, { createdAt: at(1), mime: 'image/png', originalName: 'foto.png' });
      const d3 = document(c, { createdAt: at(3) });
      await store().applyCaseChange(create(c, { documents: [d1, d2] }));
      await store().applyCaseChange(create(other, { documents: [document(other)] }));
      await store().applyCaseChange(update(c, {}, { documents: [d3] }));

      expect(await store().listDocuments(c.id)).toEqual([d2, d1, d3]);
      expect(await store().getDocument(d1.id)).toEqual(d1);
      expect(await store().getDocument('missing')).toBeNull();
      expect(await store().listDocuments('missing')).toEqual([]);
    });
  });

  describe('documents of the same millisecond', () => {
    test('Given two versions of one field uploaded in the same millisecond by separate changes, Then the one written last is listed last (the current one), whatever the ids', async () => {
      const c = caseRecord();
      const first = document(c, { id: 'doc-zz-written-first', createdAt: at(4) });
      const second = document(c, { id: 'doc-aa-written-second', createdAt: at(4) });
      const other = caseRecord();
      await store().applyCaseChange(create(c, { documents: [first] }));
      await store().applyCaseChange(create(other, { documents: [document(other, { createdAt: at(4) })] }));
      await store().applyCaseChange(update(c, {}, { documents: [second] }));
      expect((await store().listDocuments(c.id)).map((d) => d.id)).toEqual([first.id, second.id]);
    });
  });

  describe('submitted values the case holds too', () => {
    test('Given a step submitted, returned and submitted again, and its form data then removed, Then every entry lists the values submitted then', async () => {
      const c = caseRecord({ data: { awal: { x: 1 } } });
      const [t1, t2, t3] = [task(c, { formKey: 'identitas' }), task(c, { formKey: 'identitas' }), task(c, { formKey: 'lain' })];
      const first = { nama: 'Budi', nip: '1988', sistem: ['SPSE'] };
      const again = { nama: 'Budi Santoso', nip: '1988', sistem: [] };
      const e1 = audit(c, 'task.completed', { at: at(1), taskId: t1.id, data: { step: t1.name, fields: first, note: 'n' } });
      await store().applyCaseChange(create({ ...c, data: { ...c.data, identitas: first } }, { openTasks: [t1, t2, t3], audit: [e1] }));
      let rev = 1;
      const next = async (data: CaseRecord['data'], events: ReturnType<typeof audit>[]) => {
        await store().applyCaseChange(update({ ...c, rev }, { data }, { audit: events }));
        rev++;
      };
      const e2 = audit(c, 'task.completed', { at: at(2), taskId: t2.id, data: { step: t2.name, fields: again } });
      await next({ awal: { x: 1 }, identitas: again }, [e2]);
      // a step whose fields are not the case's (another form), and a change without entries that replaces the data twice
      const e3 = audit(c, 'task.completed', { at: at(3), taskId: t3.id, data: { step: t3.name, fields: { lain: true } } });
      await next({ awal: { x: 1 }, identitas: again, lain: { lain: false } }, [e3]);
      await next({ identitas: { nama: 'diubah' } }, []);
      await next({}, []);
      expect(await store().listAudit(c.id)).toEqual([e1, e2, e3]);
      expect(await store().listAuditOfCases([c.id], ['task.completed'])).toEqual([e1, e2, e3]);
    });
  });

  describe('an ended case', () => {
    test('Given running cases with an engine state, When one completes, one is withdrawn, one closed and one fails, Then only the failed one keeps its state', async () => {
      const state = Buffer.from('engine state v1');
      const cases = ['completed', 'withdrawn', 'closed', 'failed', 'running'].map((status) => ({ status, c: caseRecord({ engineState: state }) }));
      for (const { c } of cases) await store().applyCaseChange(create(c));
      for (const { c, status } of cases) await store().applyCaseChange(update(c, { status: status as CaseRecord['status'], engineState: Buffer.from(`${status} state`) }));
      const kept = await Promise.all(cases.map(async ({ c }) => (await store().getCase(c.id))!.engineState.toString()));
      expect(kept).toEqual(['', '', '', 'failed state', 'running state']);
      const created = caseRecord({ status: 'completed', engineState: state }); // one that ends in its first change
      await store().applyCaseChange(create(created));
      expect((await store().getCase(created.id))!.engineState.length).toBe(0);
    });
  });

  describe('listCasesByApplicant', () => {
    test("Returns only that applicant's cases, newest first, with the latest rev", async () => {
      const mk = (applicantId: string, minute: number) => caseRecord({ applicantId, createdAt: at(minute), updatedAt: at(minute) });
      const old = mk('ppbj-1', 1);
      const mid = mk('ppbj-1', 5);
      const recent = mk('ppbj-1', 9);
      for (const c of [mid, old, mk('ppbj-2', 7), recent]) await store().applyCaseChange(create(c));
      await store().applyCaseChange(update(old, { status: 'completed', updatedAt: at(20) }));

      const got = await store().listCasesByApplicant('ppbj-1');
      expect(got.map((c) => c.id)).toEqual([recent.id, mid.id, old.id]);
      const updated = got[2] as CaseRecord;
      expect(updated).toEqual({ ...old, status: 'completed', updatedAt: at(20), rev: 2, engineState: Buffer.alloc(0) }); // ended: no engine state
      expect(Buffer.isBuffer(updated.engineState)).toBe(true);
      expect(await store().listCasesByApplicant('nobody')).toEqual([]);
      expect((await store().listCasesByApplicant('ppbj-1', 2)).map((c) => c.id)).toEqual([recent.id, mid.id]);
      expect(await store().listCasesByApplicant('ppbj-1', 0)).toEqual([]);
      await expect(store().listCasesByApplicant('ppbj-1', -1)).rejects.toThrow(RangeError);
    });

    test('Given two cases created in the same millisecond, Then the latest is the one written last, whatever the ids', async () => {
      const first = caseRecord({ id: 'case-zz-written-first', applicantId: 'ppbj-9', createdAt: at(3) });
      const second = caseRecord({ id: 'case-aa-written-second', applicantId: 'ppbj-9', createdAt: at(3) });
      for (const x of [first, second]) await store().applyCaseChange(create(x));
      expect((await store().listCasesByApplicant('ppbj-9')).map((x) => x.id)).toEqual([second.id, first.id]);
      const report = await store().listCaseSummaries({ createdBefore: at(4), activeFrom: at(0) });
      expect(report.map((x) => x.id).filter((id) => id.startsWith('case-'))).toEqual([first.id, second.id]);
    });
  });

  describe('listCasesByStatus', () => {
    test('Returns the cases in that status, last updated first, up to the limit', async () => {
      const mk = (minute: number, status: CaseRecord['status']) => caseRecord({ status, createdAt: at(minute), updatedAt: at(minute) });
      const [a, b, c] = [mk(1, 'failed'), mk(2, 'running'), mk(3, 'failed')];
      for (const x of [a, b, c]) await store().applyCaseChange(create(x));
      expect((await store().listCasesByStatus('failed')).map((x) => x.id)).toEqual([c.id, a.id]);
      expect((await store().listCasesByStatus('failed', 1)).map((x) => x.id)).toEqual([c.id]);
      expect((await store().listCasesByStatus('completed')).map((x) => x.id)).toEqual([]);
    });

    test('Given two cases changed in the same millisecond, Then the later written is listed first (insertion order, not id order)', async () => {
      const first = caseRecord({ id: 'case-zz-written-first', status: 'failed', updatedAt: at(7) });
      const second = caseRecord({ id: 'case-aa-written-second', status: 'failed', updatedAt: at(7) });
      for (const x of [first, second]) await store().applyCaseChange(create(x));
      expect((await store().listCasesByStatus('failed')).map((x) => x.id)).toEqual([second.id, first.id]);
    });

    test('Given failed cases, When the limit is 0, Then none; When it is not an integer >= 0, Then RangeError', async () => {
      await store().applyCaseChange(create(caseRecord({ status: 'failed' })));
      expect(await store().listCasesByStatus('failed', 0)).toEqual([]);
      await expect(store().listCasesByStatus('failed', -1)).rejects.toThrow(RangeError);
      await expect(store().listCasesByStatus('failed', 1.5)).rejects.toThrow(RangeError);
    });
  });
}
