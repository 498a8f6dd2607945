// Durable timers of the SQLite store: scheduled with "insert or keep", claimed in one BEGIN
// IMMEDIATE transaction (a fresh lease token per claim), then done (with their effects, atomically)
// or released, only by the holder of the token. Several processes on one file never share a claim.
import { randomUUID } from 'node:crypto';
import { ConflictError, type TimerEffects, type TimerLease, type TimerQuery, type TimerRecord } from '../ports.js';
import { leaseEnd, pageOf, DEFAULT_TASK_LIMIT } from '../task-paging.js';
import type { Database } from './database.js';
import type { OutboxStatements } from './outbox.js';
import { auditToRow } from './rows.js';
import { cols, insert, type Statements } from './statements.js';

const TIMER = [
  'id', 'kind', 'caseId', 'taskId', 'dueAt', 'nextAttemptAt', 'data', 'status', 'attempts', 'leaseToken', 'lockedUntil',
  'lastError', 'createdAt', 'doneAt',
];

export type TimerRow = Omit<TimerRecord, 'data'> & { data: string };
export const timerToRow = (t: TimerRecord): TimerRow => ({ ...t, data: JSON.stringify(t.data) });
export const timerFromRow = (r: TimerRow): TimerRecord => ({ ...r, data: JSON.parse(r.data) as TimerRecord['data'] });

/** The due, unleased timers in claim order (exported for the query-plan test). */
export const DUE_TIMERS_SQL =
  "SELECT seq FROM timers WHERE status = 'pending' AND nextAttemptAt <= @now " +
  'AND (lockedUntil IS NULL OR lockedUntil <= @now) ORDER BY nextAttemptAt, seq LIMIT @limit';

export type TimerStatements = ReturnType<typeof prepareTimers>;

export function prepareTimers(db: Database) {
  return {
    insert: db.prepare<TimerRow>(`${insert('timers', TIMER)} ON CONFLICT (id) DO NOTHING`),
    due: db.prepare<{ now: string; limit: number }, number>(DUE_TIMERS_SQL).pluck(),
    lease: db.prepare<{ seq: number; token: string; until: string }, TimerRow>(
      `UPDATE timers SET leaseToken = @token, lockedUntil = @until, attempts = attempts + 1 WHERE seq = @seq RETURNING ${cols(TIMER)}`,
    ),
    done: db.prepare<{ id: string; token: string; at: string }>(
      "UPDATE timers SET status = 'done', doneAt = @at, lockedUntil = NULL WHERE id = @id AND leaseToken = @token AND status = 'pending'",
    ),
    release: db.prepare<{ id: string; token: string; at: string; retryAt: string | null; error: string | null }>(
      'UPDATE timers SET lockedUntil = NULL, lastError = @error, ' +
        "status = CASE WHEN @retryAt IS NULL THEN 'failed' ELSE 'pending' END, " +
        'nextAttemptAt = coalesce(@retryAt, nextAttemptAt), doneAt = CASE WHEN @retryAt IS NULL THEN @at ELSE NULL END ' +
        "WHERE id = @id AND leaseToken = @token AND status = 'pending'",
    ),
    cancel: db.prepare<{ id: string; at: string }>(
      "UPDATE timers SET status = 'cancelled', doneAt = @at, lockedUntil = NULL WHERE id = @id AND status = 'pending'",
    ),
  };
}

function listSql(q: TimerQuery): { sql: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  for (const key of ['caseId', 'taskId', 'kind', 'status'] as const) {
    const value = q[key];
    if (value !== undefined) {
      clauses.push(`${key} = @${key}`);
      params[key] = value;
    }
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return { sql: `SELECT ${cols(TIMER)} FROM timers ${where} ORDER BY dueAt, id LIMIT @limit OFFSET @offset`, params };
}

export function createTimers(db: Database, st: TimerStatements, more: { st: Statements; outbox: OutboxStatements }) {
  const schedule = db.transaction((timers: TimerRecord[]): void => {
    for (const t of timers) st.insert.run(timerToRow(t));
  });
  const claim = db.transaction((now: string, limit: number, until: string): TimerRecord[] =>
    st.due.all({ now, limit }).map((seq) => timerFromRow(st.lease.get({ seq, token: randomUUID(), until }) as TimerRow)),
  );
  const complete = db.transaction((lease: TimerLease, at: string, effects: TimerEffects): boolean => {
    if (st.done.run({ ...lease, at }).changes === 0) return false;
    for (const e of effects.audit ?? []) more.st.insertAudit.run(auditToRow(e));
    for (const m of effects.outbox ?? []) more.outbox.insert.run(m);
    for (const t of effects.timers ?? []) st.insert.run(timerToRow(t));
    return true;
  });
  const cache = new Map<string, ReturnType<Database['prepare']>>();

  return {
    scheduleTimers(timers: TimerRecord[]): void {
      if (timers.length) schedule.immediate(timers);
    },
    claimDueTimers(now: string, limit: number, leaseMs: number): TimerRecord[] {
      const until = leaseEnd(now, leaseMs);
      const { limit: n } = pageOf({ limit }, 'timer claim', limit);
      return n === 0 ? [] : claim.immediate(now, n, until);
    },
    completeTimer(lease: TimerLease, at: string, effects: TimerEffects = {}): boolean {
      return complete.immediate(lease, at, effects);
    },
    releaseTimer(lease: TimerLease, at: string, retryAt: string | null, error: string | null): boolean {
      return st.release.run({ ...lease, at, retryAt, error }).changes > 0;
    },
    listTimers(q: TimerQuery): TimerRecord[] {
      const { sql, params } = listSql(q);
      let stmt = cache.get(sql);
      if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
      return (stmt.all({ ...params, ...pageOf(q, 'timer list', DEFAULT_TASK_LIMIT) }) as TimerRow[]).map(timerFromRow);
    },
  };
}

/** The timer part of applyCaseChange, inside its transaction: done-marking first, then cancel, then schedule. */
export function applyTimerChange(
  st: TimerStatements,
  change: { firedTimer?: TimerLease & { at: string }; cancelTimers?: string[]; timers?: TimerRecord[] },
  caseId: string,
  at: string,
): void {
  if (change.firedTimer && st.done.run(change.firedTimer).changes === 0) {
    throw new ConflictError(`case ${caseId}: timer ${change.firedTimer.id} is no longer held by this lease`);
  }
  for (const id of change.cancelTimers ?? []) st.cancel.run({ id, at });
  for (const t of change.timers ?? []) st.insert.run(timerToRow(t));
}
