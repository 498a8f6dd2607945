// Record builders for the store tests: valid records with readable ids and fixed timestamps.
import type {
  AuditEvent,
  AuditType,
  CaseChange,
  CaseRecord,
  DefinitionRecord,
  DocumentRecord,
  DraftRecord,
  OutboxMessage,
  TaskRecord,
  TimerRecord,
  UserRecord,
  VerificationRecord,
} from '../../src/store/ports.js';

const BASE = Date.parse('2026-01-05T01:00:00.000Z');
/** ISO time `minutes` after a fixed base, so ordering in tests is explicit. */
export const at = (minutes: number): string => new Date(BASE + minutes * 60_000).toISOString();

let counter = 0;
export const uid = (prefix: string): string => `${prefix}-${++counter}`;

export function user(over: Partial<UserRecord> = {}): UserRecord {
  const id = over.id ?? uid('user');
  return {
    id,
    email: `${id}@example.go.id`,
    whatsapp: '+628123456789',
    displayName: `User ${id}`,
    role: 'applicant',
    passwordHash: 'scrypt$salt$hash',
    status: 'registered',
    createdAt: at(0),
    emailVerifiedAt: null,
    whatsappVerifiedAt: null,
    privacyNoticeVersion: '2026-01',
    privacyAcknowledgedAt: at(0),
    ...over,
  };
}

export function definition(over: Partial<DefinitionRecord> = {}): DefinitionRecord {
  return {
    id: uid('def'),
    processKey: 'pendaftaran-akun-ppbj',
    version: 1,
    name: 'Pendaftaran Akun PPBJ',
    xml: '<bpmn:definitions/>',
    createdAt: at(0),
    createdBy: null,
    comment: '',
    ...over,
  };
}

export function caseRecord(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: uid('case'),
    definitionId: 'def-x',
    processKey: 'pendaftaran-akun-ppbj',
    definitionVersion: 1,
    applicantId: 'applicant-1',
    applicantName: 'Budi Santoso',
    status: 'running',
    engineState: Buffer.from([0x1f, 0x8b, 0x00, 0xff, 0x10]),
    data: { 'ppbj-identitas': { nama: 'Budi', nip: '198001012005011001' } },
    rev: 1,
    error: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...over,
  };
}

export function task(c: CaseRecord, over: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: uid('task'),
    caseId: c.id,
    processKey: c.processKey,
    applicantId: c.applicantId,
    applicantName: c.applicantName,
    elementId: 'verifikasi-berkas',
    name: 'Verifikasi berkas',
    stepNo: 3,
    groupId: 'admin-ppe',
    formKey: 'verifikasi',
    assigneeId: null,
    status: 'open',
    createdAt: at(1),
    dueAt: at(60),
    timeStandard: 'PT1H',
    completedAt: null,
    completedBy: null,
    searchText: `${over.applicantName ?? c.applicantName} 198001012005011001`.toLowerCase(),
    ...over,
  };
}

export function audit(c: CaseRecord | string, type: AuditType, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: uid('audit'),
    caseId: typeof c === 'string' ? c : c.id,
    at: at(1),
    actorId: null,
    actorName: null,
    type,
    taskId: null,
    data: {},
    ...over,
  };
}

export function document(c: CaseRecord, over: Partial<DocumentRecord> = {}): DocumentRecord {
  const id = over.id ?? uid('doc');
  return {
    id,
    caseId: c.id,
    taskId: null,
    field: 'skFile',
    uploaderId: c.applicantId,
    originalName: 'SK Pengangkatan.pdf',
    storedName: `${id}.pdf`,
    mime: 'application/pdf',
    size: 12345,
    sha256: 'a'.repeat(64),
    createdAt: at(1),
    ...over,
  };
}

/** An unused code for `userId`, valid for 15 minutes from at(0). */
export function verification(userId: string, over: Partial<VerificationRecord> = {}): VerificationRecord {
  return {
    id: uid('ver'),
    userId,
    purpose: 'whatsapp',
    codeHash: 'c'.repeat(64),
    createdAt: at(0),
    expiresAt: at(15),
    usedAt: null,
    attempts: 0,
    ...over,
  };
}

/** A pending e-mail, due at its creation time at(0). */
export function message(over: Partial<OutboxMessage> = {}): OutboxMessage {
  const createdAt = over.createdAt ?? at(0);
  return {
    id: uid('msg'),
    kind: 'verify-email',
    channel: 'email',
    to: 'budi@example.go.id',
    subject: 'Verifikasi e-mail',
    body: 'Buka tautan ini: https://alur.example/verifikasi/abc',
    userId: null,
    caseId: null,
    createdAt,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: createdAt,
    lockedUntil: null,
    lastError: null,
    sentAt: null,
    ...over,
  };
}

export function draft(taskId: string, userId: string, over: Partial<DraftRecord> = {}): DraftRecord {
  return { taskId, userId, values: { nama: 'Budi', catatan: '' }, updatedAt: at(2), ...over };
}

/** A change that creates `c` (rev 1) with a case.started event. */
export function create(c: CaseRecord, extra: Partial<CaseChange> = {}): CaseChange {
  return { expectedRev: null, case: { ...c, rev: 1 }, audit: [audit(c, 'case.started', { at: c.createdAt })], ...extra };
}

/** A change moving `c` from its rev to the next one. */
export function update(c: CaseRecord, over: Partial<CaseRecord>, extra: Partial<CaseChange> = {}): CaseChange {
  return { expectedRev: c.rev, case: { ...c, ...over, rev: c.rev + 1 }, audit: [], ...extra };
}

/** A pending timer due at at(10), as the scheduler stores it. */
export function timer(over: Partial<TimerRecord> = {}): TimerRecord {
  const dueAt = over.dueAt ?? at(10);
  return {
    id: uid('timer'),
    kind: 'sla.overdue',
    caseId: null,
    taskId: null,
    dueAt,
    nextAttemptAt: dueAt,
    data: { step: 'Melakukan Verifikasi', n: 1 },
    status: 'pending',
    attempts: 0,
    leaseToken: null,
    lockedUntil: null,
    lastError: null,
    createdAt: at(0),
    doneAt: null,
    ...over,
  };
}
