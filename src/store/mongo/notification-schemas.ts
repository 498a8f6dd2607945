// Mongoose schemas of the notifications feature: verification codes (hash only) and the outbox.
// Pure definitions, like schemas.ts: nothing here touches a server.
import { Schema, type Types } from 'mongoose';
import type { Channel, OutboxMessage, OutboxStatus, VerificationPurpose, VerificationRecord } from '../ports.js';
import { id, int, nullableStr, options, sequenceNo, str, text } from './schema-kit.js';
import type { Stored } from './schemas.js';

export const PURPOSES = ['email', 'whatsapp', 'password-reset'] as const satisfies readonly VerificationPurpose[];
export const CHANNELS = ['email', 'whatsapp'] as const satisfies readonly Channel[];
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const satisfies readonly OutboxStatus[];

/** `seq`: the code's number among its user's codes (sequences.ts), the order of codes that share a timestamp. */
export type VerificationDoc = Stored<VerificationRecord> & { seq: number };
/**
 * `seq` (an ObjectId, increasing per process) orders messages that share a timestamp; `leaseExpires`:
 * the lease's end on the server's clock (null or missing = not leased).
 */
export type OutboxDoc = Stored<OutboxMessage> & { seq: Types.ObjectId; leaseExpires?: Date | null };

export const verificationSchema = new Schema<VerificationDoc>(
  {
    _id: id,
    userId: str,
    purpose: { type: String, required: true, enum: PURPOSES },
    codeHash: str,
    createdAt: str,
    expiresAt: str,
    usedAt: nullableStr,
    attempts: int(0),
    seq: sequenceNo,
  },
  options('verifications'),
);
verificationSchema.index({ userId: 1, purpose: 1, createdAt: 1, seq: 1 });
// the retention job: codes expired, or used, before a time
verificationSchema.index({ expiresAt: 1 });
verificationSchema.index({ usedAt: 1 });

export const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: id,
    kind: str,
    channel: { type: String, required: true, enum: CHANNELS },
    to: str,
    subject: nullableStr,
    body: text('body'),
    userId: nullableStr,
    caseId: nullableStr,
    createdAt: str,
    status: { type: String, required: true, enum: OUTBOX_STATUSES },
    attempts: int(0),
    nextAttemptAt: str,
    lockedUntil: nullableStr,
    leaseExpires: { type: Date, default: null }, // the lease's end on the server's clock (outbox.ts dueFilter)
    lastError: nullableStr,
    sentAt: nullableStr,
    seq: { type: Schema.Types.ObjectId, required: true },
  },
  options('outbox'),
);
// the sender's claim: pending messages in due order
outboxSchema.index({ status: 1, nextAttemptAt: 1, seq: 1 });
// a user's messages (development mailbox, notification list), and everyone's, newest first
outboxSchema.index({ userId: 1, createdAt: 1, seq: 1 });
outboxSchema.index({ createdAt: 1, seq: 1 });
// the retention job: the texts of one kind (one-time secrets) by age
outboxSchema.index({ kind: 1, createdAt: 1 });
