// Mongoose schema of the delivery log: a message whose text the retention job deleted leaves the
// outbox for `message_log` (no id, case, subject or body; recipient masked). Pure definition.
import { Schema, type Types } from 'mongoose';
import type { OutboxMessage } from '../ports.js';
import { int, nullableStr, options, str } from './schema-kit.js';
import { CHANNELS } from './notification-schemas.js';

/** `_id`: the message's `seq` in the outbox (its ordering key, kept for the order of equal times). */
export type MessageLogDoc = Pick<OutboxMessage, 'kind' | 'channel' | 'to' | 'userId' | 'attempts' | 'createdAt' | 'lastError' | 'sentAt'> & {
  _id: Types.ObjectId;
  status: 'sent' | 'failed';
};

export const messageLogSchema = new Schema<MessageLogDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    kind: str,
    channel: { type: String, required: true, enum: CHANNELS },
    to: str,
    userId: nullableStr,
    status: { type: String, required: true, enum: ['sent', 'failed'] },
    attempts: int(0),
    createdAt: str,
    sentAt: nullableStr,
    lastError: nullableStr,
  },
  options('message_log'),
);
// a user's entries, and everyone's, newest first (listMessages, merged with the outbox's)
messageLogSchema.index({ userId: 1, createdAt: 1, _id: 1 });
messageLogSchema.index({ createdAt: 1, _id: 1 });
