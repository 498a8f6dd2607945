// The message kinds that carry a one-time secret (a verification or set-password link, a WhatsApp
// code) and their redacted text. The outbox keeps a message after delivery (history, the
// development mailbox), but a secret must not outlive its delivery in plain text: the verification
// records keep only hashes. So once such a message is sent through a real transport, or given up,
// the store keeps this redacted text instead (outbox-sender.ts).
// NOTE: a new template that carries a link token or a code is added to SECRET_KINDS.
import type { OutboxMessage } from '../store/ports.js';

export const REDACTED = '[disembunyikan]';

/** verify-email.ts, verify-whatsapp.ts, password-reset.ts, and staff-messages.ts (staff-invitation, staff-password-reset). */
export const SECRET_KINDS: ReadonlySet<string> = new Set(['verify-email', 'verify-whatsapp', 'password-reset', 'staff-invitation', 'staff-password-reset']);

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
