// The two atomic writes of the SQLite store: applyCaseChange and changeAssignee.
// Each runs in one BEGIN IMMEDIATE transaction; any throw rolls back everything.
import { ConflictError, InactiveAssigneeError, type AssigneeChange, type CaseChange } from '../ports.js';
import { NotFoundError } from '../../errors.js';
import { normalizeEmail } from '../identifier.js';
import { caseNumberOf } from '../case-numbers.js';
import { storedCase } from '../ended-case.js';
import { storedTask } from '../closed-task.js';
import { isUniqueViolation, type Database } from './database.js';
import type { DraftStatements } from './drafts.js';
import type { OutboxStatements } from './outbox.js';
import { applyTimerChange, type TimerStatements } from './timers.js';
import { auditToRow, caseToRow } from './rows.js';
import type { Statements } from './statements.js';
import type { ReportFactsWriter } from './report-facts.js';
import { auditFieldsWriter } from './audit-fields.js';

/** The rev a change must carry: 1 for a new case, expectedRev + 1 otherwise. */
export function checkRev(change: CaseChange): void {
  const want = change.expectedRev === null ? 1 : change.expectedRev + 1;
  if (change.case.rev !== want) {
    throw new Error(`case ${change.case.id}: rev must be ${want} for expectedRev ${change.expectedRev}, got ${change.case.rev}`);
  }
}

export function createCaseWriter(
  db: Database, st: Statements,
  more: { drafts: DraftStatements; outbox: OutboxStatements; timers: TimerStatements; facts: ReportFactsWriter },
) {
  const fields = auditFieldsWriter(db);
  const apply = db.transaction((change: CaseChange): void => {
    const c = storedCase(change.case); // an ended case without its engine state (ended-case.ts)
    if (change.newUser) {
      st.insertUser.run({ ...change.newUser, email: normalizeEmail(change.newUser.email) });
    }
    if (change.userStatus) {
      const { userId, status } = change.userStatus;
      if (st.setUserStatus.run(status, userId).changes === 0) throw new NotFoundError();
    }
    if (change.expectedRev === null) {
      const scope = change.caseNumberScope;
      const caseNumber = scope ? caseNumberOf(scope, st.nextCaseNumber.get(scope)!) : null;
      st.insertCase.run({ ...caseToRow(c), caseNumber }); // duplicate id → unique violation → ConflictError
    } else {
      fields.beforeDataChange(c.id, c.data); // the form values earlier audit entries read (audit-fields.ts)
      if (st.updateCase.run({ ...caseToRow(c), expectedRev: change.expectedRev }).changes === 0) {
        throw new ConflictError(`case ${c.id} is not at rev ${change.expectedRev} (changed by someone else)`);
      }
    }
    for (const t of change.completeTasks ?? []) {
      const row = { id: t.taskId, caseId: c.id, status: t.status ?? 'completed', completedAt: t.completedAt, completedBy: t.completedBy };
      if (st.completeTask.run(row).changes === 0) {
        throw new ConflictError(`task ${t.taskId} of case ${c.id} is no longer open`);
      }
      more.drafts.deleteForTask.run(t.taskId); // a closed task's half-filled form is of no more use
    }
    for (const t of change.openTasks ?? []) st.insertTask.run(storedTask(t)); // written closed: no search text
    for (const d of change.documents ?? []) st.insertDocument.run(d);
    for (const msg of change.outbox ?? []) more.outbox.insert.run(msg);
    for (const e of change.audit) st.insertAudit.run(auditToRow(e), e.caseId === c.id ? c.data : undefined); // a step's fields may be the case's
    applyTimerChange(more.timers, change, c.id, c.updatedAt);
    more.facts.recordChange(change); // report facts, or the case on the report backlog
  });

  const assign = db.transaction((change: AssigneeChange): void => {
    // the new holder's status is read under the write lock (BEGIN IMMEDIATE): a deactivation commits
    // before this (refused here) or after (its release then lists this task)
    if (change.to !== null && st.getUser.get(change.to)?.status !== 'active') throw new InactiveAssigneeError(change.to);
    const r = st.changeAssignee.run({ id: change.taskId, from: change.from, to: change.to });
    if (r.changes === 0) {
      throw new ConflictError(`task ${change.taskId} is not open or its assignee is no longer ${change.from ?? 'nobody'}`);
    }
    st.insertAudit.run(auditToRow(change.audit));
  });

  return {
    applyCaseChange(change: CaseChange): void {
      checkRev(change);
      try {
        apply.immediate(change);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError(`case ${change.case.id}: ${(err as Error).message}`);
        throw err;
      }
    },
    changeAssignee(change: AssigneeChange): void {
      try {
        assign.immediate(change);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError(`task ${change.taskId}: ${(err as Error).message}`);
        throw err;
      }
    },
  };
}
