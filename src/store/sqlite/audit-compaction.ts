// Audit entries without what the case already holds (issue 14): when an entry names its task (or, for
// an upload, its document) and repeats that record's unchanging fields (the step's name and number,
// group, due time, time standard, applicant; a file's field, name, size and hash), the row keeps only
// the rest, and `derived` (a bit per field) says which fields to read back from that record. The port
// sees the entry exactly as it was written: nothing is dropped that the store cannot give back.
// NOTE: only fields no write ever changes after the record is made are taken (tasks' assignee and
// status change, so they stay in the entry); a migration that rewrites one of these columns would
// rewrite the audit's view of it too.
import type { AuditEvent } from '../ports.js';
import type { Database } from './database.js';
import type { AuditRow } from './rows.js';

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
    ...['id', 'caseId', 'at', 'actorId', 'actorName', 'type', 'taskId', 'data', 'derived'].map((c) => `a."${c}"`),
    ...TASK_COLUMNS.map((c) => `t."${c}" AS "t_${c}"`),
    ...DOCUMENT_COLUMNS.map((c) => `d."${c}" AS "d_${c}"`),
  ].join(', '),
  from:
    `audit a LEFT JOIN tasks t ON a.derived & ${TASK_BITS} AND t.id = a.taskId ` +
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
  return { ...event, data: { ...back, ...data } };
}

/** The audit insert of the store: each row without the fields its task or document holds. */
export function compactingAuditInsert(db: Database) {
  const insert = db.prepare<AuditRow & { derived: number | null }>(
    'INSERT INTO audit (id, caseId, at, actorId, actorName, type, taskId, data, derived) ' +
      'VALUES (@id, @caseId, @at, @actorId, @actorName, @type, @taskId, @data, @derived)',
  );
  const task = db.prepare<[string], Source>(`SELECT ${TASK_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM tasks WHERE id = ?`);
  const document = db.prepare<[string], Source>(`SELECT ${DOCUMENT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM documents WHERE id = ?`);

  return {
    run(row: AuditRow) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const sources = {
        task: row.taskId !== null && FIELDS.some((f) => f.from === 'task' && f.key in data) ? task.get(row.taskId) : undefined,
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
      return insert.run(derived ? { ...row, data: JSON.stringify(data), derived } : { ...row, derived: null });
    },
  };
}
