// The timed requests of the completion benchmark: a form POST over node:http on a keep-alive
// connection, with the session cookie of a supertest agent that logged in (outside the clock).
// supertest costs about 7 ms per request in-process (request building, cookie jar, response
// parsing), more than half of the server's own time; the server sees the same request either way.
import http from 'node:http';
import type { Agent } from './bench-app.js';

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** The `cookie` header the agent would send to the bench server. */
export function cookieOf(agent: Agent): string {
  // NOTE: superagent's jar (cookiejar) takes any object with these fields as its access info
  const jar = (agent as unknown as { jar: { getCookies(a: object): { toValueString(): string } } }).jar;
  return jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).toValueString();
}

export interface LeanAnswer { status: number; location: string }

/** POSTs `form` (urlencoded) to `url` and drains the answer. */
export function postForm(url: string, form: Record<string, string>, headers: Record<string, string>): Promise<LeanAnswer> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST', agent: keepAlive,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? '') }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Closes the kept-alive connection (before the server closes). */
export function closeLeanConnections(): void {
  keepAlive.destroy();
}
