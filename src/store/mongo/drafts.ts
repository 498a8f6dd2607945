// Drafts of the MongoDB store ("Simpan Draf"): one per (task, user), replaced on every save and
// deleted by applyCaseChange (case-change.ts) when their task is completed or cancelled.
import type { DraftRecord, Store } from '../ports.js';
import { isDuplicateKey } from './mapping.js';
import type { Models } from './models.js';

export function createDrafts(m: Models): Pick<Store, 'saveDraft' | 'getDraft'> {
  return {
    async saveDraft({ taskId, userId, values, updatedAt }) {
      const upsert = () => m.Draft.updateOne({ taskId, userId }, { $set: { values, updatedAt } }, { upsert: true });
      try {
        await upsert();
      } catch (err) {
        // two first saves at once: one inserts, the other hits the unique index; it is an update now
        if (!isDuplicateKey(err)) throw err;
        await upsert();
      }
    },
    async getDraft(taskId, userId) {
      const doc = await m.Draft.findOne({ taskId, userId }).lean();
      return doc ? { taskId: doc.taskId, userId: doc.userId, values: doc.values, updatedAt: doc.updatedAt } satisfies DraftRecord : null;
    },
  };
}
