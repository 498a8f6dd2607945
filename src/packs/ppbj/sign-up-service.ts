// SOP step 2 "Membuat Akun PPBJ": the registration form creates the PPBJ's applicant account and
// starts their case with that step done (CaseService.startWithNewApplicant: one change).
import { randomUUID } from 'node:crypto';
import { UNVERIFIED } from '../../auth/user-defaults.js';
import type { CaseService } from '../../cases/case-service.js';
import { ValidationError } from '../../errors.js';
import { storableValues, validateForm } from '../../forms/validate-form.js';
import { PRIVACY_NOTICE_VERSION } from '../../privacy/privacy-notice.js';
import { normalizeEmail } from '../../store/identifier.js';
import type { Store, UserRecord } from '../../store/ports.js';
import { registrasi } from './forms/ppbj-forms.js';
import { PPBJ_PROCESS_KEY, SIGN_UP_STEP } from './process-key.js';

export interface SignUpServiceDeps {
  store: Store;
  cases: CaseService;
  now?: () => Date;
}

export class PpbjSignUpService {
  private readonly now: () => Date;

  constructor(private readonly deps: SignUpServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Throws ValidationError (field -> i18n key; 'field.email.taken' when the address has an account). */
  async register(raw: Record<string, unknown>, hash: (password: string) => Promise<string>): Promise<UserRecord> {
    const check = validateForm(registrasi, raw, {}, { now: this.now() });
    if (Object.keys(check.errors).length > 0) throw new ValidationError(check.errors);
    const email = normalizeEmail(String(check.clean.email)); // the one key of an address (store/identifier.ts)
    if (await this.deps.store.findUserByEmail(email)) throw new ValidationError({ email: 'field.email.taken' });

    const at = this.now().toISOString();
    const user: UserRecord = {
      id: randomUUID(), email, whatsapp: String(check.clean.whatsapp), displayName: String(check.clean.displayName),
      role: 'applicant', passwordHash: await hash(String(check.clean.password)), status: 'registered', createdAt: at, ...UNVERIFIED,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyAcknowledgedAt: at,
    };
    const values = { ...storableValues(registrasi, check.clean), email };
    await this.deps.cases.startWithNewApplicant({ processKey: PPBJ_PROCESS_KEY, stepId: SIGN_UP_STEP, user, formKey: registrasi.key, values });
    return user;
  }
}

/** The sign-up service over the app's services (the pack's routes; test drivers and the bench use it too). */
export function ppbjSignUp(services: { store: Store; cases: CaseService; now: () => Date }): PpbjSignUpService {
  return new PpbjSignUpService({ store: services.store, cases: services.cases, now: services.now });
}
