// Mongoose schemas of the drafts ("Simpan Draf"): one document per (task, user); and the
// modeler's draft of a process, one per process key (with an imported SOP's problems).
import { Schema } from 'mongoose';
import type { DraftRecord, ProcessDraftRecord } from '../ports.js';
import { nullableStr, options, str } from './schema-kit.js';

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
// the upload sweeper: is a stored file staged in some draft? (values._staged: see DraftService)
draftSchema.index({ 'values._staged.storedName': 1 });

export type ProcessDraftDoc = ProcessDraftRecord;

// importProblems: plain objects (DraftImportProblem), absent when the draft was not imported
export const processDraftSchema = new Schema<ProcessDraftDoc>(
  { processKey: str, xml: str, savedAt: str, savedBy: nullableStr, importProblems: { type: [Schema.Types.Mixed], default: undefined } },
  options('process_drafts'),
);
processDraftSchema.index({ processKey: 1 }, { unique: true });
