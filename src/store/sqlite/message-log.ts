// The delivery log of the SQLite store: a message whose text the retention job deletes leaves the
// outbox (a work queue) for message_log, one compact row (no id, case, subject or body; the
// recipient masked; times in ms; kind, channel, recipient and user as numbers of message_terms,
// a dictionary of the few strings the log repeats), and listMessages reads both, newest first.
import type { OutboxMessage } from '../ports.js';
import { maskRecipient } from '../recipient-mask.js';
import { DEFAULT_MESSAGE_LIMIT, pageOf } from '../task-paging.js';
import type { Database } from './database.js';
import type { OutboxStatements } from './outbox.js';

/**
 * The log of before (one row of strings per message, 150 B with its indexes) becomes numbers of a
 * dictionary (about 60 B): appended to MIGRATIONS by migrations.ts; converts every row.
 */
export const MESSAGE_LOG_TERMS_MIGRATION = `
  CREATE TABLE message_terms (
    no   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE    -- a kind, a channel, a masked recipient or a user id
  ) STRICT;
  INSERT OR IGNORE INTO message_terms (term)
    SELECT kind FROM message_log UNION SELECT channel FROM message_log UNION SELECT "to" FROM message_log
    UNION SELECT userId FROM message_log WHERE userId IS NOT NULL;
  CREATE TABLE message_log_terms (
    seq       INTEGER PRIMARY KEY, -- the message's seq in the outbox (insertion order)
    createdAt INTEGER NOT NULL,    -- ms since the epoch
    sentAfter INTEGER,             -- sentAt - createdAt in ms (NULL: never sent)
    kind      INTEGER NOT NULL REFERENCES message_terms (no),
    channel   INTEGER NOT NULL REFERENCES message_terms (no),
    "to"      INTEGER NOT NULL REFERENCES message_terms (no), -- masked (b***@domain, +62****890)
    user      INTEGER REFERENCES message_terms (no),
    failed    INTEGER NOT NULL CHECK (failed IN (0, 1)),      -- status 'failed' (1) or 'sent' (0)
    attempts  INTEGER NOT NULL CHECK (attempts >= 0),
    lastError TEXT
  ) STRICT;
  INSERT INTO message_log_terms (seq, createdAt, sentAfter, kind, channel, "to", user, failed, attempts, lastError)
    SELECT l.seq, l.createdAt, l.sentAt - l.createdAt,
      (SELECT no FROM message_terms WHERE term = l.kind), (SELECT no FROM message_terms WHERE term = l.channel),
      (SELECT no FROM message_terms WHERE term = l."to"), (SELECT no FROM message_terms WHERE term = l.userId),
      l.status = 'failed', l.attempts, l.lastError
    FROM message_log l;
  DROP TABLE message_log;
  ALTER TABLE message_log_terms RENAME TO message_log;
  CREATE INDEX message_log_created ON message_log (createdAt);
  CREATE INDEX message_log_user ON message_log (user, createdAt) WHERE user IS NOT NULL;
`;

/**
 * The log kept in its listing order: a WITHOUT ROWID table keyed (createdAt, seq) needs no index of
 * its own for the newest-first list (message_log_created goes); appended to MIGRATIONS by migrations.ts.
 */
export const MESSAGE_LOG_SORTED_MIGRATION = `
  CREATE TABLE message_log_sorted (
    createdAt INTEGER NOT NULL,    -- ms since the epoch
    seq       INTEGER NOT NULL,    -- the message's seq in the outbox (insertion order)
    sentAfter INTEGER,             -- sentAt - createdAt in ms (NULL: never sent)
    kind      INTEGER NOT NULL REFERENCES message_terms (no),
    channel   INTEGER NOT NULL REFERENCES message_terms (no),
    "to"      INTEGER NOT NULL REFERENCES message_terms (no), -- masked (b***@domain, +62****890)
    user      INTEGER REFERENCES message_terms (no),
    failed    INTEGER NOT NULL CHECK (failed IN (0, 1)),      -- status 'failed' (1) or 'sent' (0)
    attempts  INTEGER NOT NULL CHECK (attempts >= 0),
    lastError TEXT,
    PRIMARY KEY (createdAt, seq)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO message_log_sorted (createdAt, seq, sentAfter, kind, channel, "to", user, failed, attempts, lastError)
    SELECT createdAt, seq, sentAfter, kind, channel, "to", user, failed, attempts, lastError FROM message_log;
  DROP TABLE message_log;
  ALTER TABLE message_log_sorted RENAME TO message_log;
  CREATE INDEX message_log_user ON message_log (user, createdAt) WHERE user IS NOT NULL;
`;

type LogRow = Pick<OutboxMessage, 'kind' | 'channel' | 'to' | 'userId' | 'attempts' | 'lastError'> & {
  seq: number;
  createdAt: number;
  sentAt: number | null;
  failed: 0 | 1;
};
type ListedRow = OutboxMessage & { seq: number };

const term = (column: string) => `(SELECT t.term FROM message_terms t WHERE t.no = message_log.${column})`;
const LOG =
  `seq, createdAt, createdAt + sentAfter AS sentAt, ${term('kind')} AS kind, ${term('channel')} AS channel, ` +
  `${term('"to"')} AS "to", ${term('user')} AS userId, failed, attempts, lastError`;
const iso = (ms: number) => new Date(ms).toISOString();
const entry = (r: LogRow): ListedRow => {
  const createdAt = iso(r.createdAt);
  return {
    seq: r.seq, id: `log:${r.seq}`, kind: r.kind, channel: r.channel, to: r.to, subject: null, body: '', userId: r.userId, caseId: null,
    createdAt, status: r.failed ? 'failed' : 'sent', attempts: r.attempts, nextAttemptAt: createdAt, lockedUntil: null, lastError: r.lastError,
    sentAt: r.sentAt === null ? null : iso(r.sentAt), textDeleted: true,
  };
};
/** Newest first; insertion order (seq, shared by both tables) breaks a tie. */
const newestFirst = (a: ListedRow, b: ListedRow) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq;
const no = (expr: string) => `(SELECT no FROM message_terms WHERE term = ${expr})`;

export function createMessageLog(db: Database, outbox: OutboxStatements) {
  db.function('alur_mask', { deterministic: true }, (to: unknown) => maskRecipient(String(to)));
  db.function('alur_ms', { deterministic: true }, (at: unknown) => (at === null ? null : Date.parse(String(at))));
  const done = "status <> 'pending' AND createdAt < @before ORDER BY createdAt LIMIT @limit";
  const st = {
    // NOTE: outbox_created / outbox_kind; the outbox holds only the retention period's messages
    due: db.prepare<{ before: string; limit: number }, number>(`SELECT seq FROM outbox WHERE ${done}`).pluck(),
    dueOfKind: db.prepare<{ kind: string; before: string; limit: number }, number>(`SELECT seq FROM outbox WHERE kind = @kind AND ${done}`).pluck(),
    terms: db.prepare<{ seq: number }>(
      'INSERT OR IGNORE INTO message_terms (term) SELECT kind FROM outbox WHERE seq = @seq UNION SELECT channel FROM outbox WHERE seq = @seq ' +
        'UNION SELECT alur_mask("to") FROM outbox WHERE seq = @seq UNION SELECT userId FROM outbox WHERE seq = @seq AND userId IS NOT NULL',
    ),
    move: db.prepare<[number]>(
      'INSERT INTO message_log (seq, createdAt, sentAfter, kind, channel, "to", user, failed, attempts, lastError) ' +
        `SELECT seq, alur_ms(createdAt), alur_ms(sentAt) - alur_ms(createdAt), ${no('kind')}, ${no('channel')}, ${no('alur_mask("to")')}, ` +
        `${no('userId')}, status = 'failed', attempts, lastError FROM outbox WHERE seq = ? AND status <> 'pending'`,
    ),
    remove: db.prepare<[number]>('DELETE FROM outbox WHERE seq = ?'),
    list: db.prepare<{ n: number }, LogRow>(`SELECT ${LOG} FROM message_log ORDER BY createdAt DESC, seq DESC LIMIT @n`),
    // NOTE: a user the log never saw has no term: the subquery is NULL and no row matches
    listByUser: db.prepare<{ userId: string; n: number }, LogRow>(
      `SELECT ${LOG} FROM message_log WHERE user = ${no('@userId')} ORDER BY createdAt DESC, seq DESC LIMIT @n`,
    ),
  };

  const compact = db.transaction((before: string, limit: number, kinds?: string[]): number => {
    const seqs = kinds === undefined ? st.due.all({ before, limit }) : kinds.flatMap((kind) => st.dueOfKind.all({ kind, before, limit }));
    let moved = 0;
    for (const seq of seqs.slice(0, limit)) {
      st.terms.run({ seq });
      if (st.move.run(seq).changes === 0) continue;
      st.remove.run(seq);
      moved++;
    }
    return moved;
  });

  return {
    compactMessages(before: string, limit: number, kinds?: string[]): number {
      if (!Number.isFinite(Date.parse(before))) throw new RangeError(`retention cutoff is not a date: ${before}`);
      const { limit: n } = pageOf({ limit }, 'compaction', limit);
      if (n === 0 || kinds?.length === 0) return 0;
      return compact.immediate(before, n, kinds);
    },
    /**
     * Both tables newest first: each read up to offset + limit rows through its index, merged here.
     * NOTE: the log keeps ms, the outbox ISO strings, so SQLite cannot merge them in one ordered statement.
     */
    listMessages(query: { userId?: string; limit?: number; offset?: number }): OutboxMessage[] {
      const { limit, offset } = pageOf(query, 'message list', DEFAULT_MESSAGE_LIMIT);
      if (limit === 0) return [];
      const n = offset + limit;
      const recent = (query.userId === undefined ? outbox.list.all({ limit: n, offset: 0 }) : outbox.listByUser.all({ userId: query.userId, limit: n, offset: 0 })) as ListedRow[];
      const logged = (query.userId === undefined ? st.list.all({ n }) : st.listByUser.all({ userId: query.userId, n })).map(entry);
      return [...recent, ...logged].sort(newestFirst).slice(offset, n).map(({ seq: _seq, ...m }) => m);
    },
  };
}
