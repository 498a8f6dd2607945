// MongoDB adapter checks that need NO server: declared indexes, validation, buffering off,
// and the lean-document mapping. (The behaviour against a real server is mongo.contract.test.ts.)
import { afterAll, describe, expect, test } from '@jest/globals';
import mongoose from 'mongoose';
import { ConflictError } from '../../src/store/ports.js';
import { fromDoc, isDuplicateKey, sessionToDoc, toBuffer, toDoc, uniqueOrConflict } from '../../src/store/mongo/mapping.js';
import { bindModels } from '../../src/store/mongo/models.js';
import { createMongoStore } from '../../src/store/mongo/mongo-store.js';
import { taskFilter } from '../../src/store/mongo/task-query.js';
import { paging } from '../../src/store/task-paging.js';
import * as schemas from '../../src/store/mongo/schemas.js';
import { draftSchema } from '../../src/store/mongo/draft-schema.js';
import { outboxSchema, verificationSchema } from '../../src/store/mongo/notification-schemas.js';
import { calendarSchema, timerSchema, timeSettingsSchema } from '../../src/store/mongo/timer-schemas.js';
import { dueTimerFilter } from '../../src/store/mongo/timers.js';
import { audit, caseRecord, definition, document, draft, message, task, timer, user, verification } from './fixtures.js';

const conn = mongoose.createConnection(); // never opened: no I/O
const m = bindModels(conn);
afterAll(async () => {
  await conn.close();
});

type IndexSpec = [Record<string, unknown>, Record<string, unknown>];
const indexes = (schema: mongoose.Schema) => (schema.indexes() as IndexSpec[]).map(([keys, opts]) => ({ keys, unique: opts.unique === true }));

describe('MongoDB schemas declare the indexes', () => {
  test('tasks: the inbox indexes, with keys in the right order', () => {
    // (every query served, sort included: mongo.indexes.test.ts; here the key ORDER, which toEqual ignores)
    const got = indexes(schemas.taskSchema).map((i) => Object.keys(i.keys).join(','));
    expect(got).toEqual([
      'status,groupId,assigneeId,dueAt,createdAt,_id',
      'status,groupId,assigneeId,createdAt,_id',
      'status,groupId,assigneeId,processKey,dueAt,createdAt,_id', // the inbox filtered by process (by due time, by age)
      'status,groupId,assigneeId,processKey,createdAt,_id',
      'status,elementId,dueAt,createdAt,_id',
      'applicantId,status,dueAt,createdAt,_id',
      'caseId,status,dueAt,createdAt,_id',
      'status,processKey,createdAt,_id', // the open tasks of a process (compliance reports)
      // the inbox by step or applicant name (open tasks only, case-insensitive: mongo.indexes.test.ts)
      'status,groupId,assigneeId,name,dueAt,createdAt,_id',
      'status,groupId,assigneeId,processKey,name,dueAt,createdAt,_id',
      'status,groupId,assigneeId,applicantName,dueAt,createdAt,_id',
      'status,groupId,assigneeId,processKey,applicantName,dueAt,createdAt,_id',
    ]);
  });

  test('verifications, outbox and drafts: lookups, the claim, and one draft per (task, user)', () => {
    expect(indexes(verificationSchema)).toEqual([
      { keys: { userId: 1, purpose: 1, createdAt: 1, seq: 1 }, unique: false },
      { keys: { expiresAt: 1 }, unique: false }, // the retention job's purges
      { keys: { usedAt: 1 }, unique: false },
    ]);
    expect(indexes(outboxSchema)).toEqual([
      { keys: { status: 1, nextAttemptAt: 1, seq: 1 }, unique: false },
      { keys: { userId: 1, createdAt: 1, seq: 1 }, unique: false },
      { keys: { createdAt: 1, seq: 1 }, unique: false },
      { keys: { kind: 1, createdAt: 1 }, unique: false }, // the retention job: one-time secrets by age
    ]);
    expect(indexes(draftSchema)).toEqual([
      { keys: { taskId: 1, userId: 1 }, unique: true },
      { keys: { 'values._staged.storedName': 1 }, unique: false },
    ]);
    expect(Object.keys(indexes(draftSchema)[0]!.keys)).toEqual(['taskId', 'userId']);
  });

  test('unique: users.email and definitions (processKey, version)', () => {
    expect(indexes(schemas.userSchema)).toContainEqual({ keys: { email: 1 }, unique: true });
    expect(indexes(schemas.definitionSchema)).toContainEqual({ keys: { processKey: 1, version: 1 }, unique: true });
  });

  test('lookups: cases by applicant, audit and documents by case in order, session TTL', () => {
    expect(indexes(schemas.caseSchema)).toContainEqual({ keys: { applicantId: 1, createdAt: -1, seq: -1 }, unique: false });
    expect(indexes(schemas.auditSchema)).toContainEqual({ keys: { caseId: 1, at: 1, seq: 1 }, unique: false });
    expect(indexes(schemas.documentSchema)).toContainEqual({ keys: { caseId: 1, createdAt: 1, seq: 1 }, unique: false });
    const ttl = (schemas.sessionSchema.indexes() as IndexSpec[]).find(([keys]) => 'expiresDate' in keys);
    expect(ttl?.[1]).toMatchObject({ expireAfterSeconds: 0 });
  });

  test('every schema: string _id, no __v, autoIndex and bufferCommands off, empty objects kept', () => {
    const all = [schemas.userSchema, schemas.sessionSchema, schemas.definitionSchema, schemas.caseSchema,
      schemas.taskSchema, schemas.auditSchema, schemas.documentSchema, verificationSchema, outboxSchema] as unknown as mongoose.Schema[];
    for (const s of all) expect(s.path('_id').instance).toBe('String');
    expect(draftSchema.path('_id').instance).toBe('ObjectId'); // a draft's key is (taskId, userId)
    for (const s of [...all, draftSchema as unknown as mongoose.Schema]) {
      expect(s.get('versionKey')).toBe(false);
      expect(s.get('autoIndex')).toBe(false);
      expect(s.get('bufferCommands')).toBe(false);
      expect(s.get('minimize')).toBe(false);
    }
    expect(schemas.caseSchema.path('engineState').instance).toBe('Buffer');
  });
});

describe('MongoDB validation (await doc.validate(), no server)', () => {
  test('Given valid records from the fixtures, Then every model validates them', async () => {
    const c = caseRecord();
    const docs = [
      new m.User(toDoc(user())),
      new m.Definition(toDoc(definition({ comment: '' }))), // empty comment allowed
      new m.Case({ ...toDoc(caseRecord({ data: {} })), seq: 1 }),
      new m.Task(toDoc(task(c))),
      new m.Audit({ ...toDoc(audit(c, 'case.started')), seq: 1 }),
      new m.Document({ ...toDoc(document(c, { size: 0, originalName: '' })), seq: 1 }),
      new m.Session(sessionToDoc({ sid: 's1', data: '{}', expiresAt: new Date().toISOString() })),
      new m.User(toDoc(user({ emailVerifiedAt: '2026-01-05T01:00:00.000Z', privacyNoticeVersion: null, privacyAcknowledgedAt: null }))),
      new m.Task(toDoc(task(c, { searchText: '' }))), // empty searchText allowed
      new m.Verification({ ...toDoc(verification('u1')), seq: 1 }),
      new m.Outbox({ ...toDoc(message({ subject: null, body: '' })), seq: new mongoose.Types.ObjectId() }),
      new m.Draft(draft('t1', 'u1', { values: {} })),
    ];
    for (const doc of docs) await expect(doc.validate()).resolves.toBeUndefined();
  });

  test('Invalid role, status, version and missing fields are refused with the field named', async () => {
    const bad = new m.User({ ...toDoc(user()), role: 'root', status: 'sleeping', passwordHash: undefined });
    const err = await bad.validate().catch((e: unknown) => e as mongoose.Error.ValidationError);
    expect(err).toBeInstanceOf(mongoose.Error.ValidationError);
    expect(Object.keys(err!.errors).sort()).toEqual(['passwordHash', 'role', 'status']);

    await expect(new m.Definition(toDoc(definition({ version: 0 }))).validate()).rejects.toThrow(/version/);
    await expect(new m.Definition(toDoc(definition({ version: 1.5 }))).validate()).rejects.toThrow(/version/);
    await expect(new m.Task({ ...toDoc(task(caseRecord())), status: 'done' }).validate()).rejects.toThrow(/status/);
    await expect(new m.Case({ ...toDoc(caseRecord()), engineState: undefined }).validate()).rejects.toThrow(/engineState/);
    await expect(new m.Definition({ ...toDoc(definition()), comment: undefined }).validate()).rejects.toThrow(/comment/);
    const seq = new mongoose.Types.ObjectId();
    await expect(new m.Verification({ ...toDoc(verification('u1', { purpose: 'sms' as 'email' })), seq: 1 }).validate()).rejects.toThrow(/purpose/);
    await expect(new m.Verification({ ...toDoc(verification('u1', { attempts: -1 })), seq: 1 }).validate()).rejects.toThrow(/attempts/);
    const badOutbox = new m.Outbox({ ...toDoc(message({ channel: 'sms' as 'email', status: 'queued' as 'sent' })), seq });
    const err2 = await badOutbox.validate().catch((e: unknown) => e as mongoose.Error.ValidationError);
    expect(Object.keys(err2!.errors).sort()).toEqual(['channel', 'status']);
    await expect(new m.Draft({ ...draft('t1', 'u1'), values: undefined }).validate()).rejects.toThrow(/values/);
  });

  test('Emails are lower-cased by the schema', () => {
    expect(new m.User(toDoc(user({ email: ' Ana@Example.GO.ID ' }))).email).toBe('ana@example.go.id');
  });
});

describe('MongoDB store without a server', () => {
  test('bufferCommands is false: a query before init() fails at once instead of hanging', async () => {
    const store = createMongoStore({ uri: 'mongodb://127.0.0.1:9/never-opened' });
    const started = Date.now();
    await expect(store.getUser('u1')).rejects.toThrow(/bufferCommands = false|initial connection/);
    expect(Date.now() - started).toBeLessThan(1000);
    await store.close();
  });

  test('the connection of the models is not mongoose’s default one', () => {
    expect(m.User.db).toBe(conn);
    expect(m.User.db).not.toBe(mongoose.connection);
  });
});

describe('MongoDB mapping', () => {
  test('fromDoc maps _id to id and drops the internal seq', () => {
    expect(fromDoc({ _id: 'a1', seq: new mongoose.Types.ObjectId(), caseId: 'c1' })).toEqual({ id: 'a1', caseId: 'c1' });
  });

  test('toBuffer turns BSON Binary (what lean reads return) into a Node Buffer', () => {
    const bytes = Buffer.from([0, 1, 2, 250]);
    const out = toBuffer(new mongoose.mongo.Binary(bytes));
    expect(Buffer.isBuffer(out)).toBe(true);
    expect(out.equals(bytes)).toBe(true);
    expect(toBuffer(bytes)).toBe(bytes);
    expect(() => toBuffer('nope')).toThrow(TypeError);
  });

  test('E11000 (also inside a bulk write) becomes ConflictError; other errors pass through', async () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey({ code: 11001, writeErrors: [{ code: 11000 }] })).toBe(true);
    expect(isDuplicateKey({ code: 112 })).toBe(false);
    const dup = Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    await expect(uniqueOrConflict('x', () => Promise.reject(dup))).rejects.toBeInstanceOf(ConflictError);
    await expect(uniqueOrConflict('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  test('task queries: assigneeId null means unassigned only, undefined means any; status defaults to open', () => {
    expect(taskFilter({})).toEqual({ status: 'open' });
    expect(taskFilter({ assigneeId: null, groupIds: ['admin-ppe'] })).toEqual({ status: 'open', groupId: 'admin-ppe', assigneeId: null });
    // several groups: $in (one index range each, merged in page order), sorted and without duplicates
    expect(taskFilter({ groupIds: ['kepala-seksi', 'admin-ppe', 'kepala-seksi'] })).toEqual({ status: 'open', groupId: { $in: ['admin-ppe', 'kepala-seksi'] } });
    expect(taskFilter({ assigneeId: undefined, applicantId: 'p', caseId: 'c', status: 'completed' })).toEqual({
      status: 'completed',
      applicantId: 'p',
      caseId: 'c',
    });
    expect(paging({})).toEqual({ limit: 50, offset: 0 });
    expect(() => paging({ limit: -1 })).toThrow(RangeError);
  });
});

describe('MongoDB schemas of the scheduler and compliance (no server)', () => {
  test('timers: the claim index and the per-case index; settings validate; bad values are refused', async () => {
    expect(indexes(timerSchema)).toEqual([
      { keys: { status: 1, nextAttemptAt: 1, _id: 1 }, unique: false },
      { keys: { caseId: 1, dueAt: 1, _id: 1 }, unique: false },
      { keys: { status: 1, doneAt: 1, _id: 1 }, unique: false }, // the retention job: finished timers
    ]);
    expect(Object.keys(indexes(timerSchema)[0]!.keys)).toEqual(['status', 'nextAttemptAt', '_id']);
    for (const s of [timerSchema, calendarSchema, timeSettingsSchema] as unknown as mongoose.Schema[]) {
      expect(s.path('_id').instance).toBe('String');
      expect([s.get('versionKey'), s.get('autoIndex'), s.get('bufferCommands')]).toEqual([false, false, false]);
    }
    await expect(new m.Timer(toDoc(timer())).validate()).resolves.toBeUndefined();
    await expect(new m.Timer(toDoc(timer({ status: 'fired' as 'done' }))).validate()).rejects.toThrow(/status/);
    await expect(new m.Timer(toDoc(timer({ attempts: -1 }))).validate()).rejects.toThrow(/attempts/);
    const calendar = { _id: 'working-calendar', timeZone: 'Asia/Pontianak', hours: [{ day: 1, start: '07:30', end: '16:00' }], holidays: [{ date: '2026-12-25', name: 'Natal' }], updatedAt: 'x', updatedBy: null };
    await expect(new m.WorkingCalendar(calendar).validate()).resolves.toBeUndefined();
    await expect(new m.WorkingCalendar({ ...calendar, hours: [{ day: 0.5, start: '07:30', end: '16:00' }] }).validate()).rejects.toThrow(/day/);
    await expect(new m.ProcessTimeSettings({ _id: 'def-1', timeBasis: 'working', escalateTo: {}, updatedAt: 'x', updatedBy: null }).validate()).resolves.toBeUndefined();
    await expect(new m.ProcessTimeSettings({ _id: 'def-1', timeBasis: 'lunar', escalateTo: {}, updatedAt: 'x', updatedBy: null }).validate()).rejects.toThrow(/timeBasis/);
  });

  test('the due-timer filter: pending, due, and unleased or lease expired on the server clock', () => {
    expect(dueTimerFilter('2026-01-01T00:00:00.000Z')).toEqual({
      status: 'pending', nextAttemptAt: { $lte: '2026-01-01T00:00:00.000Z' },
      $expr: { $lte: ['$leaseExpires', '$$NOW'] },
    });
  });
});
