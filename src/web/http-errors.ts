// Errors of a request's own input, whoever raised them (body-parser, multer/busboy, the router's
// URI decoding, http-errors from any middleware): mapped to a 4xx status and a message key, so the
// error page says what was wrong with the request instead of "server error".
import multer from 'multer';
import { AppError } from '../errors.js';
import { invalidCsrfTokenError } from './security.js';

export interface ClientError {
  status: number;
  code: string;
}

/** body-parser error types (`err.type`) with the message for each. */
const BODY_ERRORS: Record<string, string> = {
  'entity.too.large': 'error.bodyTooLarge',
  'parameters.too.many': 'error.tooManyFields',
  'charset.unsupported': 'error.charset',
  'encoding.unsupported': 'error.encoding',
  'entity.parse.failed': 'error.badRequest',
  'request.aborted': 'error.badRequest',
  'request.size.invalid': 'error.badRequest',
};

/** Messages by status for http-errors that carry no more specific type. */
const STATUS_CODES: Record<number, string> = {
  401: 'error.login',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  413: 'error.bodyTooLarge',
  415: 'error.unsupportedType',
  429: 'error.tooManyRequests',
};

/** The multer/busboy failures that are the request's fault: too many or too big parts, a malformed body. */
export function isMalformedMultipart(err: unknown): boolean {
  if (err instanceof multer.MulterError) return true;
  // busboy reports a missing boundary, a truncated body or a bad part header as a plain Error;
  // a storage failure (disk full, permissions) is a system error with an errno and is not the client's
  return err instanceof Error && !('errno' in err) && /^(Multipart:|Unexpected end of form|Malformed part header|Part terminated early)/.test(err.message);
}

function statusOf(err: object): number | undefined {
  const status = (err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}

/** The answer for an error the app knows (its own AppErrors, and 4xx for the request's own faults), or null for an unexpected one (500, logged). */
export function knownErrorOf(err: unknown): ClientError | null {
  if (err instanceof AppError) return { status: err.status, code: err.code }; // the app's own: its status, already recorded where needed
  if (err === invalidCsrfTokenError) return { status: 403, code: 'error.csrf' };
  if (isMalformedMultipart(err)) return { status: 400, code: 'error.malformedForm' };
  if (typeof err !== 'object' || err === null) return null;
  const status = statusOf(err);
  if (status !== undefined && status >= 400 && status < 500) {
    const type = (err as { type?: unknown }).type;
    return { status, code: (typeof type === 'string' && BODY_ERRORS[type]) || STATUS_CODES[status] || 'error.badRequest' };
  }
  // a malformed %-escape met by decodeURIComponent anywhere in the request's handling
  if (err instanceof URIError) return { status: 400, code: 'error.badRequest' };
  return null;
}
