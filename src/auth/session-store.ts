// express-session store kept in the active Alur store, so a restart (or another instance)
// does not log anyone out; and the throttle that spares the store a write on every request.
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Store } from '../store/ports.js';

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;
/** A session's stored expiry is rewritten at most this often by requests that change nothing in it. */
export const SESSION_TOUCH_INTERVAL_MS = 15 * 60 * 1000;

type Callback = (err?: unknown, value?: session.SessionData | null) => void;

/** Sessions (of requests in flight) whose stored expiry was written less than the interval ago. */
const recentlyStored = new WeakSet<object>();

/**
 * Mount right after express-session. express-session touches the store at the end of every
 * request that leaves the session unchanged (a full write, for a page view); this lets
 * PortSessionStore.touch skip that write while the stored expiry is younger than `intervalMs`.
 * An idle session therefore still ends between `maxAgeMs - intervalMs` and `maxAgeMs` after the
 * last request, and a session used at least every `intervalMs` never ends. A changed session
 * (login, flash message, CSRF token) is saved as before.
 */
export function throttleSessionTouch(maxAgeMs: number, intervalMs = SESSION_TOUCH_INTERVAL_MS): RequestHandler {
  return (req, _res, next) => {
    // NOTE: until the end of the request, cookie.expires of a loaded session is the stored expiry.
    const expires = req.session?.cookie.expires;
    if (expires instanceof Date && expires.getTime() - Date.now() > maxAgeMs - intervalMs) recentlyStored.add(req.session);
    next();
  };
}

export class PortSessionStore extends session.Store {
  constructor(private readonly store: Store) {
    super();
  }

  private expiresAt(sess: session.SessionData): string {
    const expires = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + DEFAULT_TTL_MS);
    return expires.toISOString();
  }

  override get(sid: string, cb: Callback): void {
    this.store.getSession(sid).then(
      (rec) => cb(null, rec ? (JSON.parse(rec.data) as session.SessionData) : null),
      (err: unknown) => cb(err),
    );
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    this.store.setSession({ sid, data: JSON.stringify(sess), expiresAt: this.expiresAt(sess) }).then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  override touch(sid: string, sess: session.SessionData, cb?: () => void): void {
    if (recentlyStored.has(sess)) {
      cb?.();
      return;
    }
    this.set(sid, sess, () => cb?.());
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.store.destroySession(sid).then(() => cb?.(), (err: unknown) => cb?.(err));
  }
}
