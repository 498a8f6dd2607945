// Submitted values an audit entry shares with its case (issue 14): a step's `fields` equal to what the
// case holds under the step's form key after the same change are not stored again; bit FIELDS_BIT of
// `derived` says to read them from the case. Before a change replaces or removes a form's data, the
// value of before is kept in audit_fields (append-only, as the audit), so earlier entries still read
// exactly what was submitted: an entry reads the first value kept after it, else the case's data.
import { packId, unpackId } from './packed-ids.js';
import type { Database } from './database.js';

export const FIELDS_BIT = 1024;

/** The new table (appended to MIGRATIONS by migrations.ts); entries of before keep their fields. */
export const AUDIT_FIELDS_MIGRATION = `
  CREATE TABLE audit_fields (
    caseId    ANY NOT NULL,     -- packed (packed-ids.ts)
    formKey   TEXT NOT NULL,
    beforeSeq INTEGER NOT NULL, -- the case's data under formKey until the audit entry of this seq was written
    value     TEXT NOT NULL CHECK (json_valid(value)),
    PRIMARY KEY (caseId, formKey, beforeSeq)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER audit_fields_no_update BEFORE UPDATE ON audit_fields
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_fields_no_delete BEFORE DELETE ON audit_fields
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`;

/** SQL (alias a for the audit row, t for its task): the fields a derived entry reads back, as JSON text. */
export const DERIVED_FIELDS_SQL =
  `(CASE WHEN a.derived & ${FIELDS_BIT} THEN coalesce(` +
  '(SELECT s.value FROM audit_fields s WHERE s.caseId = a.caseId AND s.formKey = t.formKey AND s.beforeSeq > a.seq ORDER BY s.beforeSeq LIMIT 1), ' +
  `(SELECT c.data -> ('$."' || t.formKey || '"') FROM cases c WHERE c.id = ${unpackId('a.caseId')})) END)`;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when an entry's `fields` are what the case holds under the form key (compared as written). */
export function sameAsCaseData(fields: unknown, caseData: Record<string, unknown> | undefined, formKey: string | undefined): boolean {
  // NOTE: the reader names the key in a JSON path ($."key"): a key with a quote or backslash is not derived
  if (!isPlainObject(fields) || caseData === undefined || formKey === undefined || /["\\]/.test(formKey) || !isPlainObject(caseData[formKey])) return false;
  return JSON.stringify(fields) === JSON.stringify(caseData[formKey]);
}

export function auditFieldsWriter(db: Database) {
  const dataOf = db.prepare<[string], string>('SELECT data FROM cases WHERE id = ?').pluck();
  const nextSeq = db.prepare<[], number>('SELECT coalesce(max(seq), 0) + 1 FROM audit').pluck();
  // NOTE: two changes with no entry between them keep the same beforeSeq: the first value is the one entries before read
  const keep = db.prepare<{ caseId: string; formKey: string; beforeSeq: number; value: string }>(
    `INSERT OR IGNORE INTO audit_fields (caseId, formKey, beforeSeq, value) VALUES (${packId('@caseId')}, @formKey, @beforeSeq, @value)`,
  );
  return {
    /** Before a case's data becomes `next` (in the writer's transaction): keeps each form's value that changes. */
    beforeDataChange(caseId: string, next: Record<string, unknown>): void {
      const before = dataOf.get(caseId);
      if (before === undefined) return;
      let beforeSeq: number | undefined;
      for (const [formKey, value] of Object.entries(JSON.parse(before) as Record<string, unknown>)) {
        if (JSON.stringify(value) === JSON.stringify(next[formKey])) continue;
        beforeSeq ??= nextSeq.get() as number;
        keep.run({ caseId, formKey, beforeSeq, value: JSON.stringify(value) });
      }
    },
  };
}
