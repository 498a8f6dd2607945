// Store contract: the nomor permohonan (CaseChange.caseNumberScope), its lookup, and the case statuses
// of withdrawn and closed cases.
import { describe, expect, test } from '@jest/globals';
import type { GetStore } from './contract-helpers.js';
import { race } from './contract-helpers.js';
import { ConflictError } from '../../src/store/ports.js';
import { caseRecord, create, update, user } from './fixtures.js';

export function caseNumbersContract(store: GetStore): void {
  describe('case numbers (nomor permohonan)', () => {
    test('Given two scopes, When cases are created with them, Then each scope counts 1, 2, … and the number is found again', async () => {
      const a1 = caseRecord();
      const a2 = caseRecord();
      const b1 = caseRecord();
      await store().applyCaseChange(create(a1, { caseNumberScope: 'PPBJ-2026' }));
      await store().applyCaseChange(create(b1, { caseNumberScope: 'PBP-2026' }));
      await store().applyCaseChange(create(a2, { caseNumberScope: 'PPBJ-2026' }));

      expect((await store().getCase(a1.id))?.caseNumber).toBe('PPBJ-2026-000001');
      expect((await store().getCase(a2.id))?.caseNumber).toBe('PPBJ-2026-000002');
      expect((await store().getCase(b1.id))?.caseNumber).toBe('PBP-2026-000001');
      expect((await store().getCaseByNumber('PPBJ-2026-000002'))?.id).toBe(a2.id);
      expect(await store().getCaseByNumber('PPBJ-2026-000009')).toBeNull();
    });

    test('Given a numbered case, When it is updated (even with another number in the record), Then its number stays', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c, { caseNumberScope: 'X-2026' }));
      const stored = (await store().getCase(c.id))!;
      await store().applyCaseChange(update(stored, { caseNumber: 'X-2026-999999', status: 'withdrawn' }));
      const got = await store().getCase(c.id);
      expect(got?.caseNumber).toBe('X-2026-000001');
      expect(got?.status).toBe('withdrawn');
      expect(await store().getCaseByNumber('X-2026-999999')).toBeNull();
    });

    test('Given a case created without a scope, Then it has no number and a closed status is kept', async () => {
      const c = caseRecord();
      await store().applyCaseChange(create(c));
      expect((await store().getCase(c.id))?.caseNumber).toBeUndefined();
      await store().applyCaseChange(update(c, { status: 'closed' }));
      expect((await store().getCase(c.id))?.status).toBe('closed');
    });

    test('When ten cases of one scope are created at once, Then every number is taken once', async () => {
      const cases = Array.from({ length: 10 }, () => caseRecord());
      const { won } = await race(cases.map((c) => store().applyCaseChange(create(c, { caseNumberScope: 'RACE-2026' }))));
      expect(won).toBe(10);
      const numbers = await Promise.all(cases.map(async (c) => (await store().getCase(c.id))?.caseNumber));
      expect(new Set(numbers).size).toBe(10);
      expect([...numbers].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `RACE-2026-${String(i + 1).padStart(6, '0')}`));
    });
  });

  describe('a proved contact change (UserPatch.email)', () => {
    test('Given a user, When their e-mail is changed with its proof time, Then they are found by the new address only; another account\'s address is a ConflictError', async () => {
      const u = user();
      const other = user();
      await store().insertUser(u);
      await store().insertUser(other);
      await store().updateUser(u.id, { email: 'baru@contoh.go.id', emailVerifiedAt: '2026-03-01T00:00:00.000Z' });
      expect(await store().findUserByEmail('baru@contoh.go.id')).toMatchObject({ id: u.id, emailVerifiedAt: '2026-03-01T00:00:00.000Z' });
      expect(await store().findUserByEmail(u.email)).toBeNull();
      await expect(store().updateUser(other.id, { email: 'baru@contoh.go.id' })).rejects.toBeInstanceOf(ConflictError);
      expect((await store().getUser(other.id))!.email).toBe(other.email);
    });
  });
}
