// The message kinds that carry a one-time secret (a verification or set-password link, a WhatsApp
// code), how long that secret works, and their redacted text. The outbox keeps a message for a while
// after delivery (history, the development mailbox), but a secret must not outlive its delivery in
// plain text: the verification records keep only hashes. So once such a message is sent through a
// real transport, or given up, the store keeps the redacted text instead (outbox-sender.ts); one whose
// secret expired before it could be sent is given up unsent; and once the secret has expired, the
// retention job deletes what text is left (the development mailbox's full text included).
// NOTE: a new template that carries a link token or a code is added to SECRET_LIFETIME_MS.
import type { OutboxMessage } from '../store/ports.js';
import { CODE_TTL_MS } from './policy.js';

export const REDACTED = '[disembunyikan]';

const HOUR = 3_600_000;

/**
 * How long the secret of each kind works (from the message's creation): verify-email.ts,
 * verify-whatsapp.ts, password-reset.ts (policy.ts), and staff-messages.ts (staff-invitation,
 * staff-password-reset: INVITATION_TTL_MS and ADMIN_RESET_TTL_MS of staff-service.ts).
 */
export const SECRET_LIFETIME_MS: ReadonlyMap<string, number> = new Map([
  ['verify-email', CODE_TTL_MS.email],
  ['verify-whatsapp', CODE_TTL_MS.whatsapp],
  ['password-reset', CODE_TTL_MS['password-reset']],
  ['staff-invitation', 7 * 24 * HOUR],
  ['staff-password-reset', 24 * HOUR],
  ['verify-contact-change', CODE_TTL_MS.email], // contact-change.ts: CONTACT_CHANGE_TTL_MS
]);

export const SECRET_KINDS: ReadonlySet<string> = new Set(SECRET_LIFETIME_MS.keys());

const LINK = /https?:\/\/\S+/g; // the link is the secret (its path ends with the token)
const TOKEN = /[A-Za-z0-9_-]{32,}/g; // a link token on its own (32 random bytes in base64url: 43 characters)
const CODE = /\b\d{6}\b/g; // a WhatsApp code (one-time-codes.ts)

export interface RedactedText {
  subject: string | null;
  body: string;
}

const redact = (text: string) => text.replace(LINK, REDACTED).replace(TOKEN, REDACTED).replace(CODE, REDACTED);

/** The text to keep after delivery: links, tokens and codes replaced by "[disembunyikan]"; null for a kind without a secret. */
export function redactedText(m: Pick<OutboxMessage, 'kind' | 'subject' | 'body'>): RedactedText | null {
  if (!SECRET_KINDS.has(m.kind)) return null;
  return { subject: m.subject === null ? null : redact(m.subject), body: redact(m.body) };
}

/** Whether the secret a message carries no longer works at `now` (false for a kind without a secret). */
export function secretExpired(m: Pick<OutboxMessage, 'kind' | 'createdAt'>, now: Date): boolean {
  const lifetime = SECRET_LIFETIME_MS.get(m.kind);
  return lifetime !== undefined && now.getTime() - Date.parse(m.createdAt) >= lifetime;
}
