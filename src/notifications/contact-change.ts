// Contacts stay verified: an applicant who types another e-mail address or WhatsApp number than their
// account's verified one in a form is sent a link to the NEW contact, and the step does not count until
// it is proved (422 on the field). Opening the link replaces the account's contact with the proved one
// (never silently). The link's secret is hashed together with the new contact, so the `ke` value in
// the link cannot be swapped for another address.
import { ConflictError, ValidationError } from '../errors.js';
import type { FormDef, FormValues } from '../forms/form-types.js';
import { normalizeEmail } from '../store/identifier.js';
import type { Store, UserRecord } from '../store/ports.js';
import { auditEvent } from '../cases/task-projection.js';
import type { RateLimits } from '../auth/rate-limits.js';
import { outboxMessage, type Links } from './messages.js';
import { linkToken, matchesHash, newLinkSecret, newRecord, parseLinkToken, unusable } from './one-time-codes.js';
import { CODE_TTL_MS, RESEND_LIMIT, RESEND_WINDOW_MS } from './policy.js';
import { contactChangeEmail, contactChangeWhatsapp } from './templates/contact-change.js';
import type { ContactChannel } from './verification-service.js';

/** The message kind (secret-messages.ts: redacted after delivery) and how long its link works. */
export const CONTACT_CHANGE_KIND = 'verify-contact-change';
export const CONTACT_CHANGE_TTL_MS = CODE_TTL_MS.email;

export type ChangeOutcome = 'verified' | 'none' | 'used' | 'expired' | 'taken';

/** The form fields that hold the applicant's own contacts: `email` (an e-mail field) and `whatsapp` (a phone field). */
function contactFields(form: FormDef): Array<{ name: string; channel: ContactChannel }> {
  return form.fields.flatMap((f): Array<{ name: string; channel: ContactChannel }> => (f.name === 'email' && f.type === 'email' ? [{ name: f.name, channel: 'email' }]
    : f.name === 'whatsapp' && f.type === 'tel' ? [{ name: f.name, channel: 'whatsapp' }] : []));
}

const secretFor = (secret: string, target: string): string => `${secret}\n${target}`;

export class ContactChanges {
  constructor(private readonly deps: { store: Store; links: Links; now: () => Date; limits?: RateLimits }) {}

  /**
   * Before an applicant's step counts: each contact field whose (normalised) value is not the account's
   * contact gets a link sent to it (within the resend limits) and the submission is refused on that field.
   */
  async assertUnchanged(form: FormDef, clean: FormValues, applicant: UserRecord): Promise<void> {
    const errors: Record<string, string> = {};
    for (const { name, channel } of contactFields(form)) {
      const typed = typeof clean[name] === 'string' ? String(clean[name]) : '';
      if (!typed) continue;
      const target = channel === 'email' ? normalizeEmail(typed) : typed;
      const current = channel === 'email' ? applicant.email : applicant.whatsapp;
      if (target === current) continue;
      const sent = await this.request(applicant, channel, target);
      errors[name] = `contact.changed.${channel}.${sent}`;
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors, 'contact.changed');
  }

  /** Sends a link proving `target` (a new contact of `user`), unless the limits say no: 'sent' | 'limited' | 'taken'. */
  async request(user: UserRecord, channel: ContactChannel, target: string): Promise<'sent' | 'limited' | 'taken'> {
    const { store } = this.deps;
    if (channel === 'email' && (await store.findUserByEmail(target))) return 'taken';
    const now = this.deps.now();
    const since = new Date(now.getTime() - RESEND_WINDOW_MS).toISOString();
    if ((await store.countVerificationsSince(user.id, channel, since)) >= RESEND_LIMIT) return 'limited';
    if (this.deps.limits && !(await this.deps.limits.hit(['messagesContact', target])).allowed) return 'limited';
    const secret = newLinkSecret();
    const record = newRecord(user.id, channel, secretFor(secret, target), now, CONTACT_CHANGE_TTL_MS);
    const link = this.deps.links.to(`/verifikasi/kontak/${channel}/${encodeURIComponent(linkToken(user.id, secret))}?ke=${encodeURIComponent(target)}`);
    const text = channel === 'email' ? contactChangeEmail({ name: user.displayName, link, expiresAt: record.expiresAt }) : contactChangeWhatsapp({ link });
    await store.insertVerification(record);
    await store.enqueueMessages([outboxMessage(CONTACT_CHANGE_KIND, channel, { userId: user.id, to: target }, text, now)]);
    return 'sent';
  }

  /** The link opened: the account's contact becomes `target`, proved now (audited on the newest case). */
  async confirm(channel: ContactChannel, token: string, target: string): Promise<{ outcome: ChangeOutcome; user: UserRecord | null }> {
    const { store } = this.deps;
    const parsed = parseLinkToken(token);
    const user = parsed ? await store.getUser(parsed.userId) : null;
    if (!parsed || !user || !target || target.length > 200) return { outcome: 'none', user: null };
    const rec = await store.latestVerification(user.id, channel);
    if (!rec || !matchesHash(secretFor(parsed.secret, target), rec.codeHash)) return { outcome: 'none', user };
    const now = this.deps.now();
    const why = unusable(rec, now, Number.POSITIVE_INFINITY);
    if (why === 'used' || why === 'expired') return { outcome: why, user };
    if (why) return { outcome: 'none', user };
    const at = now.toISOString();
    const patch = channel === 'email' ? { email: target, emailVerifiedAt: at } : { whatsapp: target, whatsappVerifiedAt: at };
    const [latest] = await store.listCasesByApplicant(user.id, 1);
    const audit = latest ? auditEvent(latest.id, at, { id: user.id, displayName: user.displayName }, 'contact.verified', { channel, changed: true }) : undefined;
    try {
      const used = await store.consumeVerification(rec.id, at, patch, audit);
      return { outcome: used ? 'verified' : 'used', user };
    } catch (err) {
      if (err instanceof ConflictError) return { outcome: 'taken', user }; // another account took the address meanwhile
      throw err;
    }
  }
}
