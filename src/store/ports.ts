// Repository ports: the only way services reach storage. Plain data in and out; adapters
// (sqlite/, mongo/) implement `Store` and pass the same contract suite (test/store/).

export type Role = 'ppbj' | 'admin-ppe' | 'process-owner';
export const ROLES: readonly Role[] = ['ppbj', 'admin-ppe', 'process-owner'];

/** Account status of a user; a PPBJ becomes `active` at SOP step 7. Staff accounts are created active. */
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
}

export interface SessionRecord {
  sid: string;
  data: string; // JSON of the express-session object
  expiresAt: string;
}

export interface DefinitionRecord {
  id: string;
  processKey: string; // bpmn process id, e.g. "pendaftaran-akun-ppbj"
  version: number; // 1, 2, … per processKey
  name: string;
  xml: string;
  createdAt: string;
  createdBy: string | null;
  comment: string;
}

export type CaseStatus = 'running' | 'completed' | 'failed';

export interface CaseRecord {
  id: string;
  definitionId: string;
  processKey: string;
  definitionVersion: number;
  applicantId: string; // the PPBJ who owns the case
  applicantName: string;
  status: CaseStatus;
  /** Compressed engine state (workflow module's format, opaque to the store). */
  engineState: Buffer;
  /** Form values accumulated per form key, e.g. { "ppbj-identitas": {...} }. */
  data: Record<string, Record<string, unknown>>;
  /** Optimistic concurrency counter: every change increments it by one. */
  rev: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface TaskRecord {
  id: string;
  caseId: string;
  applicantId: string; // denormalised for PPBJ inbox and authorisation
  applicantName: string;
  elementId: string; // BPMN user task id
  name: string; // SOP step name
  stepNo: number | null; // SOP row number (Uraian Kegiatan "No.")
  role: Role;
  formKey: string;
  assigneeId: string | null;
  status: TaskStatus;
  createdAt: string;
  dueAt: string; // createdAt + time standard
  timeStandard: string; // ISO-8601 duration from the model (Mutu Baku Waktu)
  completedAt: string | null;
  completedBy: string | null;
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
  | 'case.failed';

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
  newUser?: UserRecord;
  userStatus?: { userId: string; status: AccountStatus };
  completeTasks?: Array<{ taskId: string; completedBy: string | null; completedAt: string; status?: 'completed' | 'cancelled' }>;
  openTasks?: TaskRecord[];
  documents?: DocumentRecord[];
  audit: AuditEvent[];
}

/** Take or release a task: succeeds only if the assignee is still `from`; audited atomically. */
export interface AssigneeChange {
  taskId: string;
  from: string | null;
  to: string | null;
  audit: AuditEvent;
}

export interface TaskQuery {
  role?: Role;
  assigneeId?: string | null; // null = unassigned only
  applicantId?: string;
  caseId?: string;
  status?: TaskStatus; // default 'open'
  limit?: number; // default 50
  offset?: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'mongodb';
  init(): Promise<void>; // migrations / indexes
  close(): Promise<void>;

  // users
  insertUser(user: UserRecord): Promise<void>; // ConflictError on duplicate email
  getUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  countUsers(role?: Role): Promise<number>;

  // sessions
  getSession(sid: string): Promise<SessionRecord | null>;
  setSession(session: SessionRecord): Promise<void>;
  destroySession(sid: string): Promise<void>;

  // process definitions
  insertDefinition(def: DefinitionRecord): Promise<void>; // ConflictError on duplicate (processKey, version)
  getDefinition(id: string): Promise<DefinitionRecord | null>;
  getLatestDefinition(processKey: string): Promise<DefinitionRecord | null>;
  listDefinitions(processKey: string): Promise<DefinitionRecord[]>; // newest first

  // cases and tasks
  applyCaseChange(change: CaseChange): Promise<void>;
  changeAssignee(change: AssigneeChange): Promise<void>; // ConflictError if assignee != from or task not open
  getCase(id: string): Promise<CaseRecord | null>;
  listCasesByApplicant(applicantId: string): Promise<CaseRecord[]>; // newest first
  listCasesByStatus(status: CaseStatus, limit?: number): Promise<CaseRecord[]>; // last updated first, default limit 50
  getTask(id: string): Promise<TaskRecord | null>;
  listTasks(query: TaskQuery): Promise<TaskRecord[]>; // ordered by dueAt, then createdAt
  countTasks(query: TaskQuery): Promise<number>;

  // audit and documents (append-only)
  listAudit(caseId: string): Promise<AuditEvent[]>; // oldest first
  getDocument(id: string): Promise<DocumentRecord | null>;
  listDocuments(caseId: string): Promise<DocumentRecord[]>; // oldest first
}

export { ConflictError } from '../errors.js';
