// SOP step 2 "e-Mail Aktif" and "Nomor Whatsapp Aktif": issues the e-mail link and the WhatsApp
// code, resends them within the limits, and confirms them (hash only, single use, atomic).
import type { AuditEvent, OutboxMessage, Store, UserRecord, VerificationRecord } from '../store/ports.js';
import type { RateLimits } from '../auth/rate-limits.js';
import { auditEvent } from '../cases/task-projection.js';
import { linkToken, matchesHash, newLinkSecret, newNumericCode, newRecord, parseLinkToken, unusable } from './one-time-codes.js';
import { outboxMessage, type Links } from './messages.js';
import { CODE_TTL_MS, MAX_WRONG_GUESSES, RESEND_LIMIT, RESEND_WINDOW_MS } from './policy.js';
import { verifyEmail } from './templates/verify-email.js';
import { verifyWhatsapp } from './templates/verify-whatsapp.js';

export type ContactChannel = 'email' | 'whatsapp';
export type CodeOutcome = 'verified' | 'already' | 'wrong' | 'expired' | 'used' | 'locked' | 'none';
export type ResendOutcome = 'sent' | 'already' | 'limited' | 'capped' | 'no-contact';

export interface IssuedCode {
  record: VerificationRecord; // written after the user exists
  message: OutboxMessage; // carries the secret; the store keeps only its hash
}

export function isVerified(user: UserRecord, channel: ContactChannel): boolean {
  return Boolean(channel === 'email' ? user.emailVerifiedAt : user.whatsappVerifiedAt);
}

/** The contacts of a user that still need proving (a user without a WhatsApp number has none to prove). */
export function missingContacts(user: UserRecord): ContactChannel[] {
  const out: ContactChannel[] = [];
  if (!user.emailVerifiedAt) out.push('email');
  if (user.whatsapp && !user.whatsappVerifiedAt) out.push('whatsapp');
  return out;
}

export class VerificationService {
  constructor(private readonly deps: { store: Store; links: Links; now: () => Date; limits?: RateLimits }) {}

  /**
   * A new code for one contact of `user`, not yet written. `next` (a local path the caller checked with
   * safeNext, e.g. the service chosen before signing up) rides in the e-mail link's query string.
   */
  prepare(user: UserRecord, channel: ContactChannel, now: Date = this.deps.now(), next = ''): IssuedCode {
    const ttl = CODE_TTL_MS[channel];
    if (channel === 'email') {
      const secret = newLinkSecret();
      const record = newRecord(user.id, 'email', secret, now, ttl);
      const query = next ? `?next=${encodeURIComponent(next)}` : '';
      const link = this.deps.links.to(`/verifikasi/email/${encodeURIComponent(linkToken(user.id, secret))}${query}`);
      const text = verifyEmail({ name: user.displayName, link, expiresAt: record.expiresAt });
      return { record, message: outboxMessage('verify-email', 'email', { userId: user.id, to: user.email }, text, now) };
    }
    if (!user.whatsapp) throw new Error(`user ${user.id} has no WhatsApp number`);
    const code = newNumericCode();
    const record = newRecord(user.id, 'whatsapp', code, now, ttl);
    const text = verifyWhatsapp({ code, minutes: Math.round(ttl / 60_000) });
    return { record, message: outboxMessage('verify-whatsapp', 'whatsapp', { userId: user.id, to: user.whatsapp }, text, now) };
  }

  /**
   * "Kirim ulang": a new code replaces the previous one, at most RESEND_LIMIT per window and purpose,
   * and within the daily message cap of the address or number (shared with sign-ups naming it).
   */
  async resend(user: UserRecord, channel: ContactChannel): Promise<ResendOutcome> {
    const { store } = this.deps;
    if (isVerified(user, channel)) return 'already';
    if (channel === 'whatsapp' && !user.whatsapp) return 'no-contact';
    const now = this.deps.now();
    const since = new Date(now.getTime() - RESEND_WINDOW_MS).toISOString();
    if ((await store.countVerificationsSince(user.id, channel, since)) >= RESEND_LIMIT) return 'limited';
    const to = channel === 'email' ? user.email : user.whatsapp!;
    if (this.deps.limits && !(await this.deps.limits.hit(['messagesContact', to])).allowed) return 'capped';
    const issued = this.prepare(user, channel, now);
    await store.insertVerification(issued.record);
    await store.enqueueMessages([issued.message]);
    return 'sent';
  }

  /**
   * The WhatsApp code typed by its user. Every compared guess is counted first (atomically), so
   * parallel requests cannot try more than MAX_WRONG_GUESSES codes.
   */
  async confirmWhatsapp(user: UserRecord, code: string): Promise<CodeOutcome> {
    const { store } = this.deps;
    if (user.whatsappVerifiedAt) return 'already';
    const now = this.deps.now();
    const rec = await store.latestVerification(user.id, 'whatsapp');
    const why = unusable(rec, now, MAX_WRONG_GUESSES);
    if (why || !rec) return why ?? 'none';
    const guesses = await store.recordVerificationAttempt(rec.id);
    if (guesses > MAX_WRONG_GUESSES) return 'locked';
    if (!matchesHash(code, rec.codeHash)) return guesses >= MAX_WRONG_GUESSES ? 'locked' : 'wrong';
    return this.consume(user, rec, 'whatsapp', now);
  }

  /** The e-mail link: the token alone identifies the user; only the newest link of a user works. */
  async confirmEmailLink(token: string): Promise<{ outcome: CodeOutcome; user: UserRecord | null }> {
    const { store } = this.deps;
    const parsed = parseLinkToken(token);
    const user = parsed ? await store.getUser(parsed.userId) : null;
    if (!parsed || !user) return { outcome: 'none', user: null };
    const rec = await store.latestVerification(user.id, 'email');
    if (!rec || !matchesHash(parsed.secret, rec.codeHash)) return { outcome: 'none', user };
    const now = this.deps.now();
    const why = unusable(rec, now, Number.POSITIVE_INFINITY);
    if (why) return { outcome: why, user };
    return { outcome: await this.consume(user, rec, 'email', now), user };
  }

  private async consume(user: UserRecord, rec: VerificationRecord, channel: ContactChannel, now: Date): Promise<CodeOutcome> {
    const at = now.toISOString();
    const patch = channel === 'email' ? { emailVerifiedAt: at } : { whatsappVerifiedAt: at };
    const used = await this.deps.store.consumeVerification(rec.id, at, patch, await this.audit(user, channel, at));
    return used ? 'verified' : 'used'; // lost a race with another use (or it expired meanwhile)
  }

  /** 'contact.verified' on the user's newest case (staff accounts have none). */
  private async audit(user: UserRecord, channel: ContactChannel, at: string): Promise<AuditEvent | undefined> {
    const [latest] = await this.deps.store.listCasesByApplicant(user.id, 1);
    return latest ? auditEvent(latest.id, at, { id: user.id, displayName: user.displayName }, 'contact.verified', { channel }) : undefined;
  }
}
