// Runs the Store contract against SQLite (in memory, and a WAL file), then proves that two
// connections on one file see each other's writes and share the rev check.
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, type CaseRecord, type Store } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeStoreContract } from './contract.js';
import { race } from './contract-helpers.js';
import { at, audit, caseRecord, create, message, task, update, user } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'alur-sqlite-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `db-${process.pid}-${++n}`, 'alur.sqlite'); // folder does not exist yet

describeStoreContract('SQLite :memory:', async () => createSqliteStore({ file: ':memory:' }));
describeStoreContract('SQLite file (WAL)', async () => createSqliteStore({ file: freshFile() }));

describe('SQLite: two store instances (two app processes) on the same file', () => {
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    const file = freshFile();
    a = createSqliteStore({ file });
    b = createSqliteStore({ file });
    await Promise.all([a.init(), b.init()]);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  test('Given A writes a user and a case, Then B reads them at once', async () => {
    const u = user();
    const c = caseRecord({ applicantId: u.id });
    const t = task(c);
    await a.applyCaseChange(create(c, { newUser: u, openTasks: [t] }));
    expect(await b.getUser(u.id)).toEqual(u);
    expect(await b.getCase(c.id)).toEqual(c);
    expect(await b.listTasks({ applicantId: u.id })).toEqual([t]);
  });

  test('Given A and B both loaded rev 1, When A saves first, Then B gets ConflictError and wrote nothing', async () => {
    const c = caseRecord();
    await a.applyCaseChange(create(c));
    const seenByA = (await a.getCase(c.id)) as CaseRecord;
    const seenByB = (await b.getCase(c.id)) as CaseRecord;

    await a.applyCaseChange(update(seenByA, { data: { by: { a: 1 } } }, { audit: [audit(c, 'case.returned', { actorId: 'A' })] }));
    const fromB = update(seenByB, { data: { by: { b: 1 } } }, { openTasks: [task(c)], audit: [audit(c, 'case.returned', { actorId: 'B' })] });
    await expect(b.applyCaseChange(fromB)).rejects.toBeInstanceOf(ConflictError);

    const now = (await b.getCase(c.id)) as CaseRecord;
    expect(now.rev).toBe(2);
    expect(now.data).toEqual({ by: { a: 1 } });
    expect((await a.listAudit(c.id)).map((e) => e.actorId)).toEqual([null, 'A']);
    expect(await a.countTasks({ caseId: c.id })).toBe(0);
  });

  test('When A and B apply the same rev at once, Then exactly one wins', async () => {
    const c = caseRecord();
    await a.applyCaseChange(create(c));
    const { won, errors } = await race([
      a.applyCaseChange(update(c, { data: { w: { a: 1 } } })),
      b.applyCaseChange(update(c, { data: { w: { b: 1 } } })),
    ]);
    expect(won).toBe(1);
    expect(errors[0]).toBeInstanceOf(ConflictError);
    expect((await a.getCase(c.id))?.rev).toBe(2);
  });

  test('When A and B take the same task at once, Then exactly one of them has it', async () => {
    const c = caseRecord();
    const t = task(c);
    await a.applyCaseChange(create(c, { openTasks: [t] }));
    for (const id of ['admin-a', 'admin-b']) await a.insertUser(user({ id, role: 'staff', status: 'active' })); // a holder must be active
    const take = (s: Store, who: string) =>
      s.changeAssignee({ taskId: t.id, from: null, to: who, audit: audit(c, 'task.taken', { actorId: who }) });
    const { won } = await race([take(a, 'admin-a'), take(b, 'admin-b')]);
    expect(won).toBe(1);
    expect((await b.listAudit(c.id)).filter((e) => e.type === 'task.taken')).toHaveLength(1);
  });

  test('When A and B claim the outbox by turns and at once, Then no message is leased by both', async () => {
    const messages = Array.from({ length: 30 }, (_, i) => message({ nextAttemptAt: at(i % 4) }));
    await a.enqueueMessages(messages);
    const claimed: string[] = [];
    for (;;) {
      const [fromA, fromB] = await Promise.all([a.claimDueMessages(at(5), 4, 60_000), b.claimDueMessages(at(5), 3, 60_000)]);
      if (fromA.length + fromB.length === 0) break;
      claimed.push(...[...fromA, ...fromB].map((m) => m.id));
    }
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual(messages.map((m) => m.id).sort());
    expect(await b.claimDueMessages(at(5), 100, 60_000)).toEqual([]); // A's leases hold for B
    expect((await b.claimDueMessages(at(6), 100, 60_000)).map((m) => m.attempts)).toEqual(Array(30).fill(2));
  });

  test('When a store is used before init() or after close(), Then it says so', async () => {
    const s = createSqliteStore({ file: ':memory:' });
    await expect(s.getUser('x')).rejects.toThrow(/init\(\)/);
    await s.init();
    await s.close();
    await expect(s.getUser('x')).rejects.toThrow(/closed/);
  });
});
