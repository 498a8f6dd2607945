// The path of a request as it may appear in a log: link routes carry secrets in the path
// (/verifikasi/email/<id>.<secret>, /atur-ulang-kata-sandi/<token>), so a matched route logs its
// pattern (`/verifikasi/email/:token`), and an unmatched path has every token-like segment redacted.
import type { Request } from 'express';

/** A segment of 22+ URL-safe characters that is not a UUID: long enough to be a secret (128 bits). */
const TOKEN_SEGMENT = /^(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)[\w.~%-]{22,}$/i;

export function loggablePath(req: Pick<Request, 'baseUrl' | 'path' | 'route'>): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string') return `${req.baseUrl ?? ''}${pattern}`;
  return req.path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? '[redacted]' : segment))
    .join('/');
}
