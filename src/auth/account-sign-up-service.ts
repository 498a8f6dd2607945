// A plain applicant account (/akun/daftar): created active with the e-mail unproved, and the
// verification link (plus a WhatsApp code when a number is given) sent through VerificationService.
// No process is started. An address that has an account gets the same outcome (SignUpAttempts).
import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError } from '../errors.js';
import { validateForm } from '../forms/validate-form.js';
import { checkEmail, checkWhatsapp, normaliseWhatsapp } from '../forms/validators.js';
import type { VerificationService } from '../notifications/verification-service.js';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice.js';
import { normalizeEmail } from '../store/identifier.js';
import type { Store, UserRecord } from '../store/ports.js';
import { ACCOUNT_SIGN_UP_FORM } from './account-sign-up-form.js';
import type { SignUpAttempts } from './sign-up-attempts.js';
import { UNVERIFIED } from './user-defaults.js';

export interface AccountSignUpDeps {
  store: Store;
  verification: VerificationService;
  attempts: SignUpAttempts;
  hash: (password: string) => Promise<string>;
  now: () => Date;
}

/**
 * The contacts a sign-up would send messages to, normalised: the e-mail address and the WhatsApp
 * number if one is typed. None when either is malformed (validation refuses it; nothing is sent).
 */
export function signUpContacts(raw: Record<string, unknown>): string[] {
  const email = typeof raw.email === 'string' ? normalizeEmail(raw.email) : '';
  const whatsapp = typeof raw.whatsapp === 'string' ? raw.whatsapp.trim() : '';
  if (checkEmail(email) || (whatsapp && checkWhatsapp(whatsapp))) return [];
  return whatsapp ? [email, normaliseWhatsapp(whatsapp)] : [email];
}

export class AccountSignUpService {
  constructor(private readonly deps: AccountSignUpDeps) {}

  /**
   * Validates the form (ValidationError with field errors, checked before the address is looked up,
   * so errors never tell whether it is registered) and creates the account, or tells the owner of an
   * existing address instead. The caller answers both the same way.
   */
  async signUp(raw: Record<string, unknown>, next = ''): Promise<void> {
    const now = this.deps.now();
    const check = validateForm(ACCOUNT_SIGN_UP_FORM, raw, {}, { now });
    if (Object.keys(check.errors).length > 0) throw new ValidationError(check.errors);
    const email = normalizeEmail(String(check.clean.email)); // the one key of an address (store/identifier.ts)
    const whatsapp = check.clean.whatsapp ? String(check.clean.whatsapp) : null;
    const password = String(check.clean.password);
    if (await this.deps.store.findUserByEmail(email)) return this.deps.attempts.existingAddress(email, whatsapp, password);

    const at = now.toISOString();
    const user: UserRecord = {
      id: randomUUID(), email, whatsapp, displayName: String(check.clean.displayName), role: 'applicant',
      passwordHash: await this.deps.hash(password), status: 'active', createdAt: at, ...UNVERIFIED,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyAcknowledgedAt: at,
    };
    try {
      await this.deps.store.insertUser(user);
    } catch (err) {
      if (err instanceof ConflictError) return this.deps.attempts.existingAddress(email, whatsapp, password); // signed up at the same moment
      throw err;
    }
    await this.sendVerification(user, now, next);
  }

  /** The e-mail link (carrying `next`) and, with a number, the WhatsApp code: records first, so a delivered link already works. */
  private async sendVerification(user: UserRecord, now: Date, next: string): Promise<void> {
    const { verification, store } = this.deps;
    const issued = [verification.prepare(user, 'email', now, next), ...(user.whatsapp ? [verification.prepare(user, 'whatsapp', now)] : [])];
    for (const i of issued) await store.insertVerification(i.record);
    // NOTE: not atomic with insertUser (no port method creates a user with messages); should this
    // fail, "Lupa kata sandi" sends a new link, and setting a password proves the address
    await store.enqueueMessages(issued.map((i) => i.message));
  }
}
