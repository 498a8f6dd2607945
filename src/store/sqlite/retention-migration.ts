// The SQLite schema of retention (issue 14), one migration appended to MIGRATIONS (migrations.ts):
// the delivery log, the indexes the retention job reads, and inbox indexes that cover open tasks only.
// NOTE: shipped once appended: change it by appending another migration, never by editing this text.

export const RETENTION_MIGRATION = `
  -- the delivery log (message-log.ts): a message whose text the retention job deleted, compact
  CREATE TABLE message_log (
    seq       INTEGER PRIMARY KEY, -- the message's seq in the outbox (insertion order)
    createdAt INTEGER NOT NULL,    -- ms since the epoch
    sentAt    INTEGER,
    kind      TEXT NOT NULL,
    channel   TEXT NOT NULL,
    "to"      TEXT NOT NULL,       -- masked (b***@domain, +62****890)
    userId    TEXT,
    status    TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    attempts  INTEGER NOT NULL CHECK (attempts >= 0),
    lastError TEXT
  ) STRICT;
  CREATE INDEX message_log_created ON message_log (createdAt);
  CREATE INDEX message_log_user ON message_log (userId, createdAt);

  -- the retention job's reads (purges.ts, message-log.ts)
  CREATE INDEX outbox_kind ON outbox (kind, createdAt);
  CREATE INDEX verifications_expiry ON verifications (expiresAt);
  CREATE INDEX verifications_used ON verifications (usedAt) WHERE usedAt IS NOT NULL;
  CREATE INDEX timers_finished ON timers (doneAt) WHERE status <> 'pending';

  -- inboxes ask for open tasks only (task-query.ts binds status 'open'; SQLite plans a partial index
  -- for the bound value): completed tasks, most of the table, leave these indexes. tasks_case stays
  -- whole (a case's completed steps are read through it).
  DROP INDEX tasks_inbox;
  CREATE INDEX tasks_inbox ON tasks (status, groupId, assigneeId, dueAt, createdAt, id) WHERE status = 'open';
  DROP INDEX tasks_age;
  CREATE INDEX tasks_age ON tasks (status, groupId, assigneeId, createdAt, id) WHERE status = 'open';
  DROP INDEX tasks_step;
  CREATE INDEX tasks_step ON tasks (status, elementId, dueAt, createdAt, id) WHERE status = 'open';
  DROP INDEX tasks_applicant;
  CREATE INDEX tasks_applicant ON tasks (applicantId, status, dueAt, createdAt, id) WHERE status = 'open';
  DROP INDEX tasks_inbox_process;
  CREATE INDEX tasks_inbox_process ON tasks (status, groupId, assigneeId, processKey, dueAt, createdAt, id) WHERE status = 'open';
  DROP INDEX tasks_age_process;
  CREATE INDEX tasks_age_process ON tasks (status, groupId, assigneeId, processKey, createdAt, id) WHERE status = 'open';
`;
