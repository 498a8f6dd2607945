// Store-backed rate limits (login, sign-up, password reset, messages per contact): counted in the
// store, so every app instance shares them and a restart forgets nothing. Each rule is a fixed
// window per key; a request is refused once any of its keys is over its rule's limit.
import { createHash } from 'node:crypto';
import type { Store } from '../store/ports.js';

export interface LimitRule {
  limit: number;
  windowMs: number;
}

export type LimitName =
  | 'login' // login attempts on one account from one client (IP)
  | 'loginAccount' // login attempts on one account from all clients together
  | 'loginIp' // login attempts from one client across accounts
  | 'signUpIp' // sign-ups from one client
  | 'signUpContact' // sign-ups naming one e-mail address or WhatsApp number
  | 'resetIp' // password-reset requests from one client
  | 'messagesContact' // verification and password-reset messages to one address or number
  | 'caseStart'; // cases started by one person (an applicant, or staff logging requests)

export type RateLimitSettings = Record<LimitName, LimitRule>;

const MIN = 60_000;
const HOUR = 60 * MIN;

export const DEFAULT_LIMITS: Readonly<RateLimitSettings> = Object.freeze({
  login: { limit: 10, windowMs: 15 * MIN },
  loginAccount: { limit: 100, windowMs: HOUR },
  loginIp: { limit: 50, windowMs: 15 * MIN },
  signUpIp: { limit: 10, windowMs: HOUR },
  signUpContact: { limit: 3, windowMs: HOUR },
  resetIp: { limit: 20, windowMs: 15 * MIN },
  messagesContact: { limit: 10, windowMs: 24 * HOUR },
  caseStart: { limit: 30, windowMs: HOUR },
});

/** Whether a request may go on, and if not, how long until the window that refused it ends. */
export interface LimitVerdict {
  allowed: boolean;
  retryAfterS: number; // 0 when allowed
}

export type LimitKey = readonly [LimitName, string];

export class RateLimits {
  constructor(private readonly deps: { store: Store; settings: RateLimitSettings; now: () => Date }) {}

  /**
   * Counts one hit on every key (all of them, so a refused request still counts) and refuses when
   * any key is over its limit. Counting first makes parallel requests unable to pass together.
   */
  async hit(...keys: LimitKey[]): Promise<LimitVerdict> {
    const now = this.deps.now();
    let retryAfterMs = 0;
    for (const [name, id] of keys) {
      const rule = this.deps.settings[name];
      const { count, resetAt } = await this.deps.store.hitRateLimit(storeKey(name, id), rule.windowMs, now.toISOString());
      if (count > rule.limit) retryAfterMs = Math.max(retryAfterMs, Date.parse(resetAt) - now.getTime());
    }
    return retryAfterMs > 0 ? { allowed: false, retryAfterS: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true, retryAfterS: 0 };
  }

  /** Takes back one hit of each key (an attempt that turned out legitimate). */
  async release(...keys: LimitKey[]): Promise<void> {
    for (const [name, id] of keys) await this.deps.store.releaseRateLimitHit(storeKey(name, id));
  }

  /** Forgets each key's window. */
  async clear(...keys: LimitKey[]): Promise<void> {
    for (const [name, id] of keys) await this.deps.store.clearRateLimit(storeKey(name, id));
  }
}

/** "<rule>:<id>"; a long id (hostile input) is replaced by its hash, so keys stay small and distinct. */
function storeKey(name: LimitName, id: string): string {
  return `${name}:${id.length <= 256 ? id : createHash('sha256').update(id).digest('hex')}`;
}

/** Parses "10/15m" (count per window; s, m, h or d) into a rule; null when malformed or out of range. */
export function parseLimitRule(text: string): LimitRule | null {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,4})\s*([smhd])\s*$/.exec(text);
  if (!m) return null;
  const unit = { s: 1000, m: MIN, h: HOUR, d: 24 * HOUR }[m[3] as 's' | 'm' | 'h' | 'd'];
  const limit = Number(m[1]);
  const windowMs = Number(m[2]) * unit;
  return limit >= 1 && windowMs >= 1000 && windowMs <= 31 * 24 * HOUR ? { limit, windowMs } : null;
}
