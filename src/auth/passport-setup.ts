// passport-local: email + password against the store; the session keeps only the user id.
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Store } from '../store/ports.js';
import { verifyPassword } from './passwords.js';

export function configurePassport(store: Store): passport.PassportStatic {
  const instance = new passport.Passport() as unknown as passport.PassportStatic;
  instance.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, (email, password, done) => {
      store
        .findUserByEmail(email.trim().toLowerCase())
        .then(async (user) => {
          const ok = user && user.status !== 'disabled' && (await verifyPassword(password, user.passwordHash));
          done(null, ok ? user : false);
        })
        .catch(done);
    }),
  );
  instance.serializeUser((user, done) => done(null, user.id));
  instance.deserializeUser((id: string, done) => {
    store.getUser(id).then((user) => done(null, user && user.status !== 'disabled' ? user : false), done);
  });
  return instance;
}
