// Drafts of the SQLite store ("Simpan Draf"): one per (task, user), replaced on every save and
// deleted by applyCaseChange (case-change.ts) when their task is completed or cancelled; and the
// modeler's draft of a process, one per process key.
import type { DraftRecord, ProcessDraftRecord } from '../ports.js';
import type { Database } from './database.js';
import { draftFromRow, draftToRow, type DraftRow } from './rows.js';
import { cols, insert } from './statements.js';

const DRAFT = ['taskId', 'userId', 'values', 'updatedAt'];
const PROCESS_DRAFT = ['processKey', 'xml', 'savedAt', 'savedBy'];

export type DraftStatements = ReturnType<typeof prepareDrafts>;

export function prepareDrafts(db: Database) {
  return {
    upsert: db.prepare<DraftRow>(
      `${insert('drafts', DRAFT)} ON CONFLICT (taskId, userId) DO UPDATE SET "values" = excluded."values", updatedAt = excluded.updatedAt`,
    ),
    get: db.prepare<[string, string], DraftRow>(`SELECT ${cols(DRAFT)} FROM drafts WHERE taskId = ? AND userId = ?`),
    deleteForTask: db.prepare<[string]>('DELETE FROM drafts WHERE taskId = ?'),
    upsertProcess: db.prepare<ProcessDraftRecord>(
      `${insert('process_drafts', PROCESS_DRAFT)} ON CONFLICT (processKey) DO UPDATE SET xml = excluded.xml, savedAt = excluded.savedAt, savedBy = excluded.savedBy`,
    ),
    insertProcess: db.prepare<ProcessDraftRecord>(`${insert('process_drafts', PROCESS_DRAFT)} ON CONFLICT (processKey) DO NOTHING`),
    getProcess: db.prepare<[string], ProcessDraftRecord>(`SELECT ${cols(PROCESS_DRAFT)} FROM process_drafts WHERE processKey = ?`),
    deleteProcess: db.prepare<[string]>('DELETE FROM process_drafts WHERE processKey = ?'),
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
    saveProcessDraft(draft: ProcessDraftRecord): void {
      st.upsertProcess.run(draft);
    },
    createProcessDraft(draft: ProcessDraftRecord): boolean {
      return st.insertProcess.run(draft).changes === 1;
    },
    getProcessDraft(processKey: string): ProcessDraftRecord | null {
      return st.getProcess.get(processKey) ?? null;
    },
    deleteProcessDraft(processKey: string): void {
      st.deleteProcess.run(processKey);
    },
  };
}
