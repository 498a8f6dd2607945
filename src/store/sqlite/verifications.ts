// One-time codes and link tokens (hash only) of the SQLite store, and their atomic consumption.
import type { AuditEvent, UserPatch, VerificationPurpose, VerificationRecord } from '../ports.js';
import { NotFoundError } from '../../errors.js';
import { uniqueOrConflict, type Database } from './database.js';
import { auditToRow, type AuditRow, type VerificationRow } from './rows.js';
import { cols, insert } from './statements.js';
import type { createUserPatcher } from './user-patch.js';

const VERIFICATION = ['id', 'userId', 'purpose', 'codeHash', 'createdAt', 'expiresAt', 'usedAt', 'attempts'];

export function createVerifications(
  db: Database,
  deps: { patchUser: ReturnType<typeof createUserPatcher>; insertAudit: { run(row: AuditRow): unknown } },
) {
  const st = {
    insert: db.prepare<VerificationRow>(insert('verifications', VERIFICATION)),
    // the newest by createdAt; seq (insertion order) breaks a tie
    latest: db.prepare<[string, string], VerificationRow>(
      `SELECT ${cols(VERIFICATION)} FROM verifications WHERE userId = ? AND purpose = ? ORDER BY createdAt DESC, seq DESC LIMIT 1`,
    ),
    countSince: db
      .prepare<[string, string, string], number>('SELECT count(*) FROM verifications WHERE userId = ? AND purpose = ? AND createdAt >= ?')
      .pluck(),
    attempt: db.prepare<[string], number>('UPDATE verifications SET attempts = attempts + 1 WHERE id = ? RETURNING attempts').pluck(),
    // NOTE: the condition is the "once only" guarantee; ISO-8601 UTC strings compare in time order.
    use: db.prepare<{ id: string; at: string }, { userId: string }>(
      'UPDATE verifications SET usedAt = @at WHERE id = @id AND usedAt IS NULL AND expiresAt > @at RETURNING userId',
    ),
  };

  const consume = db.transaction((id: string, at: string, userPatch?: UserPatch, audit?: AuditEvent): boolean => {
    const used = st.use.get({ id, at });
    if (!used) return false;
    if (userPatch) deps.patchUser(used.userId, userPatch); // a throw rolls the use back too
    if (audit) deps.insertAudit.run(auditToRow(audit));
    return true;
  });

  return {
    insertVerification(rec: VerificationRecord): void {
      uniqueOrConflict(`verification ${rec.id} exists`, () => st.insert.run(rec));
    },
    latestVerification(userId: string, purpose: VerificationPurpose): VerificationRecord | null {
      return st.latest.get(userId, purpose) ?? null;
    },
    countVerificationsSince(userId: string, purpose: VerificationPurpose, since: string): number {
      return st.countSince.get(userId, purpose, since) as number;
    },
    recordVerificationAttempt(id: string): number {
      const attempts = st.attempt.get(id);
      if (attempts === undefined) throw new NotFoundError();
      return attempts;
    },
    consumeVerification(id: string, at: string, userPatch?: UserPatch, audit?: AuditEvent): boolean {
      return uniqueOrConflict(`verification ${id}`, () => consume.immediate(id, at, userPatch, audit));
    },
  };
}
