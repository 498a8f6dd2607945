// Every query the MongoDB store sends is served by a declared index, its sort included (no server:
// mongo-recorder.ts records the commands mongoose would send). Each Store method is called with the
// query shapes the app uses; a method missing from the list, or a query no index serves, fails.
import { describe, expect, test } from '@jest/globals';
import type { Store, TaskQuery } from '../../src/store/ports.js';
import { at, audit, caseRecord, create, definition, document, draft, message, task, timer, update, user, verification } from './fixtures.js';
import { cursorOf, recordingStore, type DriverCall } from './mongo-recorder.js';
import { appTaskQueries } from './app-queries.js';
import { taskSchema } from '../../src/store/mongo/schemas.js';
import { FOLDED } from '../../src/store/mongo/task-query.js';

type Direction = 1 | -1;
type IndexKeys = Array<[string, Direction]>;

/** What a query asks of an index: fields bound to one value, other filtered fields, the sort. */
interface Shape {
  collection: string;
  method: string;
  equal: Set<string>;
  bounded: Set<string>; // ranges and $in: the index can seek on them
  points: Set<string>; // $in: a few values, each a range of its own (MongoDB merges them in sort order: SORT_MERGE)
  sort: IndexKeys;
  collation: string; // JSON of the query's collation ('' = none): only an index of the same collation serves it
  open: boolean; // filters status 'open': a partial index of open tasks may serve it
}

/** A declared index: its keys, its collation (JSON, '' = none), whether it holds open tasks only. */
interface DeclaredIndex {
  keys: IndexKeys;
  collation: string;
  openOnly: boolean;
}

const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v).some((k) => k.startsWith('$'));

function shapeOf(collection: string, method: string, filter: Record<string, unknown>, sort: Record<string, Direction> = {}, collation?: unknown): Shape {
  const equal = new Set<string>();
  const bounded = new Set<string>();
  const points = new Set<string>();
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$')) continue; // $or / $expr: checked on the documents the index finds
    if (!isOperatorObject(value)) equal.add(field);
    else if ('$eq' in value) equal.add(field);
    else if (['$in', '$lt', '$lte', '$gt', '$gte'].some((op) => op in value)) {
      bounded.add(field);
      if (Object.keys(value).join() === '$in') points.add(field);
    }
    // $regex, $exists, $ne: no seek, filtered on the way
  }
  return { collection, method, equal, bounded, points, sort: Object.entries(sort) as IndexKeys, collation: collation ? JSON.stringify(collation) : '', open: filter.status === 'open' };
}

/** The query shapes of one driver call (a bulk write has one per operation; inserts have none). */
function shapesOf(call: DriverCall): Shape[] {
  const [first, second, third] = call.args as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
  switch (call.method) {
    case 'find':
    case 'findOne':
      return [shapeOf(call.collection, call.method, first, (second?.sort ?? {}) as Record<string, Direction>, second?.collation)];
    case 'findOneAndUpdate':
    case 'findOneAndDelete':
    case 'findOneAndReplace':
      return [shapeOf(call.collection, call.method, first, (third?.sort ?? {}) as Record<string, Direction>)];
    case 'countDocuments':
    case 'updateOne':
    case 'updateMany':
    case 'replaceOne':
    case 'deleteOne':
    case 'deleteMany':
      return [shapeOf(call.collection, call.method, first)];
    case 'bulkWrite':
      return (call.args[0] as Array<Record<string, { filter?: Record<string, unknown> }>>).flatMap((op) =>
        Object.entries(op).flatMap(([kind, body]) => (body.filter ? [shapeOf(call.collection, `bulkWrite.${kind}`, body.filter)] : [])),
      );
    case 'aggregate':
      return aggregateShapes(call.collection, call.args[0] as Array<Record<string, Record<string, unknown>>>);
    case 'insertOne':
    case 'insertMany':
    case 'estimatedDocumentCount': // the collection's count: no documents read
      return [];
    default:
      throw new Error(`no rule for ${call.method}: teach shapesOf what it reads`);
  }
}

/** The fields of a $lookup stage this test reads. */
const LOOKUP_FIELDS = (stage: Record<string, unknown>) => stage as { from: string; foreignField?: string; pipeline?: Array<Record<string, Record<string, unknown>>> };

/**
 * What a pipeline reads through indexes: its leading $match (and the $sort after it), or a leading
 * $sort alone (a read in index order: a distinct scan), and each $lookup: the joined collection
 * bound on its foreignField plus the lookup pipeline's own $match.
 */
function aggregateShapes(collection: string, pipeline: Array<Record<string, Record<string, unknown>>>): Shape[] {
  const [first, second] = pipeline;
  const shapes: Shape[] = [];
  if (first?.$match) shapes.push(shapeOf(collection, 'aggregate', first.$match, (second?.$sort ?? {}) as Record<string, Direction>));
  else if (first?.$sort) shapes.push(shapeOf(collection, 'aggregate', {}, first.$sort as Record<string, Direction>));
  else shapes.push(shapeOf(collection, 'aggregate', {}));
  for (const stage of pipeline) {
    if (!stage.$lookup) continue;
    const { from, foreignField, pipeline: inner } = LOOKUP_FIELDS(stage.$lookup);
    const match = { ...(inner?.[0]?.$match ?? {}), ...(foreignField ? { [foreignField]: 'joined' } : {}) };
    shapes.push(shapeOf(from, 'aggregate.$lookup', match));
  }
  return shapes;
}

/**
 * The prefix rule: the index seeks on its leading keys bound by the filter, and gives the sort
 * without sorting when its keys, after those bound to one value, are the sort keys in order (all
 * in the same or all in the opposite direction). A key bound to a few values ($in) counts as one
 * bound to one value: the server reads one range per value and merges them in sort order (explode
 * for sort, SORT_MERGE, up to 200 ranges). An index that serves the sort but no filter key
 * is enough only for a query without a filter (a whole collection read in order, page by page).
 */
export function serves(index: IndexKeys, q: Shape): boolean {
  const [firstKey] = index[0]!;
  const seeks = q.equal.has(firstKey) || q.bounded.has(firstKey);
  const hasFilter = q.equal.size + q.bounded.size > 0;
  let i = 0;
  let relation: number | null = null;
  for (const [key, dir] of index) {
    if (i === q.sort.length) break;
    const [sortKey, sortDir] = q.sort[i]!;
    if (key === sortKey) {
      const r = dir === sortDir ? 1 : -1;
      if (relation !== null && r !== relation) return false;
      relation = r;
      i++;
    } else if (!q.equal.has(key) && !q.points.has(key)) {
      break;
    }
  }
  const sorted = i === q.sort.length;
  return sorted && (seeks || (!hasFilter && q.sort.length > 0));
}

function describeShape(q: Shape): string {
  return `${q.collection}.${q.method} equal(${[...q.equal].join(',')}) bounded(${[...q.bounded].join(',')}) sort(${q.sort.map(([k, d]) => `${k}:${d}`).join(',')}) collation(${q.collation})`;
}

/** Every Store method, called with the query shapes the app uses. */
function calls(): Array<[keyof Store, (s: Store) => Promise<unknown>]> {
  const c = caseRecord();
  const t = task(c);
  const taskQueries: TaskQuery[] = appTaskQueries();
  const lease = { id: 'timer-1', token: 'token-1' };
  return [
    ['insertUser', (s) => s.insertUser(user())],
    ['getUser', (s) => s.getUser('u1')],
    ['findUserByEmail', (s) => s.findUserByEmail('a@b.go.id')],
    ['countUsers', async (s) => [await s.countUsers(), await s.countUsers('staff')]],
    ['listUsersByRole', (s) => s.listUsersByRole('staff')],
    ['updateUser', (s) => s.updateUser('u1', { status: 'active' })],
    // staff administration (src/staff): the /staf list, a status change guarded by a role, its log
    ['listUsersPage', (s) => s.listUsersPage({ roles: ['staff', 'process-owner'], limit: 25, offset: 25 })],
    ['changeUserStatus', (s) => s.changeUserStatus({ userId: 'u1', from: 'active', to: 'disabled', keepOneActive: 'process-owner', audit: { id: 'sa1', userId: 'u1', at: at(1), actorId: 'o1', actorName: 'Pemilik', type: 'staff.deactivated', data: {} } })],
    ['appendStaffAudit', (s) => s.appendStaffAudit([{ id: 'sa1', userId: 'u1', at: at(1), actorId: 'o1', actorName: 'Pemilik', type: 'staff.deactivated', data: {} }])],
    ['listStaffAudit', async (s) => [await s.listStaffAudit({ limit: 21, offset: 20 }), await s.listStaffAudit({ userId: 'u1', limit: 20 })]],
    // groups (a deploy), memberships (src/staff), the people of a task's group (Alihkan, escalation)
    ['upsertGroups', (s) => s.upsertGroups([{ id: 'admin-ppe', name: 'Admin PPE' }, { id: 'kepala-seksi', name: 'Kepala Seksi' }], at(1))],
    ['getGroup', (s) => s.getGroup('admin-ppe')],
    ['listGroups', (s) => s.listGroups()],
    ['changeMembership', async (s) => [
      await s.changeMembership({ userId: 'u1', groupId: 'admin-ppe', add: true, at: at(1), audit: { id: 'sa2', userId: 'u1', at: at(1), actorId: 'o1', actorName: 'Pemilik', type: 'staff.group-added', data: {} } }),
      await s.changeMembership({ userId: 'u1', groupId: 'admin-ppe', add: false, at: at(1), audit: { id: 'sa3', userId: 'u1', at: at(1), actorId: 'o1', actorName: 'Pemilik', type: 'staff.group-removed', data: {} } }),
    ]],
    ['listUserGroups', (s) => s.listUserGroups('u1')],
    ['listGroupMembers', (s) => s.listGroupMembers('admin-ppe', 50)],
    ['countActiveMembers', (s) => s.countActiveMembers(['admin-ppe', 'kepala-seksi'])],
    ['insertVerification', (s) => s.insertVerification(verification('u1'))],
    ['latestVerification', (s) => s.latestVerification('u1', 'email')],
    ['countVerificationsSince', (s) => s.countVerificationsSince('u1', 'email', at(0))],
    ['recordVerificationAttempt', (s) => s.recordVerificationAttempt('v1')],
    ['consumeVerification', (s) => s.consumeVerification('v1', at(1), { emailVerifiedAt: at(1) }, audit(c, 'case.started'))],
    ['hitRateLimit', (s) => s.hitRateLimit('login:a', 60_000, at(1))],
    ['releaseRateLimitHit', (s) => s.releaseRateLimitHit('login:a')],
    ['clearRateLimit', (s) => s.clearRateLimit('login:a')],
    ['enqueueMessages', (s) => s.enqueueMessages([message()])],
    ['claimDueMessages', (s) => s.claimDueMessages(at(1), 5, 60_000)],
    ['markMessageSent', (s) => s.markMessageSent('m1', at(1))],
    ['markMessageFailed', async (s) => [await s.markMessageFailed('m1', 'x', at(2)), await s.markMessageFailed('m1', 'x', null)]],
    ['listMessages', async (s) => [await s.listMessages({ userId: 'u1' }), await s.listMessages({})]],
    ['compactMessages', async (s) => [await s.compactMessages(at(1), 5), await s.compactMessages(at(1), 5, ['verify-email'])]],
    ['purgeSessions', (s) => s.purgeSessions(at(1), 5)],
    ['purgeVerifications', (s) => s.purgeVerifications(at(1), 5)],
    ['purgeTimers', (s) => s.purgeTimers(at(1), 5)],
    ['purgeRateLimits', (s) => s.purgeRateLimits(at(1), 5)],
    ['saveDraft', (s) => s.saveDraft(draft(t.id, 'u1'))],
    ['getDraft', (s) => s.getDraft(t.id, 'u1')],
    ['saveProcessDraft', (s) => s.saveProcessDraft({ processKey: 'p', xml: '<x/>', savedAt: at(1), savedBy: null })],
    ['createProcessDraft', (s) => s.createProcessDraft({ processKey: 'p', xml: '<x/>', savedAt: at(1), savedBy: null })],
    ['getProcessDraft', (s) => s.getProcessDraft('p')],
    ['deleteProcessDraft', (s) => s.deleteProcessDraft('p')],
    ['dismissProcessDraftProblems', (s) => s.dismissProcessDraftProblems('p', ['p1'])],
    ['getSession', (s) => s.getSession('sid')],
    ['setSession', (s) => s.setSession({ sid: 'sid', data: '{}', expiresAt: at(60) })],
    ['destroySession', (s) => s.destroySession('sid')],
    ['insertDefinition', (s) => s.insertDefinition(definition())],
    ['getDefinition', (s) => s.getDefinition('d1')],
    ['getLatestDefinition', (s) => s.getLatestDefinition('p')],
    ['listDefinitions', (s) => s.listDefinitions('p')],
    ['listProcessSummaries', (s) => s.listProcessSummaries(at(1))],
    ['listLatestDefinitions', (s) => s.listLatestDefinitions()],
    ['listStepTasks', async (s) => [
      await s.listStepTasks({ processKey: 'p', elementId: 'e' }), await s.listStepTasks({ processKey: 'p', elementId: 'e', dueBefore: at(1), limit: 20 }),
    ]],
    ['countStepTasks', async (s) => [await s.countStepTasks({ processKey: 'p', elementId: 'e' }), await s.countStepTasks({ processKey: 'p', elementId: 'e', dueBefore: at(1) })]],
    ['applyCaseChange', async (s) => {
      await s.applyCaseChange(create(c, { openTasks: [t], audit: [audit(c, 'case.started')], outbox: [message()], timers: [timer()], newUser: user(), caseNumberScope: 'PPBJ-2026' }));
      await s.applyCaseChange(update(c, { updatedAt: at(5) }, {
        completeTasks: [{ taskId: t.id, completedAt: at(5), completedBy: 'u1' }], userStatus: { userId: 'u1', status: 'active' },
        documents: [document(c)], firedTimer: { ...lease, at: at(5) }, cancelTimers: ['timer-2'], timers: [timer()],
      }));
    }],
    ['changeAssignee', (s) => s.changeAssignee({ taskId: t.id, from: null, to: 'u1', audit: audit(c, 'task.taken') })],
    ['getCase', (s) => s.getCase(c.id)],
    ['getCaseByNumber', (s) => s.getCaseByNumber('PPBJ-2026-000001')],
    ['listCasesByApplicant', (s) => s.listCasesByApplicant('u1')],
    ['listCasesByStatus', (s) => s.listCasesByStatus('failed', 20)],
    ['getTask', (s) => s.getTask(t.id)],
    ['listTasks', async (s) => Promise.all(taskQueries.map((q) => s.listTasks(q)))],
    ['countTasks', async (s) => Promise.all(taskQueries.map((q) => s.countTasks(q)))],
    ['appendAudit', (s) => s.appendAudit([audit(c, 'case.started')])],
    ['listAudit', (s) => s.listAudit(c.id)],
    ['getDocument', (s) => s.getDocument('doc-1')],
    ['isUploadReferenced', (s) => s.isUploadReferenced('file-1')],
    ['listDocuments', (s) => s.listDocuments(c.id)],
    ['scheduleTimers', (s) => s.scheduleTimers([timer()])],
    ['claimDueTimers', (s) => s.claimDueTimers(at(1), 5, 60_000)],
    ['completeTimer', (s) => s.completeTimer(lease, at(2), { audit: [audit(c, 'task.overdue')], outbox: [message()], timers: [timer()] })],
    ['releaseTimer', (s) => s.releaseTimer(lease, at(2), at(3), 'busy')],
    // NOTE: the app lists timers only by case (the test suites list by anything else)
    ['listTimers', async (s) => [await s.listTimers({ caseId: c.id }), await s.listTimers({ caseId: c.id, status: 'pending' })]],
    ['getWorkingCalendar', (s) => s.getWorkingCalendar()],
    ['saveWorkingCalendar', (s) => s.saveWorkingCalendar({ timeZone: 'Asia/Pontianak', hours: [{ day: 1, start: '07:30', end: '16:00' }], holidays: [], updatedAt: at(1), updatedBy: null })],
    ['getProcessTimeSettings', (s) => s.getProcessTimeSettings('d1')],
    ['saveProcessTimeSettings', (s) => s.saveProcessTimeSettings({ definitionId: 'd1', timeBasis: 'working', escalateTo: {}, updatedAt: at(1), updatedBy: null })],
    ['listCaseSummaries', async (s) => [
      await s.listCaseSummaries({ processKey: 'p', createdBefore: at(9), activeFrom: at(1) }),
      await s.listCaseSummaries({ createdBefore: at(9), activeFrom: at(1) }),
    ]],
    ['listTasksOfCases', (s) => s.listTasksOfCases([c.id])],
    ['listAuditOfCases', (s) => s.listAuditOfCases([c.id], ['case.started'])],
    // the compliance reports (src/compliance): aggregates of the recorded facts, their pages, the backlog
    ['reportFigures', (s) => s.reportFigures({ processKey: 'p', from: at(0), to: at(9), months: [{ key: '2026-01', from: at(0), to: at(9) }], returnSteps: ['e'] })],
    ['listTaskFacts', (s) => s.listTaskFacts({ processKey: 'p', from: at(0), to: at(9), limit: 20, offset: 20 })],
    ['listCaseFacts', (s) => s.listCaseFacts({ processKey: 'p', from: at(0), to: at(9), limit: 20, offset: 20 })],
    ['listOpenReportTasks', (s) => s.listOpenReportTasks({ processKey: 'p', caseCreatedBefore: at(9), limit: 50 })],
    ['listReportBacklog', (s) => s.listReportBacklog(100)],
    ['saveReportFacts', (s) => s.saveReportFacts({ tasks: [], cases: [], done: [{ caseId: c.id, mark: 1 }] })],
  ];
}

describe('MongoDB: every query of the store is served by an index', () => {
  // the catalogue finds one deployed process, so its per-process reads are recorded too
  const oneProcess = (call: DriverCall) => (call.collection === 'definitions' && call.method === 'aggregate' ? cursorOf([{ _id: 'p' }]) : undefined);
  const { store, calls: recorded, conn } = recordingStore(oneProcess);
  const list = calls();
  const byMethod = new Map<string, DriverCall[]>();

  test('the list calls every method of the store (a new method must be added here)', async () => {
    const methods = Object.keys(store).filter((k) => typeof (store as unknown as Record<string, unknown>)[k] === 'function' && k !== 'init' && k !== 'close');
    expect(methods.filter((m) => !list.some(([name]) => name === m)).sort()).toEqual([]);
    for (const [name, call] of list) {
      const before = recorded.length;
      await call(store).catch(() => undefined); // e.g. NotFoundError: the recorder's collections are empty
      byMethod.set(name, recorded.slice(before));
    }
    expect(recorded.length).toBeGreaterThan(100);
  });

  test('each recorded query, filter and sort, is served by a declared index', () => {
    const indexes = new Map<string, DeclaredIndex[]>();
    for (const name of conn.modelNames()) {
      const model = conn.model(name);
      type Options = { collation?: unknown; partialFilterExpression?: Record<string, unknown> };
      const declared = (model.schema.indexes() as Array<[Record<string, Direction>, Options | undefined]>).map(([keys, options]) => ({
        keys: Object.entries(keys) as IndexKeys,
        collation: options?.collation ? JSON.stringify(options.collation) : '',
        openOnly: options?.partialFilterExpression?.status === 'open',
      }));
      indexes.set(model.collection.name, [{ keys: [['_id', 1]], collation: '', openOnly: false }, ...declared]);
    }
    // NOTE: a collation, or a partial filter, the query does not match makes the index unusable for it
    const usable = (index: DeclaredIndex, shape: Shape) => index.collation === shape.collation && (!index.openOnly || shape.open);
    const unserved: string[] = [];
    for (const [method, driverCalls] of byMethod) {
      for (const shape of driverCalls.flatMap(shapesOf)) {
        if (!(indexes.get(shape.collection) ?? []).some((index) => usable(index, shape) && serves(index.keys, shape))) unserved.push(`${method}: ${describeShape(shape)}`);
      }
    }
    expect([...new Set(unserved)]).toEqual([]);
  });
});

describe('the prefix rule itself', () => {
  const q = (filter: Record<string, unknown>, sort: Record<string, Direction> = {}) => shapeOf('tasks', 'find', filter, sort);
  const inbox: IndexKeys = [['status', 1], ['role', 1], ['assigneeId', 1], ['dueAt', 1]];

  test('Given the old inbox index (ending at dueAt), Then the inbox page sort (dueAt, createdAt, _id) is not served', () => {
    expect(serves(inbox, q({ status: 'open', role: 'r', assigneeId: null }, { dueAt: 1 }))).toBe(true);
    expect(serves(inbox, q({ status: 'open', role: 'r', assigneeId: null }, { dueAt: 1, createdAt: 1, _id: 1 }))).toBe(false);
  });

  test('equality keys may be skipped, ranges may not; directions must all agree or all be reversed', () => {
    const idx: IndexKeys = [['status', 1], ['nextAttemptAt', 1], ['seq', 1]];
    expect(serves(idx, shapeOf('outbox', 'find', { status: 'p', nextAttemptAt: { $lte: 'x' } }, { nextAttemptAt: 1, seq: 1 }))).toBe(true);
    expect(serves(idx, shapeOf('outbox', 'find', { status: 'p' }, { seq: 1 }))).toBe(false);
    expect(serves(idx, shapeOf('outbox', 'find', { status: 'p' }, { nextAttemptAt: -1, seq: -1 }))).toBe(true);
    expect(serves(idx, shapeOf('outbox', 'find', { status: 'p' }, { nextAttemptAt: 1, seq: -1 }))).toBe(false);
    expect(serves(idx, shapeOf('outbox', 'find', { userId: 'u' }))).toBe(false);
    expect(serves([['data', 1]], shapeOf('sessions', 'findOne', { data: { $regex: 'x' } }))).toBe(false);
  });
});

describe('MongoDB: the inbox of one process', () => {
  test('Given the task schema, Then the inbox of one process (by due time and by age) seeks on status, group, assignee and process, then reads in page order', () => {
    const declared = taskSchema.indexes().map(([keys]) => Object.keys(keys).join(','));
    expect(declared).toContain('status,groupId,assigneeId,processKey,dueAt,createdAt,_id');
    expect(declared).toContain('status,groupId,assigneeId,processKey,createdAt,_id');
  });
});

describe('MongoDB: the inbox sorted by name', () => {
  test('Given the task schema, Then the step and applicant name indexes hold open tasks only, in the case-insensitive collation the queries ask for', () => {
    const byName = taskSchema.indexes().filter(([keys]) => 'name' in keys || 'applicantName' in keys);
    expect(byName.map(([keys]) => Object.keys(keys).join(','))).toEqual([
      'status,groupId,assigneeId,name,dueAt,createdAt,_id',
      'status,groupId,assigneeId,processKey,name,dueAt,createdAt,_id',
      'status,groupId,assigneeId,applicantName,dueAt,createdAt,_id',
      'status,groupId,assigneeId,processKey,applicantName,dueAt,createdAt,_id',
    ]);
    for (const [, options] of byName) {
      expect(options).toMatchObject({ partialFilterExpression: { status: 'open' }, collation: FOLDED });
    }
  });
});

describe('MongoDB: the inbox of several groups', () => {
  const inbox: IndexKeys = [['status', 1], ['groupId', 1], ['assigneeId', 1], ['dueAt', 1], ['createdAt', 1], ['_id', 1]];
  const page = { dueAt: 1, createdAt: 1, _id: 1 } as const;

  test('Given a member of two groups, When their queue is read, Then the filter names both groups with $in and the inbox index serves it in page order (one range per group, merged)', () => {
    const filter = { status: 'open', groupId: { $in: ['admin-ppe', 'kepala-seksi'] }, assigneeId: null };
    expect(serves(inbox, shapeOf('tasks', 'find', filter, page))).toBe(true);
  });

  test('Given a range (not a few values) on the group, Then the page order is not served', () => {
    expect(serves(inbox, shapeOf('tasks', 'find', { status: 'open', groupId: { $gte: 'a' }, assigneeId: null }, page))).toBe(false);
  });
});
