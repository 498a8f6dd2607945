// SQLite-only guarantees: connection settings, migrations, append-only audit, session purge.
// (The indexes and query plans: sqlite.query-plans.test.ts.)
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSY_TIMEOUT_MS, openDatabase, type Database } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { audit, caseRecord, create } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-sqlite-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `nested-${++n}`, 'deeper', 'alur.sqlite');

describe('SQLite connection settings', () => {
  test('Given a file in a missing folder, When opened, Then the folder is created and WAL is on', () => {
    const file = freshFile();
    const db = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  test('":memory:" opens without touching the disk', () => {
    const db = openDatabase(':memory:');
    expect(db.memory).toBe(true);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('SQLite migrations', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(freshFile());
  });
  afterEach(() => {
    db.close();
  });

  test('Given an empty file, When migrated, Then user_version is the number of migrations', () => {
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'audit', 'audit_fields', 'case_facts', 'case_numbers', 'cases', 'definitions', 'documents', 'drafts', 'groups', 'memberships', 'message_log', 'message_terms', 'outbox', 'process_drafts',
      'process_time_settings', 'rate_limits', 'report_backlog', 'report_days', 'sessions', 'staff_audit', 'task_facts', 'tasks', 'timers', 'upload_refs', 'users',
      'verifications', 'working_calendar',
    ]);
  });

  test('Given studio drafts kept as definition records by an older version, When migrated, Then each process\'s latest draft moves to process_drafts (a discarded one does not)', () => {
    migrate(db, MIGRATIONS.slice(0, 4));
    const insert = db.prepare('INSERT INTO definitions (id, processKey, version, name, xml, createdAt, createdBy, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('d1', 'studio-draft:proses-a', 1, 'draft', '<old/>', '2026-11-01T00:00:00.000Z', 'owner-1', 'draft');
    insert.run('d2', 'studio-draft:proses-a', 2, 'draft', '<newer/>', '2026-11-02T00:00:00.000Z', 'owner-2', 'draft');
    insert.run('d3', 'studio-draft:proses-b', 1, 'draft', '<b/>', '2026-11-01T00:00:00.000Z', null, 'draft');
    insert.run('d4', 'studio-draft:proses-b', 2, 'draft', 'discarded', '2026-11-03T00:00:00.000Z', null, 'discarded');
    expect(migrate(db)).toEqual({ from: 4, to: MIGRATIONS.length });
    expect(db.prepare('SELECT * FROM process_drafts').all()).toEqual([
      { processKey: 'proses-a', xml: '<newer/>', savedAt: '2026-11-02T00:00:00.000Z', savedBy: 'owner-2', importProblems: null },
    ]);
  });

  test('When migrated again (a second process starting), Then nothing runs', () => {
    migrate(db);
    expect(migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
  });

  test('Given a newer migration is appended, Then only it runs, in order', () => {
    migrate(db);
    const next = [...MIGRATIONS, 'CREATE TABLE extra_a (x INTEGER) STRICT;', 'ALTER TABLE extra_a ADD COLUMN y TEXT;'];
    expect(migrate(db, next)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length + 2 });
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('extra_a')).toEqual(['x', 'y']);
  });

  test('When a migration fails, Then the whole batch is rolled back', () => {
    const broken = [...MIGRATIONS, 'CREATE TABLE half (x INTEGER);', 'THIS IS NOT SQL;'];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
  });

  test('Given the groups schema, When a membership names a missing user or group, Then the foreign keys refuse it', () => {
    migrate(db);
    db.exec(`
      INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('s1', 's1@example.go.id', 'S', 'staff', 'h', 'active', 't');
      INSERT INTO groups (id, name, createdAt, updatedAt) VALUES ('admin-ppe', 'Admin PPE', 't', 't');
    `);
    const add = db.prepare('INSERT INTO memberships (userId, groupId, displayName) VALUES (?, ?, ?)');
    expect(() => add.run('ghost', 'admin-ppe', 'G')).toThrow(/FOREIGN KEY/);
    expect(() => add.run('s1', 'tidak-ada', 'S')).toThrow(/FOREIGN KEY/);
    add.run('s1', 'admin-ppe', 'S');
    expect(() => add.run('s1', 'admin-ppe', 'S')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  test('Given a database from a newer app version, Then migrate refuses to run', () => {
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });

  test('Given a version 2 database with users and tasks, When migrated to 3, Then they gain the new fields', () => {
    migrate(db, MIGRATIONS.slice(0, 2));
    db.exec(`
      INSERT INTO users VALUES ('u1', 'budi@example.go.id', NULL, 'Budi', 'ppbj', 'h', 'active', '2026-01-01T00:00:00.000Z');
      INSERT INTO cases VALUES ('c1', 'd', 'p', 1, 'u1', 'Budi', 'running', x'00', '{}', 1, NULL, 't', 't');
      INSERT INTO tasks VALUES ('t1', 'c1', 'u1', 'Budi SANTOSO', 'e', 'n', 1, 'ppbj', 'f', NULL, 'open', 't', 't', 'PT1H', NULL, NULL);
    `);
    expect(migrate(db)).toEqual({ from: 2, to: MIGRATIONS.length });
    const u = db.prepare("SELECT * FROM users WHERE id = 'u1'").get();
    expect(u).toMatchObject({ emailVerifiedAt: null, whatsappVerifiedAt: null, privacyNoticeVersion: null, privacyAcknowledgedAt: null });
    expect(db.prepare("SELECT searchText FROM tasks WHERE id = 't1'").pluck().get()).toBe('budi santoso');
  });
});

describe('SQLite audit is append-only', () => {
  test('Given an audit row, When UPDATE or DELETE is tried directly, Then the trigger refuses', async () => {
    const file = freshFile();
    const store = createSqliteStore({ file });
    await store.init();
    const c = caseRecord();
    await store.applyCaseChange(create(c, { audit: [audit(c, 'case.started', { data: { n: 1 } })] }));
    await store.close();

    const db = openDatabase(file);
    try {
      expect(() => db.prepare("UPDATE audit SET type = 'case.completed'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('SQLite sessions', () => {
  test('Expired sessions are deleted from the table, not only hidden', async () => {
    const file = freshFile();
    const store = createSqliteStore({ file });
    await store.init();
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    await store.setSession({ sid: 'gone-1', data: '{}', expiresAt: past }); // the first write purges
    await store.setSession({ sid: 'gone-2', data: '{}', expiresAt: past }); // next purge only in a minute
    await store.setSession({ sid: 'live', data: '{}', expiresAt: future });
    expect(await store.getSession('gone-2')).toBeNull(); // a read of an expired one deletes it
    await store.close();

    const db = openDatabase(file);
    const sids = db.prepare('SELECT sid FROM sessions ORDER BY sid').pluck().all();
    db.close();
    expect(sids).toEqual(['live']);
  });

  test('A session whose expiresAt is not a date is refused', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    await store.init();
    await expect(store.setSession({ sid: 's', data: '{}', expiresAt: 'tomorrow' })).rejects.toThrow(/not a date/);
    await store.close();
  });
});
