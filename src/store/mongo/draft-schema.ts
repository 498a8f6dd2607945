// Mongoose schema of the drafts ("Simpan Draf"): one document per (task, user).
import { Schema } from 'mongoose';
import type { DraftRecord } from '../ports.js';
import { options, str } from './schema-kit.js';

/** A draft has no id of its own: `_id` is MongoDB's ObjectId, the key is (taskId, userId). */
export type DraftDoc = DraftRecord;

export const draftSchema = new Schema<DraftDoc>(
  {
    taskId: str,
    userId: str,
    values: { type: Schema.Types.Mixed, required: true },
    updatedAt: str,
  },
  options('drafts'),
);
draftSchema.index({ taskId: 1, userId: 1 }, { unique: true });
