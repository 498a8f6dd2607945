// The delivery log keeps numbers of a dictionary (message_terms) instead of repeating its strings: a
// store whose log was written by the previous schema upgrades in place, every entry listed as before.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MESSAGE_LOG_TERMS_MIGRATION } from '../../src/store/sqlite/message-log.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-message-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ms = (iso: string) => Date.parse(iso);

describe('SQLite: a delivery log of the previous schema upgrades in place', () => {
  test('Given log rows of strings, When the store starts, Then each entry lists as before, its strings kept once in the dictionary', async () => {
    const file = join(dir, 'alur.sqlite');
    const db = openDatabase(file);
    migrate(db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(MESSAGE_LOG_TERMS_MIGRATION))); // the log of before
    const insert = db.prepare('INSERT INTO message_log (seq, createdAt, sentAt, kind, channel, "to", userId, status, attempts, lastError) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run(1, ms('2026-11-01T01:00:00.000Z'), ms('2026-11-01T01:00:02.500Z'), 'task-created', 'email', 'b***@kalbarprov.go.id', 'u1', 'sent', 1, null);
    insert.run(2, ms('2026-11-01T02:00:00.000Z'), null, 'case-returned', 'whatsapp', '+62********890', 'u2', 'failed', 8, 'no such number');
    insert.run(3, ms('2026-11-01T03:00:00.000Z'), ms('2026-11-01T03:00:00.000Z'), 'task-created', 'email', 'b***@kalbarprov.go.id', 'u1', 'sent', 1, null);
    insert.run(4, ms('2026-11-01T04:00:00.000Z'), ms('2026-11-01T04:00:01.000Z'), 'verify-email', 'email', 'x***@example.org', null, 'sent', 2, null);
    db.close();

    const store = createSqliteStore({ file });
    await store.init();
    try {
      const listed = await store.listMessages({ limit: 10 });
      expect(listed.map((m) => [m.id, m.kind, m.channel, m.to, m.userId, m.status, m.attempts, m.lastError, m.createdAt, m.sentAt])).toEqual([
        ['log:4', 'verify-email', 'email', 'x***@example.org', null, 'sent', 2, null, '2026-11-01T04:00:00.000Z', '2026-11-01T04:00:01.000Z'],
        ['log:3', 'task-created', 'email', 'b***@kalbarprov.go.id', 'u1', 'sent', 1, null, '2026-11-01T03:00:00.000Z', '2026-11-01T03:00:00.000Z'],
        ['log:2', 'case-returned', 'whatsapp', '+62********890', 'u2', 'failed', 8, 'no such number', '2026-11-01T02:00:00.000Z', null],
        ['log:1', 'task-created', 'email', 'b***@kalbarprov.go.id', 'u1', 'sent', 1, null, '2026-11-01T01:00:00.000Z', '2026-11-01T01:00:02.500Z'],
      ]);
      expect(listed.every((m) => m.textDeleted === true && m.body === '' && m.subject === null)).toBe(true);
      expect((await store.listMessages({ userId: 'u1', limit: 10 })).map((m) => m.id)).toEqual(['log:3', 'log:1']);
      expect(await store.listMessages({ userId: 'nobody', limit: 10 })).toEqual([]);
    } finally {
      await store.close();
    }
    const after = openDatabase(file);
    try {
      // Then: the rows hold numbers only; each string once (2 kinds of u1 rows share theirs)
      expect(after.prepare('SELECT DISTINCT typeof(kind) || typeof(channel) || typeof("to") FROM message_log').pluck().all()).toEqual(['integerintegerinteger']);
      expect(after.prepare('SELECT count(*) FROM message_terms').pluck().get()).toBe(10);
      const plan = after.prepare("EXPLAIN QUERY PLAN SELECT seq FROM message_log WHERE user = (SELECT no FROM message_terms WHERE term = 'u1') ORDER BY createdAt DESC, seq DESC LIMIT 5").all() as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH message_log USING (COVERING )?INDEX message_log_user \(user=\?\)/);
      expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
      // the whole log newest first is its key order (WITHOUT ROWID, keyed createdAt, seq): no index of its own
      const all = after.prepare('EXPLAIN QUERY PLAN SELECT seq FROM message_log ORDER BY createdAt DESC, seq DESC LIMIT 5').all() as Array<{ detail: string }>;
      expect(all.map((p) => p.detail)).toEqual(['SCAN message_log']);
      expect(after.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'message_log' AND sql IS NOT NULL").pluck().all()).toEqual(['message_log_user']);
    } finally {
      after.close();
    }
  });
});
