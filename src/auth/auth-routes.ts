// Sign-up (SOP step 2, then on to contact verification), login and logout.
import { Router, type Request, type Response } from 'express';
import type passport from 'passport';
import type { CaseService } from '../cases/case-service.js';
import { ValidationError } from '../errors.js';
import { registrasi } from '../forms/ppbj-forms.js';
import { fieldViews } from '../forms/field-views.js';
import type { FormValues } from '../forms/form-types.js';
import { asyncRoute, safeNext, setFlash, type RenderPage } from '../web/page.js';
import { loginRateLimit } from '../web/security.js';
import { homeFor } from './guards.js';
import { hashPassword } from './passwords.js';

export function authRoutes(deps: { cases: CaseService; passport: passport.PassportStatic; renderPage: RenderPage }): Router {
  const { cases, renderPage } = deps;
  const router = Router();

  const signUpPage = (req: Request, res: Response, values: FormValues = {}, errors: Record<string, string> = {}, status = 200) =>
    renderPage(req, res, 'auth/daftar', { title: 'form.registrasi.title', ...fieldViews(registrasi, values, errors) }, status);

  router.get('/daftar', (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : signUpPage(req, res)));

  router.post('/daftar', asyncRoute(async (req, res, next) => {
    try {
      const user = await cases.register(req.body ?? {}, hashPassword);
      req.logIn(user, (err) => {
        if (err) return next(err);
        setFlash(req, 'flash.registeredVerify');
        res.redirect(303, '/verifikasi'); // SOP step 2: e-mail and WhatsApp must be proved active first
      });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      signUpPage(req, res, req.body ?? {}, err.fieldErrors, 422);
    }
  }));

  const loginPage = (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) =>
    renderPage(req, res, 'auth/masuk', { title: 'auth.masuk.title', next: safeNext(req.query.next, ''), ...extra }, status);

  router.get('/masuk', (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : loginPage(req, res, req.query.keluar ? { flash: { kind: 'ok', key: 'flash.loggedOut' } } : {})));

  const limiter = loginRateLimit((req, res) => loginPage(req, res, { email: req.body?.email, loginError: 'auth.tooMany' }, 429));

  router.post('/masuk', limiter, (req, res, next) => {
    deps.passport.authenticate('local', (err: unknown, user: Express.User | false) => {
      if (err) return next(err);
      if (!user) return loginPage(req, res, { email: req.body?.email, loginError: 'auth.invalid' }, 401);
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        res.redirect(303, safeNext(req.body?.next, homeFor(user.role)));
      });
    })(req, res, next);
  });

  router.post('/keluar', (req, res, next) => {
    req.logout((err) => (err ? next(err) : res.redirect(303, '/masuk?keluar=1')));
  });

  return router;
}
