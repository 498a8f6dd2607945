// Drafts of the SQLite store ("Simpan Draf"): one per (task, user), replaced on every save and
// deleted by applyCaseChange (case-change.ts) when their task is completed or cancelled; and the
// modeler's draft of a process, one per process key, with the problems of an imported SOP (JSON).
import type { DraftImportProblem, DraftRecord, ProcessDraftRecord } from '../ports.js';
import type { Database } from './database.js';
import { draftFromRow, draftToRow, type DraftRow } from './rows.js';
import { cols, insert } from './statements.js';

const DRAFT = ['taskId', 'userId', 'values', 'updatedAt'];
const PROCESS_DRAFT = ['processKey', 'xml', 'savedAt', 'savedBy'];
const CREATED_DRAFT = [...PROCESS_DRAFT, 'importProblems'];

type SavedDraft = Omit<ProcessDraftRecord, 'importProblems'>;
type ProcessDraftRow = SavedDraft & { importProblems: string | null };

const problemsOf = (json: string | null): DraftImportProblem[] => (json ? (JSON.parse(json) as DraftImportProblem[]) : []);

export type DraftStatements = ReturnType<typeof prepareDrafts>;

export function prepareDrafts(db: Database) {
  return {
    upsert: db.prepare<DraftRow>(
      `${insert('drafts', DRAFT)} ON CONFLICT (taskId, userId) DO UPDATE SET "values" = excluded."values", updatedAt = excluded.updatedAt`,
    ),
    get: db.prepare<[string, string], DraftRow>(`SELECT ${cols(DRAFT)} FROM drafts WHERE taskId = ? AND userId = ?`),
    deleteForTask: db.prepare<[string]>('DELETE FROM drafts WHERE taskId = ?'),
    upsertProcess: db.prepare<SavedDraft>(
      `${insert('process_drafts', PROCESS_DRAFT)} ON CONFLICT (processKey) DO UPDATE SET xml = excluded.xml, savedAt = excluded.savedAt, savedBy = excluded.savedBy`,
    ),
    insertProcess: db.prepare<ProcessDraftRow>(`${insert('process_drafts', CREATED_DRAFT)} ON CONFLICT (processKey) DO NOTHING`),
    getProcess: db.prepare<[string], ProcessDraftRow>(`SELECT ${cols(CREATED_DRAFT)} FROM process_drafts WHERE processKey = ?`),
    getProblems: db.prepare<[string], { importProblems: string | null }>('SELECT importProblems FROM process_drafts WHERE processKey = ?'),
    setProblems: db.prepare<[string, string]>('UPDATE process_drafts SET importProblems = ? WHERE processKey = ?'),
    deleteProcess: db.prepare<[string]>('DELETE FROM process_drafts WHERE processKey = ?'),
  };
}

export function createDrafts(db: Database, st: DraftStatements) {
  // NOTE: read and write in one BEGIN IMMEDIATE: a dismissal by another process in between is never lost
  const dismiss = db.transaction((processKey: string, ids: ReadonlySet<string>): void => {
    const row = st.getProblems.get(processKey);
    if (!row?.importProblems) return;
    const kept = problemsOf(row.importProblems).filter((p) => !ids.has(p.id));
    st.setProblems.run(JSON.stringify(kept), processKey);
  });
  return {
    saveDraft(draft: DraftRecord): void {
      st.upsert.run(draftToRow(draft));
    },
    getDraft(taskId: string, userId: string): DraftRecord | null {
      const row = st.get.get(taskId, userId);
      return row ? draftFromRow(row) : null;
    },
    saveProcessDraft({ processKey, xml, savedAt, savedBy }: ProcessDraftRecord): void {
      st.upsertProcess.run({ processKey, xml, savedAt, savedBy });
    },
    createProcessDraft({ processKey, xml, savedAt, savedBy, importProblems }: ProcessDraftRecord): boolean {
      const problems = importProblems?.length ? JSON.stringify(importProblems) : null;
      return st.insertProcess.run({ processKey, xml, savedAt, savedBy, importProblems: problems }).changes === 1;
    },
    getProcessDraft(processKey: string): ProcessDraftRecord | null {
      const row = st.getProcess.get(processKey);
      if (!row) return null;
      const { importProblems, ...draft } = row;
      const problems = problemsOf(importProblems);
      return problems.length > 0 ? { ...draft, importProblems: problems } : draft;
    },
    deleteProcessDraft(processKey: string): void {
      st.deleteProcess.run(processKey);
    },
    dismissProcessDraftProblems(processKey: string, ids: readonly string[]): void {
      if (ids.length > 0) dismiss.immediate(processKey, new Set(ids));
    },
  };
}
