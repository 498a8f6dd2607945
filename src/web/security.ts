// Security middleware: headers (helmet), CSRF (synchroniser token in the session) and the
// login rate limit.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';

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

export function loginRateLimit(onLimit: RequestHandler): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.email ?? '').toLowerCase()}`,
    handler: onLimit,
  });
}
