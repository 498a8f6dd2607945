// Binds the schemas to one mongoose connection (never the global default connection).
import type { Connection, Model } from 'mongoose';
import { rateLimitSchema, type RateLimitDoc } from './rate-limit-schema.js';
import { staffAuditSchema, type StaffAuditDoc } from './staff-schema.js';
import { groupSchema, membershipSchema, type GroupDoc, type MembershipDoc } from './group-schema.js';
import { migrationSchema, type MigrationDoc } from './migrations.js';
import { counterSchema, type CounterDoc } from './counters.js';
import { caseFactSchema, reportBacklogSchema, taskFactSchema, type CaseFactDoc, type ReportBacklogDoc, type TaskFactDoc } from './report-facts-schema.js';
import { draftSchema, processDraftSchema, type DraftDoc, type ProcessDraftDoc } from './draft-schema.js';
import { outboxSchema, verificationSchema, type OutboxDoc, type VerificationDoc } from './notification-schemas.js';
import { messageLogSchema, type MessageLogDoc } from './message-log-schema.js';
import { calendarSchema, timerSchema, timeSettingsSchema, type CalendarDoc, type TimerDoc, type TimeSettingsDoc } from './timer-schemas.js';
import {
  auditSchema,
  caseSchema,
  definitionSchema,
  documentSchema,
  sessionSchema,
  taskSchema,
  userSchema,
  type AuditDoc,
  type CaseDoc,
  type DefinitionDoc,
  type DocumentDoc,
  type SessionDoc,
  type TaskDoc,
  type UserDoc,
} from './schemas.js';

export interface Models {
  User: Model<UserDoc>;
  Session: Model<SessionDoc>;
  Definition: Model<DefinitionDoc>;
  Case: Model<CaseDoc>;
  Task: Model<TaskDoc>;
  Audit: Model<AuditDoc>;
  Document: Model<DocumentDoc>;
  Verification: Model<VerificationDoc>;
  Outbox: Model<OutboxDoc>;
  MessageLog: Model<MessageLogDoc>;
  Draft: Model<DraftDoc>;
  ProcessDraft: Model<ProcessDraftDoc>;
  Timer: Model<TimerDoc>;
  WorkingCalendar: Model<CalendarDoc>;
  ProcessTimeSettings: Model<TimeSettingsDoc>;
  RateLimit: Model<RateLimitDoc>;
  StaffAudit: Model<StaffAuditDoc>;
  Group: Model<GroupDoc>;
  Membership: Model<MembershipDoc>;
  Migration: Model<MigrationDoc>;
  Counter: Model<CounterDoc>;
  TaskFact: Model<TaskFactDoc>;
  CaseFact: Model<CaseFactDoc>;
  ReportBacklog: Model<ReportBacklogDoc>;
}

export function bindModels(conn: Connection): Models {
  return {
    User: conn.model<UserDoc>('User', userSchema),
    Session: conn.model<SessionDoc>('Session', sessionSchema),
    Definition: conn.model<DefinitionDoc>('Definition', definitionSchema),
    Case: conn.model<CaseDoc>('Case', caseSchema),
    Task: conn.model<TaskDoc>('Task', taskSchema),
    Audit: conn.model<AuditDoc>('Audit', auditSchema),
    Document: conn.model<DocumentDoc>('Document', documentSchema),
    Verification: conn.model<VerificationDoc>('Verification', verificationSchema),
    Outbox: conn.model<OutboxDoc>('Outbox', outboxSchema),
    MessageLog: conn.model<MessageLogDoc>('MessageLog', messageLogSchema),
    Draft: conn.model<DraftDoc>('Draft', draftSchema),
    ProcessDraft: conn.model<ProcessDraftDoc>('ProcessDraft', processDraftSchema),
    Timer: conn.model<TimerDoc>('Timer', timerSchema),
    WorkingCalendar: conn.model<CalendarDoc>('WorkingCalendar', calendarSchema),
    ProcessTimeSettings: conn.model<TimeSettingsDoc>('ProcessTimeSettings', timeSettingsSchema),
    RateLimit: conn.model<RateLimitDoc>('RateLimit', rateLimitSchema),
    StaffAudit: conn.model<StaffAuditDoc>('StaffAudit', staffAuditSchema),
    Group: conn.model<GroupDoc>('Group', groupSchema),
    Membership: conn.model<MembershipDoc>('Membership', membershipSchema),
    Migration: conn.model<MigrationDoc>('Migration', migrationSchema),
    Counter: conn.model<CounterDoc>('Counter', counterSchema),
    TaskFact: conn.model<TaskFactDoc>('TaskFact', taskFactSchema),
    CaseFact: conn.model<CaseFactDoc>('CaseFact', caseFactSchema),
    ReportBacklog: conn.model<ReportBacklogDoc>('ReportBacklog', reportBacklogSchema),
  };
}

/**
 * Creates the collections (a transaction cannot always create one) and the schema's indexes.
 * NOTE: createIndexes only adds; unlike syncIndexes it never drops an index, so an older app
 * version starting beside a newer one cannot remove the newer one's indexes.
 */
export async function ensureCollections(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection();
    await model.createIndexes();
  }
}
