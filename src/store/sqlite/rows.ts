// Row shapes of the SQLite tables and their mapping to the port's records (JSON columns, BLOBs).
import type {
  AuditEvent,
  CaseRecord,
  DefinitionRecord,
  DocumentRecord,
  DraftRecord,
  OutboxMessage,
  SessionRecord,
  TaskRecord,
  UserRecord,
  VerificationRecord,
} from '../ports.js';

// Columns are named like the record fields, so most rows are the record itself.
export type UserRow = UserRecord;
export type DefinitionRow = DefinitionRecord;
export type TaskRow = TaskRecord;
export type DocumentRow = DocumentRecord;
export type SessionRow = SessionRecord & { expiresMs: number };
export type CaseRow = Omit<CaseRecord, 'data' | 'caseNumber'> & { data: string; caseNumber: string | null };
export type AuditRow = Omit<AuditEvent, 'data'> & { data: string };
export type VerificationRow = VerificationRecord;
export type OutboxRow = OutboxMessage;
export type DraftRow = Omit<DraftRecord, 'values'> & { values: string };

export function caseToRow(c: CaseRecord): CaseRow {
  return { ...c, engineState: Buffer.from(c.engineState), data: JSON.stringify(c.data), caseNumber: c.caseNumber ?? null };
}

export function caseFromRow(row: CaseRow): CaseRecord {
  const { caseNumber, ...rest } = row;
  return { ...rest, data: JSON.parse(row.data) as CaseRecord['data'], ...(caseNumber ? { caseNumber } : {}) };
}

export function auditToRow(e: AuditEvent): AuditRow {
  return { ...e, data: JSON.stringify(e.data) };
}

export function auditFromRow(row: AuditRow): AuditEvent {
  return { ...row, data: JSON.parse(row.data) as AuditEvent['data'] };
}

export function sessionToRow(s: SessionRecord): SessionRow {
  const expiresMs = Date.parse(s.expiresAt);
  if (!Number.isFinite(expiresMs)) throw new Error(`session expiresAt is not a date: ${s.expiresAt}`);
  return { sid: s.sid, data: s.data, expiresAt: s.expiresAt, expiresMs };
}

export function sessionFromRow(row: SessionRow): SessionRecord {
  return { sid: row.sid, data: row.data, expiresAt: row.expiresAt };
}

export function draftToRow(d: DraftRecord): DraftRow {
  return { ...d, values: JSON.stringify(d.values) };
}

export function draftFromRow(row: DraftRow): DraftRecord {
  return { ...row, values: JSON.parse(row.values) as DraftRecord['values'] };
}
