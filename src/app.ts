// createApp(deps): middleware order, routers, 404 and the central error handler. No I/O on import.
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import { authRoutes } from './auth/auth-routes.js';
import { passwordResetRoutes } from './auth/password-reset-routes.js';
import { homeFor } from './auth/guards.js';
import { configurePassport } from './auth/passport-setup.js';
import { PortSessionStore, throttleSessionTouch } from './auth/session-store.js';
import { caseRoutes } from './cases/case-routes.js';
import type { Services } from './composition.js';
import { AppError, NotFoundError } from './errors.js';
import { processRoutes } from './definitions/process-routes.js';
import { MULTIPART_ROUTE, taskRoutes } from './tasks/task-routes.js';
import { pageRenderer, safeNext } from './web/page.js';
import { privacyRoutes } from './privacy/privacy-routes.js';
import { notificationRoutes } from './notifications/notification-routes.js';
import { withContactNotice } from './notifications/contact-notice.js';
import { reassignRoutes } from './tasks/reassign-routes.js';
import { reportRoutes } from './compliance/report-routes.js';
import { csrfProtection, invalidCsrfTokenError, securityHeaders } from './web/security.js';
import { createViewEngine } from './web/view-engine.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Idle timeout of a session: every request extends it (the stored expiry: see throttleSessionTouch). */
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

export interface AppOptions {
  sessionSecret: string;
  secureCookies: boolean;
  trustProxy: string | null;
  uploadDir: string;
  viewsDir?: string;
  log?: (line: string) => void;
}

export function createApp(services: Services, opts: AppOptions): express.Express {
  const { store } = services;
  const app = express();
  if (opts.trustProxy) app.set('trust proxy', opts.trustProxy);
  app.disable('x-powered-by');
  const renderPage = withContactNotice(pageRenderer(createViewEngine(opts.viewsDir ?? `${PROJECT_ROOT}views`)));
  const passport = configurePassport(store);

  app.use(securityHeaders());
  app.use('/static', express.static(`${PROJECT_ROOT}src/web/assets`, { maxAge: '1h' }));
  app.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));
  app.use(
    session({
      name: 'alur.sid',
      secret: opts.sessionSecret,
      store: new PortSessionStore(store),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: SESSION_MAX_AGE_MS },
    }),
  );
  app.use(throttleSessionTouch(SESSION_MAX_AGE_MS));
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(csrfProtection(MULTIPART_ROUTE));

  app.get('/', (req, res) => (req.user ? res.redirect(303, homeFor(req.user.role)) : renderPage(req, res, 'home', { title: 'home.title' })));
  app.get('/bahasa/:lang', (req, res) => {
    res.cookie('lang', req.params.lang === 'en' ? 'en' : 'id', { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
    res.redirect(303, safeNext(req.query.next));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, store: store.kind });
  });
  app.use(authRoutes({ cases: services.cases, passport, renderPage }));
  app.use(passwordResetRoutes({ passwordReset: services.passwordReset, renderPage }));
  app.use(taskRoutes({ ...services, renderPage, uploadDir: opts.uploadDir }));
  app.use(caseRoutes({ ...services, renderPage, uploadDir: opts.uploadDir }));
  app.use(processRoutes({ ...services, renderPage }));
  app.use(privacyRoutes({ ...services, renderPage }));
  app.use(notificationRoutes({ ...services, renderPage }));
  app.use(reassignRoutes({ ...services, renderPage }));
  app.use(reportRoutes({ ...services, renderPage }));

  app.use((_req, _res, next) => next(new NotFoundError()));
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = err instanceof AppError ? err : err === invalidCsrfTokenError ? new AppError(403, 'error.csrf') : null;
    if (!known) (opts.log ?? console.error)(`[alur] ${req.method} ${req.originalUrl} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const status = known?.status ?? 500;
    renderPage(req, res, 'errors/error', { title: 'error.title', heading: 'error.title', message: known?.code ?? 'error.server' }, status);
  });
  return app;
}
