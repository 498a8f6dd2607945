// What the server log may say about a message: its id, kind, channel and a masked recipient, never
// its text. Delivery errors are cleaned before they are logged or stored, since a
// server's answer can echo the recipient, the link or the code.
import type { OutboxMessage } from '../store/ports.js';
import { maskRecipient } from '../store/recipient-mask.js';

export { maskRecipient };

/** "email message 3f2c… (verify-email) to b***@kalbarprov.go.id": how log lines name a message. */
export function describeMessage(m: OutboxMessage): string {
  return `${m.channel} message ${m.id} (${m.kind}) to ${maskRecipient(m.to)}`;
}

const LINK = /https?:\/\/\S+/g;
const TOKEN = /[A-Za-z0-9_-]{20,}/g; // link secrets (base64url), also without their link
const NUMBER = /\d{6,}/g; // codes and phone numbers
const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/**
 * A delivery error without the message's text (when `m` is given), addresses, links, tokens or codes
 * (addresses masked, the rest "[redacted]").
 */
export function redactError(text: string, m?: Pick<OutboxMessage, 'subject' | 'body'>): string {
  const parts = m ? [m.body, ...m.body.split(/\r?\n/), m.subject ?? ''].map((p) => p.trim()).filter((p) => p.length >= 8) : [];
  let clean = text;
  for (const part of parts.sort((a, b) => b.length - a.length)) clean = clean.split(part).join('[message text]');
  return clean
    .replace(EMAIL, (address) => maskRecipient(address))
    .replace(LINK, '[redacted]')
    .replace(TOKEN, '[redacted]')
    .replace(NUMBER, (n) => (n.length >= 9 ? maskRecipient(n) : '[redacted]'));
}
