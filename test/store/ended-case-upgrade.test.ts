// An ended case keeps no engine state (src/store/ended-case.ts): a store of before empties the state of
// its completed, withdrawn and closed cases; running and failed ones keep theirs.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mongoose from 'mongoose';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MONGO_MIGRATIONS } from '../../src/store/mongo/migrations.js';
import type { Models } from '../../src/store/mongo/models.js';
import { recordingStore } from './mongo-recorder.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-ended-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STATUSES = ['running', 'completed', 'failed', 'withdrawn', 'closed'];

describe('SQLite: ended cases of before lose their engine state on upgrade', () => {
  test('Given cases of every status with a state, When the store starts, Then only running and failed ones keep it', async () => {
    const file = join(dir, 'alur.sqlite');
    const db = openDatabase(file);
    const at = MIGRATIONS.findIndex((m) => m.includes("UPDATE cases SET engineState = x''"));
    expect(at).toBeGreaterThan(0);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec("INSERT INTO users (id, email, displayName, role, passwordHash, status, createdAt) VALUES ('u1', 'budi@example.go.id', 'Budi', 'applicant', 'h', 'active', 't')");
    const insert = db.prepare("INSERT INTO cases (id, definitionId, processKey, definitionVersion, applicantId, applicantName, status, engineState, data, rev, createdAt, updatedAt) VALUES (?, 'd1', 'p', 1, 'u1', 'Budi', ?, ?, '{}', 1, 't', 't')");
    for (const s of STATUSES) insert.run(`case-${s}`, s, Buffer.from(`state of ${s}`));
    db.close();

    const store = createSqliteStore({ file });
    await store.init();
    try {
      const states = await Promise.all(STATUSES.map(async (s) => (await store.getCase(`case-${s}`))!.engineState.toString()));
      expect(states).toEqual(['state of running', '', 'state of failed', '', '']);
    } finally {
      await store.close();
    }
  });
});

describe('MongoDB: migration 12-ended-case-state (no server: the recorded command)', () => {
  test('It empties the state of completed, withdrawn and closed cases whose state is not empty yet, in one update', async () => {
    const migration = MONGO_MIGRATIONS.find((x) => x.id === '12-ended-case-state')!;
    expect(migration).toBeDefined();
    const { calls, conn } = recordingStore(() => undefined);
    const models = Object.fromEntries(conn.modelNames().map((n) => [n, (conn as mongoose.Connection).model(n)])) as unknown as Models;
    await migration.run(models);
    const updates = calls.filter((c) => c.collection === 'cases' && c.method === 'updateMany');
    expect(updates).toHaveLength(1);
    // an empty Buffer is written (and compared) as empty binary data: '' in JSON; a non-empty one would not be
    expect(JSON.parse(JSON.stringify(updates[0]!.args.slice(0, 2)))).toEqual([
      { status: { $in: ['completed', 'withdrawn', 'closed'] }, engineState: { $ne: '' } },
      { $set: { engineState: '' } },
    ]);
  });
});
