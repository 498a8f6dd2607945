// The WAL checkpoint interval of every SQLite connection the store opens on a file.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES } from '../../src/store/sqlite/database.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-sqlite-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite WAL checkpoints', () => {
  test('Given a database file, When opened, Then a commit checkpoints only after WAL_AUTOCHECKPOINT_PAGES pages (not SQLite\'s 1000)', () => {
    const db = openDatabase(join(dir, 'alur.sqlite'));
    try {
      expect(WAL_AUTOCHECKPOINT_PAGES).toBeGreaterThan(1000);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    } finally {
      db.close();
    }
  });

  test('Given writes of fewer pages than the interval, Then they stay in the WAL until it is reached', () => {
    const db = openDatabase(join(dir, 'small.sqlite'));
    try {
      db.exec('CREATE TABLE t (x TEXT)');
      const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
      for (let i = 0; i < 700; i++) insert.run('x'.repeat(3000)); // ~1 page each, autocommit
      const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
      expect(log).toBeGreaterThan(1000); // with the default, a commit would have checkpointed at 1000
    } finally {
      db.close();
    }
  });
});
