// Pages of a logged-in person (inbox, task pages with NIK, case pages, the mailbox) and responses
// that set the session cookie (the login form's CSRF token, login itself) must not be kept by a
// browser or proxy cache: `Cache-Control: no-store`, decided when the headers are written, so it
// covers every route, the error pages and redirects alike.
import type { RequestHandler } from 'express';
import onHeaders from 'on-headers';

export function noStoreWhenPersonal(sessionCookie: string): RequestHandler {
  return (req, res, next) => {
    onHeaders(res, function () {
      const cookies = ([] as Array<string | number>).concat(this.getHeader('Set-Cookie') ?? []).map(String);
      const personal = Boolean(req.user) || cookies.some((c) => c.startsWith(`${sessionCookie}=`));
      if (personal && !/\bno-store\b/.test(String(this.getHeader('Cache-Control') ?? ''))) this.setHeader('Cache-Control', 'no-store');
    });
    next();
  };
}
