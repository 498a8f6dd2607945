// Mongoose schemas of the MongoDB store: same fields as the port's records, `_id` = our string id,
// and the indexes the inbox and lookups need. Pure definitions: nothing here touches a server.
import { Schema, Types } from 'mongoose';
import {
  ROLES,
  type AccountStatus,
  type AuditEvent,
  type CaseRecord,
  type CaseStatus,
  type DefinitionRecord,
  type DocumentRecord,
  type TaskRecord,
  type TaskStatus,
  type UserRecord,
} from '../ports.js';
import { counter, id, int, nullableStr, options, present, sequenceNo, str, text } from './schema-kit.js';
import { appendOnly } from './integrity.js';

/** A record stored with its `id` as the document's `_id`. */
export type Stored<R extends { id: string }> = Omit<R, 'id'> & { _id: string };
/**
 * `codeSeq`: the last number given to the user's verification codes (sequences.ts). `holdSeq`: bumped
 * by each task handed to the user, so that change and a status change conflict (case-change.ts).
 */
export type UserDoc = Stored<UserRecord> & { codeSeq?: number; holdSeq?: number };
export type DefinitionDoc = Stored<DefinitionRecord>;
/**
 * `seq`: insertion order (a counter, the same order as SQLite's rowid) breaks ties of equal times;
 * `eventSeq`: the last number given to the case's audit events and documents (sequences.ts).
 */
export type CaseDoc = Stored<CaseRecord> & { seq?: number; eventSeq?: number };
export type TaskDoc = Stored<TaskRecord>;
/**
 * `seq`: the record's number in its case (sequences.ts), the order of records that share a
 * timestamp. Audit events written before it existed keep an ObjectId (the log is append-only).
 */
export type AuditDoc = Stored<AuditEvent> & { seq: number | Types.ObjectId };
export type DocumentDoc = Stored<DocumentRecord> & { seq: number };
/** `expiresDate` drives the TTL index; `expiresAt` is the caller's string, returned as given. */
export interface SessionDoc {
  _id: string;
  data: string;
  expiresAt: string;
  expiresDate: Date;
  /** The stored names of the uploads the session keeps (staged files), for the upload sweeper's index. */
  uploads: string[];
}

export const ACCOUNT_STATUSES = ['registered', 'active', 'disabled'] as const satisfies readonly AccountStatus[];
export const CASE_STATUSES = ['running', 'completed', 'failed', 'withdrawn', 'closed'] as const satisfies readonly CaseStatus[];
export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const satisfies readonly TaskStatus[];

export const userSchema = new Schema<UserDoc>(
  {
    _id: id,
    email: { type: String, required: true, lowercase: true, trim: true },
    whatsapp: nullableStr,
    displayName: text('displayName'),
    role: { type: String, required: true, enum: ROLES },
    passwordHash: str,
    status: { type: String, required: true, enum: ACCOUNT_STATUSES },
    createdAt: str,
    emailVerifiedAt: nullableStr,
    whatsappVerifiedAt: nullableStr,
    privacyNoticeVersion: nullableStr,
    privacyAcknowledgedAt: nullableStr,
    codeSeq: counter,
    holdSeq: counter,
  },
  options('users'),
);
// NOTE: every query of the adapter is served by one of these indexes, its sort included
// (test/store/mongo.indexes.test.ts records each query and checks it against them).
userSchema.index({ email: 1 }, { unique: true });
// the users of a role by name (and their count)
userSchema.index({ role: 1, displayName: 1, _id: 1 });

export const sessionSchema = new Schema<SessionDoc>(
  { _id: id, data: text('data'), expiresAt: str, expiresDate: { type: Date, required: true }, uploads: { type: [String], default: [] } },
  options('sessions'),
);
sessionSchema.index({ uploads: 1 });
// MongoDB's TTL monitor deletes expired sessions (about once a minute); reads filter them out too.
sessionSchema.index({ expiresDate: 1 }, { expireAfterSeconds: 0 });

export const definitionSchema = new Schema<DefinitionDoc>(
  {
    _id: id,
    processKey: str,
    version: int(1),
    name: text('name'),
    xml: str,
    createdAt: str,
    createdBy: nullableStr,
    comment: text('comment'),
  },
  options('definitions'),
);
definitionSchema.index({ processKey: 1, version: 1 }, { unique: true });

export const caseSchema = new Schema<CaseDoc>(
  {
    _id: id,
    definitionId: str,
    processKey: str,
    definitionVersion: int(1),
    applicantId: str,
    applicantName: text('applicantName'),
    status: { type: String, required: true, enum: CASE_STATUSES },
    engineState: { type: Buffer, required: present('engineState') },
    data: { type: Schema.Types.Mixed, required: true },
    rev: int(1),
    error: nullableStr,
    createdAt: str,
    updatedAt: str,
    seq: { type: Number, required: true, min: 1, validate: Number.isInteger },
    eventSeq: counter,
    caseNumber: { type: String }, // nomor permohonan (case-change.ts), absent on a case created without one
  },
  options('cases'),
);
// the receipt's verification page finds a case by its nomor permohonan (unique where present)
caseSchema.index({ caseNumber: 1 }, { unique: true, partialFilterExpression: { caseNumber: { $type: 'string' } } });
caseSchema.index({ applicantId: 1, createdAt: -1, seq: -1 });
caseSchema.index({ status: 1, updatedAt: -1, seq: -1 });
// reports: the cases of one process, or of every process, by creation time
caseSchema.index({ processKey: 1, createdAt: 1, seq: 1 });
caseSchema.index({ createdAt: 1, seq: 1 });
// the process catalogue: running cases per process (src/store/mongo/process-summaries.ts)
caseSchema.index({ status: 1, processKey: 1 });

export const taskSchema = new Schema<TaskDoc>(
  {
    _id: id,
    caseId: str,
    processKey: str, // older tasks get their case's at init (migration 7-task-process-key)
    applicantId: str,
    applicantName: text('applicantName'),
    elementId: str,
    name: text('name'),
    stepNo: { type: Number, default: null },
    groupId: str, // the group whose members do the step ('pemohon': the case's applicant)
    formKey: text('formKey'),
    assigneeId: nullableStr,
    status: { type: String, required: true, enum: TASK_STATUSES },
    createdAt: str,
    dueAt: str,
    timeStandard: text('timeStandard'),
    completedAt: nullableStr,
    completedBy: nullableStr,
    searchText: text('searchText'), // may be '' (older tasks get lower(applicantName) at init)
  },
  options('tasks'),
);
// the staff inboxes (a group's queue, one person's tasks) by due time and by age, in the full
// order of the page (dueAt, createdAt, _id), so a page is read in order and never sorted in memory
// (several groups: one range per group, merged in order by the server's SORT_MERGE)
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, dueAt: 1, createdAt: 1, _id: 1 });
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, createdAt: 1, _id: 1 });
// the same, of one process (the inbox's process filter; its step filter pairs a step with its process)
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, processKey: 1, dueAt: 1, createdAt: 1, _id: 1 });
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, processKey: 1, createdAt: 1, _id: 1 });
// one SOP step, any group and assignee (the process monitor), by due time
taskSchema.index({ status: 1, elementId: 1, dueAt: 1, createdAt: 1, _id: 1 });
// an applicant's tasks; a case's tasks
taskSchema.index({ applicantId: 1, status: 1, dueAt: 1, createdAt: 1, _id: 1 });
taskSchema.index({ caseId: 1, status: 1, dueAt: 1, createdAt: 1, _id: 1 });
// the open tasks of a process, oldest first (the compliance reports' open-task list)
taskSchema.index({ status: 1, processKey: 1, createdAt: 1, _id: 1 });
// the inbox sorted by step or applicant name, case-insensitively (the collation of task-query.ts FOLDED),
// of open tasks only (a completed task is in none of them)
const openByName = { partialFilterExpression: { status: 'open' }, collation: { locale: 'en', strength: 2 } };
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, name: 1, dueAt: 1, createdAt: 1, _id: 1 }, openByName);
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, processKey: 1, name: 1, dueAt: 1, createdAt: 1, _id: 1 }, openByName);
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, applicantName: 1, dueAt: 1, createdAt: 1, _id: 1 }, openByName);
taskSchema.index({ status: 1, groupId: 1, assigneeId: 1, processKey: 1, applicantName: 1, dueAt: 1, createdAt: 1, _id: 1 }, openByName);

export const auditSchema = new Schema<AuditDoc>(
  {
    _id: id,
    caseId: str,
    at: str,
    actorId: nullableStr,
    actorName: nullableStr,
    type: str,
    taskId: nullableStr,
    data: { type: Schema.Types.Mixed, required: true },
    // a number (sequences.ts); an older event read back keeps its ObjectId (never rewritten)
    seq: { type: Schema.Types.Mixed, required: true, validate: (v: unknown) => (Number.isInteger(v) && (v as number) >= 1) || v instanceof Types.ObjectId },
  },
  options('audit'),
);
// a case's history and documents in order: time, then the case's own numbering (sequences.ts)
auditSchema.index({ caseId: 1, at: 1, seq: 1 });
// as SQLite's audit_no_update / audit_no_delete triggers (the database role: README, MongoDB)
appendOnly(auditSchema);

export const documentSchema = new Schema<DocumentDoc>(
  {
    _id: id,
    caseId: str,
    taskId: nullableStr,
    field: str,
    uploaderId: str,
    originalName: text('originalName'),
    storedName: str,
    mime: str,
    size: int(0),
    sha256: str,
    createdAt: str,
    seq: sequenceNo,
  },
  options('documents'),
);
documentSchema.index({ caseId: 1, createdAt: 1, seq: 1 });
documentSchema.index({ storedName: 1 });
