// One-time secrets: e-mail/reset link tokens (32 random bytes, base64url) and 6-digit WhatsApp
// codes. Only the SHA-256 of a secret is stored; links carry "<userId>.<secret>".
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { VerificationPurpose, VerificationRecord } from '../store/ports.js';

export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newNumericCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a typed or linked secret with a stored hash. */
export function matchesHash(secret: string, codeHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(codeHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newRecord(userId: string, purpose: VerificationPurpose, secret: string, now: Date, ttlMs: number): VerificationRecord {
  return {
    id: randomUUID(), userId, purpose, codeHash: hashSecret(secret),
    createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString(), usedAt: null, attempts: 0,
  };
}

/** The path token of a link: the user id (to find the latest record) and the secret. */
export function linkToken(userId: string, secret: string): string {
  return `${userId}.${secret}`;
}

export function parseLinkToken(token: string): { userId: string; secret: string } | null {
  const dot = token.lastIndexOf('.'); // the secret is base64url (no dots); a user id may contain some
  const userId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return dot > 0 && userId.length <= 200 && /^[0-9A-Za-z_-]{43}$/.test(secret) ? { userId, secret } : null;
}

/** Why a stored code cannot be used at `now`, or null when it can. */
export function unusable(rec: VerificationRecord | null, now: Date, maxAttempts: number): 'none' | 'used' | 'expired' | 'locked' | null {
  if (!rec) return 'none';
  if (rec.usedAt) return 'used';
  if (rec.expiresAt <= now.toISOString()) return 'expired';
  if (rec.attempts >= maxAttempts) return 'locked';
  return null;
}
