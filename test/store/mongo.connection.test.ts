// MongoDB start-up and failure rules that need NO server: a standalone mongod is refused (a fake
// `hello` answer), the connection has time limits and majority writes, a timeout is a 503 page,
// and MONGODB_URI accepts what the driver's own parser accepts (several hosts, mongodb+srv).
import { describe, expect, test } from '@jest/globals';
import mongoose from 'mongoose';
import { loadConfig } from '../../src/config.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { assertTransactional, connectOptions, isUnavailable, mapUnavailable } from '../../src/store/mongo/connection.js';
import { buildMongoStore, createMongoStore } from '../../src/store/mongo/mongo-store.js';
import { transactionOptions } from '../../src/store/mongo/transaction.js';
import { mongoUriProblem } from '../../src/store/mongo-uri.js';
import { ADMIN } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import type { TestApp } from '../helpers/app.js';

/** A connection whose openUri records its options and whose server answers `hello` with `answer`. */
function fakeServer(answer: Record<string, unknown>) {
  const conn = mongoose.createConnection();
  const seen: { uri?: string; options?: mongoose.ConnectOptions; commands: unknown[] } = { commands: [] };
  Object.assign(conn, {
    openUri: async (uri: string, options: mongoose.ConnectOptions) => {
      seen.uri = uri;
      seen.options = options;
      return conn;
    },
    createCollection: async () => {
      throw new Error('collections created');
    },
  });
  Object.defineProperty(conn, 'db', {
    configurable: true,
    value: {
      admin: () => ({ command: async (cmd: unknown) => (seen.commands.push(cmd), answer) }),
      createCollection: async () => {
        throw new Error('collections created');
      },
      collection: () => {
        throw new Error('collections created');
      },
    },
  });
  return { conn, seen };
}

describe('MongoDB start-up: only a replica set or a mongos', () => {
  test('Given a standalone mongod (hello has no setName), When init runs, Then it refuses with how to fix it', async () => {
    const { conn, seen } = fakeServer({ isWritablePrimary: true, maxWireVersion: 21 });
    const store = buildMongoStore(conn, { uri: 'mongodb://db:27017/alur' });
    await expect(store.init()).rejects.toThrow(/standalone mongod.*replica set.*--replSet/s);
    expect(seen.commands).toEqual([{ hello: 1 }]);
    await conn.close();
  });

  test('Given a replica-set member, When init runs, Then it goes on to create the collections', async () => {
    const { conn } = fakeServer({ setName: 'rs0', isWritablePrimary: true, maxWireVersion: 21 });
    const store = buildMongoStore(conn, { uri: 'mongodb://a:27017,b:27017/alur?replicaSet=rs0' });
    await expect(store.init()).rejects.toThrow(/collections created/);
    await conn.close();
  });

  test('the hello rule: replica-set members and mongos pass; standalone, arbiter and servers older than 4.4 do not', () => {
    expect(() => assertTransactional({ setName: 'rs0', maxWireVersion: 21 })).not.toThrow();
    expect(() => assertTransactional({ msg: 'isdbgrid', maxWireVersion: 21 })).not.toThrow();
    expect(() => assertTransactional({ isWritablePrimary: true })).toThrow(/standalone/);
    expect(() => assertTransactional({ setName: '' })).toThrow(/standalone/);
    expect(() => assertTransactional({ setName: 'rs0', arbiterOnly: true })).toThrow(/standalone/);
    expect(() => assertTransactional({ setName: 'rs0', maxWireVersion: 8 })).toThrow(/4\.4/);
  });
});

describe('MongoDB time limits and write concern', () => {
  test('Given the configured limits, When the store opens its connection, Then every wait is bounded and writes need a majority', async () => {
    const { conn, seen } = fakeServer({ setName: 'rs0', maxWireVersion: 21 });
    const store = buildMongoStore(conn, { uri: 'mongodb://a/alur', timeouts: { serverSelectionMs: 3000, operationMs: 7000 } });
    await store.init().catch(() => undefined);
    expect(seen.options).toMatchObject({
      serverSelectionTimeoutMS: 3000,
      socketTimeoutMS: 20_000,
      writeConcern: { w: 'majority', wtimeoutMS: 7000 },
      bufferCommands: false,
      autoIndex: false,
    });
    expect(connectOptions().serverSelectionTimeoutMS).toBeLessThan(30_000); // the driver default is 30 s
    expect(seen.options).toMatchObject({ ignoreUndefined: true }); // undefined form values dropped, as SQLite's JSON does
    await conn.close();
  });

  test('transactions commit with a majority within the limit', () => {
    expect(transactionOptions(7000)).toEqual({
      readConcern: { level: 'snapshot' },
      writeConcern: { w: 'majority', wtimeoutMS: 7000 },
      maxCommitTimeMS: 7000,
    });
  });

  test('Given a transaction whose retries outlast the limit, Then it ends with StoreUnavailableError instead of retrying for 120 s', async () => {
    const conn = mongoose.createConnection();
    let attempts = 0;
    // the driver's loop: call again while the callback throws a transient error
    Object.assign(conn, {
      transaction: async (fn: (s: unknown) => Promise<void>) => {
        for (;;) {
          try {
            return await fn(undefined);
          } catch (err) {
            if (!(err as { transient?: boolean }).transient) throw err;
          }
        }
      },
    });
    const { createAtomically } = await import('../../src/store/mongo/transaction.js');
    const atomically = createAtomically(conn, 30);
    const started = Date.now();
    await expect(
      atomically('case c1', async () => {
        attempts++;
        await new Promise((r) => setTimeout(r, 10));
        throw Object.assign(new Error('WriteConflict'), { transient: true });
      }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(attempts).toBeGreaterThan(1);
    expect(Date.now() - started).toBeLessThan(1000);
    await conn.close();
  });

  test('Given driver errors of an unreachable server or a timeout, Then they are "unavailable"; others are not', () => {
    const selection = new mongoose.mongo.MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never);
    expect(isUnavailable(selection)).toBe(true);
    expect(isUnavailable(new mongoose.mongo.MongoNetworkTimeoutError('socket timed out'))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('waiting for replication timed out'), { code: 64 }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('operation exceeded time limit'), { code: 50 }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('E11000'), { code: 11000 }))).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
  });

  test('Given a store method that meets a timeout, Then it throws StoreUnavailableError (503); other errors pass unchanged', async () => {
    const selection = new mongoose.mongo.MongoServerSelectionError('Server selection timed out', {} as never);
    const wrapped = mapUnavailable({ kind: 'x', a: async () => Promise.reject(selection), b: async () => Promise.reject(new RangeError('bad')) });
    expect(wrapped.kind).toBe('x');
    const err = await wrapped.a().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).status).toBe(503);
    await expect(wrapped.b()).rejects.toBeInstanceOf(RangeError);
  });

  test('Given a store that is not connected, When a method runs, Then StoreUnavailableError at once', async () => {
    const store = createMongoStore({ uri: 'mongodb://127.0.0.1:9/never-opened' });
    await expect(store.getUser('u1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});

describe('The 503 page', () => {
  let t: TestApp;
  useTestApp((app) => {
    t = app;
  });

  test('Given the store times out, When a page needs it, Then a 503 page says so in Indonesian, no stack trace', async () => {
    const agent = await loggedIn(t, ADMIN);
    const store = t.services.store as unknown as Record<string, unknown>;
    const original = store.listTasks;
    store.listTasks = async () => {
      throw new StoreUnavailableError('MongoDB unavailable: Server selection timed out');
    };
    try {
      const res = await agent.get('/kotak-masuk');
      expect(res.status).toBe(503);
      expect(res.text).toContain('Basis data sedang tidak dapat dihubungi');
      expect(res.text).not.toMatch(/Server selection|at async/);
    } finally {
      store.listTasks = original;
    }
  });
});

describe('MONGODB_URI', () => {
  const base = { NODE_ENV: 'test' as const };
  test.each([
    'mongodb://a:27017,b:27017/alur?replicaSet=rs0',
    'mongodb://alur:s3cr%40t@db1.example.go.id:27017,db2.example.go.id:27017,db3.example.go.id/alur?replicaSet=rs0&authSource=admin',
    'mongodb+srv://alur:pw@cluster0.example.net/alur?retryWrites=true&w=majority',
    'mongodb://127.0.0.1:27017/alur?replicaSet=rs0',
  ])('Given %s, Then the configuration accepts it', (uri) => {
    expect(mongoUriProblem(uri)).toBeNull();
    expect(loadConfig({ ...base, MONGODB_URI: uri }).mongoUri).toBe(uri);
  });

  test.each([
    ['http://db:27017/alur', /MONGODB_URI: not a MongoDB connection string/],
    ['mongodb://a:27017,b:27017/?replicaSet=rs0', /names no database/],
    ['db:27017', /not a MongoDB connection string/],
  ])('Given %s, Then the configuration refuses it with a readable message', (uri, message) => {
    expect(() => loadConfig({ ...base, MONGODB_URI: uri })).toThrow(message);
  });

  test('the MongoDB time limits are configurable and checked', () => {
    expect(loadConfig(base).mongoTimeouts).toEqual({ serverSelectionMs: 5000, socketMs: 20_000, operationMs: 10_000 });
    expect(loadConfig({ ...base, ALUR_MONGO_OPERATION_MS: '2500' }).mongoTimeouts.operationMs).toBe(2500);
    expect(() => loadConfig({ ...base, ALUR_MONGO_SERVER_SELECTION_MS: 'soon' })).toThrow(/ALUR_MONGO_SERVER_SELECTION_MS/);
  });
});
