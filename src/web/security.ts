// Security middleware: headers (helmet), CSRF (synchroniser token in the session), and the web side
// of the store-backed rate limits (src/auth/rate-limits.ts): the client key and the 429 answer.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import { ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import { withArgs } from './i18n.js';

export const securityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'object-src': ["'none'"], 'frame-ancestors': ["'self'"], 'form-action': ["'self'"] },
    },
  });

const { csrfSynchronisedProtection, invalidCsrfTokenError } = csrfSync({
  getTokenFromRequest: (req) => (typeof req.body?._csrf === 'string' ? req.body._csrf : (req.headers['x-csrf-token'] as string | undefined)),
});

export { invalidCsrfTokenError };

/**
 * CSRF check for every state-changing request. Multipart bodies are parsed later by multer, so
 * only the routes matched by `multipartRoute` may defer the check (they call `csrfCheck` after
 * parsing); any other multipart POST is refused.
 */
export function csrfProtection(multipartRoute: RegExp): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'POST' && req.is('multipart/form-data')) {
      return multipartRoute.test(req.path) ? next() : next(invalidCsrfTokenError);
    }
    csrfSynchronisedProtection(req, res, next);
  };
}

export const csrfCheck: RequestHandler = (req, res, next) => csrfSynchronisedProtection(req, res, next);

/** The rate-limit id of a client: its IP address (an IPv6 address: its /56 network, one subscriber's block). */
export function clientKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? '');
}

/**
 * Prepares the answer to a refused request: sets Retry-After and returns the message `<base>.m`
 * ("… in {0} minutes") or, past two hours, `<base>.h` ("… in {0} hours").
 */
export function refuseLimited(res: Response, base: string, retryAfterS: number): string {
  res.set('Retry-After', String(retryAfterS));
  return retryAfterS <= 2 * 3600 ? withArgs(`${base}.m`, String(Math.ceil(retryAfterS / 60))) : withArgs(`${base}.h`, String(Math.ceil(retryAfterS / 3600)));
}
