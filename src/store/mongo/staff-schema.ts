// Mongoose schema of the staff audit log (src/staff). Pure definition: nothing here touches a server.
import { Schema, type Types } from 'mongoose';
import type { StaffAuditEvent } from '../ports.js';
import { appendOnly } from './integrity.js';
import { id, nullableStr, options, str } from './schema-kit.js';

/** `seq` (an ObjectId, increasing per process) orders entries that share the same timestamp. */
export type StaffAuditDoc = Omit<StaffAuditEvent, 'id'> & { _id: string; seq: Types.ObjectId };

export const staffAuditSchema = new Schema<StaffAuditDoc>(
  {
    _id: id,
    userId: str,
    at: str,
    actorId: nullableStr,
    actorName: nullableStr,
    type: str,
    data: { type: Schema.Types.Mixed, required: true },
    seq: { type: Schema.Types.ObjectId, required: true },
  },
  options('staff_audit'),
);
// the whole log, newest first (read backwards); one account's entries
staffAuditSchema.index({ at: 1, seq: 1 });
staffAuditSchema.index({ userId: 1, at: 1, seq: 1 });
// as SQLite's staff_audit_no_update / staff_audit_no_delete triggers
appendOnly(staffAuditSchema);
