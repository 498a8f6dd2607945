// Every fixed SQL statement of the SQLite store, prepared once per connection after migrations.
import type { Database } from './database.js';
import type { CaseRow, DefinitionRow, DocumentRow, SessionRow, TaskRow, UserRow } from './rows.js';
import { AUDIT_OF_CASE, AUDIT_READ, compactingAuditInsert, type CompactAuditRow } from './audit-compaction.js';
import { packId, packTime } from './packed-ids.js';
import { packTaskColumn, readTaskColumn } from './task-packed.js';

const USER = [
  'id', 'email', 'whatsapp', 'displayName', 'role', 'passwordHash', 'status', 'createdAt',
  'emailVerifiedAt', 'whatsappVerifiedAt', 'privacyNoticeVersion', 'privacyAcknowledgedAt',
];
const SESSION = ['sid', 'data', 'expiresAt', 'expiresMs'];
const DEFINITION = ['id', 'processKey', 'version', 'name', 'xml', 'createdAt', 'createdBy', 'comment'];
const CASE = [
  'id', 'definitionId', 'processKey', 'definitionVersion', 'applicantId', 'applicantName', 'status',
  'engineState', 'data', 'rev', 'error', 'createdAt', 'updatedAt', 'caseNumber',
];
export const TASK_COLUMNS = [
  'id', 'caseId', 'processKey', 'applicantId', 'applicantName', 'elementId', 'name', 'stepNo', 'groupId', 'formKey',
  'assigneeId', 'status', 'createdAt', 'dueAt', 'timeStandard', 'completedAt', 'completedBy', 'searchText',
];
/** The SELECT list of a task record (`alias` e.g. 't.'): completedAt and completedBy are stored packed (task-packed.ts). */
export const taskSelect = (alias = ''): string => TASK_COLUMNS.map((c) => readTaskColumn(c, alias)).join(', ');
const DOCUMENT = [
  'id', 'caseId', 'taskId', 'field', 'uploaderId', 'originalName', 'storedName', 'mime', 'size', 'sha256', 'createdAt',
];

/** Column names are quoted, so record fields that are SQL keywords (`to`, `values`) work as columns. */
export const cols = (c: string[]): string => c.map((x) => `"${x}"`).join(', ');
export const insert = (table: string, c: string[]): string =>
  `INSERT INTO ${table} (${cols(c)}) VALUES (${c.map((x) => `@${x}`).join(', ')})`;
/** `SET a = @a, …` for every column except the ones listed. */
const setAll = (c: string[], except: string[]): string =>
  c.filter((x) => !except.includes(x)).map((x) => `${x} = @${x}`).join(', ');

export type Statements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database) {
  return {
    insertUser: db.prepare<UserRow>(insert('users', USER)),
    getUser: db.prepare<[string], UserRow>(`SELECT ${cols(USER)} FROM users WHERE id = ?`),
    findUserByEmail: db.prepare<[string], UserRow>(`SELECT ${cols(USER)} FROM users WHERE email = ?`),
    countUsers: db.prepare<[], number>('SELECT count(*) FROM users').pluck(),
    countUsersByRole: db.prepare<[string], number>('SELECT count(*) FROM users WHERE role = ?').pluck(),
    // NOTE: BINARY collation (byte order), the same order MongoDB's default collation gives.
    listUsersByRole: db.prepare<[string], UserRow>(`SELECT ${cols(USER)} FROM users WHERE role = ? ORDER BY displayName, id`),
    setUserStatus: db.prepare<[string, string]>('UPDATE users SET status = ? WHERE id = ?'),

    getSession: db.prepare<[string], SessionRow>(`SELECT ${cols(SESSION)} FROM sessions WHERE sid = ?`),
    upsertSession: db.prepare<SessionRow>(
      `${insert('sessions', SESSION)} ON CONFLICT (sid) DO UPDATE SET ` +
        'data = excluded.data, expiresAt = excluded.expiresAt, expiresMs = excluded.expiresMs',
    ),
    destroySession: db.prepare<[string]>('DELETE FROM sessions WHERE sid = ?'),
    deleteExpiredSession: db.prepare<[string, number]>('DELETE FROM sessions WHERE sid = ? AND expiresMs <= ?'),
    purgeSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expiresMs <= ?'),

    insertDefinition: db.prepare<DefinitionRow>(insert('definitions', DEFINITION)),
    getDefinition: db.prepare<[string], DefinitionRow>(`SELECT ${cols(DEFINITION)} FROM definitions WHERE id = ?`),
    listDefinitions: db.prepare<[string], DefinitionRow>(
      `SELECT ${cols(DEFINITION)} FROM definitions WHERE processKey = ? ORDER BY version DESC`,
    ),
    latestDefinition: db.prepare<[string], DefinitionRow>(
      `SELECT ${cols(DEFINITION)} FROM definitions WHERE processKey = ? ORDER BY version DESC LIMIT 1`,
    ),

    insertCase: db.prepare<CaseRow>(insert('cases', CASE)),
    // NOTE: the rev condition is the optimistic lock; createdAt never changes after insert.
    updateCase: db.prepare<CaseRow & { expectedRev: number }>(
      `UPDATE cases SET ${setAll(CASE, ['id', 'createdAt', 'caseNumber'])} WHERE id = @id AND rev = @expectedRev`,
    ),
    getCase: db.prepare<[string], CaseRow>(`SELECT ${cols(CASE)} FROM cases WHERE id = ?`),
    getCaseByNumber: db.prepare<[string], CaseRow>(`SELECT ${cols(CASE)} FROM cases WHERE caseNumber = ?`),
    // the scope's next nomor permohonan (case-numbers.ts), taken in the writer's transaction
    nextCaseNumber: db.prepare<[string], number>(
      'INSERT INTO case_numbers (scope, last) VALUES (?, 1) ON CONFLICT (scope) DO UPDATE SET last = last + 1 RETURNING last',
    ).pluck(),
    listCasesByApplicant: db.prepare<[string, number], CaseRow>(
      `SELECT ${cols(CASE)} FROM cases WHERE applicantId = ? ORDER BY createdAt DESC, rowid DESC LIMIT ?`,
    ),
    listCasesByStatus: db.prepare<[string, number], CaseRow>(
      `SELECT ${cols(CASE)} FROM cases WHERE status = ? ORDER BY updatedAt DESC, rowid DESC LIMIT ?`,
    ),

    insertTask: db.prepare<TaskRow>(`INSERT INTO tasks (${cols(TASK_COLUMNS)}) VALUES (${TASK_COLUMNS.map((c) => packTaskColumn(c, `@${c}`)).join(', ')})`),
    getTask: db.prepare<[string], TaskRow>(`SELECT ${taskSelect()} FROM tasks WHERE id = ?`),
    completeTask: db.prepare<{ id: string; caseId: string; status: string; completedAt: string; completedBy: string | null }>(
      // searchText: inboxes search open tasks only (ports.ts)
      `UPDATE tasks SET status = @status, completedAt = ${packTime('@completedAt')}, completedBy = ${packId('@completedBy')}, searchText = '' ` +
        "WHERE id = @id AND caseId = @caseId AND status = 'open'",
    ),
    changeAssignee: db.prepare<{ id: string; from: string | null; to: string | null }>(
      "UPDATE tasks SET assigneeId = @to WHERE id = @id AND status = 'open' AND assigneeId IS @from",
    ),

    // without what the entry's task or document holds (audit-compaction.ts)
    insertAudit: compactingAuditInsert(db),
    listAudit: db.prepare<{ caseId: string }, CompactAuditRow>(`SELECT ${AUDIT_READ.columns} FROM ${AUDIT_READ.from} WHERE ${AUDIT_OF_CASE} ORDER BY a.at, a.seq`),

    insertDocument: db.prepare<DocumentRow>(insert('documents', DOCUMENT)),
    getDocument: db.prepare<[string], DocumentRow>(`SELECT ${cols(DOCUMENT)} FROM documents WHERE id = ?`),
    listDocuments: db.prepare<[string], DocumentRow>(
      `SELECT ${cols(DOCUMENT)} FROM documents WHERE caseId = ? ORDER BY createdAt, seq`,
    ),
  };
}
