// The outbox of the SQLite store: messages written with the change that causes them, then leased
// by a sender. A claim is one BEGIN IMMEDIATE transaction, so two processes never lease one message.
import type { OutboxMessage } from '../ports.js';
import { NotFoundError } from '../../errors.js';
import { leaseEnd, pageOf } from '../task-paging.js';
import { uniqueOrConflict, type Database } from './database.js';
import type { OutboxRow } from './rows.js';
import { cols, insert } from './statements.js';

const OUTBOX = [
  'id', 'kind', 'channel', 'to', 'subject', 'body', 'userId', 'caseId', 'createdAt', 'status', 'attempts',
  'nextAttemptAt', 'lockedUntil', 'lastError', 'sentAt',
];

/** The due, unleased messages in claim order (exported for the query-plan test). */
export const DUE_SQL =
  "SELECT seq FROM outbox WHERE status = 'pending' AND nextAttemptAt <= @now " +
  'AND (lockedUntil IS NULL OR lockedUntil <= @now) ORDER BY nextAttemptAt, seq LIMIT @limit';

export type OutboxStatements = ReturnType<typeof prepareOutbox>;

/** The redacted text of a message, or (redact 0) none: the stored text stays. */
type Redaction = { redact: 0 | 1; subject: string | null; body: string | null };
const REDACT = 'subject = CASE WHEN @redact = 1 THEN @subject ELSE subject END, body = CASE WHEN @redact = 1 THEN @body ELSE body END';
const redaction = (text: Pick<OutboxMessage, 'subject' | 'body'> | undefined): Redaction =>
  text ? { redact: 1, subject: text.subject, body: text.body } : { redact: 0, subject: null, body: null };

export function prepareOutbox(db: Database) {
  return {
    insert: db.prepare<OutboxRow>(insert('outbox', OUTBOX)),
    // NOTE: uses outbox_due (status, nextAttemptAt); the lease is checked on the due rows only.
    due: db.prepare<{ now: string; limit: number }, number>(DUE_SQL).pluck(),
    lease: db.prepare<{ seq: number; until: string }, OutboxRow>(
      `UPDATE outbox SET lockedUntil = @until, attempts = attempts + 1 WHERE seq = @seq RETURNING ${cols(OUTBOX)}`,
    ),
    // @redact = 1: the subject and body become @subject and @body (the secret removed) in the same write
    sent: db.prepare<Redaction & { id: string; at: string }>(
      "UPDATE outbox SET status = 'sent', sentAt = @at, lockedUntil = NULL, " + REDACT + ' WHERE id = @id',
    ),
    // A late failure report never reopens a message that was sent (or given up) meanwhile.
    failed: db.prepare<Redaction & { id: string; error: string; retryAt: string | null }>(
      'UPDATE outbox SET lastError = @error, lockedUntil = NULL, ' + REDACT + ', ' +
        "status = CASE WHEN @retryAt IS NULL THEN 'failed' ELSE 'pending' END, " +
        "nextAttemptAt = coalesce(@retryAt, nextAttemptAt) WHERE id = @id AND status = 'pending'",
    ),
    exists: db.prepare<[string], number>('SELECT 1 FROM outbox WHERE id = ?').pluck(),
    // with seq: listMessages merges these with the delivery log (message-log.ts)
    list: db.prepare<{ limit: number; offset: number }, OutboxRow & { seq: number }>(
      `SELECT seq, ${cols(OUTBOX)} FROM outbox ORDER BY createdAt DESC, seq DESC LIMIT @limit OFFSET @offset`,
    ),
    listByUser: db.prepare<{ userId: string; limit: number; offset: number }, OutboxRow & { seq: number }>(
      `SELECT seq, ${cols(OUTBOX)} FROM outbox WHERE userId = @userId ORDER BY createdAt DESC, seq DESC LIMIT @limit OFFSET @offset`,
    ),
  };
}

export function createOutbox(db: Database, st: OutboxStatements) {
  const enqueue = db.transaction((messages: OutboxMessage[]): void => {
    for (const msg of messages) st.insert.run(msg);
  });

  const claim = db.transaction((now: string, limit: number, until: string): OutboxMessage[] =>
    st.due.all({ now, limit }).map((seq) => st.lease.get({ seq, until }) as OutboxRow),
  );

  return {
    enqueueMessages(messages: OutboxMessage[]): void {
      if (messages.length === 0) return;
      uniqueOrConflict('outbox message exists', () => enqueue.immediate(messages));
    },
    claimDueMessages(now: string, limit: number, leaseMs: number): OutboxMessage[] {
      const until = leaseEnd(now, leaseMs);
      const { limit: n } = pageOf({ limit }, 'claim', limit);
      return n === 0 ? [] : claim.immediate(now, n, until);
    },
    markMessageSent(id: string, at: string, redacted?: Pick<OutboxMessage, 'subject' | 'body'>): void {
      if (st.sent.run({ id, at, ...redaction(redacted) }).changes === 0) throw new NotFoundError();
    },
    markMessageFailed(id: string, error: string, retryAt: string | null, redacted?: Pick<OutboxMessage, 'subject' | 'body'>): void {
      if (st.failed.run({ id, error, retryAt, ...redaction(redacted) }).changes === 0 && st.exists.get(id) === undefined) throw new NotFoundError();
    },
  };
}
