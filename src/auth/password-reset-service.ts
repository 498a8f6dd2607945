// "Lupa kata sandi": a single-use link (1 h) by e-mail, then a new password. A request answers the
// same whether or not the address has an account; the link token is stored as a hash only.
import { ValidationError } from '../errors.js';
import { outboxMessage, type Links } from '../notifications/messages.js';
import { linkToken, matchesHash, newLinkSecret, newRecord, parseLinkToken, unusable } from '../notifications/one-time-codes.js';
import { CODE_TTL_MS, RESEND_LIMIT, RESEND_WINDOW_MS } from '../notifications/policy.js';
import { passwordReset } from '../notifications/templates/password-reset.js';
import type { MessageText } from '../notifications/templates/compose.js';
import { isInvitedStaff } from '../staff/staff-roles.js';
import { normalizeEmail } from '../store/identifier.js';
import type { Store, UserRecord, VerificationRecord } from '../store/ports.js';
import type { RateLimits } from './rate-limits.js';

export const MIN_PASSWORD_LENGTH = 12;
export type ResetLinkState = 'ok' | 'none' | 'used' | 'expired';

export class PasswordResetService {
  constructor(private readonly deps: { store: Store; links: Links; now: () => Date; hash: (password: string) => Promise<string>; limits?: RateLimits }) {}

  /**
   * Sends a link if the address belongs to an enabled account, silently at most RESEND_LIMIT per
   * window and within the address's daily message cap.
   */
  async request(email: string): Promise<void> {
    const { store } = this.deps;
    const user = await store.findUserByEmail(normalizeEmail(email));
    if (!user || user.status === 'disabled') return;
    const now = this.deps.now();
    const since = new Date(now.getTime() - RESEND_WINDOW_MS).toISOString();
    if ((await store.countVerificationsSince(user.id, 'password-reset', since)) >= RESEND_LIMIT) return;
    if (this.deps.limits && !(await this.deps.limits.hit(['messagesContact', user.email])).allowed) return;
    await this.sendSetPasswordLink(user, {
      kind: 'password-reset', ttlMs: CODE_TTL_MS['password-reset'],
      text: (link, expiresAt) => passwordReset({ name: user.displayName, link, expiresAt }),
    });
  }

  /**
   * Issues a new single-use set-password link to `user` (only its hash is stored; it replaces any
   * older link, since only the latest one works) and queues the e-mail `text` makes with it. Also
   * used by staff administration: an invitation and a reset an administrator asks for (src/staff).
   */
  async sendSetPasswordLink(user: UserRecord, message: { kind: string; ttlMs: number; text: (link: string, expiresAt: string) => MessageText }): Promise<void> {
    const now = this.deps.now();
    const secret = newLinkSecret();
    const record = newRecord(user.id, 'password-reset', secret, now, message.ttlMs);
    const link = this.deps.links.to(`/atur-ulang-kata-sandi/${encodeURIComponent(linkToken(user.id, secret))}`);
    await this.deps.store.insertVerification(record);
    await this.deps.store.enqueueMessages([outboxMessage(message.kind, 'email', { userId: user.id, to: user.email }, message.text(link, record.expiresAt), now)]);
  }

  async check(token: string): Promise<ResetLinkState> {
    return (await this.find(token)).state;
  }

  /**
   * Sets the new password and uses up the link in one atomic store operation. The link proved the
   * address, so an unverified e-mail becomes verified too (the way back for an expired sign-up link).
   */
  async reset(token: string, raw: Record<string, unknown>): Promise<ResetLinkState> {
    const password = typeof raw.password === 'string' ? raw.password : '';
    const confirm = typeof raw.passwordConfirm === 'string' ? raw.passwordConfirm : '';
    const errors: Record<string, string> = {};
    if (password.length < MIN_PASSWORD_LENGTH) errors.password = password ? 'field.password.length' : 'field.required';
    if (confirm !== password) errors.passwordConfirm = confirm ? 'field.passwordConfirm.mismatch' : 'field.required';
    const found = await this.find(token);
    if (found.state !== 'ok' || !found.rec) return found.state;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const at = this.deps.now().toISOString();
    const emailVerifiedAt = found.user?.emailVerifiedAt ?? at;
    // an invited staff member (src/staff) becomes active by setting the first password
    const status = found.user && isInvitedStaff(found.user) ? { status: 'active' as const } : {};
    const used = await this.deps.store.consumeVerification(found.rec.id, at, { passwordHash: await this.deps.hash(password), emailVerifiedAt, ...status });
    return used ? 'ok' : 'used';
  }

  private async find(token: string): Promise<{ state: ResetLinkState; user?: UserRecord; rec?: VerificationRecord }> {
    const parsed = parseLinkToken(token);
    const user = parsed ? await this.deps.store.getUser(parsed.userId) : null;
    if (!parsed || !user || user.status === 'disabled') return { state: 'none' };
    const rec = await this.deps.store.latestVerification(user.id, 'password-reset');
    if (!rec || !matchesHash(parsed.secret, rec.codeHash)) return { state: 'none' };
    const why = unusable(rec, this.deps.now(), Number.POSITIVE_INFINITY);
    if (why === 'used' || why === 'expired') return { state: why };
    return why ? { state: 'none' } : { state: 'ok', user, rec };
  }
}
