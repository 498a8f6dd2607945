// MongoDB collections of the report facts (report-ports.ts): one document per completed task and per
// ended case, and the backlog of cases whose facts the app still has to compute.
import { Schema } from 'mongoose';
import type { CaseFacts, TaskFacts } from '../report-ports.js';
import { id, int, nullableStr, options, str } from './schema-kit.js';

/** A TaskFacts stored under the task's id. */
export type TaskFactDoc = Omit<TaskFacts, 'taskId'> & { _id: string };

/** A CaseFacts stored under the case's id. */
export type CaseFactDoc = Omit<CaseFacts, 'caseId'> & { _id: string };

export interface ReportBacklogDoc {
  _id: string; // caseId
  mark: number;
}

const nullableInt = { type: Number, default: null, validate: (v: unknown) => v === null || Number.isSafeInteger(v) };
const whole = { type: Number, required: true, validate: Number.isSafeInteger };
const bool = { type: Boolean, required: true };

export const taskFactSchema = new Schema<TaskFactDoc>({
  _id: id, caseId: str, processKey: str, elementId: str, name: str, stepNo: { type: Number, default: null }, groupId: str,
  completedAt: str, completedBy: nullableStr, takenAt: nullableStr, elapsedMs: whole, waitMs: nullableInt, handlingMs: nullableInt,
  standardMs: whole, met: bool, caseReturns: int(0), previousAt: nullableStr, previousCaseReturns: nullableInt,
  returnReasons: { type: Schema.Types.Mixed, default: null, validate: (v: unknown) => v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string')) },
}, options('taskfacts'));
// a period's facts of a process; one step's completions in time order (lists, returns per case)
taskFactSchema.index({ processKey: 1, completedAt: 1 });
taskFactSchema.index({ processKey: 1, elementId: 1, completedAt: 1, _id: 1 });

export const caseFactSchema = new Schema<CaseFactDoc>({
  _id: id, processKey: str, createdAt: str, endedAt: str, totalMs: whole, agencyMs: whole, applicantMs: whole,
  standardMs: whole, met: bool, returns: int(0),
}, options('casefacts'));
caseFactSchema.index({ processKey: 1, endedAt: 1, _id: 1 });

export const reportBacklogSchema = new Schema<ReportBacklogDoc>({ _id: id, mark: int(1) }, options('reportbacklog'));
