// SQLite schema: a numbered, append-only list of migrations tracked with PRAGMA user_version.
// NOTE: never edit a migration that has shipped; append a new one instead.
import type Sqlite from 'better-sqlite3';

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
