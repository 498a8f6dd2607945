// Store contract, part 1: users, sessions, process definitions.
import { describe, expect, test } from '@jest/globals';
import { NotFoundError } from '../../src/errors.js';
import type { UserPatch } from '../../src/store/ports.js';
import { expectConflict, type GetStore } from './contract-helpers.js';
import { at, definition, user } from './fixtures.js';

export function usersContract(store: GetStore): void {
  describe('users', () => {
    test('Given a user is inserted, When read by id, Then the same record comes back', async () => {
      const u = user({ whatsapp: null, role: 'staff', status: 'active' });
      await store().insertUser(u);
      expect(await store().getUser(u.id)).toEqual(u);
      expect(await store().getUser('nobody')).toBeNull();
    });

    test('When looked up by email in any case (and with spaces), Then the user is found', async () => {
      const u = user({ email: 'siti.rahma@lkpp.go.id' });
      await store().insertUser(u);
      expect(await store().findUserByEmail('Siti.Rahma@LKPP.go.id')).toEqual(u);
      expect(await store().findUserByEmail('  siti.rahma@lkpp.go.id ')).toEqual(u);
      expect(await store().findUserByEmail('other@lkpp.go.id')).toBeNull();
    });

    test('When an email is inserted in upper case, Then it is stored lower-cased', async () => {
      const u = user({ email: 'Andi@Example.GO.ID' });
      await store().insertUser(u);
      expect((await store().getUser(u.id))?.email).toBe('andi@example.go.id');
    });

    test('When a second user has the same email (other case), Then ConflictError and nothing is added', async () => {
      await store().insertUser(user({ email: 'dup@example.go.id' }));
      await expectConflict(store().insertUser(user({ email: 'DUP@example.go.id' })));
      expect(await store().countUsers()).toBe(1);
    });

    test('When a second user has the same id, Then ConflictError', async () => {
      const u = user();
      await store().insertUser(u);
      await expectConflict(store().insertUser({ ...u, email: 'another@example.go.id' }));
      expect(await store().findUserByEmail('another@example.go.id')).toBeNull();
    });

    test('countUsers counts all users or the users of one role', async () => {
      expect(await store().countUsers()).toBe(0);
      await store().insertUser(user({ role: 'applicant' }));
      await store().insertUser(user({ role: 'applicant' }));
      await store().insertUser(user({ role: 'process-owner' }));
      expect(await store().countUsers()).toBe(3);
      expect(await store().countUsers('applicant')).toBe(2);
      expect(await store().countUsers('process-owner')).toBe(1);
      expect(await store().countUsers('staff')).toBe(0);
    });

    test('The verification and privacy fields round-trip, null or set', async () => {
      const fresh = user({ privacyNoticeVersion: null, privacyAcknowledgedAt: null });
      const verified = user({ emailVerifiedAt: at(3), whatsappVerifiedAt: at(4), privacyNoticeVersion: 'v2', privacyAcknowledgedAt: at(1) });
      await store().insertUser(fresh);
      await store().insertUser(verified);
      expect(await store().getUser(fresh.id)).toEqual(fresh);
      expect(await store().findUserByEmail(verified.email)).toEqual(verified);
    });

    test('listUsersByRole: only that role, by displayName (byte order), then id', async () => {
      const names = ['Siti', 'Andi', 'budi', 'Zainal', 'Andi'];
      const admins = names.map((displayName, i) => user({ id: `admin-${i}`, role: 'staff', displayName }));
      for (const u of admins) await store().insertUser(u);
      await store().insertUser(user({ role: 'applicant', displayName: 'Aaron' }));
      const got = await store().listUsersByRole('staff');
      expect(got.map((u) => [u.displayName, u.id])).toEqual([
        ['Andi', 'admin-1'], ['Andi', 'admin-4'], ['Siti', 'admin-0'], ['Zainal', 'admin-3'], ['budi', 'admin-2'],
      ]);
      expect(got[0]).toEqual(admins[1]);
      expect(await store().listUsersByRole('process-owner')).toEqual([]);
    });
  });

  describe('updateUser', () => {
    test('Given a patch, Then only its fields change (undefined = leave as is)', async () => {
      const u = user({ status: 'registered' });
      const other = user();
      await store().insertUser(u);
      await store().insertUser(other);
      const patch: UserPatch = {
        displayName: 'Budi S.', whatsapp: null, passwordHash: 'scrypt$new', status: 'active',
        emailVerifiedAt: at(7), whatsappVerifiedAt: at(8),
      };
      await store().updateUser(u.id, patch);
      expect(await store().getUser(u.id)).toEqual({ ...u, ...patch });
      await store().updateUser(u.id, { emailVerifiedAt: null, displayName: undefined });
      expect(await store().getUser(u.id)).toEqual({ ...u, ...patch, emailVerifiedAt: null });
      expect(await store().getUser(other.id)).toEqual(other);
    });

    test('When the user does not exist, Then NotFoundError (also for an empty patch)', async () => {
      await expect(store().updateUser('ghost', { status: 'active' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(store().updateUser('ghost', {})).rejects.toBeInstanceOf(NotFoundError);
      const u = user();
      await store().insertUser(u);
      await expect(store().updateUser(u.id, {})).resolves.toBeUndefined();
      expect(await store().getUser(u.id)).toEqual(u);
    });

    test('A field outside UserPatch (createdAt, role) or a null required field is refused; nothing changes', async () => {
      const u = user();
      await store().insertUser(u);
      const smuggled = { status: 'active', createdAt: at(9) } as unknown as UserPatch;
      await expect(store().updateUser(u.id, smuggled)).rejects.toThrow(/createdAt/);
      await expect(store().updateUser(u.id, { role: 'staff' } as unknown as UserPatch)).rejects.toThrow(/role/);
      // NOTE: matched by message: a raw SqliteError is no `instanceof Error` in a later jest test file
      // (the native addon keeps the error class of the first file that loaded it), so toThrow() misses it.
      const nulled = store().updateUser(u.id, { displayName: null } as unknown as UserPatch);
      await expect(nulled).rejects.toMatchObject({ message: expect.stringMatching(/displayName/) });
      expect(await store().getUser(u.id)).toEqual(u);
    });
  });

  describe('sessions', () => {
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

    test('Given a session is set, When read, Then its data and expiry come back', async () => {
      const s = { sid: 'sid-1', data: JSON.stringify({ cookie: {}, passport: { user: 'u1' } }), expiresAt: inAnHour() };
      await store().setSession(s);
      expect(await store().getSession('sid-1')).toEqual(s);
      expect(await store().getSession('sid-unknown')).toBeNull();
    });

    test('When a session is set again, Then it is replaced (touch / login)', async () => {
      await store().setSession({ sid: 'sid-2', data: '{"n":1}', expiresAt: inAnHour() });
      const later = new Date(Date.now() + 7_200_000).toISOString();
      await store().setSession({ sid: 'sid-2', data: '{"n":2}', expiresAt: later });
      expect(await store().getSession('sid-2')).toEqual({ sid: 'sid-2', data: '{"n":2}', expiresAt: later });
    });

    test('When a session is destroyed, Then it is gone (and destroying it again is harmless)', async () => {
      await store().setSession({ sid: 'sid-3', data: '{}', expiresAt: inAnHour() });
      await store().destroySession('sid-3');
      expect(await store().getSession('sid-3')).toBeNull();
      await expect(store().destroySession('sid-3')).resolves.toBeUndefined();
    });

    test('When a session has expired, Then it is not returned', async () => {
      await store().setSession({ sid: 'old', data: '{}', expiresAt: new Date(Date.now() - 1000).toISOString() });
      await store().setSession({ sid: 'new', data: '{}', expiresAt: inAnHour() });
      expect(await store().getSession('old')).toBeNull();
      expect(await store().getSession('new')).not.toBeNull();
    });
  });

  describe('process definitions', () => {
    test('Given versions 1..3 of a process, Then latest is 3 and the list is newest first', async () => {
      const key = 'pendaftaran-akun-ppbj';
      const v = [1, 2, 3].map((version) => definition({ processKey: key, version, createdAt: at(version) }));
      await store().insertDefinition(v[1]!);
      await store().insertDefinition(v[0]!);
      await store().insertDefinition(v[2]!);
      await store().insertDefinition(definition({ processKey: 'other-process', version: 7 }));

      expect(await store().getDefinition(v[1]!.id)).toEqual(v[1]);
      expect(await store().getLatestDefinition(key)).toEqual(v[2]);
      expect((await store().listDefinitions(key)).map((d) => d.version)).toEqual([3, 2, 1]);
      expect(await store().listDefinitions(key)).toEqual([v[2], v[1], v[0]]);
    });

    test('When nothing is deployed for a key, Then latest is null and the list empty', async () => {
      expect(await store().getLatestDefinition('none')).toBeNull();
      expect(await store().listDefinitions('none')).toEqual([]);
      expect(await store().getDefinition('none')).toBeNull();
    });

    test('When a (processKey, version) pair is inserted twice, Then ConflictError and the first stays', async () => {
      const first = definition({ processKey: 'p', version: 1, comment: 'first', createdBy: 'owner-1' });
      await store().insertDefinition(first);
      await expectConflict(store().insertDefinition(definition({ processKey: 'p', version: 1, comment: 'second' })));
      expect(await store().listDefinitions('p')).toEqual([first]);
    });
  });
}
