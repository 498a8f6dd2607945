// Drafts of the MongoDB store ("Simpan Draf"): one per (task, user), replaced on every save and
// deleted by applyCaseChange (case-change.ts) when their task is completed or cancelled; and the
// modeler's draft of a process, one per process key.
import type { DraftImportProblem, DraftRecord, ProcessDraftRecord, Store } from '../ports.js';
import { isDuplicateKey } from './mapping.js';
import type { Models } from './models.js';
import { assertTaskExists } from './integrity.js';

/** Runs an upsert; two first saves at once: one inserts, the other hits the unique index, and is an update on its retry. */
async function upsertOnce(upsert: () => Promise<unknown>): Promise<void> {
  try {
    await upsert();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await upsert();
  }
}

/** A stored problem as the port gives it (no _id or other field a driver may add). */
const problemOf = (p: DraftImportProblem): DraftImportProblem => ({
  id: p.id, code: p.code, severity: p.severity, row: p.row ?? null, step: p.step, elementId: p.elementId ?? null, ...(p.args ? { args: { ...p.args } } : {}),
});

type DraftPorts = 'saveDraft' | 'getDraft' | 'saveProcessDraft' | 'createProcessDraft' | 'getProcessDraft' | 'deleteProcessDraft' | 'dismissProcessDraftProblems';

export function createDrafts(m: Models): Pick<Store, DraftPorts> {
  return {
    async saveDraft({ taskId, userId, values, updatedAt }) {
      await assertTaskExists(m, taskId); // as SQLite's foreign key (tasks are never deleted)
      await upsertOnce(() => m.Draft.updateOne({ taskId, userId }, { $set: { values, updatedAt } }, { upsert: true }));
    },
    async getDraft(taskId, userId) {
      const doc = await m.Draft.findOne({ taskId, userId }).lean();
      return doc ? { taskId: doc.taskId, userId: doc.userId, values: doc.values, updatedAt: doc.updatedAt } satisfies DraftRecord : null;
    },
    async saveProcessDraft({ processKey, xml, savedAt, savedBy }) {
      await upsertOnce(() => m.ProcessDraft.updateOne({ processKey }, { $set: { xml, savedAt, savedBy } }, { upsert: true }));
    },
    async createProcessDraft({ processKey, xml, savedAt, savedBy, importProblems }) {
      const problems = importProblems?.length ? { importProblems } : {};
      try {
        const r = await m.ProcessDraft.updateOne({ processKey }, { $setOnInsert: { xml, savedAt, savedBy, ...problems } }, { upsert: true });
        return r.upsertedCount === 1;
      } catch (err) {
        if (isDuplicateKey(err)) return false; // another first save of the same key won the unique index
        throw err;
      }
    },
    async getProcessDraft(processKey) {
      const doc = await m.ProcessDraft.findOne({ processKey }).lean();
      if (!doc) return null;
      const draft: ProcessDraftRecord = { processKey: doc.processKey, xml: doc.xml, savedAt: doc.savedAt, savedBy: doc.savedBy ?? null };
      return doc.importProblems?.length ? { ...draft, importProblems: doc.importProblems.map(problemOf) } : draft;
    },
    async deleteProcessDraft(processKey) {
      await m.ProcessDraft.deleteOne({ processKey });
    },
    async dismissProcessDraftProblems(processKey, ids) {
      if (ids.length === 0) return;
      // one update: $pull removes the matching elements atomically, whatever else runs
      await m.ProcessDraft.updateOne({ processKey }, { $pull: { importProblems: { id: { $in: [...ids] } } } });
    },
  };
}
