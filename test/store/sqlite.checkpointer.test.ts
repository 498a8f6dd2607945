// WAL checkpoints in a worker thread: the database file catches up with the WAL while the writing
// connection never checkpoints itself, and closing stops the worker.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCheckpointer } from '../../src/store/sqlite/checkpointer.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { caseRecord, create } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./sqlite-checkpointer-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'alur-sqlite-checkpointer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const size = (file: string): number => statSync(file).size;

/** Polls until `done()` or `ms` have passed; returns whether it became true. */
async function eventually(done: () => boolean, ms = 5000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(20)) if (done()) return true;
  return done();
}

describe('the SQLite checkpointer', () => {
  test('Given a WAL that its writer never checkpoints, When a checkpointer runs, Then the pages reach the database file; close() stops it', async () => {
    const file = join(dir, 'direct.sqlite');
    const db = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run('x'.repeat(3000));
    const before = size(file);

    const checkpointer = startCheckpointer(file, 20);
    try {
      expect(await eventually(() => size(file) > before + 300 * 3000)).toBe(true);
    } finally {
      await checkpointer.close();
    }
    await checkpointer.close(); // again: harmless
    db.close();
  });

  test('Given a file store, When it has made 100 case changes, Then its WAL is checkpointed in the background (its own threshold is not reached)', async () => {
    const file = join(dir, 'store.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    try {
      for (let i = 0; i < 99; i++) await store.applyCaseChange(create(caseRecord()));
      const before = size(file);
      await sleep(1500); // longer than the checkpoint interval: no worker yet, nothing checkpoints
      expect(size(file)).toBe(before);
      await store.applyCaseChange(create(caseRecord()));
      expect(await eventually(() => size(file) > before)).toBe(true);
    } finally {
      await store.close();
    }
  });

  test('Given a process whose store runs a checkpointer, When the store is closed, Then close() resolves and the process exits normally', async () => {
    const env = { ...process.env, NODE_OPTIONS: '' }; // not jest's --experimental-vm-modules
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, join(dir, 'child.sqlite')], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, out }).toEqual({ code: 0, out: 'closed\n' });
  });
});
