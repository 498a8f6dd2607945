// Verified contacts as a rule for later steps: a form marked `requiresVerifiedContacts` (e.g. an
// applicant's identity form) is refused until the applicant's e-mail and WhatsApp are verified.
import { ValidationError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { missingContacts } from './verification-service.js';

declare module '../forms/form-types.js' {
  interface FormDef {
    /** The applicant's e-mail and WhatsApp must be verified before a submission is accepted. */
    requiresVerifiedContacts?: boolean;
  }
}

/** Field errors on the form's `email`/`whatsapp` fields (the page also shows a link to /verifikasi). */
export async function assertContactsVerified(store: Store, applicantId: string): Promise<void> {
  const user = await store.getUser(applicantId);
  const missing = user ? missingContacts(user) : ['email' as const];
  if (missing.length === 0) return;
  throw new ValidationError(Object.fromEntries(missing.map((c) => [c, `verify.required.${c}`])), 'verify.required');
}
