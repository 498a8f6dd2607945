// The default Store adapter: one better-sqlite3 connection per process (plus, once it is busy, the
// WAL checkpointer's in a worker thread), sharable by several processes on the same file (WAL +
// busy_timeout + BEGIN IMMEDIATE + the rev check).
import { ConflictError, type Store, type TaskQuery } from '../ports.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { isMemoryFile, isUniqueViolation, openDatabase, uniqueOrConflict, whenWritable, type Database } from './database.js';
import { normalizeEmail } from '../identifier.js';
import { migrate } from './migrations.js';
import { prepare } from './prepare.js';
import { withPortErrors } from './port-errors.js';
import { pageOf } from '../task-paging.js';
import { caseFromRow, sessionFromRow, sessionToRow } from './rows.js';
import { auditFromCompactRow } from './audit-compaction.js';
import { createReportOps, inlineReader, workerOps } from './report-reader.js';

export interface SqliteStoreOptions {
  /** Path of the database file (its folder is created if missing), or ':memory:' for tests. */
  file: string;
}

/** Expired sessions are purged on a write at most this often (reads just ignore them). */
const SESSION_PURGE_INTERVAL_MS = 60_000;
const SESSION_PURGE_BATCH = 100;
/** The background checkpointer starts with the store's 100th case change: short-lived stores (tests, scripts) never need it. */
const CHECKPOINTER_AFTER_CASE_CHANGES = 100;

export function createSqliteStore(opts: SqliteStoreOptions): Store {
  const db: Database = openDatabase(opts.file);
  let ready: ReturnType<typeof prepare> | null = null;
  let lastPurge = 0;
  let caseChanges = 0;
  let checkpointer: Checkpointer | null = null;
  // the reports' reads and arithmetic: a worker thread on its own connection (inline for an in-memory database)
  const inlineOps = () => createReportOps(inlineReader(db));
  const reports = isMemoryFile(opts.file) ? { ...inlineOps(), close: async () => {} } : workerOps(opts.file, inlineOps);

  const r = () => {
    if (!ready) throw new Error(db.open ? 'SQLite store: call init() first' : 'SQLite store is closed');
    return ready;
  };

  return withPortErrors<Store>({
    kind: 'sqlite',

    async init() {
      if (ready) return;
      migrate(db);
      ready = prepare(db);
    },
    async close() {
      ready = null;
      await checkpointer?.close();
      checkpointer = null;
      await reports.close();
      if (db.open) db.close();
    },

    async insertUser(user) {
      const row = { ...user, email: normalizeEmail(user.email) };
      uniqueOrConflict(`user ${user.id} / ${row.email} exists`, () => r().st.insertUser.run(row));
    },
    async getUser(id) {
      return r().st.getUser.get(id) ?? null;
    },
    async findUserByEmail(email) {
      return r().st.findUserByEmail.get(normalizeEmail(email)) ?? null;
    },
    async countUsers(role) {
      const { st } = r();
      return role === undefined ? (st.countUsers.get() as number) : (st.countUsersByRole.get(role) as number);
    },
    async listUsersByRole(role) {
      return r().st.listUsersByRole.all(role);
    },
    async updateUser(id, patch) {
      r().patchUser(id, patch);
    },
    async listUsersPage(query) {
      return r().staff.listUsersPage(query);
    },
    async changeUserStatus(change) {
      return r().staff.changeUserStatus(change);
    },
    // groups and memberships (groups.ts)
    upsertGroups: async (groups, at) => r().groups.upsertGroups(groups, at),
    getGroup: async (id) => r().groups.getGroup(id),
    listGroups: async (limit) => r().groups.listGroups(limit),
    changeMembership: async (change) => r().groups.changeMembership(change),
    listUserGroups: async (userId) => r().groups.listUserGroups(userId),
    listGroupMembers: async (groupId, limit) => r().groups.listGroupMembers(groupId, limit),
    countActiveMembers: async (groupIds) => r().groups.countActiveMembers(groupIds),
    async appendStaffAudit(events) {
      r().staff.appendStaffAudit(events);
    },
    async listStaffAudit(query) {
      return r().staff.listStaffAudit(query);
    },

    async insertVerification(rec) {
      r().verifications.insertVerification(rec);
    },
    async latestVerification(userId, purpose) {
      return r().verifications.latestVerification(userId, purpose);
    },
    async countVerificationsSince(userId, purpose, since) {
      return r().verifications.countVerificationsSince(userId, purpose, since);
    },
    async recordVerificationAttempt(id) {
      return r().verifications.recordVerificationAttempt(id);
    },
    async consumeVerification(id, at, userPatch, audit) {
      return r().verifications.consumeVerification(id, at, userPatch, audit);
    },

    async hitRateLimit(key, windowMs, now) {
      return r().rateLimits.hitRateLimit(key, windowMs, now);
    },
    async releaseRateLimitHit(key) {
      r().rateLimits.releaseRateLimitHit(key);
    },
    async clearRateLimit(key) {
      r().rateLimits.clearRateLimit(key);
    },

    async enqueueMessages(messages) {
      r().outbox.enqueueMessages(messages);
    },
    async claimDueMessages(now, limit, leaseMs) {
      return r().outbox.claimDueMessages(now, limit, leaseMs);
    },
    async markMessageSent(id, at, redacted) {
      r().outbox.markMessageSent(id, at, redacted);
    },
    async markMessageFailed(id, error, retryAt, redacted) {
      r().outbox.markMessageFailed(id, error, retryAt, redacted);
    },
    async listMessages(query) {
      return r().messageLog.listMessages(query);
    },
    // retention (message-log.ts, purges.ts)
    compactMessages: async (before, limit, kinds) => r().messageLog.compactMessages(before, limit, kinds),
    purgeSessions: async (now, limit) => r().purges.purgeSessions(now, limit),
    purgeVerifications: async (before, limit) => r().purges.purgeVerifications(before, limit),
    purgeTimers: async (before, limit) => r().purges.purgeTimers(before, limit),
    purgeRateLimits: async (now, limit) => r().purges.purgeRateLimits(now, limit),

    async saveDraft(draft) {
      r().drafts.saveDraft(draft);
    },
    async getDraft(taskId, userId) {
      return r().drafts.getDraft(taskId, userId);
    },
    async saveProcessDraft(draft) {
      r().drafts.saveProcessDraft(draft);
    },
    async createProcessDraft(draft) {
      return r().drafts.createProcessDraft(draft);
    },
    async getProcessDraft(processKey) {
      return r().drafts.getProcessDraft(processKey);
    },
    async deleteProcessDraft(processKey) {
      r().drafts.deleteProcessDraft(processKey);
    },
    async dismissProcessDraftProblems(processKey, ids) {
      r().drafts.dismissProcessDraftProblems(processKey, ids);
    },

    async getSession(sid) {
      const { st } = r();
      const row = st.getSession.get(sid);
      if (!row) return null;
      if (row.expiresMs <= Date.now()) {
        st.deleteExpiredSession.run(sid, Date.now());
        return null;
      }
      return sessionFromRow(row);
    },
    async setSession(session) {
      const { st } = r();
      st.upsertSession.run(sessionToRow(session));
      const now = Date.now();
      if (now - lastPurge >= SESSION_PURGE_INTERVAL_MS) {
        lastPurge = now;
        r().purges.purgeSessions(new Date(now).toISOString(), SESSION_PURGE_BATCH); // the retention job purges the rest
      }
    },
    async destroySession(sid) {
      r().st.destroySession.run(sid);
    },

    async insertDefinition(def) {
      uniqueOrConflict(`definition ${def.processKey} v${def.version} exists`, () => r().st.insertDefinition.run(def));
    },
    async getDefinition(id) {
      return r().st.getDefinition.get(id) ?? null;
    },
    async getLatestDefinition(processKey) {
      return r().st.latestDefinition.get(processKey) ?? null;
    },
    async listDefinitions(processKey) {
      return r().st.listDefinitions.all(processKey);
    },
    async listProcessSummaries(now, limit) {
      return r().listProcessSummaries(now, limit);
    },
    async listLatestDefinitions(limit) {
      return r().listLatestDefinitions(limit);
    },
    async listStepTasks(query) {
      return r().stepTasks.listStepTasks(query);
    },
    async countStepTasks(query) {
      return r().stepTasks.countStepTasks(query);
    },

    async applyCaseChange(change) {
      await whenWritable(db, () => r().writer.applyCaseChange(change)); // another worker may hold the lock
      if (++caseChanges === CHECKPOINTER_AFTER_CASE_CHANGES && !isMemoryFile(opts.file)) checkpointer = startCheckpointer(opts.file);
    },
    async changeAssignee(change) {
      await whenWritable(db, () => r().writer.changeAssignee(change));
    },
    async getCase(id) {
      const row = r().st.getCase.get(id);
      return row ? caseFromRow(row) : null;
    },
    async getCaseByNumber(caseNumber) {
      const row = r().st.getCaseByNumber.get(caseNumber);
      return row ? caseFromRow(row) : null;
    },
    async listCasesByApplicant(applicantId, limit = 100) {
      return r().st.listCasesByApplicant.all(applicantId, pageOf({ limit }, 'case list', 100).limit).map(caseFromRow);
    },
    async listCasesByStatus(status, limit = 50) {
      return r().st.listCasesByStatus.all(status, pageOf({ limit }, 'case list', 50).limit).map(caseFromRow);
    },
    async getTask(id) {
      return r().st.getTask.get(id) ?? null;
    },
    async listTasks(query: TaskQuery) {
      return r().tasks.list(query);
    },
    async countTasks(query: TaskQuery) {
      return r().tasks.count(query);
    },

    async appendAudit(events) {
      if (events.length === 0) return;
      const { appendAudit } = r();
      uniqueOrConflict('audit event exists', () => appendAudit.immediate(events));
    },
    async listAudit(caseId) {
      return r().st.listAudit.all({ caseId }).map(auditFromCompactRow);
    },
    async isUploadReferenced(storedName) {
      return r().isUploadReferenced(storedName);
    },
    async getDocument(id) {
      return r().st.getDocument.get(id) ?? null;
    },
    async listDocuments(caseId) {
      return r().st.listDocuments.all(caseId);
    },

    async scheduleTimers(timers) {
      r().timers.scheduleTimers(timers);
    },
    async claimDueTimers(now, limit, leaseMs) {
      return r().timers.claimDueTimers(now, limit, leaseMs);
    },
    async completeTimer(lease, at, effects) {
      try {
        return r().timers.completeTimer(lease, at, effects);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError(`timer ${lease.id}: ${(err as Error).message}`);
        throw err;
      }
    },
    async releaseTimer(lease, at, retryAt, error) {
      return r().timers.releaseTimer(lease, at, retryAt, error);
    },
    async listTimers(query) {
      return r().timers.listTimers(query);
    },

    async getWorkingCalendar() {
      return r().compliance.getWorkingCalendar();
    },
    async saveWorkingCalendar(calendar) {
      r().compliance.saveWorkingCalendar(calendar);
    },
    async getProcessTimeSettings(definitionId) {
      return r().compliance.getProcessTimeSettings(definitionId);
    },
    async saveProcessTimeSettings(settings) {
      r().compliance.saveProcessTimeSettings(settings);
    },
    async listCaseSummaries(query) {
      return r().compliance.listCaseSummaries(query);
    },
    async listTasksOfCases(caseIds) {
      return r().compliance.listTasksOfCases(caseIds);
    },
    async listAuditOfCases(caseIds, types) {
      return r().compliance.listAuditOfCases(caseIds, types);
    },

    // report facts (report-*.ts): written with case changes; read by the report reader
    reportFigures: async (query) => (r(), reports.reportFigures(query)),
    listTaskFacts: async (query) => (r(), reports.listTaskFacts(query)),
    listCaseFacts: async (query) => (r(), reports.listCaseFacts(query)),
    listOpenReportTasks: async (query) => (r(), reports.listOpenReportTasks(query)),
    listReportBacklog: async (limit) => r().reportFacts.listReportBacklog(limit),
    saveReportFacts: async (batch) => r().reportFacts.saveReportFacts(batch),
  });
}
