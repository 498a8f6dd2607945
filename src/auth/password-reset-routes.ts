// "Lupa kata sandi": the request form (same answer whether or not the e-mail has an account) and
// the new-password form behind the e-mail link.
import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../errors.js';
import { normalizeEmail } from '../store/identifier.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { clientKey, refuseLimited } from '../web/security.js';
import type { RateLimits } from './rate-limits.js';
import type { PasswordResetService, ResetLinkState } from './password-reset-service.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function passwordResetRoutes(deps: { passwordReset: PasswordResetService; renderPage: RenderPage; limits: RateLimits }): Router {
  const { passwordReset, renderPage, limits } = deps;
  const router = Router();

  const requestPage = (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) =>
    renderPage(req, res, 'auth/lupa-kata-sandi', { title: 'auth.lupa.title', ...extra }, status);

  router.get('/lupa-kata-sandi', (req, res) => requestPage(req, res, { sent: req.query.terkirim === '1' }));

  router.post('/lupa-kata-sandi', asyncRoute(async (req, res) => {
    const typed = typeof req.body?.email === 'string' ? req.body.email.trim() : '';
    // Per account the service sends a bounded number of links; this bounds one client across accounts.
    const verdict = await limits.hit(['resetIp', clientKey(req)]);
    if (!verdict.allowed) return requestPage(req, res, { email: typed, emailError: refuseLimited(res, 'limits.reset', verdict.retryAfterS) }, 429);
    const email = normalizeEmail(typed);
    if (!EMAIL.test(email) || email.length > 254) {
      return requestPage(req, res, { email: typed, emailError: email ? 'field.email.format' : 'field.required' }, 422);
    }
    await passwordReset.request(email);
    res.redirect(303, '/lupa-kata-sandi?terkirim=1');
  }));

  const token = (req: Request) => String(req.params.token);
  const resetPage = (req: Request, res: Response, state: ResetLinkState, errors: Record<string, string> = {}, status = 200) => {
    const errorList = Object.entries(errors).map(([field, message]) => ({ field, message, label: field === 'password' ? 'field.passwordNew' : 'field.passwordConfirm' }));
    renderPage(req, res, 'auth/atur-ulang', {
      title: 'auth.reset.title', state, invalid: state === 'ok' ? null : `auth.reset.${state}`,
      action: `/atur-ulang-kata-sandi/${encodeURIComponent(token(req))}`, errors, errorList,
    }, state === 'ok' ? status : state === 'none' ? 404 : 410);
  };

  router.get('/atur-ulang-kata-sandi/:token', asyncRoute(async (req, res) => {
    resetPage(req, res, await passwordReset.check(token(req)));
  }));

  router.post('/atur-ulang-kata-sandi/:token', asyncRoute(async (req, res) => {
    let state: ResetLinkState;
    try {
      state = await passwordReset.reset(token(req), req.body ?? {});
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return resetPage(req, res, 'ok', err.fieldErrors, 422);
    }
    if (state !== 'ok') return resetPage(req, res, state);
    setFlash(req, 'flash.passwordReset');
    res.redirect(303, '/masuk');
  }));

  return router;
}
