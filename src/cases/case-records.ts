// Case records and audit entries made from an engine result: a new case, a case updated with the
// result, and the entries that mark its end (completed or failed).
import { randomUUID } from 'node:crypto';
import type { AuditEvent, CaseRecord, UserRecord } from '../store/ports.js';
import type { DefinitionRef, EngineResult } from '../workflow/index.js';
import { auditEvent } from './task-projection.js';

export function newCase(def: DefinitionRef & { processKey: string; version: number }, user: UserRecord, r: EngineResult, at: string): CaseRecord {
  return {
    id: randomUUID(), definitionId: def.id, processKey: def.processKey, definitionVersion: def.version,
    applicantId: user.id, applicantName: user.displayName, status: r.status, engineState: r.engineState,
    data: {}, rev: 1, error: r.error, createdAt: at, updatedAt: at,
  };
}

export function applyResult(c: CaseRecord, r: EngineResult, at: string): CaseRecord {
  return { ...c, status: r.status, engineState: r.engineState, error: r.error, updatedAt: at };
}

export function endAudit(caseId: string, r: EngineResult, at: string): AuditEvent[] {
  if (r.status === 'completed') return [auditEvent(caseId, at, null, 'case.completed')];
  if (r.status === 'failed') return [auditEvent(caseId, at, null, 'case.failed', { error: r.error })];
  return [];
}
