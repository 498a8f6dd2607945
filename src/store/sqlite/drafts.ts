// Drafts of the SQLite store ("Simpan Draf"): one per (task, user), replaced on every save and
// deleted by applyCaseChange (case-change.ts) when their task is completed or cancelled.
import type { DraftRecord } from '../ports.js';
import type { Database } from './database.js';
import { draftFromRow, draftToRow, type DraftRow } from './rows.js';
import { cols, insert } from './statements.js';

const DRAFT = ['taskId', 'userId', 'values', 'updatedAt'];

export type DraftStatements = ReturnType<typeof prepareDrafts>;

export function prepareDrafts(db: Database) {
  return {
    upsert: db.prepare<DraftRow>(
      `${insert('drafts', DRAFT)} ON CONFLICT (taskId, userId) DO UPDATE SET "values" = excluded."values", updatedAt = excluded.updatedAt`,
    ),
    get: db.prepare<[string, string], DraftRow>(`SELECT ${cols(DRAFT)} FROM drafts WHERE taskId = ? AND userId = ?`),
    deleteForTask: db.prepare<[string]>('DELETE FROM drafts WHERE taskId = ?'),
  };
}

export function createDrafts(st: DraftStatements) {
  return {
    saveDraft(draft: DraftRecord): void {
      st.upsert.run(draftToRow(draft));
    },
    getDraft(taskId: string, userId: string): DraftRecord | null {
      const row = st.get.get(taskId, userId);
      return row ? draftFromRow(row) : null;
    },
  };
}
