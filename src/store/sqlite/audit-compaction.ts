// Audit entries without what the case already holds (issue 14): when an entry names its task (or, for
// an upload, its document) and repeats that record's unchanging fields (the step's name and number,
// group, due time, time standard, applicant; a file's field, name, size and hash), the row keeps only
// the rest, and `derived` (a bit per field) says which fields to read back from that record. The port
// sees the entry exactly as it was written: nothing is dropped that the store cannot give back.
// NOTE: only fields no write ever changes after the record is made are taken (tasks' assignee and
// status change, so they stay in the entry); a migration that rewrites one of these columns would
// rewrite the audit's view of it too.
// Its ids (the entry's, case's, actor's, task's), time and type are packed (packed-ids.ts): a UUID in 16 bytes, ms, a number.
import type { Database } from './database.js';
import type { AuditRow } from './rows.js';
import { packId, packName, packTime, unpackId, unpackName, unpackTime } from './packed-ids.js';
import { DERIVED_FIELDS_SQL, FIELDS_BIT, sameAsCaseData } from './audit-fields.js';
import { ConflictError, MissingReferenceError, type AuditEvent, type AuditType } from '../ports.js';

/** Each derivable data key: its bit in `derived`, the record it comes from and the column. */
const FIELDS = [
  { key: 'step', bit: 1, from: 'task', column: 'name' },
  { key: 'stepNo', bit: 2, from: 'task', column: 'stepNo' },
  { key: 'groupId', bit: 4, from: 'task', column: 'groupId' },
  { key: 'dueAt', bit: 8, from: 'task', column: 'dueAt' },
  { key: 'applicantName', bit: 16, from: 'task', column: 'applicantName' },
  { key: 'timeStandard', bit: 32, from: 'task', column: 'timeStandard' },
  { key: 'field', bit: 64, from: 'document', column: 'field' },
  { key: 'name', bit: 128, from: 'document', column: 'originalName' },
  { key: 'size', bit: 256, from: 'document', column: 'size' },
  { key: 'sha256', bit: 512, from: 'document', column: 'sha256' },
] as const;
type Source = Record<string, unknown>;

/** The new column (appended to MIGRATIONS by migrations.ts). */
export const AUDIT_COMPACTION_MIGRATION = `
  ALTER TABLE audit ADD COLUMN derived INTEGER; -- NULL: data is all there; else a bit per field read back (audit-compaction.ts)
`;

/** The ids of an entry (its own, its case's, actor's and task's) that the table packs (packed-ids.ts). */
const PACKED = ['id', 'caseId', 'actorId', 'taskId'] as const;

/**
 * The audit table rebuilt with packed ids (a UUID in 16 bytes, not 36 characters, in the row and in
 * audit_case): appended to MIGRATIONS by migrations.ts; converts every row, keeps the append-only triggers.
 * NOTE: caseId no longer REFERENCES cases (a packed id cannot): the case writer's transaction inserts both.
 */
export const AUDIT_PACKED_IDS_MIGRATION = `
  DROP TRIGGER audit_no_update;
  DROP TRIGGER audit_no_delete;
  CREATE TABLE audit_packed (
    seq       INTEGER PRIMARY KEY,
    id        ANY NOT NULL UNIQUE, -- packed (packed-ids.ts), as caseId, actorId and taskId
    caseId    ANY NOT NULL,
    at        TEXT NOT NULL,
    actorId   ANY,
    actorName TEXT,
    type      TEXT NOT NULL,
    taskId    ANY,
    data      TEXT NOT NULL CHECK (json_valid(data)),
    derived   INTEGER
  ) STRICT;
  INSERT INTO audit_packed (seq, id, caseId, at, actorId, actorName, type, taskId, data, derived)
    SELECT seq, ${packId('id')}, ${packId('caseId')}, at, ${packId('actorId')}, actorName, type, ${packId('taskId')}, data, derived FROM audit;
  DROP TABLE audit;
  ALTER TABLE audit_packed RENAME TO audit;
  CREATE INDEX audit_case ON audit (caseId, at, seq);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`;

/**
 * Every entry type a number (its place here, from 1); a type not listed is stored as text.
 * NOTE: append only: the numbers are stored.
 */
export const AUDIT_TYPES: readonly AuditType[] = [
  'case.started', 'task.created', 'task.taken', 'task.released', 'task.completed', 'case.returned', 'document.uploaded',
  'account.activated', 'case.completed', 'case.failed', 'task.reassigned', 'contact.verified', 'data.exported', 'task.overdue',
  'task.escalated', 'task.cancelled', 'timer.fired', 'case.withdrawn', 'case.closed',
];

/**
 * The audit rebuilt again, its time as ms and its type as a number (packed-ids.ts); appended to MIGRATIONS.
 * NOTE: the entry's id has no UNIQUE index of its own any more (about 640 bytes a case, 5 % of the store):
 * entries are only ever read per case, and the insert refuses an id its case already has (audit_case).
 */
export const AUDIT_PACKED_TIMES_MIGRATION = `
  DROP TRIGGER audit_no_update;
  DROP TRIGGER audit_no_delete;
  CREATE TABLE audit_packed (
    seq       INTEGER PRIMARY KEY,
    id        ANY NOT NULL,        -- packed (packed-ids.ts), as caseId, actorId and taskId; unique in its case (the insert checks)
    caseId    ANY NOT NULL,
    at        ANY NOT NULL,        -- ms since the epoch (an ISO time with ms), else text
    actorId   ANY,
    actorName TEXT,
    type      ANY NOT NULL,        -- its number in AUDIT_TYPES, else text
    taskId    ANY,
    data      TEXT NOT NULL CHECK (json_valid(data)),
    derived   INTEGER
  ) STRICT;
  INSERT INTO audit_packed (seq, id, caseId, at, actorId, actorName, type, taskId, data, derived)
    SELECT seq, id, caseId, ${packTime('at')}, actorId, actorName, ${packName(AUDIT_TYPES, 'type')}, taskId, data, derived FROM audit;
  DROP TABLE audit;
  ALTER TABLE audit_packed RENAME TO audit;
  CREATE INDEX audit_case ON audit (caseId, at, seq);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`;

/** SQL: a type (text) as the audit stores it; the audit's time column as text. */
export const auditType = (expr: string) => packName(AUDIT_TYPES, expr);
export const auditTime = (expr: string) => unpackTime(expr);

/** SQL: a.caseId = the bound case id (`@caseId`), packed. */
export const AUDIT_OF_CASE = `a.caseId = ${packId('@caseId')}`;
/** SQL: the packed caseId of audit rows matching a text id expression (e.g. another table's column). */
export const auditCaseIs = (expr: string) => `a.caseId = ${packId(expr)}`;
export const auditTaskIs = (expr: string) => `a.taskId = ${packId(expr)}`;

const TASK_COLUMNS = FIELDS.filter((f) => f.from === 'task').map((f) => f.column);
const DOCUMENT_COLUMNS = FIELDS.filter((f) => f.from === 'document').map((f) => f.column);
const TASK_BITS = FIELDS.filter((f) => f.from === 'task').reduce((m, f) => m | f.bit, 0);
const DOCUMENT_BITS = FIELDS.filter((f) => f.from === 'document').reduce((m, f) => m | f.bit, 0);

/**
 * The SELECT list and joins that read an audit row with what it derives (alias `a` for audit), for
 * listAudit and listAuditOfCases: `SELECT ${AUDIT_READ.columns} FROM ${AUDIT_READ.from} WHERE a.…`.
 */
export const AUDIT_READ = {
  columns: [
    ...['id', 'caseId', 'actorId', 'actorName', 'taskId', 'data', 'derived'].map((c) =>
      (PACKED as readonly string[]).includes(c) ? `${unpackId(`a."${c}"`)} AS "${c}"` : `a."${c}"`),
    `${unpackTime('a.at')} AS "at"`, `${unpackName(AUDIT_TYPES, 'a.type')} AS "type"`,
    ...TASK_COLUMNS.map((c) => `t."${c}" AS "t_${c}"`),
    ...DOCUMENT_COLUMNS.map((c) => `d."${c}" AS "d_${c}"`),
    `${DERIVED_FIELDS_SQL} AS "f_fields"`,
  ].join(', '),
  from:
    `audit a LEFT JOIN tasks t ON a.derived & ${TASK_BITS | FIELDS_BIT} AND t.id = ${unpackId('a.taskId')} ` +
    `LEFT JOIN documents d ON a.derived & ${DOCUMENT_BITS} AND d.id = json_extract(a.data, '$.documentId')`,
};

export type CompactAuditRow = AuditRow & { derived: number | null } & Record<string, unknown>;

/** The entry a row read through AUDIT_READ stands for: its data with the derived fields put back first. */
export function auditFromCompactRow(row: CompactAuditRow): AuditEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const event: AuditEvent = {
    id: row.id, caseId: row.caseId, at: row.at, actorId: row.actorId, actorName: row.actorName, type: row.type, taskId: row.taskId, data,
  };
  if (!row.derived) return event;
  const back: Record<string, unknown> = {};
  for (const f of FIELDS) if (row.derived & f.bit) back[f.key] = row[`${f.from === 'task' ? 't' : 'd'}_${f.column}`];
  if (row.derived & FIELDS_BIT) back.fields = JSON.parse(row.f_fields as string); // the case's (audit-fields.ts)
  return { ...event, data: { ...back, ...data } };
}

/** Whether the case already has an entry of this id: read through audit_case (a case's entries, few), what a UNIQUE index on id did without its bytes. */
export const AUDIT_ID_IN_CASE_SQL = `SELECT 1 FROM audit WHERE caseId = ${packId('@caseId')} AND id = ${packId('@id')} LIMIT 1`;

/** The audit insert of the store: each row without the fields its task or document holds. */
export function compactingAuditInsert(db: Database) {
  const insert = db.prepare<AuditRow & { derived: number | null }>(
    'INSERT INTO audit (id, caseId, at, actorId, actorName, type, taskId, data, derived) ' +
      `VALUES (${packId('@id')}, ${packId('@caseId')}, ${packTime('@at')}, ${packId('@actorId')}, @actorName, ${auditType('@type')}, ${packId('@taskId')}, @data, @derived)`,
  );
  const task = db.prepare<[string], Source>(`SELECT ${[...TASK_COLUMNS, 'formKey'].map((c) => `"${c}"`).join(', ')} FROM tasks WHERE id = ?`);
  const document = db.prepare<[string], Source>(`SELECT ${DOCUMENT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM documents WHERE id = ?`);
  const caseExists = db.prepare<[string], number>('SELECT 1 FROM cases WHERE id = ?').pluck();
  const idInCase = db.prepare<{ caseId: string; id: string }, number>(AUDIT_ID_IN_CASE_SQL).pluck();

  return {
    /** `caseData`: the case's data after the change writing the row (its step's fields may be read from it). */
    run(row: AuditRow, caseData?: Record<string, unknown>) {
      // NOTE: the check the foreign key made before ids were packed (a packed caseId cannot reference cases)
      if (caseExists.get(row.caseId) === undefined) throw new MissingReferenceError(`case ${row.caseId} does not exist`);
      if (idInCase.get({ caseId: row.caseId, id: row.id }) !== undefined) throw new ConflictError(`audit entry ${row.id} exists`);
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const sources = {
        task: row.taskId !== null && (FIELDS.some((f) => f.from === 'task' && f.key in data) || 'fields' in data) ? task.get(row.taskId) : undefined,
        document: typeof data.documentId === 'string' ? document.get(data.documentId) : undefined,
      };
      let derived = 0;
      for (const f of FIELDS) {
        const source = sources[f.from];
        if (source && f.key in data && data[f.key] === source[f.column]) {
          derived |= f.bit;
          delete data[f.key];
        }
      }
      if (sources.task && sameAsCaseData(data.fields, caseData, sources.task.formKey as string | undefined)) {
        derived |= FIELDS_BIT;
        delete data.fields;
      }
      return insert.run(derived ? { ...row, data: JSON.stringify(data), derived } : { ...row, derived: null });
    },
  };
}
