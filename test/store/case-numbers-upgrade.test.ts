// The nomor permohonan on a store written before it: SQLite numbers the release's cases 'ALUR-<year>-…'
// in creation order, and a new case of that scope continues after them.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { caseRecord, create } from './fixtures.js';

const DUMP = fileURLToPath(new URL('./fixtures/release-stop8.sql', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'alur-case-numbers-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite: a store of before the nomor permohonan upgrades', () => {
  test('Given the stop-8 release file, When the store starts, Then every case has a unique ALUR number in creation order, and the counter goes on from there', async () => {
    const file = join(dir, 'release.sqlite');
    const db = openDatabase(file);
    db.exec(readFileSync(DUMP, 'utf8'));
    const old = db.prepare('SELECT id, createdAt FROM cases ORDER BY createdAt, rowid').all() as Array<{ id: string; createdAt: string }>;
    db.close();
    expect(old.length).toBeGreaterThan(0);

    const store = createSqliteStore({ file });
    await store.init();
    try {
      const numbers = await Promise.all(old.map(async (c) => (await store.getCase(c.id))?.caseNumber));
      const year = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).getUTCFullYear();
      const perYear = new Map<number, number>();
      const expected = old.map((c) => {
        const n = (perYear.get(year(c.createdAt)) ?? 0) + 1;
        perYear.set(year(c.createdAt), n);
        return `ALUR-${year(c.createdAt)}-${String(n).padStart(6, '0')}`;
      });
      expect(numbers).toEqual(expected);

      const [lastYear, lastN] = [...perYear.entries()].at(-1)!;
      const next = caseRecord();
      await store.applyCaseChange(create(next, { caseNumberScope: `ALUR-${lastYear}` }));
      expect((await store.getCase(next.id))?.caseNumber).toBe(`ALUR-${lastYear}-${String(lastN + 1).padStart(6, '0')}`);
    } finally {
      await store.close();
    }
  });
});
