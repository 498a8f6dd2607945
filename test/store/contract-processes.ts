// Store contract: the process catalogue (listProcessSummaries): every process with a deployed
// version or only a studio draft, its latest version without the XML, and per process the running
// cases and the overdue open tasks of those cases.
import { describe, expect, test } from '@jest/globals';
import type { GetStore } from './contract-helpers.js';
import { at, caseRecord, create, definition, task, update } from './fixtures.js';

export function processesContract(store: GetStore): void {
  describe('process catalogue', () => {
    test('Given two deployed processes and a draft-only one, Then each is listed by key with its latest version and its own counts', async () => {
      const s = store();
      await s.insertDefinition(definition({ processKey: 'ppbj', version: 1, name: 'PPBJ v1' }));
      await s.insertDefinition(definition({ processKey: 'ppbj', version: 2, name: 'PPBJ v2', xml: '<big/>', comment: 'kedua' }));
      await s.insertDefinition(definition({ processKey: 'cuti', version: 1, name: 'Cuti' }));
      await s.saveProcessDraft({ processKey: 'surat-masuk', xml: '<x/>', savedAt: at(3), savedBy: 'owner-1' });
      await s.saveProcessDraft({ processKey: 'ppbj', xml: '<x/>', savedAt: at(4), savedBy: null });

      // ppbj: two running cases (one with an overdue and a not-yet-due open task, one completed task
      // overdue by its time), one completed case with an open overdue task that no longer counts
      const a = caseRecord({ processKey: 'ppbj' });
      const b = caseRecord({ processKey: 'ppbj' });
      const done = caseRecord({ processKey: 'ppbj' });
      const cuti = caseRecord({ processKey: 'cuti' });
      await s.applyCaseChange(create(a, { openTasks: [task(a, { dueAt: at(5) }), task(a, { dueAt: at(50) })] }));
      const finished = task(b, { dueAt: at(5) });
      await s.applyCaseChange(create(b, { openTasks: [finished] }));
      await s.applyCaseChange(update({ ...b, rev: 1 }, {}, { completeTasks: [{ taskId: finished.id, completedBy: null, completedAt: at(6) }] }));
      await s.applyCaseChange(create(done, { openTasks: [task(done, { dueAt: at(5) })] }));
      await s.applyCaseChange(update({ ...done, rev: 1 }, { status: 'completed' }));
      await s.applyCaseChange(create(cuti, { openTasks: [task(cuti, { dueAt: at(1) }), task(cuti, { dueAt: at(2) })] }));

      const list = await s.listProcessSummaries(at(10));

      expect(list.map((p) => p.processKey)).toEqual(['cuti', 'ppbj', 'surat-masuk']);
      const [c, p, draftOnly] = list;
      expect(p!.latest).toMatchObject({ processKey: 'ppbj', version: 2, name: 'PPBJ v2', comment: 'kedua' });
      expect(p!.latest).not.toHaveProperty('xml');
      expect(p).toMatchObject({ draftSavedAt: at(4), runningCases: 2, overdueTasks: 1 });
      expect(c).toMatchObject({ latest: { version: 1, name: 'Cuti' }, draftSavedAt: null, runningCases: 1, overdueTasks: 2 });
      expect(draftOnly).toEqual({ processKey: 'surat-masuk', latest: null, draftSavedAt: at(3), runningCases: 0, overdueTasks: 0 });
    });

    test('Given two processes whose steps share an element id, Then the open tasks of one step are counted and listed per process, in due order', async () => {
      const s = store();
      const mine = caseRecord({ processKey: 'cuti' });
      const other = caseRecord({ processKey: 'ppbj' });
      const [late, soon, later] = [task(mine, { elementId: 'periksa', dueAt: at(5) }), task(mine, { elementId: 'periksa', dueAt: at(20) }), task(mine, { elementId: 'periksa', dueAt: at(30) })];
      const done = task(mine, { elementId: 'periksa', dueAt: at(1) });
      await s.applyCaseChange(create(mine, { openTasks: [later, late, soon, done, task(mine, { elementId: 'lain', dueAt: at(1) })] }));
      await s.applyCaseChange(update({ ...mine, rev: 1 }, {}, { completeTasks: [{ taskId: done.id, completedBy: null, completedAt: at(2) }] }));
      await s.applyCaseChange(create(other, { openTasks: [task(other, { elementId: 'periksa', dueAt: at(3) })] }));

      expect(await s.countStepTasks({ processKey: 'cuti', elementId: 'periksa' })).toBe(3);
      expect(await s.countStepTasks({ processKey: 'cuti', elementId: 'periksa', dueBefore: at(10) })).toBe(1);
      expect(await s.countStepTasks({ processKey: 'ppbj', elementId: 'periksa' })).toBe(1);
      expect(await s.countStepTasks({ processKey: 'tidak-ada', elementId: 'periksa' })).toBe(0);
      expect((await s.listStepTasks({ processKey: 'cuti', elementId: 'periksa' })).map((t) => t.id)).toEqual([late.id, soon.id, later.id]);
      expect(await s.listStepTasks({ processKey: 'cuti', elementId: 'periksa', dueBefore: at(10) })).toEqual([late]);
      expect((await s.listStepTasks({ processKey: 'cuti', elementId: 'periksa', limit: 2 })).map((t) => t.id)).toEqual([late.id, soon.id]);
    });

    test('Given versions of two processes and a draft-only one, Then listLatestDefinitions gives each deployed process\'s latest version, without XML or counts', async () => {
      const s = store();
      await s.insertDefinition(definition({ processKey: 'ppbj', version: 1, name: 'PPBJ v1' }));
      await s.insertDefinition(definition({ processKey: 'ppbj', version: 2, name: 'PPBJ v2' }));
      await s.insertDefinition(definition({ processKey: 'cuti', version: 1, name: 'Cuti' }));
      await s.saveProcessDraft({ processKey: 'surat-masuk', xml: '<x/>', savedAt: at(1), savedBy: null });
      const latest = await s.listLatestDefinitions();
      expect(latest.map((d) => [d.processKey, d.version, d.name])).toEqual([['cuti', 1, 'Cuti'], ['ppbj', 2, 'PPBJ v2']]);
      expect(latest[0]).not.toHaveProperty('xml');
      expect((await s.listLatestDefinitions(1)).map((d) => d.processKey)).toEqual(['cuti']);
    });

    test('Given an empty store, Then the catalogue is empty; a limit bounds it', async () => {
      expect(await store().listProcessSummaries(at(0))).toEqual([]);
      for (const key of ['a', 'b', 'c']) await store().insertDefinition(definition({ processKey: key }));
      expect((await store().listProcessSummaries(at(0), 2)).map((p) => p.processKey)).toEqual(['a', 'b']);
    });
  });
}
