// passport-local: email + password against the store. The session keeps the user id and a
// fingerprint of the password hash, so changing the password (reset) ends every older session.
// Each request loads the user with their group memberships (`req.user.groups`).
import { createHash } from 'node:crypto';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Store, UserRecord } from '../store/ports.js';
import { normalizeEmail } from '../store/identifier.js';
import { checkLoginPassword, dummyPasswordHash } from './passwords.js';

interface SessionUser {
  id: string;
  pw: string; // fingerprint of the password hash at login
}

function fingerprint(user: UserRecord): string {
  return createHash('sha256').update(user.passwordHash).digest('hex').slice(0, 16);
}

/**
 * Disabled accounts never log in; an applicant only once the e-mail link proved the address, so signing
 * up with someone else's address gives no account to log in to (and sign-up can answer the same
 * whether or not the address is registered). Both fail exactly like a wrong password.
 */
function mayLogIn(user: UserRecord): boolean {
  return user.status !== 'disabled' && !(user.role === 'applicant' && !user.emailVerifiedAt);
}

async function withGroups(store: Store, user: UserRecord): Promise<Express.User> {
  return { ...user, groups: user.role === 'applicant' ? [] : await store.listUserGroups(user.id) };
}

export function configurePassport(store: Store): passport.PassportStatic {
  dummyPasswordHash().catch(() => undefined); // made now, so the first unknown login is not the slow one
  const instance = new passport.Passport() as unknown as passport.PassportStatic;
  instance.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, (email, password, done) => {
      store
        .findUserByEmail(normalizeEmail(email))
        .then(async (user) => {
          const usable = user && mayLogIn(user) ? user : null;
          const ok = await checkLoginPassword(password, usable?.passwordHash ?? null); // as slow without an account
          done(null, ok && usable ? await withGroups(store, usable) : false);
        })
        .catch(done);
    }),
  );
  instance.serializeUser((user, done) => done(null, { id: user.id, pw: fingerprint(user) } satisfies SessionUser));
  instance.deserializeUser((saved: SessionUser | string, done) => {
    const { id, pw } = typeof saved === 'string' ? { id: saved, pw: null } : saved; // a plain id: a session from before fingerprints
    store.getUser(id).then(async (user) => {
      const valid = user && user.status !== 'disabled' && (pw === null || pw === fingerprint(user));
      done(null, valid ? await withGroups(store, user) : false);
    }).catch(done);
  });
  return instance;
}
