// A small HTTP person for load (fetch, no HTML parser): a cookie jar, the CSRF token read from a page,
// form posts. `newConnections`: every request on a new connection (`connection: close`), so that a
// cluster primary, which hands out connections in turn, spreads one person's requests over its workers.
import { IDENTITY } from './applicant.js';

export interface Answer {
  status: number;
  location: string | null;
  /** The X-Alur-Worker header: which worker of ALUR_WORKERS answered (null: a single process). */
  worker: string | null;
  text: string;
}

const TIMEOUT_MS = 30_000;
const CSRF = /name="_csrf" value="([^"]+)"/;

export class FormClient {
  private readonly jar = new Map<string, string>();

  constructor(
    private readonly base: string,
    private readonly opts: { newConnections?: boolean } = {},
  ) {}

  async request(path: string, form?: Record<string, string>): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.opts.newConnections) headers.connection = 'close';
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.base + path, {
      method: form ? 'POST' : 'GET', headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return { status: res.status, location: res.headers.get('location'), worker: res.headers.get('x-alur-worker'), text: await res.text() };
  }

  /** The CSRF token of the page at `path` (one per session). */
  async csrf(path: string): Promise<string> {
    const page = await this.request(path);
    const token = CSRF.exec(page.text)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path} (status ${page.status})`);
    return token;
  }

  async login(who: { email: string; password: string }): Promise<void> {
    const _csrf = await this.csrf('/masuk');
    const res = await this.request('/masuk', { _csrf, email: who.email, password: who.password });
    if (res.status !== 303) throw new Error(`login of ${who.email} answered ${res.status}`);
  }

  /** POST of step 3 ("Mengisi Identitas PPBJ") with valid values and the account's (verified) e-mail; `_csrf` from any page of the session. */
  completeStep3(taskId: string, _csrf: string, email: string): Promise<Answer> {
    return this.request(`/tugas/${taskId}`, { _csrf, ...IDENTITY, email });
  }
}
