// A sign-up naming an address that already has an account. The visitor gets the same answer as a
// new sign-up, so the page tells nobody whether an address is registered: the password is hashed
// as for a new account (same time), the owner of the address is told by e-mail, and the WhatsApp
// number typed gets a code like a new sign-up's (one that verifies nothing), so the number's
// holder cannot tell the two cases apart either.
import { outboxMessage, type Links } from '../notifications/messages.js';
import { newNumericCode } from '../notifications/one-time-codes.js';
import { CODE_TTL_MS } from '../notifications/policy.js';
import { verifyWhatsapp } from '../notifications/templates/verify-whatsapp.js';
import { normalizeEmail } from '../store/identifier.js';
import type { Store } from '../store/ports.js';
import { signUpExisting } from './sign-up-existing-message.js';

export class SignUpAttempts {
  constructor(private readonly deps: { store: Store; links: Links; now: () => Date; hash: (password: string) => Promise<string> }) {}

  /** `whatsapp` is the normalised number typed in the form (it passed validation), null when none was typed. */
  async existingAddress(email: string, whatsapp: string | null, password: string): Promise<void> {
    const { store, links } = this.deps;
    await this.deps.hash(password); // NOTE: thrown away; only its cost matters
    const owner = await store.findUserByEmail(normalizeEmail(email));
    if (!owner) return; // deleted meanwhile: nothing to tell
    const now = this.deps.now();
    const notice = signUpExisting({ name: owner.displayName, loginLink: links.to('/masuk'), resetLink: links.to('/lupa-kata-sandi') });
    const code = verifyWhatsapp({ code: newNumericCode(), minutes: Math.round(CODE_TTL_MS.whatsapp / 60_000) });
    await store.enqueueMessages([
      outboxMessage('sign-up-existing', 'email', { userId: owner.id, to: owner.email }, notice, now),
      ...(whatsapp ? [outboxMessage('verify-whatsapp', 'whatsapp', { userId: null, to: whatsapp }, code, now)] : []),
    ]);
  }
}
