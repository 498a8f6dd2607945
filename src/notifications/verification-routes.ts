// Contact verification pages: /verifikasi (states, WhatsApp code, "Kirim ulang") and the e-mail
// link /verifikasi/email/:token, which works with or without a login (the token is enough) and carries
// `next` (the service chosen before signing up) on to the login, or straight there when logged in.
import { Router, type Request, type Response } from 'express';
import { requireLogin } from '../auth/guards.js';
import { NotFoundError } from '../errors.js';
import type { Store, UserRecord } from '../store/ports.js';
import { signUpNext } from '../auth/account-sign-up-routes.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { verifyPageModel, type VerifyPageExtras } from './verification-page.js';
import { missingContacts, type VerificationService } from './verification-service.js';

export interface VerificationRouteDeps {
  store: Store;
  verification: VerificationService;
  renderPage: RenderPage;
}

const CODE = /^\d{6}$/;

export function verificationRoutes(deps: VerificationRouteDeps): Router {
  const { store, verification, renderPage } = deps;
  const router = Router();

  /** req.user as stored now (a verification may have changed it during this request). */
  const fresh = async (req: Request): Promise<UserRecord> => {
    const user = await store.getUser(req.user!.id);
    if (!user) throw new NotFoundError();
    return user;
  };
  const page = async (req: Request, res: Response, extras: VerifyPageExtras = {}, status = 200) =>
    renderPage(req, res, 'notifications/verify', verifyPageModel(await fresh(req), extras), status);
  /** After a confirmation: on to Tugas Saya once nothing is missing, else back to the page. */
  const onward = (req: Request, res: Response, user: UserRecord, flash: string) => {
    const done = missingContacts(user).length === 0 && user.role === 'applicant';
    setFlash(req, done ? 'flash.verify.allDone' : flash);
    res.redirect(303, done ? '/tugas' : '/verifikasi');
  };

  router.get('/verifikasi', requireLogin, asyncRoute(async (req, res) => page(req, res)));

  router.post('/verifikasi/whatsapp', requireLogin, asyncRoute(async (req, res) => {
    const code = String(req.body?.code ?? '').replace(/\s+/g, '');
    if (!CODE.test(code)) return page(req, res, { code, codeError: 'verify.code.format' }, 422);
    const outcome = await verification.confirmWhatsapp(await fresh(req), code);
    if (outcome === 'verified' || outcome === 'already') return onward(req, res, await fresh(req), `flash.verify.whatsapp.${outcome}`);
    return page(req, res, { code, codeError: `verify.code.${outcome}` }, outcome === 'locked' ? 429 : 422);
  }));

  router.post('/verifikasi/kirim-ulang', requireLogin, asyncRoute(async (req, res) => {
    const channel = req.body?.channel === 'whatsapp' ? 'whatsapp' : 'email';
    const outcome = await verification.resend(await fresh(req), channel);
    if (outcome === 'sent' || outcome === 'already') {
      setFlash(req, `flash.verify.${channel}.${outcome}`);
      return res.redirect(303, '/verifikasi');
    }
    return page(req, res, { resendError: { channel, message: `verify.resend.${outcome}` } }, outcome === 'limited' || outcome === 'capped' ? 429 : 422);
  }));

  router.get('/verifikasi/email/:token', asyncRoute(async (req, res) => {
    const { outcome, user } = await verification.confirmEmailLink(String(req.params.token));
    const next = signUpNext(req.query.next); // a local path, else ''
    if (outcome === 'verified' && user && req.user?.id === user.id) {
      if (!next) return onward(req, res, (await store.getUser(user.id)) ?? user, 'flash.verify.email.verified');
      setFlash(req, 'flash.verify.email.verified');
      return res.redirect(303, next);
    }
    const status = outcome === 'verified' ? 200 : outcome === 'none' ? 404 : 410;
    // an expired link cannot be resent without a login, which needs the proved address: password reset sends a new link
    const message = outcome === 'expired' ? 'signUp.link.expired' : `verify.link.${outcome}`;
    const loginHref = next ? `/masuk?next=${encodeURIComponent(next)}` : '/masuk';
    renderPage(req, res, 'notifications/email-link', { title: 'verify.link.title', outcome, message, loggedIn: Boolean(req.user), loginHref }, status);
  }));

  return router;
}
