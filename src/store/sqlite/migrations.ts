// SQLite schema: a numbered, append-only list of migrations tracked with PRAGMA user_version.
// NOTE: never edit a migration that has shipped; append a new one instead.
import type Sqlite from 'better-sqlite3';
import { RETENTION_MIGRATION } from './retention-migration.js';
import { AUDIT_COMPACTION_MIGRATION, AUDIT_PACKED_IDS_MIGRATION, AUDIT_PACKED_TIMES_MIGRATION } from './audit-compaction.js';
import { REPORT_DAYS_REV_MIGRATION, REPORT_FACTS_MIGRATION } from './report-migration.js';
import { MESSAGE_LOG_SORTED_MIGRATION, MESSAGE_LOG_TERMS_MIGRATION } from './message-log.js';
import { AUDIT_FIELDS_MIGRATION } from './audit-fields.js';
import { TASK_FACTS_PACKED_MIGRATION } from './task-facts-packed.js';
import { TASK_PACKED_MIGRATION } from './task-packed.js';

type Database = Sqlite.Database;

/** MIGRATIONS[i] takes the schema from version i to version i + 1. */
export const MIGRATIONS: readonly string[] = [
  /* 1: initial schema */ `
  CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    email        TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    whatsapp     TEXT,
    displayName  TEXT NOT NULL,
    role         TEXT NOT NULL,
    passwordHash TEXT NOT NULL,
    status       TEXT NOT NULL,
    createdAt    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX users_role ON users (role);

  CREATE TABLE sessions (
    sid       TEXT PRIMARY KEY,
    data      TEXT NOT NULL,
    expiresAt TEXT NOT NULL,
    expiresMs INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sessions_expiry ON sessions (expiresMs);

  CREATE TABLE definitions (
    id         TEXT PRIMARY KEY,
    processKey TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    name       TEXT NOT NULL,
    xml        TEXT NOT NULL,
    createdAt  TEXT NOT NULL,
    createdBy  TEXT,
    comment    TEXT NOT NULL,
    UNIQUE (processKey, version)
  ) STRICT;

  CREATE TABLE cases (
    id                TEXT PRIMARY KEY,
    definitionId      TEXT NOT NULL,
    processKey        TEXT NOT NULL,
    definitionVersion INTEGER NOT NULL,
    applicantId       TEXT NOT NULL,
    applicantName     TEXT NOT NULL,
    status            TEXT NOT NULL,
    engineState       BLOB NOT NULL,
    data              TEXT NOT NULL CHECK (json_valid(data)),
    rev               INTEGER NOT NULL CHECK (rev >= 1),
    error             TEXT,
    createdAt         TEXT NOT NULL,
    updatedAt         TEXT NOT NULL
  ) STRICT;
  CREATE INDEX cases_applicant ON cases (applicantId, createdAt);

  CREATE TABLE tasks (
    id            TEXT PRIMARY KEY,
    caseId        TEXT NOT NULL REFERENCES cases (id),
    applicantId   TEXT NOT NULL,
    applicantName TEXT NOT NULL,
    elementId     TEXT NOT NULL,
    name          TEXT NOT NULL,
    stepNo        INTEGER,
    role          TEXT NOT NULL,
    formKey       TEXT NOT NULL,
    assigneeId    TEXT,
    status        TEXT NOT NULL,
    createdAt     TEXT NOT NULL,
    dueAt         TEXT NOT NULL,
    timeStandard  TEXT NOT NULL,
    completedAt   TEXT,
    completedBy   TEXT
  ) STRICT;
  CREATE INDEX tasks_inbox ON tasks (status, role, assigneeId, dueAt);
  CREATE INDEX tasks_applicant ON tasks (applicantId, status);
  CREATE INDEX tasks_case ON tasks (caseId);

  CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    caseId    TEXT NOT NULL REFERENCES cases (id),
    at        TEXT NOT NULL,
    actorId   TEXT,
    actorName TEXT,
    type      TEXT NOT NULL,
    taskId    TEXT,
    data      TEXT NOT NULL CHECK (json_valid(data))
  ) STRICT;
  CREATE INDEX audit_case ON audit (caseId, at, seq);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

  CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    caseId       TEXT NOT NULL REFERENCES cases (id),
    taskId       TEXT,
    field        TEXT NOT NULL,
    uploaderId   TEXT NOT NULL,
    originalName TEXT NOT NULL,
    storedName   TEXT NOT NULL,
    mime         TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL,
    createdAt    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX documents_case ON documents (caseId, createdAt, seq);
  `,
  /* 2: failed/completed cases listing */ `
  CREATE INDEX cases_status ON cases (status, updatedAt);
  `,
  /* 3: contact verification, privacy notice, outbox, drafts, inbox search */ `
  ALTER TABLE users ADD COLUMN emailVerifiedAt TEXT;
  ALTER TABLE users ADD COLUMN whatsappVerifiedAt TEXT;
  ALTER TABLE users ADD COLUMN privacyNoticeVersion TEXT;
  ALTER TABLE users ADD COLUMN privacyAcknowledgedAt TEXT;

  ALTER TABLE tasks ADD COLUMN searchText TEXT NOT NULL DEFAULT '';
  UPDATE tasks SET searchText = lower(applicantName);
  -- one SOP step of a role's inbox, any assignee, by due time (tasks_inbox has assigneeId in between);
  -- search (LIKE '%…%') and sort 'age' just filter / sort the rows an inbox index finds
  CREATE INDEX tasks_step ON tasks (status, role, elementId, dueAt);

  CREATE TABLE verifications (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    userId    TEXT NOT NULL REFERENCES users (id),
    purpose   TEXT NOT NULL CHECK (purpose IN ('email', 'whatsapp', 'password-reset')),
    codeHash  TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    expiresAt TEXT NOT NULL,
    usedAt    TEXT,
    attempts  INTEGER NOT NULL CHECK (attempts >= 0)
  ) STRICT;
  CREATE INDEX verifications_user ON verifications (userId, purpose, createdAt);

  CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
    "to"          TEXT NOT NULL,
    subject       TEXT,
    body          TEXT NOT NULL,
    userId        TEXT,
    caseId        TEXT,
    createdAt     TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts      INTEGER NOT NULL CHECK (attempts >= 0),
    nextAttemptAt TEXT NOT NULL,
    lockedUntil   TEXT,
    lastError     TEXT,
    sentAt        TEXT
  ) STRICT;
  CREATE INDEX outbox_due ON outbox (status, nextAttemptAt);
  CREATE INDEX outbox_user ON outbox (userId, createdAt);

  CREATE TABLE drafts (
    taskId    TEXT NOT NULL REFERENCES tasks (id),
    userId    TEXT NOT NULL,
    "values"  TEXT NOT NULL CHECK (json_valid("values")),
    updatedAt TEXT NOT NULL,
    PRIMARY KEY (taskId, userId)
  ) STRICT;
  `,
  /* 4: durable timers (scheduler), working calendar, per-version time settings, report reads */ `
  CREATE TABLE timers (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    caseId        TEXT,
    taskId        TEXT,
    dueAt         TEXT NOT NULL,
    nextAttemptAt TEXT NOT NULL,
    data          TEXT NOT NULL CHECK (json_valid(data)),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'done', 'cancelled', 'failed')),
    attempts      INTEGER NOT NULL CHECK (attempts >= 0),
    leaseToken    TEXT,
    lockedUntil   TEXT,
    lastError     TEXT,
    createdAt     TEXT NOT NULL,
    doneAt        TEXT
  ) STRICT;
  -- the claim: pending timers in due order (the lease is checked on the due rows only)
  CREATE INDEX timers_due ON timers (status, nextAttemptAt);
  CREATE INDEX timers_case ON timers (caseId, status);

  CREATE TABLE working_calendar (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    timeZone  TEXT NOT NULL,
    hours     TEXT NOT NULL CHECK (json_valid(hours)),
    holidays  TEXT NOT NULL CHECK (json_valid(holidays)),
    updatedAt TEXT NOT NULL,
    updatedBy TEXT
  ) STRICT;

  CREATE TABLE process_time_settings (
    definitionId TEXT PRIMARY KEY,
    timeBasis    TEXT NOT NULL CHECK (timeBasis IN ('calendar', 'working')),
    escalateTo   TEXT NOT NULL CHECK (json_valid(escalateTo)),
    updatedAt    TEXT NOT NULL,
    updatedBy    TEXT
  ) STRICT;

  -- reports: the cases of one process by creation time
  CREATE INDEX cases_process ON cases (processKey, createdAt);
  `,
  // 5: the modeler's draft of a process gets its own table; earlier drafts were kept as definition
  // records under "studio-draft:<processKey>" (the latest one, unless it was a discard tombstone)
  `
  CREATE TABLE process_drafts (
    processKey TEXT PRIMARY KEY,
    xml        TEXT NOT NULL,
    savedAt    TEXT NOT NULL,
    savedBy    TEXT
  ) STRICT;

  INSERT INTO process_drafts (processKey, xml, savedAt, savedBy)
    SELECT substr(d.processKey, length('studio-draft:') + 1), d.xml, d.createdAt, d.createdBy FROM definitions d
    WHERE d.processKey LIKE 'studio-draft:%' AND d.comment <> 'discarded'
      AND d.version = (SELECT max(x.version) FROM definitions x WHERE x.processKey = d.processKey);
  `,
  // 6: the upload sweeper asks whether a stored file is still a document
  `
  CREATE INDEX documents_stored ON documents (storedName);
  `,
  // 7: rate-limit counters (login, sign-up, messages per contact) shared by every process on the file
  `
  CREATE TABLE rate_limits (
    key     TEXT PRIMARY KEY,
    count   INTEGER NOT NULL CHECK (count >= 0),
    resetAt TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  CREATE INDEX rate_limits_reset ON rate_limits (resetAt);
  `,
  // 8: every query is served by an index, its ORDER BY included (no sort of a whole queue per page;
  // test/store/sqlite.query-plans.test.ts explains each statement); the stored names of uploads
  // that sessions and drafts keep, maintained by triggers, so the upload sweeper reads an index
  `
  DROP INDEX tasks_inbox;
  CREATE INDEX tasks_inbox ON tasks (status, role, assigneeId, dueAt, createdAt, id);
  CREATE INDEX tasks_age ON tasks (status, role, assigneeId, createdAt, id);
  DROP INDEX tasks_step;
  CREATE INDEX tasks_step ON tasks (status, elementId, dueAt, createdAt, id);
  DROP INDEX tasks_applicant;
  CREATE INDEX tasks_applicant ON tasks (applicantId, status, dueAt, createdAt, id);
  DROP INDEX tasks_case;
  CREATE INDEX tasks_case ON tasks (caseId, status, dueAt, createdAt, id);
  DROP INDEX users_role;
  CREATE INDEX users_role ON users (role, displayName, id);
  CREATE INDEX cases_created ON cases (createdAt);
  CREATE INDEX outbox_created ON outbox (createdAt);
  DROP INDEX timers_case;
  CREATE INDEX timers_case ON timers (caseId, dueAt, id);

  CREATE TABLE upload_refs (
    storedName TEXT NOT NULL,
    sid        TEXT,
    taskId     TEXT,
    userId     TEXT,
    CHECK ((sid IS NULL) <> (taskId IS NULL))
  ) STRICT;
  CREATE INDEX upload_refs_name ON upload_refs (storedName);
  CREATE INDEX upload_refs_session ON upload_refs (sid);
  CREATE INDEX upload_refs_draft ON upload_refs (taskId, userId);

  CREATE TRIGGER sessions_refs_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO upload_refs (storedName, sid)
      SELECT DISTINCT value, NEW.sid FROM json_tree(CASE WHEN json_valid(NEW.data) THEN NEW.data ELSE '{}' END)
      WHERE key = 'storedName' AND type = 'text';
  END;
  CREATE TRIGGER sessions_refs_update AFTER UPDATE OF data ON sessions WHEN OLD.data IS NOT NEW.data BEGIN
    DELETE FROM upload_refs WHERE sid = OLD.sid;
    INSERT INTO upload_refs (storedName, sid)
      SELECT DISTINCT value, NEW.sid FROM json_tree(CASE WHEN json_valid(NEW.data) THEN NEW.data ELSE '{}' END)
      WHERE key = 'storedName' AND type = 'text';
  END;
  CREATE TRIGGER sessions_refs_delete AFTER DELETE ON sessions BEGIN
    DELETE FROM upload_refs WHERE sid = OLD.sid;
  END;

  CREATE TRIGGER drafts_refs_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO upload_refs (storedName, taskId, userId)
      SELECT DISTINCT value, NEW.taskId, NEW.userId FROM json_tree(NEW."values") WHERE key = 'storedName' AND type = 'text';
  END;
  CREATE TRIGGER drafts_refs_update AFTER UPDATE OF "values" ON drafts BEGIN
    DELETE FROM upload_refs WHERE taskId = OLD.taskId AND userId = OLD.userId;
    INSERT INTO upload_refs (storedName, taskId, userId)
      SELECT DISTINCT value, NEW.taskId, NEW.userId FROM json_tree(NEW."values") WHERE key = 'storedName' AND type = 'text';
  END;
  CREATE TRIGGER drafts_refs_delete AFTER DELETE ON drafts BEGIN
    DELETE FROM upload_refs WHERE taskId = OLD.taskId AND userId = OLD.userId;
  END;

  INSERT INTO upload_refs (storedName, sid)
    SELECT DISTINCT j.value, s.sid FROM sessions s, json_tree(CASE WHEN json_valid(s.data) THEN s.data ELSE '{}' END) j
    WHERE j.key = 'storedName' AND j.type = 'text';
  INSERT INTO upload_refs (storedName, taskId, userId)
    SELECT DISTINCT j.value, d.taskId, d.userId FROM drafts d, json_tree(d."values") j WHERE j.key = 'storedName' AND j.type = 'text';
  `,
  /* staff administration: the append-only log of staff account changes (src/staff) */ `
  CREATE TABLE staff_audit (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    userId    TEXT NOT NULL REFERENCES users (id),
    at        TEXT NOT NULL,
    actorId   TEXT,
    actorName TEXT,
    type      TEXT NOT NULL,
    data      TEXT NOT NULL CHECK (json_valid(data))
  ) STRICT;
  CREATE INDEX staff_audit_at ON staff_audit (at, seq);
  CREATE INDEX staff_audit_user ON staff_audit (userId, at, seq);
  CREATE TRIGGER staff_audit_no_update BEFORE UPDATE ON staff_audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER staff_audit_no_delete BEFORE DELETE ON staff_audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  `,
  /* the process catalogue: running cases per process, read from the index alone (src/definitions) */ `
  CREATE INDEX cases_running ON cases (status, processKey, id);
  `,
  /* tasks carry their case's process: the inbox filters by process, and by a step of one process (src/tasks) */ `
  ALTER TABLE tasks ADD COLUMN processKey TEXT NOT NULL DEFAULT '';
  UPDATE tasks SET processKey = coalesce((SELECT c.processKey FROM cases c WHERE c.id = tasks.caseId), '');
  CREATE INDEX tasks_inbox_process ON tasks (status, role, assigneeId, processKey, dueAt, createdAt, id);
  CREATE INDEX tasks_age_process ON tasks (status, role, assigneeId, processKey, createdAt, id);
  `,
  // 12: roles become system roles; who does a step is a group (issue 10). Every old staff role value
  // ('admin-ppe', any other but 'ppbj' and 'process-owner') becomes a group of the same id and name
  // (a later deploy sets its display name) whose members are that role's users, now 'staff'; 'ppbj'
  // users are applicants. tasks.role is renamed groupId (its indexes follow the column, names kept),
  // and an applicant's step ('ppbj') names the reserved group 'pemohon'.
  // memberships.displayName is the user's, kept by a trigger, so a group's members are read in name order.
  `
  CREATE TABLE groups (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL
  ) STRICT;

  CREATE TABLE memberships (
    userId      TEXT NOT NULL REFERENCES users (id),
    groupId     TEXT NOT NULL REFERENCES groups (id),
    displayName TEXT NOT NULL,
    PRIMARY KEY (userId, groupId)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX memberships_group ON memberships (groupId, displayName, userId);

  CREATE TRIGGER memberships_display_name AFTER UPDATE OF displayName ON users WHEN OLD.displayName IS NOT NEW.displayName BEGIN
    UPDATE memberships SET displayName = NEW.displayName WHERE userId = NEW.id;
  END;

  INSERT INTO groups (id, name, createdAt, updatedAt)
    SELECT role, role, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM (SELECT role FROM users UNION SELECT role FROM tasks)
    WHERE role NOT IN ('ppbj', 'process-owner', 'applicant', 'staff', 'pemohon');
  INSERT INTO memberships (userId, groupId, displayName)
    SELECT id, role, displayName FROM users WHERE role NOT IN ('ppbj', 'process-owner', 'applicant', 'staff', 'pemohon');
  UPDATE users SET role = 'staff' WHERE role NOT IN ('ppbj', 'process-owner', 'applicant', 'staff', 'pemohon');
  UPDATE users SET role = 'applicant' WHERE role IN ('ppbj', 'pemohon');

  ALTER TABLE tasks RENAME COLUMN role TO groupId;
  UPDATE tasks SET groupId = 'pemohon' WHERE groupId = 'ppbj';
  `,
  // nomor permohonan: a number per case from a counter per scope (process prefix and year: src/cases/
  // case-number.ts); cases of before get 'ALUR-<year (WIB) of creation>-…' in creation order
  `
  ALTER TABLE cases ADD COLUMN caseNumber TEXT;
  CREATE UNIQUE INDEX cases_number ON cases (caseNumber) WHERE caseNumber IS NOT NULL;
  CREATE TABLE case_numbers (
    scope TEXT PRIMARY KEY,
    last  INTEGER NOT NULL CHECK (last >= 1)
  ) STRICT, WITHOUT ROWID;
  UPDATE cases SET caseNumber = n.caseNumber FROM (
    SELECT id, 'ALUR-' || coalesce(strftime('%Y', createdAt, '+7 hours'), '0000') || '-'
      || printf('%06d', row_number() OVER (PARTITION BY coalesce(strftime('%Y', createdAt, '+7 hours'), '0000') ORDER BY createdAt, rowid)) AS caseNumber
    FROM cases
  ) AS n WHERE n.id = cases.id;
  INSERT INTO case_numbers (scope, last)
    SELECT 'ALUR-' || coalesce(strftime('%Y', createdAt, '+7 hours'), '0000'), count(*) FROM cases GROUP BY coalesce(strftime('%Y', createdAt, '+7 hours'), '0000');
  `,
  // retention: the delivery log, the retention job's indexes, inbox indexes of open tasks only (retention-migration.ts)
  RETENTION_MIGRATION,
  // report facts: per completed task and ended case, per day and series; the backlog of cases to compute (report-migration.ts)
  REPORT_FACTS_MIGRATION,
  // audit entries without what their task or document holds (audit-compaction.ts)
  AUDIT_COMPACTION_MIGRATION,
  // an imported SOP's studio draft keeps what the importer was unsure of until fixed or dismissed (src/definitions/sop-import.ts)
  `
  ALTER TABLE process_drafts ADD COLUMN importProblems TEXT CHECK (importProblems IS NULL OR json_valid(importProblems));
  `,
  // the report reader's cache key of a report_days row (report-migration.ts)
  REPORT_DAYS_REV_MIGRATION,
  // the delivery log's repeated strings (kind, channel, masked recipient, user) as numbers of a dictionary (message-log.ts)
  MESSAGE_LOG_TERMS_MIGRATION,
  // the inbox sorted by step or applicant name (task-query.ts), open tasks only; an applicant's open
  // tasks follow their display name from now on (a trigger, as memberships do; nothing renamed one before)
  `
  CREATE INDEX tasks_step_sort ON tasks (status, groupId, assigneeId, name COLLATE NOCASE, dueAt, createdAt, id) WHERE status = 'open';
  CREATE INDEX tasks_step_sort_process ON tasks (status, groupId, assigneeId, processKey, name COLLATE NOCASE, dueAt, createdAt, id) WHERE status = 'open';
  CREATE INDEX tasks_applicant_sort ON tasks (status, groupId, assigneeId, applicantName COLLATE NOCASE, dueAt, createdAt, id) WHERE status = 'open';
  CREATE INDEX tasks_applicant_sort_process ON tasks (status, groupId, assigneeId, processKey, applicantName COLLATE NOCASE, dueAt, createdAt, id) WHERE status = 'open';
  CREATE TRIGGER tasks_applicant_name AFTER UPDATE OF displayName ON users WHEN OLD.displayName IS NOT NEW.displayName BEGIN
    UPDATE tasks SET applicantName = NEW.displayName WHERE applicantId = NEW.id AND status = 'open';
  END;
  `,
  // the audit's ids (its own, case, actor, task) packed: a UUID in 16 bytes (audit-compaction.ts, packed-ids.ts)
  AUDIT_PACKED_IDS_MIGRATION,
  // the audit's time as ms and its type as a number (audit-compaction.ts, packed-ids.ts)
  AUDIT_PACKED_TIMES_MIGRATION,
  // an ended case keeps no engine state (src/store/ended-case.ts)
  `
  UPDATE cases SET engineState = x'' WHERE status IN ('completed', 'withdrawn', 'closed') AND length(engineState) > 0;
  `,
  // a step's submitted values read from the case's data when the same (audit-fields.ts)
  AUDIT_FIELDS_MIGRATION,
  // the delivery log keyed in its listing order, without an index of its own (message-log.ts)
  MESSAGE_LOG_SORTED_MIGRATION,
  // a task no longer open keeps no search text (inboxes search open tasks; ports.ts TaskRecord.searchText)
  `
  UPDATE tasks SET searchText = '' WHERE status <> 'open' AND searchText <> '';
  `,
  // a case's tasks: every task by its case alone (a case's closed steps are few, put in order when read),
  // the open ones also in the inbox's due order (partial: open tasks only); running cases counted from running ones only
  `
  DROP INDEX tasks_case;
  CREATE INDEX tasks_case ON tasks (caseId);
  CREATE INDEX tasks_case_open ON tasks (caseId, dueAt, createdAt, id) WHERE status = 'open';
  DROP INDEX cases_running;
  CREATE INDEX cases_running ON cases (status, processKey, id) WHERE status = 'running';
  `,
  // task_facts' times as ms and ids packed (task-facts-packed.ts)
  TASK_FACTS_PACKED_MIGRATION,
  // a task's completedAt as ms and completedBy packed (task-packed.ts)
  TASK_PACKED_MIGRATION,
];

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Brings the schema up to date. Runs under BEGIN IMMEDIATE, so when several processes start at
 * once on a fresh file one migrates and the others wait (busy_timeout), then find nothing to do.
 */
export function migrate(db: Database, migrations: readonly string[] = MIGRATIONS): MigrationResult {
  const run = db.transaction((): MigrationResult => {
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > migrations.length) {
      throw new Error(`database schema version ${from} is newer than this app knows (${migrations.length})`);
    }
    for (let v = from; v < migrations.length; v++) db.exec(migrations[v] as string);
    if (from !== migrations.length) db.pragma(`user_version = ${migrations.length}`);
    return { from, to: migrations.length };
  });
  return run.immediate();
}
