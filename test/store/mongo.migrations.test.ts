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
});
