// Limits of one-time codes and of delivery. One place, so tests and the pages quote the same numbers.
import type { VerificationPurpose } from '../store/ports.js';

const MINUTE = 60_000;

/** How long a code or link is valid. */
export const CODE_TTL_MS: Record<VerificationPurpose, number> = {
  email: 24 * 60 * MINUTE,
  whatsapp: 10 * MINUTE,
  'password-reset': 60 * MINUTE,
};

/** At most RESEND_LIMIT codes of one purpose per user in RESEND_WINDOW_MS (the sign-up's own included). */
export const RESEND_LIMIT = 3;
export const RESEND_WINDOW_MS = 15 * MINUTE;

/** Wrong guesses allowed per WhatsApp code; then the code is locked and a new one must be sent. */
export const MAX_WRONG_GUESSES = 5;

/** Delivery: a claimed message is leased for LEASE_MS; failures retry after BACKOFF_BASE_MS × 2^(attempts − 1). */
export const OUTBOX_LEASE_MS = 2 * MINUTE;
export const OUTBOX_BATCH = 20;
export const BACKOFF_BASE_MS = 30_000;
export const MAX_DELIVERY_ATTEMPTS = 8;
/** Each transport gives up on one message well within the lease. */
export const SEND_TIMEOUT_MS = 30_000;

/** When a message that failed its `attempts`-th attempt is tried again, or null to give up. */
export function retryAt(now: Date, attempts: number): string | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return new Date(now.getTime() + BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1)).toISOString();
}
