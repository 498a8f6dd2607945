// Regression (review): sign-up stored an address only lower-cased, while login, password reset, the
// limits and every lookup use the full normal form (NFKC, trimmed, lower case): an address typed
// with a full-width letter was stored as typed, and its owner could never log in with it.
import { describe, expect, test } from '@jest/globals';
import { login } from '../helpers/app.js';
import { newApplicant, signUpUnverified } from '../helpers/ppbj.js';
import type { TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { create, caseRecord, user } from '../store/fixtures.js';

describe('Given a visitor who types their address with a full-width letter', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
  });

  test('when they sign up, then the account is stored under the normal form and logs in with the plain address', async () => {
    const plain = newApplicant();
    const typed = { ...plain, email: `\uFF42${plain.email.slice(1).toUpperCase()} ` }; // "ｂUDI…@KALBARPROV.GO.ID "
    await signUpUnverified(t.agent(), typed);
    const stored = await t.services.store.findUserByEmail(plain.email);
    expect(stored?.email).toBe(plain.email);
    await login(t.agent(), plain); // throws unless the plain address logs in
  });

  test('when a store change creates a user with such an address, then it is stored normalised (both adapters share this rule)', async () => {
    const u = user({ email: '\uFF41li@Example.GO.ID' });
    await t.services.store.applyCaseChange(create(caseRecord({ applicantId: u.id }), { newUser: u }));
    expect((await t.services.store.getUser(u.id))?.email).toBe('ali@example.go.id');
  });
});
