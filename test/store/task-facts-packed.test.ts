// task_facts keeps its times as ms and its UUIDs in 16 bytes (src/store/sqlite/task-facts-packed.ts): facts written
// now and facts of before (upgrade) are stored packed and read back as the text they were.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createReportFacts } from '../../src/store/sqlite/report-facts.js';
import { readFact } from '../../src/store/sqlite/task-facts-packed.js';
import type { TaskFacts } from '../../src/store/ports.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-task-facts-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TASK = '0b7f6a52-3c1d-4e2f-9a8b-7c6d5e4f3a2b';
const CASE = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const OFFICER = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const FACT: TaskFacts = {
  taskId: TASK, caseId: CASE, processKey: 'p', elementId: 'Verifikasi', name: 'Verifikasi', stepNo: 2, groupId: 'admin-ppe',
  completedAt: '2026-03-02T03:04:05.678Z', completedBy: OFFICER, takenAt: '2026-03-02T01:00:00.001Z', elapsedMs: 7_445_677,
  waitMs: 3_600_001, handlingMs: 3_845_677, standardMs: 28_800_000, met: true, returnReasons: ['berkas'], caseReturns: 1,
  previousAt: '2026-03-01T09:00:00.000Z', previousCaseReturns: 0,
};
const READ = `SELECT ${['completedAt', 'taskId', 'caseId', 'completedBy', 'takenAt', 'previousAt'].map((c) => readFact(c as 'taskId')).join(', ')} FROM task_facts ORDER BY elementId`;
const TYPES = 'SELECT typeof(completedAt) AS completedAt, typeof(taskId) AS taskId, typeof(caseId) AS caseId, typeof(completedBy) AS completedBy, ' +
  'typeof(takenAt) AS takenAt, typeof(previousAt) AS previousAt FROM task_facts ORDER BY elementId';
const PACKED = { completedAt: 'integer', taskId: 'blob', caseId: 'blob', completedBy: 'blob', takenAt: 'integer', previousAt: 'integer' };
const texts = (f: TaskFacts) => ({ completedAt: f.completedAt, taskId: f.taskId, caseId: f.caseId, completedBy: f.completedBy, takenAt: f.takenAt, previousAt: f.previousAt });

function withDb(name: string, run: (db: Database) => void): void {
  const db = openDatabase(join(dir, name));
  try {
    run(db);
  } finally {
    db.close();
  }
}

describe('SQLite task_facts packed', () => {
  test('Given a completed task, When its facts are written, Then times are ms and UUIDs 16 bytes, and they read back as written', () => {
    withDb('write.sqlite', (db) => {
      migrate(db);
      createReportFacts(db).saveReportFacts({ tasks: [FACT], cases: [], done: [] });
      expect(db.prepare(TYPES).all()).toEqual([PACKED]);
      expect(db.prepare(READ).all()).toEqual([texts(FACT)]);
      // a period's bound is ms: the fact is inside its day and outside the next
      const inDay = db.prepare('SELECT count(*) FROM task_facts WHERE processKey = ? AND elementId = ? AND completedAt >= ? AND completedAt < ?').pluck();
      expect(inDay.get('p', 'Verifikasi', Date.parse('2026-03-02T00:00:00.000Z'), Date.parse('2026-03-03T00:00:00.000Z'))).toBe(1);
      expect(inDay.get('p', 'Verifikasi', Date.parse('2026-03-03T00:00:00.000Z'), Date.parse('2026-03-04T00:00:00.000Z'))).toBe(0);
    });
  });

  test('Given facts of before (text), When the store is upgraded, Then they are packed, other ids and times stay text, and every value reads the same', () => {
    withDb('upgrade.sqlite', (db) => {
      const at = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE task_facts_packed'));
      expect(at).toBeGreaterThan(0);
      migrate(db, MIGRATIONS.slice(0, at));
      const odd: TaskFacts = { ...FACT, elementId: 'Z', taskId: 't-1', caseId: 'c-1', completedBy: null, takenAt: null, previousAt: '2026-03-01T09:00:00Z' };
      const insert = db.prepare('INSERT INTO task_facts (processKey, elementId, completedAt, taskId, caseId, groupId, completedBy, takenAt, elapsedMs, waitMs, handlingMs, standardMs, met, returnReasons, caseReturns, previousAt, previousCaseReturns) ' +
        "VALUES (@processKey, @elementId, @completedAt, @taskId, @caseId, @groupId, @completedBy, @takenAt, @elapsedMs, @waitMs, @handlingMs, @standardMs, 1, '[]', @caseReturns, @previousAt, @previousCaseReturns)");
      for (const f of [FACT, odd]) {
        const { name: _n, stepNo: _s, met: _m, returnReasons: _r, ...row } = f;
        insert.run(row);
      }
      migrate(db);
      expect(db.prepare(TYPES).all()).toEqual([PACKED, { ...PACKED, taskId: 'text', caseId: 'text', completedBy: 'null', takenAt: 'null', previousAt: 'text' }]);
      expect(db.prepare(READ).all()).toEqual([texts(FACT), texts(odd)]);
      expect(db.prepare("SELECT count(*) FROM task_facts INDEXED BY task_facts_again WHERE processKey = 'p' AND previousAt IS NOT NULL").pluck().get()).toBe(2);
    });
  });
});
