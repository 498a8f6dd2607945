// Repository ports: the only way services reach storage. Plain data in and out; adapters
// (sqlite/, mongo/) implement `Store` and pass the same contract suite (test/store/).
// NOTE: every time is a `Date#toISOString()` string (UTC); adapters compare them as strings.

import { ConflictError } from '../errors.js';
import type { ReportFactsChange, ReportFactsStore } from './report-ports.js';

/**
 * System roles: the only fixed ones. An applicant starts and follows their own cases; staff work the
 * steps of the groups they are members of; a process owner models and deploys processes and
 * administers staff accounts (and may also be a member of groups). Who does a step is a *group*
 * (data, from the model's lanes or candidateGroups), never a role.
 */
export type Role = 'applicant' | 'staff' | 'process-owner';
export const ROLES: readonly Role[] = ['applicant', 'staff', 'process-owner'];

/**
 * The reserved group of a step done by the case's own applicant (only they see and do it), and, in a
 * process's `camunda:candidateStarterGroups`, the public: anyone who signs up or logs in as an applicant.
 */
export const APPLICANT_GROUP = 'pemohon';

/** A group of staff who do the steps of a lane (or of tasks whose candidateGroups name it); created by a deploy. */
export interface GroupRecord {
  id: string; // identifier: lower-case letters and digits in words joined by '-', e.g. 'kepala-seksi'
  name: string; // display name, from the lane that names it (else the id)
  createdAt: string;
  updatedAt: string;
}

/** Adds (`add`) or removes a user's membership of a group, atomically with its audit entry. */
export interface MembershipChange {
  userId: string;
  groupId: string;
  add: boolean;
  at: string;
  audit: StaffAuditEvent;
}

/** Account status of a user; an applicant may become `active` at a step of a process (e.g. an account activation). Staff accounts are created active. */
export type AccountStatus = 'registered' | 'active' | 'disabled';

export interface UserRecord {
  id: string;
  email: string; // lower-cased, unique
  whatsapp: string | null; // normalised +628…
  displayName: string;
  role: Role;
  passwordHash: string;
  status: AccountStatus;
  createdAt: string; // ISO-8601 UTC
  emailVerifiedAt: string | null; // SOP step 2: "e-Mail Aktif", proved by a link
  whatsappVerifiedAt: string | null; // SOP step 2: "Nomor Whatsapp Aktif", proved by a one-time code
  privacyNoticeVersion: string | null; // UU 27/2022: version of the notice acknowledged at sign-up
  privacyAcknowledgedAt: string | null;
}

/** Fields of a user that may change after creation. */
/** `email` (lower-cased) only once the new address is proved (a contact change: ConflictError when another account has it). */
export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'email' | 'whatsapp' | 'passwordHash' | 'status' | 'emailVerifiedAt' | 'whatsappVerifiedAt'>>;

export type VerificationPurpose = 'email' | 'whatsapp' | 'password-reset';

/** A one-time code or link token; only its hash is stored. */
export interface VerificationRecord {
  id: string;
  userId: string;
  purpose: VerificationPurpose;
  codeHash: string; // hex SHA-256 of the secret
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  attempts: number; // wrong guesses so far
}

export type Channel = 'email' | 'whatsapp';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A message to deliver, written in the same transaction as the change that causes it. */
export interface OutboxMessage {
  id: string;
  kind: string; // template name, e.g. 'verify-email', 'task-created', 'case-returned'
  channel: Channel;
  to: string; // e-mail address or +628… number
  subject: string | null;
  body: string;
  userId: string | null; // recipient user, if known
  caseId: string | null;
  createdAt: string;
  status: OutboxStatus;
  attempts: number; // delivery attempts started
  nextAttemptAt: string; // due time of the next attempt
  lockedUntil: string | null; // lease of the sender that claimed it
  lastError: string | null;
  sentAt: string | null;
  /**
   * Only on listMessages' entries whose text the retention job deleted (compactMessages): what stays is
   * the delivery log (kind, channel, recipient masked, user, status, attempts, times); id is the log
   * entry's (not the message's), subject and caseId null, body ''.
   */
  textDeleted?: true;
}

/** A half-filled form kept for later ("Simpan Draf"); never moves the case. */
export interface DraftRecord {
  taskId: string;
  userId: string;
  values: Record<string, unknown>;
  updatedAt: string;
}

/** The process owner's work in the modeler ("Simpan Draf" in the studio): one per process, never run. */
export interface ProcessDraftRecord {
  processKey: string;
  xml: string;
  savedAt: string;
  savedBy: string | null;
  /** What the SOP importer was unsure of (a draft made by "Impor dokumen SOP"); absent when none is left. */
  importProblems?: DraftImportProblem[];
}

/** One problem of an imported draft (src/importer's ImportProblem with an id), until fixed or dismissed. */
export interface DraftImportProblem {
  id: string; // unique within the draft, e.g. "p3"
  code: string;
  severity: 'error' | 'warning';
  row: number | null; // 1-based row of the SOP table; null for the document
  step: string; // the row's Kegiatan
  elementId: string | null;
  args?: Record<string, string>;
}

export interface SessionRecord {
  sid: string;
  data: string; // JSON of the express-session object
  expiresAt: string;
}

export interface DefinitionRecord {
  id: string;
  processKey: string; // bpmn process id, e.g. "permohonan-informasi-publik"
  version: number; // 1, 2, … per processKey
  name: string;
  xml: string;
  createdAt: string;
  createdBy: string | null;
  comment: string;
}

/** One process of the office in the catalogue (src/definitions): its latest version without the XML. */
export interface ProcessSummary {
  processKey: string;
  latest: Omit<DefinitionRecord, 'xml'> | null; // null = only a studio draft, never deployed
  draftSavedAt: string | null; // the studio draft, if any
  runningCases: number;
  overdueTasks: number; // open tasks with dueAt < now
}

/** The open tasks at one step of one process (the process view); element ids are per process only. */
export interface StepTaskQuery {
  processKey: string;
  elementId: string;
  dueBefore?: string; // dueAt < this (overdue at that time)
  limit?: number;
}

/** 'withdrawn': the applicant withdrew it; 'closed': staff closed it, abandoned at the applicant's step (src/cases/case-closing.ts). */
export type CaseStatus = 'running' | 'completed' | 'failed' | 'withdrawn' | 'closed';

export interface CaseRecord {
  id: string;
  definitionId: string;
  processKey: string;
  definitionVersion: number;
  applicantId: string; // the applicant who owns the case
  applicantName: string;
  status: CaseStatus;
  /** Compressed engine state (workflow module's format, opaque to the store); empty once the case completed, was withdrawn or closed (ended-case.ts). */
  engineState: Buffer;
  /** Form values accumulated per form key, e.g. { "identitas-pemohon": {...} }. */
  data: Record<string, Record<string, unknown>>;
  /** Optimistic concurrency counter: every change increments it by one. */
  rev: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The nomor permohonan ("PBP-2026-000123"): given by the store when the case is created with
   * CaseChange.caseNumberScope, never changed after; absent on a case created without one.
   */
  caseNumber?: string;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface TaskRecord {
  id: string;
  caseId: string;
  processKey: string; // the case's process (denormalised for the inbox's process filter)
  applicantId: string; // denormalised for the applicant's task list and authorisation
  applicantName: string;
  elementId: string; // BPMN user task id
  name: string; // SOP step name
  stepNo: number | null; // SOP row number (Uraian Kegiatan "No.")
  groupId: string; // the group whose members do the step (APPLICANT_GROUP: the case's applicant)
  formKey: string;
  assigneeId: string | null;
  status: TaskStatus;
  createdAt: string;
  dueAt: string; // createdAt + time standard
  timeStandard: string; // ISO-8601 duration from the model (Mutu Baku Waktu)
  completedAt: string | null;
  completedBy: string | null;
  /** Lower-cased applicant name, e-mail and NIP, for inbox search (set when the task is created; '' once it is no longer open: inboxes search open tasks). */
  searchText: string;
}

export type AuditType =
  | 'case.started'
  | 'task.created'
  | 'task.taken'
  | 'task.released'
  | 'task.completed'
  | 'case.returned'
  | 'document.uploaded'
  | 'account.activated'
  | 'case.completed'
  | 'case.failed'
  | 'task.reassigned'
  | 'contact.verified'
  | 'data.exported'
  // compliance and scheduler: a step past its time standard, its escalation, a task ended by a
  // BPMN timer (interrupting boundary), and a BPMN timer event that fired
  | 'task.overdue'
  | 'task.escalated'
  | 'task.cancelled'
  | 'timer.fired'
  // the applicant withdrew the case; staff closed it, abandoned at the applicant's step
  | 'case.withdrawn'
  | 'case.closed';

export interface AuditEvent {
  id: string;
  caseId: string;
  at: string;
  actorId: string | null; // null = the system
  actorName: string | null;
  type: AuditType;
  taskId: string | null;
  data: Record<string, unknown>;
}

export interface DocumentRecord {
  id: string;
  caseId: string;
  taskId: string | null;
  field: string; // form field, e.g. "skFile"
  uploaderId: string;
  originalName: string;
  storedName: string; // generated name under the uploads folder
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/**
 * One atomic change to a case: all of it is written, or none of it.
 * Fails with `ConflictError` when the case's rev is not `expectedRev` (or, for a new case,
 * when the id exists), or when a task in `completeTasks` is no longer open.
 */
export interface CaseChange {
  expectedRev: number | null; // null = create the case
  case: CaseRecord; // the full record after the change (rev = expectedRev + 1, or 1)
  /**
   * A new case only: the store takes the next number n of this scope (1, 2, … per scope, in the
   * change's transaction) and stores caseNumber = `${scope}-${n padded to 6 digits}`, e.g. 'PBP-2026-000123'.
   */
  caseNumberScope?: string;
  newUser?: UserRecord;
  userStatus?: { userId: string; status: AccountStatus };
  completeTasks?: Array<{ taskId: string; completedBy: string | null; completedAt: string; status?: 'completed' | 'cancelled' }>;
  openTasks?: TaskRecord[];
  documents?: DocumentRecord[];
  outbox?: OutboxMessage[];
  audit: AuditEvent[];
  /** Durable timers to schedule with the change; an id that exists already is left as it is. */
  timers?: TimerRecord[];
  /** Ids of pending timers to cancel (unknown or finished ids are ignored). */
  cancelTimers?: string[];
  /** The claimed timer this change is the effect of: marked done in the change, ConflictError if its lease is lost. */
  firedTimer?: TimerLease & { at: string };
  /**
   * Timing facts of the tasks this change completes and of the case if it ends (report-ports.ts).
   * A task completed, or a case ended, without them is put on the report backlog instead.
   */
  facts?: ReportFactsChange;
}

/**
 * Take, release or hand on a task: succeeds only if the assignee is still `from`; audited atomically.
 * A non-null `to` must be an existing user whose status is `active` at the moment of the change
 * (checked in the same transaction, so a deactivation that commits first wins and one that commits
 * later sees the task): else InactiveAssigneeError and nothing changes.
 */
export interface AssigneeChange {
  taskId: string;
  from: string | null;
  to: string | null;
  audit: AuditEvent;
}

export interface TaskQuery {
  groupIds?: string[]; // tasks of any of these groups (a person in two groups sees both queues); [] matches none
  assigneeId?: string | null; // null = unassigned only
  applicantId?: string;
  caseId?: string;
  status?: TaskStatus; // default 'open'
  processKey?: string; // tasks of one process
  elementId?: string; // one SOP step (element ids are unique within a process only: pair with processKey)
  search?: string; // case-insensitive substring of searchText
  dueBefore?: string; // dueAt < this (overdue at that time)
  dueFrom?: string; // dueAt >= this (not overdue at that time)
  /**
   * 'due' (default): dueAt, createdAt ascending; 'age': createdAt ascending (oldest first); 'process',
   * 'step', 'applicant': the process's (latest) name, the step's name as modelled, the applicant's name
   * (kept in step with their display name), case-insensitively, ties in the 'due' order; '-desc': the same order reversed
   */
  sort?: 'due' | 'age' | 'due-desc' | 'age-desc' | 'process' | 'process-desc' | 'step' | 'step-desc' | 'applicant' | 'applicant-desc';
  limit?: number; // default 50
  offset?: number;
}

/** What changed about a staff account (src/staff): who did it, when, to whom. Append-only. */
export type StaffAuditType =
  | 'staff.invited'
  | 'staff.deactivated'
  | 'staff.reactivated'
  | 'staff.password-reset'
  | 'staff.tasks-released'
  | 'staff.group-added'
  | 'staff.group-removed';

export interface StaffAuditEvent {
  id: string;
  userId: string; // the staff account changed
  at: string;
  actorId: string | null; // null = the system
  actorName: string | null;
  type: StaffAuditType;
  data: Record<string, unknown>;
}

export interface StaffAuditQuery {
  userId?: string; // one account's entries only
  limit?: number; // default 50
  offset?: number;
}

/** Users of some roles, a page at a time, by role, displayName, id. */
export interface UserPageQuery {
  roles: Role[];
  limit?: number; // default 50
  offset?: number;
}

/**
 * A staff account's status change, atomic with its audit entry: applied only if the status is still
 * `from` ('stale' otherwise), and refused ('last') if it would leave no active user of `keepOneActive`.
 */
export interface UserStatusChange {
  userId: string;
  from: AccountStatus;
  to: AccountStatus;
  keepOneActive?: Role;
  audit: StaffAuditEvent;
}
export type UserStatusChangeResult = 'changed' | 'stale' | 'last';

/** One rate-limit key after a hit: hits in its current window and when that window ends. */
export interface RateLimitHit {
  count: number;
  resetAt: string; // ISO-8601
}

export interface Store extends ReportFactsStore {
  readonly kind: 'sqlite' | 'mongodb';
  init(): Promise<void>; // migrations / indexes
  close(): Promise<void>;

  // users
  insertUser(user: UserRecord): Promise<void>; // ConflictError on duplicate email
  getUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  countUsers(role?: Role): Promise<number>;
  listUsersByRole(role: Role): Promise<UserRecord[]>; // by displayName
  updateUser(id: string, patch: UserPatch): Promise<void>; // NotFoundError if missing
  listUsersPage(query: UserPageQuery): Promise<UserRecord[]>; // by role, displayName, id
  changeUserStatus(change: UserStatusChange): Promise<UserStatusChangeResult>;

  // groups (from deployed models) and memberships
  /** Creates the groups that do not exist yet; an existing group takes the given display name (updatedAt = at). */
  upsertGroups(groups: Array<Pick<GroupRecord, 'id' | 'name'>>, at: string): Promise<void>;
  getGroup(id: string): Promise<GroupRecord | null>;
  listGroups(limit?: number): Promise<GroupRecord[]>; // by id, default limit 500
  /**
   * Adds or removes a membership and appends `audit`, atomically; false (and nothing written) when
   * there was nothing to change. MissingReferenceError if the user or the group does not exist.
   */
  changeMembership(change: MembershipChange): Promise<boolean>;
  listUserGroups(userId: string): Promise<string[]>; // group ids, sorted
  /** Members of a group (any status), by displayName, id; default limit 500. */
  listGroupMembers(groupId: string, limit?: number): Promise<UserRecord[]>;
  /** Per group id asked: how many active members it has (0 included). */
  countActiveMembers(groupIds: string[]): Promise<Record<string, number>>;

  // staff administration audit (append-only)
  appendStaffAudit(events: StaffAuditEvent[]): Promise<void>;
  listStaffAudit(query: StaffAuditQuery): Promise<StaffAuditEvent[]>; // newest first

  // verification codes (hash only)
  insertVerification(rec: VerificationRecord): Promise<void>;
  latestVerification(userId: string, purpose: VerificationPurpose): Promise<VerificationRecord | null>;
  countVerificationsSince(userId: string, purpose: VerificationPurpose, since: string): Promise<number>;
  /** Adds one wrong guess; returns the attempts after the increment. */
  recordVerificationAttempt(id: string): Promise<number>;
  /**
   * Marks the code used if it is unused and not expired at `at`, and applies `userPatch` to its
   * user, atomically. Returns false (and changes nothing) if it was already used or expired.
   */
  consumeVerification(id: string, at: string, userPatch?: UserPatch, audit?: AuditEvent): Promise<boolean>;

  // rate-limit counters (fixed windows; see src/auth/rate-limits.ts)
  /**
   * Counts one hit on `key` atomically: a key without a window, or whose window ended at or before
   * `now`, starts a new window of `windowMs` with count 1. Returns the count and end of the window.
   */
  hitRateLimit(key: string, windowMs: number, now: string): Promise<RateLimitHit>;
  /** Takes one hit back (never below 0); nothing if the key has no window. */
  releaseRateLimitHit(key: string): Promise<void>;
  /** Forgets the key's window (e.g. a successful login). */
  clearRateLimit(key: string): Promise<void>;

  // outbox
  enqueueMessages(messages: OutboxMessage[]): Promise<void>;
  /**
   * Leases up to `limit` pending messages due at `now` whose lease is free or expired: sets
   * lockedUntil = now + leaseMs and attempts + 1, atomically, so two senders never claim one message.
   * Whether a lease is still held is judged on the STORE's clock (SQLite, one machine: `now`;
   * MongoDB: the server's), so instances whose clocks differ never take over a live lease. A claim
   * that fails part-way returns what it leased (never an attempt counted for a message not sent).
   */
  claimDueMessages(now: string, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  /**
   * Marks a message sent; with `redacted`, its subject and body are replaced by that text in the same
   * write (a one-time secret must not outlive its delivery: src/notifications/secret-messages.ts).
   */
  markMessageSent(id: string, at: string, redacted?: Pick<OutboxMessage, 'subject' | 'body'>): Promise<void>;
  /**
   * Records the error; `retryAt` null = give up (status 'failed'), else pending again at retryAt.
   * `redacted` (when giving up) replaces the subject and body in the same write, as markMessageSent's.
   */
  markMessageFailed(id: string, error: string, retryAt: string | null, redacted?: Pick<OutboxMessage, 'subject' | 'body'>): Promise<void>;
  listMessages(query: { userId?: string; limit?: number; offset?: number }): Promise<OutboxMessage[]>; // newest first

  // retention and purges (src/scheduler/retention-job.ts): each call handles at most `limit` items and
  // returns how many it handled, so every run is bounded (the job calls again while a batch comes back full)
  /**
   * Deletes the subject and body of messages sent or given up that were created before `before` (of
   * the given kinds only, when `kinds` is set): each stays as its delivery log entry (listMessages,
   * `textDeleted`), its recipient masked. Pending messages are never touched.
   */
  compactMessages(before: string, limit: number, kinds?: string[]): Promise<number>;
  /** Deletes sessions that expired at or before `now`. */
  purgeSessions(now: string, limit: number): Promise<number>;
  /** Deletes codes and link tokens used, or expired, before `before`. */
  purgeVerifications(before: string, limit: number): Promise<number>;
  /**
   * Deletes timers done, cancelled or given up before `before`; a BPMN timer (no taskId) of a case
   * that still runs is kept (the engine may still report it, and scheduling keeps the first of an id).
   */
  purgeTimers(before: string, limit: number): Promise<number>;
  /** Deletes rate-limit windows that ended at or before `now`. */
  purgeRateLimits(now: string, limit: number): Promise<number>;

  // drafts (deleted by applyCaseChange when their task is completed)
  saveDraft(draft: DraftRecord): Promise<void>; // upsert by (taskId, userId)
  getDraft(taskId: string, userId: string): Promise<DraftRecord | null>;

  // the modeler's draft of a process (one per process key)
  saveProcessDraft(draft: ProcessDraftRecord): Promise<void>; // upsert by processKey; the stored importProblems stay as they are
  /** The first draft of a new process: written only if the key has no draft yet (atomically); false when it had one. */
  createProcessDraft(draft: ProcessDraftRecord): Promise<boolean>;
  getProcessDraft(processKey: string): Promise<ProcessDraftRecord | null>;
  deleteProcessDraft(processKey: string): Promise<void>;
  /**
   * Removes the import problems with these ids from the process's draft (atomically, whatever else
   * runs); saveProcessDraft keeps them, createProcessDraft sets them. Unknown ids and keys are ignored.
   */
  dismissProcessDraftProblems(processKey: string, ids: readonly string[]): Promise<void>;

  // sessions
  getSession(sid: string): Promise<SessionRecord | null>;
  setSession(session: SessionRecord): Promise<void>;
  destroySession(sid: string): Promise<void>;

  // process definitions
  insertDefinition(def: DefinitionRecord): Promise<void>; // ConflictError on duplicate (processKey, version)
  getDefinition(id: string): Promise<DefinitionRecord | null>;
  getLatestDefinition(processKey: string): Promise<DefinitionRecord | null>;
  listDefinitions(processKey: string): Promise<DefinitionRecord[]>; // newest first
  /** The catalogue of processes (deployed or only a studio draft), by processKey; counts as of `now`. */
  listProcessSummaries(now: string, limit?: number): Promise<ProcessSummary[]>; // default limit 200
  /** The latest version of every deployed process (without the XML, no counts: cheap enough for every page), by processKey; default limit 200. */
  listLatestDefinitions(limit?: number): Promise<Array<Omit<DefinitionRecord, 'xml'>>>;
  /** Open tasks at one step of one process (tasks of cases of `processKey`), by dueAt, createdAt, id; default limit 200. */
  listStepTasks(query: StepTaskQuery): Promise<TaskRecord[]>;
  countStepTasks(query: StepTaskQuery): Promise<number>;

  // cases and tasks
  applyCaseChange(change: CaseChange): Promise<void>;
  changeAssignee(change: AssigneeChange): Promise<void>; // ConflictError if assignee != from or task not open; InactiveAssigneeError if `to` is not an active user
  getCase(id: string): Promise<CaseRecord | null>;
  getCaseByNumber(caseNumber: string): Promise<CaseRecord | null>;
  listCasesByApplicant(applicantId: string, limit?: number): Promise<CaseRecord[]>; // newest first, default limit 100
  listCasesByStatus(status: CaseStatus, limit?: number): Promise<CaseRecord[]>; // last updated first, default limit 50
  getTask(id: string): Promise<TaskRecord | null>;
  listTasks(query: TaskQuery): Promise<TaskRecord[]>; // ordered as TaskQuery.sort says
  countTasks(query: TaskQuery): Promise<number>;

  // audit and documents (append-only)
  /** Audit entries that change nothing else (e.g. a data export); case changes use applyCaseChange. */
  appendAudit(events: AuditEvent[]): Promise<void>;
  listAudit(caseId: string): Promise<AuditEvent[]>; // oldest first
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** Whether a file in the uploads folder is still needed: a document, a draft or a session names it. */
  isUploadReferenced(storedName: string): Promise<boolean>;
  listDocuments(caseId: string): Promise<DocumentRecord[]>; // oldest first

  // durable timers (src/scheduler): claimed with a lease, fired once, marked done with the lease token
  /** Schedules timers; an id that exists already is left as it is (scheduling is idempotent). */
  scheduleTimers(timers: TimerRecord[]): Promise<void>;
  /**
   * Leases up to `limit` pending timers with nextAttemptAt <= now whose lease is free or expired:
   * a new leaseToken, lockedUntil = now + leaseMs, attempts + 1, atomically (no timer to two claimers).
   * The lease is judged on the store's clock, as in claimDueMessages.
   */
  claimDueTimers(now: string, limit: number, leaseMs: number): Promise<TimerRecord[]>;
  /** Marks the timer done and writes `effects`, atomically, only if `lease` still holds it; false (nothing written) otherwise. */
  completeTimer(lease: TimerLease, at: string, effects?: TimerEffects): Promise<boolean>;
  /** Gives the lease back: pending again at `retryAt`, or 'failed' (at `at`) when retryAt is null. False if the lease was lost. */
  releaseTimer(lease: TimerLease, at: string, retryAt: string | null, error: string | null): Promise<boolean>;
  listTimers(query: TimerQuery): Promise<TimerRecord[]>; // by dueAt, then id

  // compliance settings (src/compliance)
  getWorkingCalendar(): Promise<WorkingCalendarRecord | null>; // null = never saved: the defaults apply
  saveWorkingCalendar(calendar: WorkingCalendarRecord): Promise<void>;
  getProcessTimeSettings(definitionId: string): Promise<ProcessTimeSettings | null>; // null = defaults (calendar time)
  saveProcessTimeSettings(settings: ProcessTimeSettings): Promise<void>; // upsert by definitionId

  // report reads (src/compliance): plain rows, aggregated by the caller
  /** Cases of a process created before `createdBefore` that changed at or after `activeFrom`, or still run; oldest first. */
  listCaseSummaries(query: CaseSummaryQuery): Promise<CaseSummary[]>;
  /** Every task (any status) of the given cases, by createdAt then id. */
  listTasksOfCases(caseIds: string[]): Promise<TaskRecord[]>;
  /** Audit events of the given types of the given cases, oldest first. */
  listAuditOfCases(caseIds: string[], types: AuditType[]): Promise<AuditEvent[]>;
}

// ---- durable timers and compliance settings ----

export type TimerStatus = 'pending' | 'done' | 'cancelled' | 'failed';

/** A durable timer: fires once, at or after dueAt, through whichever app instance claims it first. */
export interface TimerRecord {
  id: string; // deterministic, e.g. 'sla:<taskId>' or 'bpmn:<caseId>:<executionId>'
  kind: string; // handler name, e.g. 'sla.overdue', 'bpmn.timer'
  caseId: string | null;
  taskId: string | null;
  dueAt: string; // when it is due (kept as scheduled)
  nextAttemptAt: string; // when it may be claimed next (dueAt, or a retry time)
  data: Record<string, unknown>;
  status: TimerStatus;
  attempts: number; // claims so far
  leaseToken: string | null; // token of the latest claim
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null; // when it was done, cancelled or given up
}

/** Proof of a claim: only its holder may mark the timer done or release it. */
export interface TimerLease {
  id: string;
  token: string;
}

/** What a fired timer writes, atomically with marking it done. */
export interface TimerEffects {
  audit?: AuditEvent[];
  outbox?: OutboxMessage[];
  timers?: TimerRecord[];
}

export interface TimerQuery {
  caseId?: string;
  taskId?: string;
  kind?: string;
  status?: TimerStatus;
  limit?: number; // default 50
  offset?: number;
}

/** Working hours of one weekday (ISO: 1 = Monday … 7 = Sunday), local 'HH:MM'; several per day allowed (breaks). */
export interface WorkingHours {
  day: number;
  start: string;
  end: string;
}

/** A public holiday or collective leave day (cuti bersama), a local date 'YYYY-MM-DD'. */
export interface Holiday {
  date: string;
  name: string;
}

export interface WorkingCalendarRecord {
  timeZone: string; // IANA zone, e.g. 'Asia/Pontianak'
  hours: WorkingHours[];
  holidays: Holiday[];
  updatedAt: string;
  updatedBy: string | null;
}

/** Whether a process version's time standards count calendar time or working time only. */
export type TimeBasis = 'calendar' | 'working';

export interface ProcessTimeSettings {
  definitionId: string; // one process version
  timeBasis: TimeBasis;
  /** Per user task id: the group told (escalated to) when the step passes its time standard. */
  escalateTo: Record<string, string>;
  updatedAt: string;
  updatedBy: string | null;
}

/** A case without its engine state and form data (what reports read). */
export type CaseSummary = Omit<CaseRecord, 'engineState' | 'data'>;

export interface CaseSummaryQuery {
  processKey?: string;
  createdBefore: string;
  activeFrom: string;
}

export { ConflictError } from '../errors.js';
export * from './report-ports.js';

/** AssigneeChange.to is not an active account (deactivated, invited or unknown): "Petugas ini tidak aktif" (409). */
export class InactiveAssigneeError extends ConflictError {
  constructor(readonly userId: string) {
    super(`user ${userId} is not active: it cannot hold a task`, 'error.assigneeInactive');
  }
}

/**
 * A write names a case, task or user that does not exist (SQLite's foreign keys, MongoDB's
 * reference checks): a defect of the caller, never of the visitor's input. Adapters throw this
 * (and ConflictError, NotFoundError) instead of their driver's errors, so no caller depends on a driver.
 */
export class MissingReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingReferenceError';
  }
}
