// Sign-up (SOP step 2, then on to contact verification), login and logout, each behind the
// store-backed rate limits (src/auth/rate-limits.ts). Sign-up answers the same whether or not the
// address has an account ("check your e-mail"), so a new PPBJ logs in once the e-mail link proved
// the address (passport-setup.ts), and login goes on to /verifikasi while a contact is unproved.
import { Router, type Request, type Response } from 'express';
import type passport from 'passport';
import type { CaseService } from '../cases/case-service.js';
import { ValidationError } from '../errors.js';
import { registrasi } from '../forms/ppbj-forms.js';
import { fieldViews } from '../forms/field-views.js';
import type { FormValues } from '../forms/form-types.js';
import { checkEmail, checkWhatsapp, normaliseWhatsapp } from '../forms/validators.js';
import { normalizeEmail } from '../store/identifier.js';
import { asyncRoute, safeNext, type RenderPage } from '../web/page.js';
import { clientKey, refuseLimited } from '../web/security.js';
import { homeFor } from './guards.js';
import { missingContacts } from '../notifications/verification-service.js';
import { hashPassword } from './passwords.js';
import type { SignUpAttempts } from './sign-up-attempts.js';
import type { LimitKey, RateLimits } from './rate-limits.js';
import type { KnownDevices } from './known-device.js';

export interface AuthRouteDeps {
  cases: CaseService;
  passport: passport.PassportStatic;
  renderPage: RenderPage;
  limits: RateLimits;
  signUpAttempts: SignUpAttempts;
  devices: KnownDevices;
}

/** Sign-up refused only because the address has an account (every other field passed). */
const takenOnly = (errors: Record<string, string>) => Object.keys(errors).length === 1 && errors.email === 'field.email.taken';

/** Where a login lands without `next`: an applicant with an unproved contact goes on to prove it. */
const afterLogin = (user: Express.User) => (user.role === 'applicant' && missingContacts(user).length > 0 ? '/verifikasi' : homeFor(user.role));

/** The e-mail address and WhatsApp number a sign-up names, normalised; none unless both are well-formed (no message goes out otherwise). */
function signUpContacts(body: Record<string, unknown>): string[] {
  const email = typeof body.email === 'string' ? normalizeEmail(body.email) : '';
  const whatsapp = typeof body.whatsapp === 'string' ? body.whatsapp.trim() : '';
  return checkEmail(email) || checkWhatsapp(whatsapp) ? [] : [email, normaliseWhatsapp(whatsapp)];
}

export function authRoutes(deps: AuthRouteDeps): Router {
  const { cases, renderPage, limits, signUpAttempts } = deps;
  const router = Router();

  const signUpPage = (req: Request, res: Response, values: FormValues = {}, errors: Record<string, string> = {}, status = 200, limitError?: string) =>
    renderPage(req, res, 'auth/daftar', { title: 'form.registrasi.title', limitError, ...fieldViews(registrasi, values, errors) }, status);

  router.get('/daftar', (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : signUpPage(req, res)));

  router.post('/daftar', asyncRoute(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    // A sign-up that names well-formed contacts sends them messages: it counts per client, per
    // contact, and toward each contact's daily message cap. Malformed ones fail validation below.
    const contacts = signUpContacts(body);
    if (contacts.length > 0) {
      const keys: LimitKey[] = [['signUpIp', clientKey(req)], ...contacts.flatMap((c): LimitKey[] => [['signUpContact', c], ['messagesContact', c]])];
      const verdict = await limits.hit(...keys);
      if (!verdict.allowed) return signUpPage(req, res, body as FormValues, {}, 429, refuseLimited(res, 'limits.signUp', verdict.retryAfterS));
    }
    try {
      await cases.register(body, hashPassword); // SOP step 2; e-mail and WhatsApp are proved next
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const [email, whatsapp] = contacts;
      if (!takenOnly(err.fieldErrors) || !email || !whatsapp) return signUpPage(req, res, body as FormValues, err.fieldErrors, 422);
      await signUpAttempts.existingAddress(email, whatsapp, String(body.password)); // NOTE: the same answer as a new account
    }
    res.redirect(303, '/daftar/terkirim');
  }));

  router.get('/daftar/terkirim', (req, res) => renderPage(req, res, 'auth/daftar-terkirim', { title: 'signUp.sent.title' }));

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
