// The PPBJ sign-up pages (SOP step 2, then on to contact verification), behind the store-backed
// rate limits (src/auth/rate-limits.ts). Sign-up answers the same whether or not the address has an
// account ("check your e-mail"), so a new PPBJ logs in once the e-mail link proved the address.
import { Router, type Request, type Response } from 'express';
import { homeFor } from '../../auth/guards.js';
import { hashPassword } from '../../auth/passwords.js';
import type { LimitKey, RateLimits } from '../../auth/rate-limits.js';
import type { SignUpAttempts } from '../../auth/sign-up-attempts.js';
import { ValidationError } from '../../errors.js';
import { fieldViews } from '../../forms/field-views.js';
import type { FormValues } from '../../forms/form-types.js';
import { checkEmail, checkWhatsapp, normaliseWhatsapp } from '../../forms/validators.js';
import { normalizeEmail } from '../../store/identifier.js';
import { asyncRoute, type RenderPage } from '../../web/page.js';
import { clientKey, refuseLimited } from '../../web/security.js';
import { registrasi } from './forms/ppbj-forms.js';
import type { PpbjSignUpService } from './sign-up-service.js';

export interface SignUpRouteDeps {
  signUp: Pick<PpbjSignUpService, 'register'>;
  renderPage: RenderPage;
  limits: RateLimits;
  signUpAttempts: SignUpAttempts;
}

/** The pack's start page (ProcessPack.startPath). */
export const SIGN_UP_PATH = '/daftar';

/** Sign-up refused only because the address has an account (every other field passed). */
const takenOnly = (errors: Record<string, string>) => Object.keys(errors).length === 1 && errors.email === 'field.email.taken';

/** The e-mail address and WhatsApp number a sign-up names, normalised; none unless both are well-formed (no message goes out otherwise). */
function signUpContacts(body: Record<string, unknown>): string[] {
  const email = typeof body.email === 'string' ? normalizeEmail(body.email) : '';
  const whatsapp = typeof body.whatsapp === 'string' ? body.whatsapp.trim() : '';
  return checkEmail(email) || checkWhatsapp(whatsapp) ? [] : [email, normaliseWhatsapp(whatsapp)];
}

export function signUpRoutes(deps: SignUpRouteDeps): Router {
  const { signUp, renderPage, limits, signUpAttempts } = deps;
  const router = Router();

  const signUpPage = (req: Request, res: Response, values: FormValues = {}, errors: Record<string, string> = {}, status = 200, limitError?: string) =>
    renderPage(req, res, 'packs/ppbj/daftar', { title: 'form.registrasi.title', limitError, ...fieldViews(registrasi, values, errors) }, status);

  router.get(SIGN_UP_PATH, (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : signUpPage(req, res)));

  router.post(SIGN_UP_PATH, asyncRoute(async (req, res) => {
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
      await signUp.register(body, hashPassword); // SOP step 2; e-mail and WhatsApp are proved next
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const [email, whatsapp] = contacts;
      if (!takenOnly(err.fieldErrors) || !email || !whatsapp) return signUpPage(req, res, body as FormValues, err.fieldErrors, 422);
      await signUpAttempts.existingAddress(email, whatsapp, String(body.password)); // NOTE: the same answer as a new account
    }
    res.redirect(303, `${SIGN_UP_PATH}/terkirim`);
  }));

  router.get(`${SIGN_UP_PATH}/terkirim`, (req, res) => renderPage(req, res, 'packs/ppbj/daftar-terkirim', { title: 'signUp.sent.title' }));

  return router;
}
