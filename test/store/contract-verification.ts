// Store contract, part 6: verification codes (hash only): latest, rate counting, wrong guesses, and
// consumption once only, with its user change and audit event all-or-nothing.
import { beforeEach, describe, expect, test } from '@jest/globals';
import { NotFoundError } from '../../src/errors.js';
import { MissingReferenceError, type CaseRecord, type UserRecord } from '../../src/store/ports.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { at, audit, caseRecord, create, user, verification } from './fixtures.js';

export function verificationContract(store: GetStore): void {
  describe('verification', () => codeTests(store));
}

/** Each test starts with a user and their case (audit events need a case). */
function codeTests(store: GetStore): void {
  let u: UserRecord;
  let c: CaseRecord;
  beforeEach(async () => {
    u = user({ whatsappVerifiedAt: null });
    c = caseRecord({ applicantId: u.id });
    await store().applyCaseChange(create(c, { newUser: u }));
  });

  describe('verification codes', () => {
    test('A code of a user that does not exist is refused', async () => {
      await expect(store().insertVerification(verification('user-that-never-was'))).rejects.toBeInstanceOf(MissingReferenceError);
      expect(await store().latestVerification('user-that-never-was', 'email')).toBeNull();
    });

    test('Given two codes of one user and purpose sent in the same millisecond, Then the latest is the one written last, whatever the ids', async () => {
      const first = verification(u.id, { id: 'ver-zz-written-first', createdAt: at(3) });
      const second = verification(u.id, { id: 'ver-aa-written-second', createdAt: at(3), codeHash: 'f'.repeat(64) });
      await store().insertVerification(first);
      await store().insertVerification(verification(u.id, { purpose: 'email', createdAt: at(3) })); // another purpose between
      await store().insertVerification(second);
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual(second);
    });

    test('latestVerification: the newest of that user and purpose (insertion order breaks a tie)', async () => {
      const old = verification(u.id, { createdAt: at(0) });
      const newer = verification(u.id, { createdAt: at(5), codeHash: 'd'.repeat(64) });
      const sameTime = verification(u.id, { createdAt: at(5), codeHash: 'e'.repeat(64) });
      const email = verification(u.id, { purpose: 'email', createdAt: at(9) });
      for (const v of [newer, old, sameTime, email]) await store().insertVerification(v);

      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual(sameTime);
      expect(await store().latestVerification(u.id, 'email')).toEqual(email);
      expect(await store().latestVerification(u.id, 'password-reset')).toBeNull();
      expect(await store().latestVerification('someone-else', 'whatsapp')).toBeNull();
    });

    test('countVerificationsSince counts that user and purpose from `since` on (inclusive)', async () => {
      for (const minute of [0, 5, 10]) await store().insertVerification(verification(u.id, { createdAt: at(minute) }));
      await store().insertVerification(verification(u.id, { purpose: 'email', createdAt: at(10) }));
      expect(await store().countVerificationsSince(u.id, 'whatsapp', at(0))).toBe(3);
      expect(await store().countVerificationsSince(u.id, 'whatsapp', at(5))).toBe(2);
      expect(await store().countVerificationsSince(u.id, 'whatsapp', at(11))).toBe(0);
      expect(await store().countVerificationsSince(u.id, 'email', at(0))).toBe(1);
      expect(await store().countVerificationsSince('nobody', 'email', at(0))).toBe(0);
    });

    test('recordVerificationAttempt adds one wrong guess and returns the new count', async () => {
      const v = verification(u.id);
      await store().insertVerification(v);
      expect(await store().recordVerificationAttempt(v.id)).toBe(1);
      expect(await store().recordVerificationAttempt(v.id)).toBe(2);
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual({ ...v, attempts: 2 });
      await expect(store().recordVerificationAttempt('no-such-code')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('consumeVerification', () => {
    const verified = () => ({ whatsappVerifiedAt: at(3) });
    const events = async () => (await store().listAudit(c.id)).filter((e) => e.type === 'contact.verified');

    test('Given an unused code, Then it is used, the user patched and the event written; a second use is refused', async () => {
      const v = verification(u.id);
      await store().insertVerification(v);
      const event = audit(c, 'contact.verified', { at: at(3), actorId: u.id, data: { channel: 'whatsapp' } });
      expect(await store().consumeVerification(v.id, at(3), verified(), event)).toBe(true);
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual({ ...v, usedAt: at(3) });
      expect(await store().getUser(u.id)).toEqual({ ...u, whatsappVerifiedAt: at(3) });
      expect(await events()).toEqual([event]);

      const again = audit(c, 'contact.verified', { at: at(4) });
      expect(await store().consumeVerification(v.id, at(4), { displayName: 'Changed' }, again)).toBe(false);
      expect((await store().latestVerification(u.id, 'whatsapp'))?.usedAt).toBe(at(3));
      expect(await store().getUser(u.id)).toEqual({ ...u, whatsappVerifiedAt: at(3) });
      expect(await events()).toEqual([event]);
    });

    test('Without a patch or audit event, only the code is used', async () => {
      const v = verification(u.id, { purpose: 'password-reset' });
      await store().insertVerification(v);
      expect(await store().consumeVerification(v.id, at(1))).toBe(true);
      expect((await store().latestVerification(u.id, 'password-reset'))?.usedAt).toBe(at(1));
      expect(await store().getUser(u.id)).toEqual(u);
    });

    test('When the code has expired (expiresAt <= at) or is unknown, Then false and nothing changes', async () => {
      const v = verification(u.id, { expiresAt: at(15) });
      await store().insertVerification(v);
      const event = audit(c, 'contact.verified');
      expect(await store().consumeVerification(v.id, at(15), verified(), event)).toBe(false);
      expect(await store().consumeVerification(v.id, at(20), verified(), event)).toBe(false);
      expect(await store().consumeVerification('no-such-code', at(1), verified(), event)).toBe(false);
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual(v);
      expect(await store().getUser(u.id)).toEqual(u);
      expect(await events()).toEqual([]);
      expect(await store().consumeVerification(v.id, at(14), verified())).toBe(true); // still valid just before
    });

    test('When the audit event cannot be written, Then the code stays unused and the user unpatched', async () => {
      const v = verification(u.id);
      await store().insertVerification(v);
      const existing = (await store().listAudit(c.id))[0]!; // duplicate id: the insert fails last
      await expectConflict(store().consumeVerification(v.id, at(3), verified(), { ...existing }));
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual(v);
      expect(await store().getUser(u.id)).toEqual(u);
      expect(await store().consumeVerification(v.id, at(4), verified())).toBe(true); // usable again
    });

    test('When the user patch is refused, Then the code stays unused and no event is written', async () => {
      const v = verification(u.id);
      await store().insertVerification(v);
      const bad = { displayName: null } as unknown as { displayName: string };
      const refused = store().consumeVerification(v.id, at(3), bad, audit(c, 'contact.verified'));
      await expect(refused).rejects.toMatchObject({ message: expect.stringMatching(/displayName/) }); // see contract-users
      expect(await store().latestVerification(u.id, 'whatsapp')).toEqual(v);
      expect(await events()).toEqual([]);
    });

    test('When two requests consume the same code at once, Then exactly one succeeds', async () => {
      const v = verification(u.id);
      await store().insertVerification(v);
      const results = await Promise.all(
        ['a', 'b', 'c'].map((who) =>
          store().consumeVerification(v.id, at(3), verified(), audit(c, 'contact.verified', { actorId: who })),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await events()).toHaveLength(1);
      expect(await store().consumeVerification(v.id, at(4))).toBe(false);
    });
  });
}
