// "Known device" cookies (OWASP's answer to lockout by a login limit): a client that logged in to an
// account gets a signed cookie naming that account; its later logins to that account count against
// a limit of their own, not against the account's limit across all clients. So an attacker who
// exhausts an account's limit from elsewhere cannot lock its owner out of the devices they use.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { cookieValue } from '../web/page.js';

export const KNOWN_DEVICE_COOKIE = 'alur.perangkat';
const MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;

export class KnownDevices {
  constructor(private readonly secret: string, private readonly secureCookies: boolean) {}

  private sign(nonce: string, email: string): string {
    return createHmac('sha256', this.secret).update(`${nonce}|${email}`).digest('base64url');
  }

  /** The device's id when the request carries a valid cookie for `email` (normalised), else null. */
  deviceOf(req: Request, email: string): string | null {
    const [nonce, mac] = (cookieValue(req.headers.cookie, KNOWN_DEVICE_COOKIE) ?? '').split('.');
    if (!nonce || !mac || nonce.length > 64) return null;
    const want = Buffer.from(this.sign(nonce, email));
    const got = Buffer.from(mac);
    return got.length === want.length && timingSafeEqual(got, want) ? nonce : null;
  }

  /** After a successful login: this client is now known for `email` (normalised). */
  remember(res: Response, email: string): void {
    const nonce = randomBytes(16).toString('base64url');
    res.cookie(KNOWN_DEVICE_COOKIE, `${nonce}.${this.sign(nonce, email)}`, {
      httpOnly: true, sameSite: 'lax', secure: this.secureCookies, maxAge: MAX_AGE_MS,
    });
  }
}
