// /akun/daftar: a plain applicant account for the public services (no process is started), behind
// the same store-backed limits as /daftar and with the same answer whether or not the address has
// an account. `next` (a local path, e.g. a service's start form) is carried on to the login.
import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../errors.js';
import { fieldViews } from '../forms/field-views.js';
import { asyncRoute, safeNext, type RenderPage } from '../web/page.js';
import { clientKey, refuseLimited } from '../web/security.js';
import { ACCOUNT_SIGN_UP_FORM } from './account-sign-up-form.js';
import { signUpContacts, type AccountSignUpService } from './account-sign-up-service.js';
import { homeFor } from './guards.js';
import type { LimitKey, RateLimits } from './rate-limits.js';

export interface AccountSignUpRouteDeps {
  accountSignUp: AccountSignUpService;
  renderPage: RenderPage;
  limits: RateLimits;
}

const NEXT_MAX = 500;

/** A safe local path to go on to after login, or '' (none, malformed or oversized). */
export function signUpNext(value: unknown): string {
  const next = safeNext(value, '');
  return next.length <= NEXT_MAX ? next : '';
}

/** `path` with `next` as its query (encoded), or `path` alone. */
const withNext = (path: string, next: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

export function accountSignUpRoutes(deps: AccountSignUpRouteDeps): Router {
  const { accountSignUp, renderPage, limits } = deps;
  const router = Router();

  const formPage = (req: Request, res: Response, next: string, values: Record<string, unknown> = {}, errors: Record<string, string> = {}, status = 200, limitError?: string) =>
    renderPage(req, res, 'auth/akun-daftar', {
      title: 'account.signUp.title', next, loginHref: withNext('/masuk', next), limitError, ...fieldViews(ACCOUNT_SIGN_UP_FORM, values, errors),
    }, status);

  router.get('/akun/daftar', (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : formPage(req, res, signUpNext(req.query.next))));

  router.post('/akun/daftar', asyncRoute(async (req, res) => {
    if (req.user) return res.redirect(303, homeFor(req.user.role));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = signUpNext(body.next);
    // NOTE: well-formed contacts get messages: counted per client, per contact and toward each
    // contact's daily message cap, before anything else (malformed ones fail validation, uncounted)
    const contacts = signUpContacts(body);
    if (contacts.length > 0) {
      const keys: LimitKey[] = [['signUpIp', clientKey(req)], ...contacts.flatMap((c): LimitKey[] => [['signUpContact', c], ['messagesContact', c]])];
      const verdict = await limits.hit(...keys);
      if (!verdict.allowed) return formPage(req, res, next, body, {}, 429, refuseLimited(res, 'limits.signUp', verdict.retryAfterS));
    }
    try {
      await accountSignUp.signUp(body, next);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return formPage(req, res, next, body, err.fieldErrors, 422);
    }
    res.redirect(303, withNext('/akun/daftar/terkirim', next));
  }));

  router.get('/akun/daftar/terkirim', (req, res) =>
    renderPage(req, res, 'auth/akun-terkirim', { title: 'account.sent.title', loginHref: withNext('/masuk', signUpNext(req.query.next)) }));

  return router;
}
