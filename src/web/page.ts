// Per-request page context (user, language, CSRF token, flash) and the one function routes use
// to render a page.
import type { NextFunction, Request, Response } from 'express';
import { parseLang, type Lang } from './i18n.js';
import type { RenderFn } from './view-engine.js';
import { navigation } from './navigation.js';
import { OFFICE_DEFAULTS, type OfficeInfo } from './office.js';
import type { AssetUrls } from './static-assets.js';

export function langOf(req: Request): Lang {
  return parseLang(req.cookies?.lang ?? cookieValue(req.headers.cookie, 'lang'));
}

/** A cookie's value; a value that is not valid %-encoding counts as absent (never throws). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeOrUndefined(v.join('='));
  }
  return undefined;
}

function decodeOrUndefined(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * What every page of this instance may show: whether the development mailbox exists (not in
 * production), the office (header, footer, start pages: `office.name`, `office.helpdesk`) and the
 * stylesheet and script URLs.
 */
export interface PageGlobals {
  mailboxLink: boolean;
  office: OfficeInfo;
  assets: AssetUrls;
}

const UNBUILT: AssetUrls = { css: '/assets/unbuilt/alur.css', init: '/assets/unbuilt/alur-init.js', version: 'unbuilt' };

export function pageRenderer(render: RenderFn, globals: PageGlobals = { mailboxLink: true, office: OFFICE_DEFAULTS, assets: UNBUILT }) {
  return function renderPage(req: Request, res: Response, view: string, context: Record<string, unknown> = {}, status = 200): void {
    const lang = langOf(req);
    const flash = req.session?.flash;
    if (flash) delete req.session.flash;
    const user = req.user ? { id: req.user.id, role: req.user.role, displayName: req.user.displayName, inGroups: (req.user.groups ?? []).length > 0, startsCases: Boolean(req.startsCases) } : null;
    const html = render(view, {
      lang,
      otherLang: lang === 'id' ? 'en' : 'id',
      currentPath: encodeURIComponent(req.originalUrl),
      user,
      nav: navigation(user, globals.mailboxLink, req.path),
      csrfToken: req.session ? req.csrfToken?.() : undefined,
      flash,
      ...globals,
      ...context,
    });
    res.status(status).type('html').send(html);
  };
}

export type RenderPage = ReturnType<typeof pageRenderer>;

export function setFlash(req: Request, key: string, kind: 'ok' | 'warn' = 'ok'): void {
  req.session.flash = { kind, key };
}

/** Only same-site relative paths may be redirect targets. */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

export const asyncRoute =
  (fn: (req: Request, res: Response, next: NextFunction) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res, next).catch(next);
  };
