// The two atomic writes of the MongoDB store, each in one multi-document transaction
// (transaction.ts: needs a replica set).
import { NotFoundError } from '../../errors.js';
import { ConflictError, type AssigneeChange, type CaseChange } from '../ports.js';
import { toDoc } from './mapping.js';
import type { Models } from './models.js';
import { withSeq, type Atomically } from './transaction.js';
import { applyTimerChange } from './timers.js';
import { assertCasesExist } from './integrity.js';
import { nextSeq } from './counters.js';

/** The rev a change must carry: 1 for a new case, expectedRev + 1 otherwise. */
export function checkRev(change: CaseChange): void {
  const want = change.expectedRev === null ? 1 : change.expectedRev + 1;
  if (change.case.rev !== want) {
    throw new Error(`case ${change.case.id}: rev must be ${want} for expectedRev ${change.expectedRev}, got ${change.case.rev}`);
  }
}

export function createCaseWriter(atomically: Atomically, m: Models) {
  async function applyCaseChange(change: CaseChange): Promise<void> {
    checkRev(change);
    const c = change.case;
    const caseDoc = toDoc(c);
    await new m.Case({ ...caseDoc, seq: 1 }).validate(); // updateOne below does not validate (seq: the counter's, below)
    // records of another case must name one that exists (SQLite's foreign keys); the case's own is written here
    const otherCases = [...(change.audit ?? []), ...(change.documents ?? []), ...(change.openTasks ?? [])]
      .map((r) => r.caseId)
      .filter((id) => id !== c.id);
    await atomically(`case ${c.id}`, async (session) => {
      await assertCasesExist(m, otherCases, session);
      if (change.newUser) {
        await m.User.insertMany([toDoc({ ...change.newUser, email: change.newUser.email.toLowerCase() })], { session });
      }
      if (change.userStatus) {
        const { userId, status } = change.userStatus;
        const r = await m.User.updateOne({ _id: userId }, { $set: { status } }, { session });
        if (r.matchedCount === 0) throw new NotFoundError();
      }
      if (change.expectedRev === null) {
        // duplicate _id → ConflictError; seq: insertion order, the tie-break of equal times (as SQLite's rowid)
        await m.Case.insertMany([{ ...caseDoc, seq: await nextSeq(m, 'cases', session) }], { session });
      } else {
        const { _id, createdAt: _createdAt, ...set } = caseDoc;
        const r = await m.Case.updateOne({ _id, rev: change.expectedRev }, { $set: set }, { session });
        if (r.matchedCount === 0) {
          throw new ConflictError(`case ${c.id} is not at rev ${change.expectedRev} (changed by someone else)`);
        }
      }
      for (const t of change.completeTasks ?? []) {
        const r = await m.Task.updateOne(
          { _id: t.taskId, caseId: c.id, status: 'open' },
          { $set: { status: t.status ?? 'completed', completedAt: t.completedAt, completedBy: t.completedBy } },
          { session },
        );
        if (r.matchedCount === 0) throw new ConflictError(`task ${t.taskId} of case ${c.id} is no longer open`);
      }
      if (change.completeTasks?.length) {
        // a closed task's half-filled forms are of no more use
        await m.Draft.deleteMany({ taskId: { $in: change.completeTasks.map((t) => t.taskId) } }, { session });
      }
      if (change.openTasks?.length) await m.Task.insertMany(change.openTasks.map(toDoc), { session });
      if (change.documents?.length) await m.Document.insertMany(change.documents.map(withSeq), { session });
      if (change.outbox?.length) await m.Outbox.insertMany(change.outbox.map(withSeq), { session });
      if (change.audit.length) await m.Audit.insertMany(change.audit.map(withSeq), { session });
      await applyTimerChange(m, change, c.id, c.updatedAt, session);
    });
  }

  async function changeAssignee(change: AssigneeChange): Promise<void> {
    await atomically(`task ${change.taskId}`, async (session) => {
      const r = await m.Task.updateOne(
        { _id: change.taskId, status: 'open', assigneeId: change.from },
        { $set: { assigneeId: change.to } },
        { session },
      );
      if (r.matchedCount === 0) {
        throw new ConflictError(`task ${change.taskId} is not open or its assignee is no longer ${change.from ?? 'nobody'}`);
      }
      await m.Audit.insertMany([withSeq(change.audit)], { session });
    });
  }

  return { applyCaseChange, changeAssignee };
}
