// Roles become system roles and steps name groups (issue 10): a store written by the previous release
// upgrades in place. SQLite: the stop-8 release's own file (fixtures/release-stop8.sql, loaded into a fresh file first);
// MongoDB: the commands of migration 8-groups, recorded (no server here).
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type mongoose from 'mongoose';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MONGO_MIGRATIONS } from '../../src/store/mongo/migrations.js';
import type { Models } from '../../src/store/mongo/models.js';
import { cursorOf, recordingStore, type DriverCall } from './mongo-recorder.js';

/** The stop-8 release's store, dumped as SQL (fixtures/release-stop8.sql): loaded into a fresh file as that release wrote it. */
const DUMP = fileURLToPath(new URL('./fixtures/release-stop8.sql', import.meta.url));

function releaseFile(file: string): void {
  const db = openDatabase(file);
  db.exec(readFileSync(DUMP, 'utf8'));
  db.close();
}
const dir = mkdtempSync(join(tmpdir(), 'alur-groups-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN = '6e349b74-9a4c-427e-8852-447627fb60bc';
const ADMIN_TWO = 'admin-two';
const OWNER = 'aa3cd496-d2fe-4516-8c4d-212f3325e205';
const HELD = '8607ad25-96c5-43e5-b3c9-efd7a852b344';

type Counts = { cases: number; audit: number; outbox: number; tasks: number; users: number; staffAudit: number };
function readRaw(file: string) {
  const db = openDatabase(file);
  try {
    const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      counts: { cases: n('cases'), audit: n('audit'), outbox: n('outbox'), tasks: n('tasks'), users: n('users'), staffAudit: n('staff_audit') } as Counts,
      roles: db.prepare('SELECT id, role FROM users ORDER BY id').all() as Array<{ id: string; role: string }>,
    };
  } finally {
    db.close();
  }
}

describe('SQLite: the stop-8 release store upgrades to groups', () => {
  test('Given the release file, When the store starts (twice), Then roles are system roles, both admins are members of admin-ppe, every task keeps its group, the held task is still held, nothing else changes', async () => {
    const file = join(dir, 'release.sqlite');
    releaseFile(file);
    const before = readRaw(file);
    expect(before.version).toBe(11); // the release's schema version (later migrations run on top)
    expect(before.roles.map((u) => u.role).sort()).toEqual(['admin-ppe', 'admin-ppe', 'ppbj', 'ppbj', 'ppbj', 'process-owner']);
    const oldTasks = openDatabase(file).prepare('SELECT id, role, assigneeId, status FROM tasks ORDER BY id').all() as Array<{ id: string; role: string; assigneeId: string | null; status: string }>;

    const store = createSqliteStore({ file });
    await store.init();
    try {
      // roles
      expect(await store.countUsers('applicant')).toBe(3);
      expect((await store.listUsersByRole('staff')).map((u) => u.id).sort()).toEqual([ADMIN, ADMIN_TWO].sort());
      expect((await store.getUser(OWNER))?.role).toBe('process-owner');
      // the group and its members
      expect(await store.getGroup('admin-ppe')).toMatchObject({ id: 'admin-ppe', name: 'admin-ppe' });
      expect((await store.listGroups()).map((g) => g.id)).toEqual(['admin-ppe']);
      expect((await store.listGroupMembers('admin-ppe')).map((u) => u.displayName)).toEqual(['Admin Dua', 'Admin PPE']);
      expect(await store.listUserGroups(ADMIN)).toEqual(['admin-ppe']);
      expect(await store.listUserGroups(OWNER)).toEqual([]);
      expect(await store.countActiveMembers(['admin-ppe'])).toEqual({ 'admin-ppe': 2 });
      // every task kept, its group mapped ('ppbj' -> 'pemohon'), the held one still held
      for (const old of oldTasks) {
        const t = await store.getTask(old.id);
        expect(t).toMatchObject({ groupId: old.role === 'ppbj' ? 'pemohon' : old.role, assigneeId: old.assigneeId, status: old.status });
      }
      expect(await store.getTask(HELD)).toMatchObject({ groupId: 'admin-ppe', assigneeId: ADMIN, status: 'open' });
      expect((await store.listTasks({ groupIds: ['admin-ppe'], assigneeId: ADMIN })).map((t) => t.id)).toEqual([HELD]);
      expect(await store.countTasks({ groupIds: ['pemohon'] })).toBe(2);
    } finally {
      await store.close();
    }

    const after = readRaw(file);
    expect(after.version).toBe(MIGRATIONS.length);
    expect(after.counts).toEqual(before.counts);

    // a second start is a no-op
    const again = createSqliteStore({ file });
    await again.init();
    await again.close();
    expect(readRaw(file)).toEqual(after);
  });
});

describe('MongoDB: migration 8-groups (no server: the recorded commands)', () => {
  const modelsOf = (conn: mongoose.Connection) => Object.fromEntries(conn.modelNames().map((n) => [n, conn.model(n)])) as unknown as Models;
  const NOT_A_GROUP = { $nin: ['ppbj', 'process-owner', 'applicant', 'staff', 'pemohon'] };

  function run(answers: { userRoles: string[]; taskRoles: string[]; staff: Array<{ _id: string; role: string; displayName: string }> }) {
    const { calls, conn } = recordingStore((call) => {
      if (call.method === 'distinct' && call.collection === 'users') return Promise.resolve(answers.userRoles);
      if (call.method === 'distinct' && call.collection === 'tasks') return Promise.resolve(answers.taskRoles);
      if (call.method === 'find' && call.collection === 'users') return cursorOf(answers.staff);
      return undefined;
    });
    const dropped: string[] = [];
    Object.assign(conn.model('Task').collection, {
      dropIndex: async (name: string) => {
        dropped.push(name);
        throw Object.assign(new Error('index not found'), { code: 27 });
      },
    });
    return { calls, conn, dropped };
  }
  const of = (calls: DriverCall[], collection: string, method: string) => calls.filter((c) => c.collection === collection && c.method === method);

  test('Given admins of the old role admin-ppe, When it runs, Then the group exists, both are members (before their role changes), roles and task groups are mapped and the role indexes dropped', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '8-groups')!;
    expect(migration).toBeDefined();
    const staff = [{ _id: 'a1', role: 'admin-ppe', displayName: 'Admin PPE' }, { _id: 'a2', role: 'admin-ppe', displayName: 'Admin Dua' }];
    const { calls, conn, dropped } = run({ userRoles: ['admin-ppe'], taskRoles: ['admin-ppe'], staff });
    await migration.run(modelsOf(conn), () => new Date('2026-12-06T00:00:00.000Z'));
    const at = '2026-12-06T00:00:00.000Z';

    expect(of(calls, 'users', 'distinct').map((c) => c.args.slice(0, 2))).toEqual([['role', { role: NOT_A_GROUP }]]);
    expect(of(calls, 'groups', 'bulkWrite').map((c) => c.args[0])).toEqual([[
      { updateOne: { filter: { _id: 'admin-ppe' }, update: { $setOnInsert: { name: 'admin-ppe', createdAt: at, updatedAt: at } }, upsert: true } },
    ]]);
    expect(of(calls, 'memberships', 'bulkWrite').map((c) => c.args[0])).toEqual([staff.map((u) => ({
      updateOne: {
        filter: { userId: u._id, groupId: 'admin-ppe' },
        update: { $setOnInsert: { userId: u._id, groupId: 'admin-ppe', displayName: u.displayName, createdAt: at } },
        upsert: true,
      },
    }))]);
    const updates = calls.filter((c) => c.method === 'updateMany').map((c) => [c.collection, c.args[0], c.args[1]]);
    expect(updates).toEqual([
      ['users', { role: NOT_A_GROUP }, { $set: { role: 'staff' } }],
      ['users', { role: 'ppbj' }, { $set: { role: 'applicant' } }],
      ['tasks', { role: 'ppbj' }, { $set: { role: 'pemohon' } }],
      ['tasks', { role: { $exists: true } }, { $rename: { role: 'groupId' } }],
    ]);
    // memberships are written before the roles they come from change (a rerun still finds them)
    const order = calls.map((c) => `${c.collection}.${c.method}`);
    expect(order.indexOf('memberships.bulkWrite')).toBeLessThan(order.indexOf('users.updateMany'));
    expect(dropped).toEqual([
      'status_1_role_1_assigneeId_1_dueAt_1_createdAt_1__id_1',
      'status_1_role_1_assigneeId_1_createdAt_1__id_1',
      'status_1_role_1_assigneeId_1_processKey_1_dueAt_1_createdAt_1__id_1',
      'status_1_role_1_assigneeId_1_processKey_1_createdAt_1__id_1',
    ]);
  });

  test('Given a database already migrated (no old roles left), When it runs again, Then no group or membership is written', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '8-groups')!;
    const { calls, conn } = run({ userRoles: [], taskRoles: [], staff: [] });
    await migration.run(modelsOf(conn));
    expect(of(calls, 'groups', 'bulkWrite')).toEqual([]);
    expect(of(calls, 'memberships', 'bulkWrite')).toEqual([]);
  });
});
