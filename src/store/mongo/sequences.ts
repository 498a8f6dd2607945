// Insertion order where it matters, the same order SQLite's rowid gives: each case numbers its audit
// events and documents, each user their verification codes, from a counter on the case or user
// document (`eventSeq`, `codeSeq`) incremented in the writer's transaction. So the order is the
// commit order across every app instance, and there is no global hot document: two writers of one
// case already conflict on its rev, and a conflict on the counter is retried by the transaction.
// NOTE: the outbox and timer claims keep a per-process order (outbox: an ObjectId `seq`, timers:
// `_id`) for equal due times: there the order is only the fairness of a claim (README, MongoDB).
import type { ClientSession } from 'mongoose';
import { MissingReferenceError, type AuditEvent, type DocumentRecord } from '../ports.js';
import { toDoc } from './mapping.js';
import type { Models } from './models.js';

/** A record as stored with its number. */
export type Numbered<R extends { id: string }> = Omit<R, 'id'> & { _id: string; seq: number };

/**
 * Takes `count` numbers of case `caseId`'s counter in `session`; returns the first. Throws when the
 * case does not exist (what SQLite's foreign key refuses).
 */
export async function takeCaseSeqs(m: Models, caseId: string, count: number, session: ClientSession | undefined): Promise<number> {
  const doc = await m.Case.findOneAndUpdate({ _id: caseId }, { $inc: { eventSeq: count } }, { session, returnDocument: 'after', projection: { eventSeq: 1 } }).lean();
  if (!doc) throw new MissingReferenceError(`case ${caseId} does not exist`);
  return (doc.eventSeq ?? count) - count + 1;
}

/** Gives `records` (of any cases) their numbers, in the given order, in `session`'s transaction. */
export async function numberCaseRecords<R extends AuditEvent | DocumentRecord>(m: Models, records: R[], session: ClientSession | undefined): Promise<Array<Numbered<R>>> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.caseId, (counts.get(r.caseId) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [caseId, count] of counts) next.set(caseId, await takeCaseSeqs(m, caseId, count, session));
  return records.map((r) => {
    const seq = next.get(r.caseId)!;
    next.set(r.caseId, seq + 1);
    return { ...toDoc(r), seq };
  });
}

/** Numbers records of one case from `first` on (a new case, whose counter is written with it). */
export function numberFrom<R extends AuditEvent | DocumentRecord>(records: R[], first: number): Array<Numbered<R>> {
  return records.map((r, i) => ({ ...toDoc(r), seq: first + i }));
}

/** The next number of user `userId`'s codes, in `session`; throws when the user does not exist (SQLite's foreign key). */
export async function takeCodeSeq(m: Models, userId: string, session: ClientSession): Promise<number> {
  const doc = await m.User.findOneAndUpdate({ _id: userId }, { $inc: { codeSeq: 1 } }, { session, returnDocument: 'after', projection: { codeSeq: 1 } }).lean();
  if (!doc) throw new MissingReferenceError(`user ${userId} does not exist`);
  return doc.codeSeq ?? 1;
}

/**
 * Orders two stored `seq` values as MongoDB's sort does: numbers (this version) before ObjectIds
 * (audit events written before, kept as they were: the log is append-only), numbers by value,
 * ObjectIds by their bytes (time, then per-process counter).
 */
export function compareSeq(a: unknown, b: unknown): number {
  const num = (x: unknown) => typeof x === 'number';
  if (num(a) && num(b)) return (a as number) - (b as number);
  if (num(a) !== num(b)) return num(a) ? -1 : 1;
  const hex = (x: unknown) => (x as { toHexString(): string }).toHexString();
  return hex(a) < hex(b) ? -1 : hex(a) > hex(b) ? 1 : 0;
}
