// A MongoDB store whose every driver call is recorded instead of sent: each model's collection is a
// fake that answers like an empty (or, for updates, a matching) collection, and a transaction runs
// its callback once. The recorded commands are what mongoose would send to a server.
import mongoose from 'mongoose';
import { buildMongoStore } from '../../src/store/mongo/mongo-store.js';
import type { Store } from '../../src/store/ports.js';

export interface DriverCall {
  collection: string;
  method: string;
  args: unknown[];
}

const isIdLookup = (args: unknown[]) => {
  const filter = args[0] as Record<string, unknown>;
  const projection = (args[1] as { projection?: Record<string, unknown> } | undefined)?.projection;
  return Object.keys(filter).join() === '_id' && typeof filter._id === 'string' && projection !== undefined && Object.keys(projection).join() === '_id';
};

export const cursorOf = (docs: unknown[]) => ({
  toArray: async () => docs,
  close: async () => undefined,
  [Symbol.asyncIterator]: async function* () {
    yield* docs;
  },
});

/** What the fake collection answers per driver method (an empty collection, where updates match). */
function answer(collection: string, method: string, args: unknown[]): unknown {
  switch (method) {
    case 'find': {
      // an existence check ({ _id: { $in } }, _id only) finds every id: the referenced documents exist
      const filter = args[0] as { _id?: { $in?: string[] } };
      const projection = (args[1] as { projection?: Record<string, unknown> } | undefined)?.projection;
      const ids = Object.keys(filter).length === 1 && projection && Object.keys(projection).join() === '_id' ? (filter._id?.$in ?? []) : [];
      return cursorOf(ids.map((_id) => ({ _id })));
    }
    case 'aggregate':
      return cursorOf([]);
    case 'distinct':
      return Promise.resolve([]);
    case 'findOne':
      // an existence check by _id (Model.exists) finds it; any other lookup finds nothing
      return Promise.resolve(isIdLookup(args) ? { _id: (args[0] as { _id: unknown })._id } : null);
    case 'findOneAndUpdate': {
      // a case's or user's counter (src/store/mongo/sequences.ts): the document exists, its counter was 0
      const inc = (args[1] as { $inc?: Record<string, number> } | undefined)?.$inc;
      const id = (args[0] as { _id?: unknown })._id;
      if (inc && typeof id === 'string' && ['cases', 'users'].includes(collection)) return Promise.resolve({ _id: id, ...inc });
      return Promise.resolve(null);
    }
    case 'findOneAndDelete':
    case 'findOneAndReplace':
      return Promise.resolve(null);
    case 'countDocuments':
    case 'estimatedDocumentCount':
      return Promise.resolve(0);
    case 'updateOne':
    case 'updateMany':
    case 'replaceOne':
      return Promise.resolve({ acknowledged: true, matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    case 'deleteOne':
    case 'deleteMany':
      return Promise.resolve({ acknowledged: true, deletedCount: 0 });
    case 'insertOne':
      return Promise.resolve({ acknowledged: true, insertedId: (args[0] as { _id?: unknown })._id });
    case 'insertMany': {
      const docs = args[0] as Array<{ _id?: unknown }>;
      return Promise.resolve({ acknowledged: true, insertedCount: docs.length, insertedIds: Object.fromEntries(docs.map((d, i) => [i, d._id])) });
    }
    case 'bulkWrite': {
      const ops = args[0] as unknown[];
      return Promise.resolve({
        isOk: () => true, insertedCount: 0, matchedCount: ops.length, modifiedCount: 0, deletedCount: 0, upsertedCount: 0,
        upsertedIds: {}, insertedIds: {}, hasWriteErrors: () => false, getWriteErrors: () => [], result: { ok: 1 },
      });
    }
    default:
      throw new Error(`the recorder has no answer for ${method}`);
  }
}

/**
 * A store on a connection that sends nothing: `calls` collects every driver call its methods make.
 * `override` may answer a call itself (return undefined for the default answer).
 */
export function recordingStore(override?: (call: DriverCall) => unknown): { store: Store; calls: DriverCall[]; conn: mongoose.Connection } {
  const conn = mongoose.createConnection();
  const calls: DriverCall[] = [];
  // a transaction without a server: the callback once, without a session
  Object.assign(conn, { transaction: async (fn: (s: undefined) => Promise<unknown>) => fn(undefined) });
  const store = buildMongoStore(conn, { uri: 'mongodb://recorder.invalid/alur' });
  for (const name of conn.modelNames()) {
    const collection = conn.model(name).collection as unknown as { name: string; collection: unknown };
    collection.collection = new Proxy(
      {},
      {
        get: (_t, method: string) =>
          (...args: unknown[]) => {
            const call = { collection: collection.name, method, args };
            calls.push(call);
            const counter = collection.name === 'counters' && method === 'findOneAndUpdate' ? Promise.resolve({ _id: 'x', value: 1 }) : undefined;
            return override?.(call) ?? counter ?? answer(collection.name, method, args);
          },
      },
    );
  }
  return { store, calls, conn };
}
