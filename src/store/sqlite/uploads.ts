// Whether an uploaded file is still referenced (SQLite): by a document, by the staged files of a
// draft ("Simpan Draf") or of a session (a submission that failed validation keeps its files).
import type { Database } from './database.js';

export function createUploadReferences(db: Database) {
  // NOTE: stored names are random UUIDs, so a substring match in the JSON of drafts and sessions is exact enough
  const referenced = db.prepare<{ name: string }, { found: number }>(`SELECT
    EXISTS (SELECT 1 FROM documents WHERE storedName = @name)
    OR EXISTS (SELECT 1 FROM drafts WHERE instr("values", @name) > 0)
    OR EXISTS (SELECT 1 FROM sessions WHERE instr(data, @name) > 0) AS found`);
  return (storedName: string): boolean => referenced.get({ name: storedName })?.found === 1;
}
