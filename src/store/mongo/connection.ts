// How the MongoDB store connects and what it refuses: time limits on every wait, majority writes,
// only a replica-set member or a mongos (transactions need one), and driver timeouts → 503.
import mongoose from 'mongoose';
import { StoreUnavailableError } from '../../errors.js';

export interface MongoTimeouts {
  /** How long to look for a usable server (primary) before giving up. */
  serverSelectionMs: number;
  /** How long one socket read or write may stay silent. */
  socketMs: number;
  /**
   * The limit of a majority acknowledgement (wtimeout), of a transaction's commit, and of a whole
   * transaction with its retries (driver 7 ignores `timeoutMS`; see transaction.ts).
   */
  operationMs: number;
}

export const DEFAULT_MONGO_TIMEOUTS: Readonly<MongoTimeouts> = Object.freeze({
  serverSelectionMs: 5_000,
  socketMs: 20_000,
  operationMs: 10_000,
});

/**
 * The options of the connection. NOTE: `w: 'majority'` is the default of every write, inside a
 * transaction or not (claims, sent-marks, sessions, users): a write the app was told about survives
 * a change of primary; a majority that does not answer within operationMs is an error, not a hang.
 */
export function connectOptions(t: MongoTimeouts = DEFAULT_MONGO_TIMEOUTS): mongoose.ConnectOptions {
  return {
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: t.serverSelectionMs,
    connectTimeoutMS: Math.min(t.serverSelectionMs, 10_000),
    socketTimeoutMS: t.socketMs,
    writeConcern: { w: 'majority', wtimeoutMS: t.operationMs },
    readConcern: { level: 'majority' },
    retryWrites: true,
    // `undefined` inside form data is dropped, as SQLite's JSON text drops it (not stored as null)
    ignoreUndefined: true,
  };
}

/** The fields of the server's `hello` answer this check reads. */
export interface HelloAnswer {
  setName?: string;
  msg?: string;
  isWritablePrimary?: boolean;
  secondary?: boolean;
  arbiterOnly?: boolean;
  maxWireVersion?: number;
}

/** Wire version 9 = MongoDB 4.4, the oldest server MongoDB Node driver 7 talks to. */
export const MIN_WIRE_VERSION = 9;

/**
 * Refuses a server on which the store cannot work: a standalone `mongod` has no transactions, so
 * every case change, sign-up and timer would fail after a "listening" start.
 */
export function assertTransactional(hello: HelloAnswer): void {
  const replicaSetMember = typeof hello.setName === 'string' && hello.setName !== '' && !hello.arbiterOnly;
  const mongos = hello.msg === 'isdbgrid';
  if (!replicaSetMember && !mongos) {
    throw new Error(
      'MongoDB: the server is a standalone mongod. Alur needs transactions, which MongoDB only has on a replica set ' +
        '(a single-node one is fine: start mongod with --replSet rs0, run rs.initiate() once, and add ?replicaSet=rs0 ' +
        'to MONGODB_URI) or through a mongos of a sharded cluster.',
    );
  }
  if (typeof hello.maxWireVersion === 'number' && hello.maxWireVersion < MIN_WIRE_VERSION) {
    throw new Error(`MongoDB: the server is older than 4.4 (wire version ${hello.maxWireVersion}); Alur needs MongoDB 4.4 or newer.`);
  }
}

const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoOperationTimeoutError',
  'MongoTransactionTimeout',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoWaitQueueTimeoutError',
]);
/** Server codes of a time limit or of a majority that could not be reached in time. */
const UNAVAILABLE_CODES = new Set([50 /* MaxTimeMSExpired */, 64 /* WriteConcernFailed */, 91 /* ShutdownInProgress */, 189 /* PrimarySteppedDown */, 262 /* ExceededTimeLimit */]);

/** Whether `err` means "the database did not answer in time": worth a 503 and a retry later, not a 500. */
export function isUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: unknown; code?: unknown; message?: unknown; errorLabels?: unknown };
  if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) return true;
  if (typeof e.code === 'number' && UNAVAILABLE_CODES.has(e.code)) return true;
  // mongoose with bufferCommands off, before the connection is open (or after it was lost for good)
  return typeof e.message === 'string' && /before initial connection is complete|Connection was force closed|Client must be connected/.test(e.message);
}

/** Wraps every method of `target`: an unavailable-store error becomes StoreUnavailableError (status 503). */
export function mapUnavailable<T extends object>(target: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    wrapped[key] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            } catch (err) {
              if (isUnavailable(err)) throw new StoreUnavailableError(`MongoDB unavailable: ${(err as Error).message}`);
              throw err;
            }
          }
        : value;
  }
  return wrapped as T;
}
