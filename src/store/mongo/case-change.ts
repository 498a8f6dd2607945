// The two atomic writes of the MongoDB store, each in one multi-document transaction
// (transaction.ts: needs a replica set).
import { NotFoundError } from '../../errors.js';
import { normalizeEmail } from '../identifier.js';
import { ConflictError, InactiveAssigneeError, type AssigneeChange, type AuditEvent, type CaseChange, type DocumentRecord } from '../ports.js';
import { toDoc } from './mapping.js';
import type { Models } from './models.js';
import { withSeq, type Atomically } from './transaction.js';
import { applyTimerChange } from './timers.js';
import { recordChangeFacts } from './report-facts.js';
import { assertCasesExist } from './integrity.js';
import { nextSeq } from './counters.js';
import { caseNumberOf } from '../case-numbers.js';
import { storedCase } from '../ended-case.js';
import { storedTask } from '../closed-task.js';
import { numberCaseRecords, numberFrom } from './sequences.js';

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
    const c = storedCase(change.case); // an ended case without its engine state (ended-case.ts)
    const caseDoc = toDoc(c);
    await new m.Case({ ...caseDoc, seq: 1 }).validate(); // updateOne below does not validate (seq: the counter's, below)
    // records of another case must name one that exists (SQLite's foreign keys); the case's own is written here.
    // Audit events and documents take their numbers from their case's counter (sequences.ts), this case's
    // with its own write below, other cases' in takeCaseSeqs (which also checks they exist).
    const documents = change.documents ?? [];
    const ownCount = [...change.audit, ...documents].filter((r) => r.caseId === c.id).length;
    const otherTaskCases = (change.openTasks ?? []).map((r) => r.caseId).filter((id) => id !== c.id);
    await atomically(`case ${c.id}`, async (session) => {
      await assertCasesExist(m, otherTaskCases, session);
      if (change.newUser) {
        await m.User.insertMany([toDoc({ ...change.newUser, email: normalizeEmail(change.newUser.email) })], { session });
      }
      if (change.userStatus) {
        const { userId, status } = change.userStatus;
        const r = await m.User.updateOne({ _id: userId }, { $set: { status } }, { session });
        if (r.matchedCount === 0) throw new NotFoundError();
      }
      let firstOwn = 1; // the number of this case's first record in the change
      if (change.expectedRev === null) {
        // duplicate _id → ConflictError; seq: insertion order, the tie-break of equal times (as SQLite's rowid)
        // the nomor permohonan from the scope's counter (case-numbers.ts), in this transaction
        const scope = change.caseNumberScope;
        const caseNumber = scope ? { caseNumber: caseNumberOf(scope, await nextSeq(m, `case-number:${scope}`, session)) } : {};
        const { caseNumber: _given, ...created } = caseDoc;
        await m.Case.insertMany([{ ...created, ...caseNumber, seq: await nextSeq(m, 'cases', session), eventSeq: ownCount }], { session });
      } else {
        const { _id, createdAt: _createdAt, caseNumber: _number, ...set } = caseDoc; // the number never changes
        const filter = { _id, rev: change.expectedRev };
        // the rev check and the numbers in one write
        const r = ownCount
          ? await m.Case.findOneAndUpdate(filter, { $set: set, $inc: { eventSeq: ownCount } }, { session, returnDocument: 'after', projection: { eventSeq: 1 } }).lean()
          : (await m.Case.updateOne(filter, { $set: set }, { session })).matchedCount > 0;
        if (!r) throw new ConflictError(`case ${c.id} is not at rev ${change.expectedRev} (changed by someone else)`);
        if (typeof r === 'object') firstOwn = (r.eventSeq ?? ownCount) - ownCount + 1;
      }
      for (const t of change.completeTasks ?? []) {
        const r = await m.Task.updateOne(
          { _id: t.taskId, caseId: c.id, status: 'open' },
          { $set: { status: t.status ?? 'completed', completedAt: t.completedAt, completedBy: t.completedBy, searchText: '' } }, // search: open tasks only
          { session },
        );
        if (r.matchedCount === 0) throw new ConflictError(`task ${t.taskId} of case ${c.id} is no longer open`);
      }
      if (change.completeTasks?.length) {
        // a closed task's half-filled forms are of no more use
        await m.Draft.deleteMany({ taskId: { $in: change.completeTasks.map((t) => t.taskId) } }, { session });
      }
      if (change.openTasks?.length) await m.Task.insertMany(change.openTasks.map((t) => toDoc(storedTask(t))), { session }); // written closed: no search text
      const own = <R extends AuditEvent | DocumentRecord>(records: R[]) => records.filter((r) => r.caseId === c.id);
      const others = <R extends AuditEvent | DocumentRecord>(records: R[]) => records.filter((r) => r.caseId !== c.id);
      const numberedDocs = [...numberFrom(own(documents), firstOwn), ...(await numberCaseRecords(m, others(documents), session))];
      const numberedAudit = [
        ...numberFrom(own(change.audit), firstOwn + own(documents).length),
        ...(await numberCaseRecords(m, others(change.audit), session)),
      ];
      if (numberedDocs.length) await m.Document.insertMany(numberedDocs, { session });
      if (change.outbox?.length) await m.Outbox.insertMany(change.outbox.map(withSeq), { session });
      if (numberedAudit.length) await m.Audit.insertMany(numberedAudit, { session });
      await applyTimerChange(m, change, c.id, c.updatedAt, session);
      await recordChangeFacts(m, change, session); // report facts, or the case on the report backlog
    });
  }

  async function changeAssignee(change: AssigneeChange): Promise<void> {
    await atomically(`task ${change.taskId}`, async (session) => {
      if (change.to !== null) {
        // The check WRITES the new holder's document (holdSeq): a status change writes it too, so of a
        // deactivation and this change one conflicts and is retried after the other commits. A read
        // alone would not do: snapshot isolation lets both commit, leaving a task with a disabled account.
        const holder = await m.User.findOneAndUpdate(
          { _id: change.to, status: 'active' }, { $inc: { holdSeq: 1 } }, { session, projection: { _id: 1 } },
        ).lean();
        if (!holder) throw new InactiveAssigneeError(change.to);
      }
      const r = await m.Task.updateOne(
        { _id: change.taskId, status: 'open', assigneeId: change.from },
        { $set: { assigneeId: change.to } },
        { session },
      );
      if (r.matchedCount === 0) {
        throw new ConflictError(`task ${change.taskId} is not open or its assignee is no longer ${change.from ?? 'nobody'}`);
      }
      await m.Audit.insertMany(await numberCaseRecords(m, [change.audit], session), { session });
    });
  }

  return { applyCaseChange, changeAssignee };
}
