// The central error handler: every error reaching Express ends here, as a page in the user's
// language. Errors of the request's own input get their 4xx (see http-errors.ts); anything else is
// logged and answered 500. No stack trace or file path is ever sent, in any NODE_ENV: this handler
// never passes an error on to Express's default handler (which prints the stack outside production).
import type { NextFunction, Request, Response } from 'express';
import { translate } from './i18n.js';
import { knownErrorOf } from './http-errors.js';
import { loggablePath } from './log-path.js';
import { langOf, type RenderPage } from './page.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Refused, not found and changed meanwhile: a heading that says what happened and a line on what to do (locales/work.ts). */
const EXPLAINED = new Set([403, 404, 409]);

function pageTexts(status: number, message: string): { title: string; heading: string; next?: string } {
  // NOTE: an expired form (CSRF) is a 403 whose own message already says what to do
  if (!EXPLAINED.has(status) || message === 'error.csrf') return { title: 'error.title', heading: 'error.title' };
  return { title: `error.title.${status}`, heading: `error.title.${status}`, next: `error.next.${status}` };
}

export function errorHandler(renderPage: RenderPage, log: (line: string) => void) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = knownErrorOf(err);
    const where = `[alur] ${req.method} ${loggablePath(req)}`;
    if (!known) log(`${where} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    // NOTE: a 5xx of our own (e.g. the store is unreachable: 503) is expected, but an operator must see it
    else if (known.status >= 500) log(`${where} answered ${known.status}: ${err instanceof Error ? err.message : known.code}`);
    if (res.headersSent) {
      // the page is half sent: all that can be done is to end the connection
      req.socket?.destroy();
      return;
    }
    const status = known?.status ?? 500;
    const message = known?.code ?? 'error.server';
    try {
      renderPage(req, res, 'errors/error', { ...pageTexts(status, message), message }, status);
    } catch (renderError) {
      log(`[alur] the error page failed: ${renderError instanceof Error ? renderError.message : String(renderError)}`);
      const lang = langOf(req);
      res.status(status).type('html').send(
        `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Alur</title><h1>${escapeHtml(translate(lang, 'error.title'))}</h1><p>${escapeHtml(translate(lang, message))}</p>`,
      );
    }
  };
}
