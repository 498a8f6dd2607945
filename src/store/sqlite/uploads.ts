// Whether an uploaded file is still referenced (SQLite): by a document, by the staged files of a
// draft ("Simpan Draf") or of a session (a submission that failed validation keeps its files).
import type { Database } from './database.js';

export function createUploadReferences(db: Database) {
  // upload_refs: the storedName values in the JSON of drafts and sessions, kept by triggers (migration 8)
  const referenced = db.prepare<{ name: string }, { found: number }>(`SELECT
    EXISTS (SELECT 1 FROM documents WHERE storedName = @name)
    OR EXISTS (SELECT 1 FROM upload_refs WHERE storedName = @name) AS found`);
  return (storedName: string): boolean => referenced.get({ name: storedName })?.found === 1;
}
