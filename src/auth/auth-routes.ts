// Login and logout, behind the store-backed rate limits (src/auth/rate-limits.ts). An applicant
// logs in once the e-mail link proved the address (passport-setup.ts), and login goes on to
// /verifikasi while a contact is unproved. Sign-up pages belong to whoever starts an account: the
// generic account sign-up (account-sign-up-routes.ts) and the process packs' own start pages.
import { Router, type Request, type Response } from 'express';
import type passport from 'passport';
import { normalizeEmail } from '../store/identifier.js';
import { asyncRoute, safeNext, type RenderPage } from '../web/page.js';
import { clientKey, refuseLimited } from '../web/security.js';
import { homeFor } from './guards.js';
import { missingContacts } from '../notifications/verification-service.js';
import type { LimitKey, RateLimits } from './rate-limits.js';
import type { KnownDevices } from './known-device.js';

export interface AuthRouteDeps {
  passport: passport.PassportStatic;
  renderPage: RenderPage;
  limits: RateLimits;
  devices: KnownDevices;
}

/** Where a login lands without `next`: an applicant with an unproved contact goes on to prove it. */
const afterLogin = (user: Express.User) => (user.role === 'applicant' && missingContacts(user).length > 0 ? '/verifikasi' : homeFor(user.role));

export function authRoutes(deps: AuthRouteDeps): Router {
  const { renderPage, limits } = deps;
  const router = Router();

  const loginPage = (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) =>
    renderPage(req, res, 'auth/masuk', { title: 'auth.masuk.title', next: safeNext(req.query.next, ''), ...extra }, status);

  router.get('/masuk', (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : loginPage(req, res, req.query.keluar ? { flash: { kind: 'ok', key: 'flash.loggedOut' } } : {})));

  router.post('/masuk', asyncRoute(async (req, res, next) => {
    const typed = typeof req.body?.email === 'string' ? req.body.email : '';
    // NOTE: normalised once, here: the limits and the strategy see the same account key, so no
    // spelling of an address (spaces, tabs, case, full-width letters) gets fresh guesses.
    const email = normalizeEmail(typed);
    if (req.body) req.body.email = email;
    const ip = clientKey(req);
    // NOTE: a device that logged in to this account before counts on its own key only, so nobody can
    // lock the owner out by spending the account's limit from elsewhere (known-device.ts)
    const device = deps.devices.deviceOf(req, email);
    const [own, ...shared]: LimitKey[] = device ? [['login', `device|${device}|${email}`]] : [['login', `${ip}|${email}`], ['loginAccount', email], ['loginIp', ip]];
    const verdict = await limits.hit(own!, ...shared);
    if (!verdict.allowed) return loginPage(req, res, { email: typed, loginError: refuseLimited(res, 'limits.login', verdict.retryAfterS) }, 429);
    deps.passport.authenticate('local', (err: unknown, user: Express.User | false) => {
      if (err) return next(err);
      if (!user) return loginPage(req, res, { email: typed, loginError: 'auth.invalid', loginHint: 'signUp.login.hint' }, 401);
      // a successful login is no guess: its own hits go back, and this client's count on the account restarts
      Promise.all([limits.clear(own!), limits.release(...shared)]).then(() => {
        deps.devices.remember(res, email);
        req.logIn(user, (loginErr) => {
          if (loginErr) return next(loginErr);
          res.redirect(303, safeNext(req.body?.next, afterLogin(user)));
        });
      }, next);
    })(req, res, next);
  }));

  router.post('/keluar', (req, res, next) => {
    req.logout((err) => (err ? next(err) : res.redirect(303, '/masuk?keluar=1')));
  });

  return router;
}
