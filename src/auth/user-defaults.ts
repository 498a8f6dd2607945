// Defaults of the verification and privacy fields of a new user record.
import type { UserRecord } from '../store/ports.js';

export const UNVERIFIED: Pick<UserRecord, 'emailVerifiedAt' | 'whatsappVerifiedAt' | 'privacyNoticeVersion' | 'privacyAcknowledgedAt'> = {
  emailVerifiedAt: null,
  whatsappVerifiedAt: null,
  privacyNoticeVersion: null,
  privacyAcknowledgedAt: null,
};
