// Child for sqlite.checkpointer.test.ts: a store that starts its checkpointer (100 case changes),
// then closes with a top-level await; Node exits with 13 if close() never resolves.
// Usage: node --import tsx sqlite-checkpointer-child.ts <file>
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { caseRecord, create } from './fixtures.js';

const store = createSqliteStore({ file: process.argv[2]! });
await store.init();
for (let i = 0; i < 100; i++) await store.applyCaseChange(create(caseRecord()));
await store.close();
process.stdout.write('closed\n');
