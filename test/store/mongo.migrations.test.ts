// The MongoDB store's one-off data migrations (no server: the recorded commands): each runs once
// and is recorded in `migrations`; a start after that reads one small query and scans nothing.
import { describe, expect, test } from '@jest/globals';
import type mongoose from 'mongoose';
import { MONGO_MIGRATIONS, migrate } from '../../src/store/mongo/migrations.js';
import type { Models } from '../../src/store/mongo/models.js';
import { cursorOf, recordingStore, type DriverCall } from './mongo-recorder.js';

const modelsOf = (conn: mongoose.Connection) => Object.fromEntries(conn.modelNames().map((n) => [n, conn.model(n)])) as unknown as Models;
const writes = (calls: DriverCall[]) => calls.filter((c) => c.collection !== 'migrations' && !['find', 'findOne'].includes(c.method)).map((c) => `${c.collection}.${c.method}`);

describe('MongoDB one-off migrations', () => {
  test('Given a database that recorded none, When the store starts, Then each runs once, in order, and is recorded', async () => {
    const sessions = [{ _id: 's1', data: JSON.stringify({ staged: { t1: [{ storedName: 'a.pdf' }] } }) }];
    const pages = [sessions]; // one page of older sessions, then none
    const { calls, conn } = recordingStore((call) => {
      if (call.collection === 'migrations' && call.method === 'find') return cursorOf([]); // none recorded
      return call.collection === 'sessions' && call.method === 'find' ? cursorOf(pages.shift() ?? []) : undefined;
    });
    for (const name of conn.modelNames()) {
      Object.assign(conn.model(name).collection, {
        dropIndex: async (index: string) => {
          calls.push({ collection: conn.model(name).collection.name, method: 'dropIndex', args: [index] });
          throw Object.assign(new Error('index not found'), { code: 27 });
        },
      });
    }
    const ran = await migrate(modelsOf(conn), () => new Date('2026-12-06T00:00:00.000Z'));
    expect(ran).toEqual(MONGO_MIGRATIONS.map((x) => x.id));
    expect(writes(calls)).toContain('tasks.updateMany');
    expect(writes(calls)).toContain('users.updateMany');
    const bulk = calls.find((c) => c.collection === 'sessions' && c.method === 'bulkWrite');
    expect(bulk?.args[0]).toEqual([{ updateOne: { filter: { _id: 's1' }, update: { $set: { uploads: ['a.pdf'] } } } }]);
    expect(calls.filter((c) => c.method === 'dropIndex').map((c) => c.args[0])).toContain('status_1_role_1_assigneeId_1_dueAt_1');
    const recorded = calls.filter((c) => c.collection === 'migrations' && c.method === 'updateOne').map((c) => c.args[0]);
    expect(recorded).toEqual(MONGO_MIGRATIONS.map((x) => ({ _id: x.id })));
  });

  test('Given a database that recorded every migration, When the store starts again, Then nothing is scanned or written', async () => {
    const done = MONGO_MIGRATIONS.map((x) => ({ _id: x.id, doneAt: '2026-12-06T00:00:00.000Z' }));
    const { calls, conn } = recordingStore((call) => (call.collection === 'migrations' && call.method === 'find' ? cursorOf(done) : undefined));
    expect(await migrate(modelsOf(conn))).toEqual([]);
    expect(calls.map((c) => `${c.collection}.${c.method}`)).toEqual(['migrations.find']);
    expect(calls[0]!.args[0]).toEqual({ _id: { $in: MONGO_MIGRATIONS.map((x) => x.id) } });
  });

  test('Given documents written with an ObjectId seq, When migration 5 runs, Then each case numbers them in their old order from its counter, in one transaction, each only while still unnumbered', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '5-document-seq')!;
    const old = { seq: { $type: 'objectId' } };
    const pages = [[{ _id: 'd1', caseId: 'c1' }, { _id: 'd2', caseId: 'c1' }, { _id: 'd3', caseId: 'c2' }]];
    const ofCase: Record<string, Array<{ _id: string }>> = { c1: [{ _id: 'd2' }, { _id: 'd1' }], c2: [{ _id: 'd3' }] };
    let inTransaction = false;
    const seenInTransaction: string[] = [];
    const { calls, conn } = recordingStore((call) => {
      if (inTransaction) seenInTransaction.push(`${call.collection}.${call.method}`);
      const filter = call.args[0] as { caseId?: string; _id?: string };
      if (call.collection === 'documents' && call.method === 'find') return cursorOf(filter.caseId ? ofCase[filter.caseId]! : (pages.shift() ?? []));
      // c1's counter stood at 3 (a document numbered since), c2 has none yet
      if (call.collection === 'cases' && call.method === 'findOneAndUpdate') return Promise.resolve({ _id: filter._id, eventSeq: filter._id === 'c1' ? 5 : 1 });
      return undefined;
    });
    Object.assign(conn, {
      transaction: async (fn: (s: undefined) => Promise<unknown>) => {
        inTransaction = true;
        await fn(undefined);
        inTransaction = false;
      },
    });
    await migration.run(modelsOf(conn));
    const finds = calls.filter((c) => c.collection === 'documents' && c.method === 'find');
    expect(finds[0]!.args[0]).toEqual({ _id: { $gt: '' }, ...old });
    expect(finds[1]!.args[0]).toEqual({ caseId: 'c1', ...old });
    expect((finds[1]!.args[1] as { sort: unknown }).sort).toEqual({ createdAt: 1, seq: 1 });
    const counters = calls.filter((c) => c.collection === 'cases' && c.method === 'findOneAndUpdate').map((c) => c.args.slice(0, 2));
    expect(counters).toEqual([[{ _id: 'c1' }, { $inc: { eventSeq: 2 } }], [{ _id: 'c2' }, { $inc: { eventSeq: 1 } }]]);
    const bulk = calls.filter((c) => c.collection === 'documents' && c.method === 'bulkWrite').map((c) => c.args[0]);
    expect(bulk).toEqual([
      [{ updateOne: { filter: { _id: 'd2', ...old }, update: { $set: { seq: 4 } } } }, { updateOne: { filter: { _id: 'd1', ...old }, update: { $set: { seq: 5 } } } }],
      [{ updateOne: { filter: { _id: 'd3', ...old }, update: { $set: { seq: 1 } } } }],
    ]);
    expect(seenInTransaction).toEqual(['documents.find', 'cases.findOneAndUpdate', 'documents.bulkWrite', 'documents.find', 'cases.findOneAndUpdate', 'documents.bulkWrite']);
    expect(calls.filter((c) => c.collection === 'audit')).toEqual([]); // the append-only log keeps its older ObjectIds
  });

  test('Given codes written with an ObjectId seq, When migration 6 runs, Then each user numbers them from their counter', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '6-verification-seq')!;
    const pages = [[{ _id: 'v1', userId: 'u1' }]];
    const { calls, conn } = recordingStore((call) => {
      const filter = call.args[0] as { userId?: string };
      if (call.collection === 'verifications' && call.method === 'find') return cursorOf(filter.userId ? [{ _id: 'v1' }] : (pages.shift() ?? []));
      return undefined; // the recorder's user counter answers as if it stood at 0
    });
    await migration.run(modelsOf(conn));
    expect(calls.filter((c) => c.collection === 'users' && c.method === 'findOneAndUpdate').map((c) => c.args.slice(0, 2))).toEqual([[{ _id: 'u1' }, { $inc: { codeSeq: 1 } }]]);
    expect(calls.find((c) => c.collection === 'verifications' && c.method === 'bulkWrite')?.args[0]).toEqual([
      { updateOne: { filter: { _id: 'v1', seq: { $type: 'objectId' } }, update: { $set: { seq: 1 } } } },
    ]);
  });
});
