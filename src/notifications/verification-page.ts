// View model of the contact verification page (/verifikasi): both states, the code form, resends.
// NOTE: the limits quoted on the page (verify.* messages) are those of policy.ts.
import type { UserRecord } from '../store/ports.js';
import { missingContacts } from './verification-service.js';

export interface VerifyPageExtras {
  code?: string; // what the user typed
  codeError?: string; // i18n key
  resendError?: { channel: 'email' | 'whatsapp'; message: string };
}

export function verifyPageModel(user: UserRecord, extras: VerifyPageExtras = {}): Record<string, unknown> {
  const channel = (name: 'email' | 'whatsapp', address: string | null, verifiedAt: string | null) => ({
    name,
    address,
    verified: Boolean(verifiedAt),
    verifiedAt,
    resendError: extras.resendError?.channel === name ? extras.resendError.message : null,
  });
  return {
    title: 'verify.title',
    email: channel('email', user.email, user.emailVerifiedAt),
    whatsapp: user.whatsapp ? channel('whatsapp', user.whatsapp, user.whatsappVerifiedAt) : null,
    complete: missingContacts(user).length === 0,
    next: user.role === 'applicant' ? '/tugas' : '/',
    code: extras.code ?? '',
    codeError: extras.codeError ?? null,
  };
}
