// One-off data migrations of the MongoDB store (what SQLite's numbered migrations do for its data):
// each runs once per database and is then recorded in the `migrations` collection, so a start no
// longer scans whole collections. Each is idempotent: two instances starting at once may both run
// one before either records it, with the same result.
import { Schema, type Model } from 'mongoose';
import type { Models } from './models.js';
import { storedNamesIn } from './mapping.js';
import { options, str } from './schema-kit.js';
import { DEFAULT_MONGO_TIMEOUTS } from './connection.js';
import { caseNumberOf } from '../case-numbers.js';
import { STATELESS_CASE_STATUSES } from '../ended-case.js';
import { transactionOptions } from './transaction.js';
import { backlogCasesOfBefore } from './report-facts.js';

export interface MigrationDoc {
  _id: string;
  doneAt: string;
}

export const migrationSchema = new Schema<MigrationDoc>({ _id: str, doneAt: str }, options('migrations'));

/**
 * Gives documents written by an older app version the fields added since (what SQLite's migration 3
 * does): lower(applicantName) as a task's searchText, null for a user's verification and privacy fields.
 */
async function backfillFields(models: Models): Promise<void> {
  await models.Task.updateMany(
    { searchText: { $exists: false } },
    [{ $set: { searchText: { $toLower: '$applicantName' } } }],
    { updatePipeline: true },
  );
  for (const field of ['emailVerifiedAt', 'whatsappVerifiedAt', 'privacyNoticeVersion', 'privacyAcknowledgedAt']) {
    await models.User.updateMany({ [field]: { $exists: false } }, { $set: { [field]: null } });
  }
}

/** Sessions written before `uploads` existed get it (the upload sweeper's index). */
async function backfillSessionUploads(models: Models): Promise<void> {
  const BATCH = 500;
  let after = '';
  for (;;) {
    const page = await models.Session.find({ _id: { $gt: after }, uploads: { $exists: false } }, { data: 1 })
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean();
    if (page.length === 0) return;
    await models.Session.bulkWrite(
      page.map((s) => ({ updateOne: { filter: { _id: s._id }, update: { $set: { uploads: storedNamesIn(s.data) } } } })),
      { ordered: false },
    );
    after = page[page.length - 1]!._id;
  }
}

/**
 * Indexes that longer ones replaced (each is a prefix of its successor, so an older app version
 * still running during an upgrade keeps an index for every query).
 */
const SUPERSEDED: Array<[keyof Models, string]> = [
  ['User', 'role_1'],
  ['Case', 'applicantId_1_createdAt_-1'],
  ['Case', 'status_1_updatedAt_-1'],
  ['Task', 'status_1_role_1_assigneeId_1_dueAt_1'],
  ['Task', 'status_1_role_1_elementId_1_dueAt_1'],
  ['Task', 'applicantId_1_status_1'],
  ['Task', 'caseId_1'],
  ['Verification', 'userId_1_purpose_1_createdAt_1'],
  ['Outbox', 'status_1_nextAttemptAt_1'],
  ['Outbox', 'userId_1_createdAt_1'],
  ['Timer', 'status_1_nextAttemptAt_1'],
  ['Timer', 'caseId_1_status_1'],
];
const INDEX_NOT_FOUND = 27;

async function dropSupersededIndexes(models: Models): Promise<void> {
  for (const [model, name] of SUPERSEDED) {
    try {
      await (models[model] as Model<unknown>).collection.dropIndex(name);
    } catch (err) {
      if ((err as { code?: unknown }).code !== INDEX_NOT_FOUND) throw err;
    }
  }
}

/**
 * Cases written before `seq` existed get one, in their creation order (createdAt, then _id: the
 * best order known for them), after any number already taken, so every case sorts by (time, seq).
 */
async function numberOlderCases(models: Models): Promise<void> {
  const BATCH = 500;
  for (;;) {
    const page = await models.Case.find({ seq: { $exists: false } }, { _id: 1 }).sort({ createdAt: 1, _id: 1 }).limit(BATCH).lean();
    if (page.length === 0) return;
    const last = await models.Counter.findOneAndUpdate({ _id: 'cases' }, { $inc: { value: page.length } }, { upsert: true, returnDocument: 'after' }).lean();
    const first = last!.value - page.length + 1;
    await models.Case.bulkWrite(
      page.map((c, i) => ({ updateOne: { filter: { _id: c._id, seq: { $exists: false } }, update: { $set: { seq: first + i } } } })),
      { ordered: false },
    );
  }
}

/**
 * Documents and verification codes written before their numbering (sequences.ts) carry an ObjectId
 * `seq`; each owner's (case's, user's) get numbers from its counter, in their old order (time, then
 * that ObjectId), one owner per transaction: an instance already writing numbered records conflicts
 * on the counter and is retried, two instances migrating at once number each record once.
 * NOTE: audit events keep theirs: the log is append-only (the database role refuses an update), and
 * MongoDB sorts every number before every ObjectId, which matters only for two events of one case in
 * the same millisecond, one written before the upgrade and one after.
 */
function numberOlder(spec: { records: 'Document' | 'Verification'; owner: 'Case' | 'User'; ownerField: 'caseId' | 'userId'; counter: 'eventSeq' | 'codeSeq' }) {
  return async (models: Models): Promise<void> => {
    const records = models[spec.records] as unknown as Model<{ _id: string; seq: unknown } & Record<string, unknown>>;
    const owners = models[spec.owner] as unknown as Model<{ _id: string } & Record<string, unknown>>;
    const old = { seq: { $type: 'objectId' } };
    const BATCH = 500;
    let after = '';
    for (;;) {
      const page = await records.find({ _id: { $gt: after }, ...old }, { [spec.ownerField]: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
      if (page.length === 0) return;
      for (const ownerId of new Set(page.map((r) => String(r[spec.ownerField])))) {
        await owners.db.transaction(async (session) => {
          const mine = await records.find({ [spec.ownerField]: ownerId, ...old }, { _id: 1 }).sort({ createdAt: 1, seq: 1 }).session(session).lean();
          if (mine.length === 0) return; // numbered meanwhile
          const o = await owners.findOneAndUpdate({ _id: ownerId }, { $inc: { [spec.counter]: mine.length } }, { session, returnDocument: 'after', projection: { [spec.counter]: 1 } }).lean();
          const last = typeof o?.[spec.counter] === 'number' ? (o[spec.counter] as number) : mine.length; // an orphan: 1…n
          await records.bulkWrite(
            mine.map((r, i) => ({ updateOne: { filter: { _id: r._id, ...old }, update: { $set: { seq: last - mine.length + 1 + i } } } })),
            { session, ordered: true },
          );
        }, transactionOptions(DEFAULT_MONGO_TIMEOUTS.operationMs));
      }
      after = page[page.length - 1]!._id;
    }
  };
}

/**
 * Tasks written before they carried their process get their case's `processKey` (what SQLite's
 * migration adding tasks.processKey does), a page of tasks at a time, each page's cases read by primary key.
 * Idempotent: a task is only ever given its own case's key.
 */
async function backfillTaskProcessKeys(models: Models): Promise<void> {
  const BATCH = 500;
  for (;;) {
    const page = await models.Task.find({ processKey: { $exists: false } }, { caseId: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
    if (page.length === 0) return;
    const caseIds = [...new Set(page.map((t) => t.caseId))];
    const cases = await models.Case.find({ _id: { $in: caseIds } }, { processKey: 1 }).lean();
    const keyOf = new Map(cases.map((c) => [c._id, c.processKey]));
    await models.Task.bulkWrite(
      page.map((t) => ({
        updateOne: { filter: { _id: t._id, processKey: { $exists: false } }, update: { $set: { processKey: keyOf.get(t.caseId) ?? '' } } },
      })),
      { ordered: false },
    );
  }
}

/** Role values that are not a staff group: the old applicant role, the system roles, the reserved group. */
const NOT_A_GROUP = ['ppbj', 'process-owner', 'applicant', 'staff', 'pemohon'];
/** The inbox indexes that named `role` (their `groupId` successors are created before migrations run). */
const ROLE_INDEXES = [
  'status_1_role_1_assigneeId_1_dueAt_1_createdAt_1__id_1',
  'status_1_role_1_assigneeId_1_createdAt_1__id_1',
  'status_1_role_1_assigneeId_1_processKey_1_dueAt_1_createdAt_1__id_1',
  'status_1_role_1_assigneeId_1_processKey_1_createdAt_1__id_1',
];

/**
 * Roles become system roles and who does a step a group (what SQLite's migration 12 does): every old
 * staff role value that users or tasks use becomes a group (id = name = the value; a deploy sets its
 * display name) whose members are that role's users, now 'staff'; 'ppbj' users become applicants;
 * tasks.role is renamed groupId, an applicant's step ('ppbj') naming the reserved group 'pemohon'.
 * Idempotent: memberships are written before the role they come from is changed, each by an upsert.
 */
async function migrateToGroups(models: Models, now: () => Date = () => new Date()): Promise<void> {
  // documents as an older version wrote them (roles outside today's enum, tasks with `role`)
  // NOTE: tasks through the driver's collection: mongoose would strip `role`, no longer in the schema, from filters and updates
  type Legacy = { _id: string; role?: string; displayName: string };
  const users = models.User as unknown as Model<Legacy>;
  const tasks = models.Task.collection;
  const at = now().toISOString();
  const oldRoles = { role: { $nin: NOT_A_GROUP } };
  // a one-off read of the role values in use (users: their role index; tasks: a scan, once)
  const values = new Set<string>([
    ...(await users.distinct('role', oldRoles)),
    ...((await tasks.distinct('role', { role: { $exists: true, $nin: NOT_A_GROUP } })) as unknown[]),
  ].filter((v): v is string => typeof v === 'string'));
  if (values.size > 0) {
    await models.Group.bulkWrite(
      [...values].sort().map((id) => ({ updateOne: { filter: { _id: id }, update: { $setOnInsert: { name: id, createdAt: at, updatedAt: at } }, upsert: true } })),
      { ordered: false },
    );
  }
  const staff = await users.find(oldRoles, { role: 1, displayName: 1 }).lean();
  if (staff.length > 0) {
    await models.Membership.bulkWrite(
      staff.map((u) => ({
        updateOne: {
          filter: { userId: u._id, groupId: u.role! },
          update: { $setOnInsert: { userId: u._id, groupId: u.role!, displayName: u.displayName, createdAt: at } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
  await users.updateMany(oldRoles, { $set: { role: 'staff' } });
  await users.updateMany({ role: 'ppbj' }, { $set: { role: 'applicant' } });
  await tasks.updateMany({ role: 'ppbj' }, { $set: { role: 'pemohon' } });
  await tasks.updateMany({ role: { $exists: true } }, { $rename: { role: 'groupId' } });
  for (const name of ROLE_INDEXES) await dropIfPresent(models.Task as unknown as Model<unknown>, name);
}

async function dropIfPresent(model: Model<unknown>, name: string): Promise<void> {
  try {
    await model.collection.dropIndex(name);
  } catch (err) {
    if ((err as { code?: unknown }).code !== INDEX_NOT_FOUND) throw err;
  }
}

/**
 * Cases written before the nomor permohonan get 'ALUR-<year (WIB) of creation>-…' from the counter of
 * that scope (the one new cases of such a scope take theirs from: case-change.ts), in creation order.
 * NOTE: each number is set only where none is (two instances migrating at once may skip numbers, never reuse one).
 */
/** Ended cases of before keep no engine state (ended-case.ts): one update; a case that ends later is stored without it. */
async function dropEndedCaseStates(models: Models): Promise<void> {
  await models.Case.updateMany(
    { status: { $in: [...STATELESS_CASE_STATUSES] }, engineState: { $ne: Buffer.alloc(0) } },
    { $set: { engineState: Buffer.alloc(0) } },
  );
}

/** Tasks no longer open keep no search text (inboxes search open tasks): one update. */
async function clearClosedTaskSearch(models: Models): Promise<void> {
  await models.Task.updateMany({ status: { $ne: 'open' }, searchText: { $ne: '' } }, { $set: { searchText: '' } });
}

async function numberCasesOfBefore(models: Models): Promise<void> {
  const BATCH = 500;
  for (;;) {
    const page = await models.Case.find({ caseNumber: { $exists: false } }, { _id: 1, createdAt: 1 }).sort({ createdAt: 1, seq: 1 }).limit(BATCH).lean();
    if (page.length === 0) return;
    const updates = [];
    for (const c of page) {
      const scope = `ALUR-${new Date(Date.parse(c.createdAt) + 7 * 3_600_000).getUTCFullYear()}`;
      const counter = await models.Counter.findOneAndUpdate({ _id: `case-number:${scope}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
      updates.push({ updateOne: { filter: { _id: c._id, caseNumber: { $exists: false } }, update: { $set: { caseNumber: caseNumberOf(scope, counter!.value) } } } });
    }
    await models.Case.bulkWrite(updates, { ordered: false });
  }
}

/** In order; an id is never renamed or reused. */
export const MONGO_MIGRATIONS: ReadonlyArray<{ id: string; run: (models: Models, now?: () => Date) => Promise<void> }> = [
  { id: '1-backfill-fields', run: backfillFields },
  { id: '2-session-uploads', run: backfillSessionUploads },
  { id: '3-drop-superseded-indexes', run: dropSupersededIndexes },
  { id: '4-case-seq', run: numberOlderCases },
  { id: '5-document-seq', run: numberOlder({ records: 'Document', owner: 'Case', ownerField: 'caseId', counter: 'eventSeq' }) },
  { id: '6-verification-seq', run: numberOlder({ records: 'Verification', owner: 'User', ownerField: 'userId', counter: 'codeSeq' }) },
  { id: '7-task-process-key', run: backfillTaskProcessKeys },
  { id: '8-groups', run: migrateToGroups },
  { id: '9-task-facts', run: backlogCasesOfBefore },
  { id: '11-case-numbers', run: numberCasesOfBefore },
  { id: '12-ended-case-state', run: dropEndedCaseStates },
  { id: '13-closed-task-search', run: clearClosedTaskSearch },
];

/** Runs the migrations this database has not recorded yet, recording each after it ran. */
export async function migrate(models: Models, now: () => Date = () => new Date()): Promise<string[]> {
  const ids = MONGO_MIGRATIONS.map((x) => x.id);
  const done = new Set((await models.Migration.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((d) => d._id));
  const ran: string[] = [];
  for (const migration of MONGO_MIGRATIONS) {
    if (done.has(migration.id)) continue;
    await migration.run(models, now);
    await models.Migration.updateOne({ _id: migration.id }, { $setOnInsert: { doneAt: now().toISOString() } }, { upsert: true });
    ran.push(migration.id);
  }
  return ran;
}
