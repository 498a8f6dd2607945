// `npm run seed:demo` on a temp store, as a user runs it: it fills an empty store through the
// services (cases, returns, SLA timers, overdue steps), and refuses a store that has data.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'alur-seed-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { MONGODB_URI: _mongo, ALUR_SQLITE_FILE: _file, ...env } = process.env; // always the temp SQLite store
const seed = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/seed-demo.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 170_000,
    env: { ...env, NODE_OPTIONS: '', NODE_ENV: 'development', ALUR_DATA_DIR: dir, ALUR_UPLOAD_DIR: join(dir, 'uploads') },
  });

describe('Given an empty store', () => {
  test('when seed:demo runs, then it writes a history through the services; when it runs again, then it refuses and changes nothing', async () => {
    const first = seed('--cases=30', '--months=2');
    expect([first.status, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(/\[seed\] done in \d+ s: \d+ events played, 0 cases stopped early/);

    const store = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await store.init();
    const countCases = async () => (await store.listCaseSummaries({ activeFrom: '2000-01-01T00:00:00.000Z', createdBefore: '2100-01-01T00:00:00.000Z' })).length;
    expect(await countCases()).toBe(30);
    expect(await store.countUsers('applicant')).toBe(30);
    expect(await store.countUsers('staff')).toBe(4);
    const ids = (await store.listCaseSummaries({ activeFrom: '2000-01-01T00:00:00.000Z', createdBefore: '2100-01-01T00:00:00.000Z' })).map((c) => c.id);
    const audit = await store.listAuditOfCases(ids, ['task.taken', 'task.completed', 'case.completed']);
    expect(audit.filter((e) => e.type === 'case.completed').length).toBeGreaterThan(20);
    expect(audit.filter((e) => e.type === 'task.taken').length).toBeGreaterThan(60);
    expect((await store.listTimers({ kind: 'sla.overdue', limit: 1000 })).length).toBeGreaterThan(150); // one per task opened
    expect(await store.listMessages({ limit: 1 })).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect((await store.getWorkingCalendar())?.holidays.length).toBeGreaterThan(10);
    await store.close();

    const again = seed('--cases=5');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('refused: the store');
    const after = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await after.init();
    expect(await after.countUsers('applicant')).toBe(30);
    await after.close();
  }, 180_000);
});
