// Runs the Store contract against a real MongoDB when MONGODB_URI is set, e.g.
//   MONGODB_URI='mongodb://127.0.0.1:27017/alur-test?replicaSet=rs0' npm test
// The server must be a replica set (a single node is fine): the store uses transactions.
// Each test gets its own database, dropped afterwards.
import { describe } from '@jest/globals';
import mongoose from 'mongoose';
import { createMongoStore } from '../../src/store/mongo/mongo-store.js';
import { describeStoreContract } from './contract.js';

const uri = process.env.MONGODB_URI;
if (!uri) {
  // NOTE: stderr, not console.warn: jest drops the console output of a file whose tests all skip
  // when it runs several files, and this reason must always be visible.
  process.stderr.write('MongoDB contract suite SKIPPED: MONGODB_URI is not set (no MongoDB server on this machine)\n');
}

/** The same server URI with the database path replaced (works for several hosts and +srv). */
function withDatabase(base: string, db: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?(\?.*)?$/.exec(base);
  if (!m) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${base}`);
  return `${m[1]}/${db}${m[3] ?? ''}`;
}

const d = uri ? describe : describe.skip;
d('MongoDB (MONGODB_URI)', () => {
  let n = 0;
  let current = '';
  describeStoreContract(
    'MongoDB',
    async () => {
      current = `alur_contract_${process.pid}_${Date.now()}_${++n}`;
      return createMongoStore({ uri: withDatabase(uri as string, current) });
    },
    async () => {
      const conn = await mongoose.createConnection(withDatabase(uri as string, current)).asPromise();
      try {
        await conn.dropDatabase();
      } finally {
        await conn.close();
      }
    },
  );
});
