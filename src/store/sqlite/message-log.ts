// The delivery log of the SQLite store: a message whose text the retention job deletes leaves the
// outbox (a work queue) for message_log, one compact row (no id, case, subject or body; the
// recipient masked; times in ms since the epoch), and listMessages reads both, newest first.
import type { OutboxMessage } from '../ports.js';
import { maskRecipient } from '../recipient-mask.js';
import { DEFAULT_MESSAGE_LIMIT, pageOf } from '../task-paging.js';
import type { Database } from './database.js';
import type { OutboxStatements } from './outbox.js';

type LogRow = Omit<OutboxMessage, 'id' | 'subject' | 'body' | 'caseId' | 'nextAttemptAt' | 'lockedUntil' | 'createdAt' | 'sentAt'> & {
  seq: number;
  createdAt: number;
  sentAt: number | null;
};
type ListedRow = OutboxMessage & { seq: number };

const LOG = 'seq, createdAt, sentAt, kind, channel, "to", userId, status, attempts, lastError';
const iso = (ms: number) => new Date(ms).toISOString();
const entry = (r: LogRow): ListedRow => {
  const createdAt = iso(r.createdAt);
  return {
    seq: r.seq, id: `log:${r.seq}`, kind: r.kind, channel: r.channel, to: r.to, subject: null, body: '', userId: r.userId, caseId: null,
    createdAt, status: r.status, attempts: r.attempts, nextAttemptAt: createdAt, lockedUntil: null, lastError: r.lastError,
    sentAt: r.sentAt === null ? null : iso(r.sentAt), textDeleted: true,
  };
};
/** Newest first; insertion order (seq, shared by both tables) breaks a tie. */
const newestFirst = (a: ListedRow, b: ListedRow) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq;

export function createMessageLog(db: Database, outbox: OutboxStatements) {
  db.function('alur_mask', { deterministic: true }, (to: unknown) => maskRecipient(String(to)));
  db.function('alur_ms', { deterministic: true }, (at: unknown) => (at === null ? null : Date.parse(String(at))));
  const done = "status <> 'pending' AND createdAt < @before ORDER BY createdAt LIMIT @limit";
  const st = {
    // NOTE: outbox_created / outbox_kind; the outbox holds only the retention period's messages
    due: db.prepare<{ before: string; limit: number }, number>(`SELECT seq FROM outbox WHERE ${done}`).pluck(),
    dueOfKind: db.prepare<{ kind: string; before: string; limit: number }, number>(`SELECT seq FROM outbox WHERE kind = @kind AND ${done}`).pluck(),
    move: db.prepare<[number]>(
      `INSERT INTO message_log (${LOG}) SELECT seq, alur_ms(createdAt), alur_ms(sentAt), kind, channel, alur_mask("to"), userId, status, attempts, lastError ` +
        "FROM outbox WHERE seq = ? AND status <> 'pending'",
    ),
    remove: db.prepare<[number]>('DELETE FROM outbox WHERE seq = ?'),
    list: db.prepare<{ n: number }, LogRow>(`SELECT ${LOG} FROM message_log ORDER BY createdAt DESC, seq DESC LIMIT @n`),
    listByUser: db.prepare<{ userId: string; n: number }, LogRow>(
      `SELECT ${LOG} FROM message_log WHERE userId = @userId ORDER BY createdAt DESC, seq DESC LIMIT @n`,
    ),
  };

  const compact = db.transaction((before: string, limit: number, kinds?: string[]): number => {
    const seqs = kinds === undefined ? st.due.all({ before, limit }) : kinds.flatMap((kind) => st.dueOfKind.all({ kind, before, limit }));
    let moved = 0;
    for (const seq of seqs.slice(0, limit)) {
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
