// express-session store kept in the active Alur store, so a restart (or another instance)
// does not log anyone out.
import session from 'express-session';
import type { Store } from '../store/ports.js';

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

type Callback = (err?: unknown, value?: session.SessionData | null) => void;

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
    this.set(sid, sess, () => cb?.());
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.store.destroySession(sid).then(() => cb?.(), (err: unknown) => cb?.(err));
  }
}
