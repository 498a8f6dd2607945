// "Lupa kata sandi": the request form (same answer whether or not the e-mail has an account) and
// the new-password form behind the e-mail link.
import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ValidationError } from '../errors.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import type { PasswordResetService, ResetLinkState } from './password-reset-service.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function passwordResetRoutes(deps: { passwordReset: PasswordResetService; renderPage: RenderPage }): Router {
  const { passwordReset, renderPage } = deps;
  const router = Router();

  const requestPage = (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) =>
    renderPage(req, res, 'auth/lupa-kata-sandi', { title: 'auth.lupa.title', ...extra }, status);
  // Per account the service sends at most 3 links per 15 min; this bounds one client across accounts.
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000, limit: 20, standardHeaders: 'draft-8', legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (req, res) => requestPage(req, res, { email: req.body?.email, emailError: 'auth.lupa.tooMany' }, 429),
  });

  router.get('/lupa-kata-sandi', (req, res) => requestPage(req, res, { sent: req.query.terkirim === '1' }));

  router.post('/lupa-kata-sandi', limiter, asyncRoute(async (req, res) => {
    const email = String(req.body?.email ?? '').trim();
    if (!EMAIL.test(email) || email.length > 254) {
      return requestPage(req, res, { email, emailError: email ? 'field.email.format' : 'field.required' }, 422);
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
