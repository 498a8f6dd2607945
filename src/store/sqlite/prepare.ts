// The parts of the SQLite store that need the migrated schema: every prepared statement and the
// transactions built on them, made once per connection by init().
import type { AuditEvent } from '../ports.js';
import { createCaseWriter } from './case-change.js';
import type { Database } from './database.js';
import { createDrafts, prepareDrafts } from './drafts.js';
import { createOutbox, prepareOutbox } from './outbox.js';
import { auditToRow } from './rows.js';
import { prepareStatements } from './statements.js';
import { createTaskQueries } from './task-query.js';
import { createUserPatcher } from './user-patch.js';
import { createVerifications } from './verifications.js';
import { createTimers, prepareTimers } from './timers.js';
import { createCompliance } from './compliance.js';
import { createUploadReferences } from './uploads.js';
import { createRateLimits } from './rate-limits.js';
import { createProcessSummaries } from './process-summaries.js';
import { createStepTasks } from './step-tasks.js';
import { createStaff } from './staff.js';
import { createGroups } from './groups.js';
import { createReportFacts } from './report-facts.js';
import { createMessageLog } from './message-log.js';
import { createPurges } from './purges.js';

/** Call after migrate(): statements are checked against the schema when prepared. */
export function prepare(db: Database) {
  const st = prepareStatements(db);
  const outboxSt = prepareOutbox(db);
  const draftSt = prepareDrafts(db);
  const timerSt = prepareTimers(db);
  const patchUser = createUserPatcher(db);
  const reportFacts = createReportFacts(db);
  const appendAudit = db.transaction((events: AuditEvent[]) => {
    for (const e of events) st.insertAudit.run(auditToRow(e));
  });
  return {
    st,
    patchUser,
    appendAudit,
    tasks: createTaskQueries(db),
    writer: createCaseWriter(db, st, { drafts: draftSt, outbox: outboxSt, timers: timerSt, facts: reportFacts }),
    reportFacts,
    verifications: createVerifications(db, { patchUser, insertAudit: st.insertAudit }),
    outbox: createOutbox(db, outboxSt),
    drafts: createDrafts(db, draftSt),
    timers: createTimers(db, timerSt, { st, outbox: outboxSt }),
    compliance: createCompliance(db),
    isUploadReferenced: createUploadReferences(db),
    rateLimits: createRateLimits(db),
    ...createProcessSummaries(db),
    stepTasks: createStepTasks(db),
    staff: createStaff(db),
    groups: createGroups(db),
    messageLog: createMessageLog(db, outboxSt),
    purges: createPurges(db),
  };
}
