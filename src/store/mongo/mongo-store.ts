// The MongoDB Store adapter (mongoose 9). Owns its own connection, opened by init(); every read
// is lean and mapped to a plain record, so no mongoose document leaves this folder.
import mongoose, { type Connection } from 'mongoose';
import type { CaseRecord, Store, TaskRecord, UserRecord } from '../ports.js';
import { createCaseWriter } from './case-change.js';
import { createDrafts } from './drafts.js';
import { createProcessSummaries } from './process-summaries.js';
import { createStepTasks } from './step-tasks.js';
import { fromDoc, sessionFromDoc, sessionToDoc, toBuffer, toDoc, uniqueOrConflict } from './mapping.js';
import { bindModels, ensureCollections } from './models.js';
import { migrate } from './migrations.js';
import { createOutbox } from './outbox.js';
import { createRetention } from './retention.js';
import type { CaseDoc } from './schemas.js';
import { listTasks, taskFilter } from './task-query.js';
import { createAtomically } from './transaction.js';
import { numberCaseRecords } from './sequences.js';
import { createUsers } from './users.js';
import { createVerifications } from './verifications.js';
import { createTimers } from './timers.js';
import { createCompliance } from './compliance.js';
import { createReportFactsWrites } from './report-facts.js';
import { createReportLists } from './report-lists.js';
import { reportFigures } from './report-figures.js';
import { createRateLimits } from './rate-limits.js';
import { createStaff } from './staff.js';
import { createGroups } from './groups.js';
import { normalizeEmail } from '../identifier.js';
import { paging, pageOf } from '../task-paging.js';
import { assertTransactional, connectOptions, DEFAULT_MONGO_TIMEOUTS, mapUnavailable, type HelloAnswer, type MongoTimeouts } from './connection.js';

export interface MongoStoreOptions {
  /** mongodb:// URI of a replica set (transactions need one), including the database name. */
  uri: string;
  /** Time limits (server selection, sockets, majority writes and transactions); defaults in connection.ts. */
  timeouts?: Partial<MongoTimeouts>;
}

const caseFromDoc = (doc: CaseDoc): CaseRecord => {
  const c = fromDoc<CaseRecord>(doc as unknown as Record<string, unknown> & { _id: string });
  return { ...c, engineState: toBuffer(c.engineState) };
};
// Lean results are plain objects with `_id`; fromDoc renames it and drops `seq`.
type Lean = Record<string, unknown> & { _id: string };
const rec = <R extends { id: string }>(doc: unknown): R => fromDoc<R>(doc as Lean);
const recOrNull = <R extends { id: string }>(doc: unknown): R | null => (doc ? rec<R>(doc) : null);

export function createMongoStore(opts: MongoStoreOptions): Store {
  // createConnection() without a URI does no I/O; init() opens it.
  return buildMongoStore(mongoose.createConnection(), opts);
}

/** The store on a given (not yet opened) connection; tests pass one they observe. */
export function buildMongoStore(conn: Connection, opts: MongoStoreOptions): Store {
  conn.set('bufferCommands', false);
  const timeouts: MongoTimeouts = { ...DEFAULT_MONGO_TIMEOUTS, ...opts.timeouts };
  const m = bindModels(conn);
  const atomically = createAtomically(conn, timeouts.operationMs);
  const writer = createCaseWriter(atomically, m);
  let opened = false;

  return mapUnavailable<Store>({
    kind: 'mongodb',

    async init() {
      if (!opened) {
        await conn.openUri(opts.uri, connectOptions(timeouts));
        opened = true;
      }
      // a standalone mongod would start "listening" and then fail every write that needs a transaction
      assertTransactional((await conn.db!.admin().command({ hello: 1 })) as HelloAnswer);
      await ensureCollections(m);
      await migrate(m); // one-off data migrations, each recorded once done
    },
    async close() {
      await conn.close();
    },

    async insertUser(user) {
      const doc = toDoc<UserRecord>({ ...user, email: normalizeEmail(user.email) });
      await uniqueOrConflict(`user ${user.id} / ${doc.email} exists`, () => m.User.insertMany([doc]));
    },
    async getUser(id) {
      return recOrNull(await m.User.findById(id).lean());
    },
    async findUserByEmail(email) {
      return recOrNull(await m.User.findOne({ email: normalizeEmail(email) }).lean());
    },
    async countUsers(role) {
      // all users: the collection's count (no scan); by role: the (role, displayName, _id) index
      return role === undefined ? m.User.estimatedDocumentCount() : m.User.countDocuments({ role });
    },
    ...createUsers(atomically, m),
    ...createGroups(atomically, m),
    ...createVerifications(atomically, m),
    ...createRateLimits(m),
    ...createStaff(atomically, m),
    ...createOutbox(atomically, m),
    ...createRetention(atomically, m),
    ...createDrafts(m),
    ...createProcessSummaries(m),
    ...createStepTasks(m),
    ...createTimers(atomically, m),
    ...createCompliance(m),
    ...createReportFactsWrites(m, atomically),
    ...createReportLists(m),
    reportFigures: (query) => reportFigures(m, query),

    async getSession(sid) {
      const doc = await m.Session.findOne({ _id: sid, expiresDate: { $gt: new Date() } }).lean();
      return doc ? sessionFromDoc(doc) : null;
    },
    async setSession(session) {
      const { _id, ...doc } = sessionToDoc(session);
      await m.Session.updateOne({ _id }, { $set: doc }, { upsert: true });
    },
    async destroySession(sid) {
      await m.Session.deleteOne({ _id: sid });
    },

    async insertDefinition(def) {
      await uniqueOrConflict(`definition ${def.processKey} v${def.version} exists`, () =>
        m.Definition.insertMany([toDoc(def)]),
      );
    },
    async getDefinition(id) {
      return recOrNull(await m.Definition.findById(id).lean());
    },
    async getLatestDefinition(processKey) {
      return recOrNull(await m.Definition.findOne({ processKey }).sort({ version: -1 }).lean());
    },
    async listDefinitions(processKey) {
      const docs = await m.Definition.find({ processKey }).sort({ version: -1 }).lean();
      return docs.map((d) => rec(d));
    },

    applyCaseChange: writer.applyCaseChange,
    changeAssignee: writer.changeAssignee,
    async getCase(id) {
      const doc = await m.Case.findById(id).lean<CaseDoc>();
      return doc ? caseFromDoc(doc) : null;
    },
    async getCaseByNumber(caseNumber) {
      const doc = await m.Case.findOne({ caseNumber }).lean<CaseDoc>();
      return doc ? caseFromDoc(doc) : null;
    },
    async listCasesByApplicant(applicantId, limit = 100) {
      if (pageOf({ limit }, 'case list', 100).limit === 0) return []; // MongoDB reads limit 0 as "no limit"
      const docs = await m.Case.find({ applicantId }).sort({ createdAt: -1, seq: -1 }).limit(limit).lean<CaseDoc[]>();
      return docs.map(caseFromDoc);
    },
    async listCasesByStatus(status, limit = 50) {
      if (pageOf({ limit }, 'case list', 50).limit === 0) return []; // MongoDB reads limit 0 as "no limit"
      const docs = await m.Case.find({ status }).sort({ updatedAt: -1, seq: -1 }).limit(limit).lean<CaseDoc[]>();
      return docs.map(caseFromDoc);
    },
    async getTask(id) {
      return recOrNull(await m.Task.findById(id).lean());
    },
    async listTasks(query) {
      return listTasks(m, query); // in the query's order (task-query.ts)
    },
    async countTasks(query) {
      if (query.groupIds?.length === 0) return 0;
      return m.Task.countDocuments(taskFilter(query));
    },

    async appendAudit(events) {
      if (events.length === 0) return;
      await atomically('audit event exists', async (session) => {
        // each event takes the next number of its case (which must exist: SQLite's foreign key)
        await m.Audit.insertMany(await numberCaseRecords(m, events, session), { session });
      });
    },
    async listAudit(caseId) {
      // time, then the case's numbering: insertion order (sequences.ts)
      const docs = await m.Audit.find({ caseId }).sort({ at: 1, seq: 1 }).lean();
      return docs.map((d) => rec(d));
    },
    async getDocument(id) {
      return recOrNull(await m.Document.findById(id).lean());
    },
    async listDocuments(caseId) {
      // time, then the case's numbering: the latest of a field is the one written last
      const docs = await m.Document.find({ caseId }).sort({ createdAt: 1, seq: 1 }).lean();
      return docs.map((d) => rec(d));
    },
    async isUploadReferenced(storedName) {
      // drafts keep staged files under values._staged; sessions as JSON text (a submission that failed validation)
      // each lookup an index; the first that finds it ends the check
      if (await m.Document.exists({ storedName })) return true;
      if (await m.Draft.exists({ 'values._staged.storedName': storedName })) return true;
      return (await m.Session.exists({ uploads: storedName })) !== null;
    },
  });
}
