// createApp(deps): middleware order, routers, 404 and the central error handler. No I/O on import.
import { fileURLToPath } from 'node:url';
import express from 'express';
import session from 'express-session';
import { accountSignUpRoutes } from './auth/account-sign-up-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { KnownDevices } from './auth/known-device.js';
import { passwordResetRoutes } from './auth/password-reset-routes.js';
import { homeFor } from './auth/guards.js';
import { configurePassport } from './auth/passport-setup.js';
import { PortSessionStore, throttleSessionTouch } from './auth/session-store.js';
import { caseRoutes } from './cases/case-routes.js';
import { receiptRoutes } from './receipts/receipt-routes.js';
import { contactChangeRoutes } from './notifications/contact-change-routes.js';
import { publicServices, startRoutes } from './cases/start-routes.js';
import type { Services } from './composition.js';
import { NotFoundError } from './errors.js';
import { processRoutes } from './definitions/process-routes.js';
import { SOP_IMPORT_ROUTE } from './definitions/sop-import-routes.js';
import { MULTIPART_ROUTE, taskRoutes } from './tasks/task-routes.js';
import { asyncRoute, pageRenderer, safeNext } from './web/page.js';
import { privacyRoutes } from './privacy/privacy-routes.js';
import { notificationRoutes } from './notifications/notification-routes.js';
import { withContactNotice } from './notifications/contact-notice.js';
import { reassignRoutes } from './tasks/reassign-routes.js';
import { reportRoutes } from './compliance/report-routes.js';
import { staffRoutes } from './staff/staff-routes.js';
import { csrfProtection, securityHeaders } from './web/security.js';
import { errorHandler } from './web/error-handler.js';
import { noStoreWhenPersonal } from './web/no-store.js';
import { createViewEngine } from './web/view-engine.js';
import { OFFICE_DEFAULTS, type OfficeInfo } from './web/office.js';
import { webAssets } from './web/static-assets.js';
import { studioAssets, studioVersionInputs } from './studio/static-assets.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Idle timeout of a session: every request extends it (the stored expiry: see throttleSessionTouch). */
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;
const SESSION_COOKIE = 'alur.sid';
/** Form posts (urlencoded): body size and field count; more answers 413 (multipart limits: web/uploads.ts). */
export const URLENCODED_LIMIT = '64kb';
export const URLENCODED_FIELDS = 200;

export interface AppOptions {
  sessionSecret: string;
  secureCookies: boolean;
  trustProxy: string | null;
  uploadDir: string;
  viewsDir?: string;
  /** The office in the header and footer; default: OFFICE_DEFAULTS (config.ts reads ALUR_OFFICE_*). */
  office?: OfficeInfo;
  log?: (line: string) => void;
}

export function createApp(services: Services, opts: AppOptions): express.Express {
  const { store } = services;
  const app = express();
  if (opts.trustProxy) app.set('trust proxy', opts.trustProxy);
  app.disable('x-powered-by');
  const assets = webAssets(studioVersionInputs());
  const globals = { mailboxLink: services.mailbox !== 'off', office: opts.office ?? OFFICE_DEFAULTS, assets: assets.urls };
  const renderPage = withContactNotice(pageRenderer(createViewEngine(opts.viewsDir ?? `${PROJECT_ROOT}views`), globals));
  const passport = configurePassport(store);

  app.use(securityHeaders());
  app.use(assets.router); // before the session: static files set no cookie and stay cacheable
  app.use(studioAssets());
  app.use(express.urlencoded({ extended: false, limit: URLENCODED_LIMIT, parameterLimit: URLENCODED_FIELDS }));
  app.use(noStoreWhenPersonal(SESSION_COOKIE));
  app.use(
    session({
      name: SESSION_COOKIE,
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
  app.use(csrfProtection(new RegExp(`${MULTIPART_ROUTE.source}|${SOP_IMPORT_ROUTE.source}`))); // multipart posts: checked after parsing
  // the menu's "Permohonan baru": only for pages (GET) of staff in a group
  app.use(asyncRoute(async (req, _res, next) => {
    if (req.method === 'GET' && req.user && req.user.role !== 'applicant' && req.user.groups.length > 0) {
      req.startsCases = await services.starts.startsAny(req.user.groups);
    }
    next();
  }));

  // visitors and applicants see the catalogue of public services; staff go to their home page
  app.get('/', asyncRoute(async (req, res) => {
    if (req.user && req.user.role !== 'applicant') return res.redirect(303, homeFor(req.user.role));
    renderPage(req, res, 'home', { title: 'home.title', services: await publicServices(services.starts, req) });
  }));
  app.get('/bahasa/:lang', (req, res) => {
    res.cookie('lang', req.params.lang === 'en' ? 'en' : 'id', { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
    res.redirect(303, safeNext(req.query.next));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, store: store.kind });
  });
  app.use(authRoutes({ passport, renderPage, limits: services.limits, devices: new KnownDevices(opts.sessionSecret, opts.secureCookies) }));
  for (const routes of services.packRoutes) app.use(routes({ services, renderPage })); // the process packs' own pages
  app.use(accountSignUpRoutes({ accountSignUp: services.accountSignUp, renderPage, limits: services.limits }));
  app.use(passwordResetRoutes({ passwordReset: services.passwordReset, renderPage, limits: services.limits }));
  app.use(taskRoutes({ ...services, renderPage, uploadDir: opts.uploadDir }));
  app.use(caseRoutes({ ...services, renderPage, uploadDir: opts.uploadDir }));
  app.use(receiptRoutes({ ...services, renderPage, office: opts.office ?? OFFICE_DEFAULTS })); // the Bukti PDF and its public check
  app.use(contactChangeRoutes({ contacts: services.contacts, renderPage })); // the link proving a contact changed in a form
  app.use(startRoutes({ starts: services.starts, guide: services.guide, renderPage, limits: services.limits }));
  app.use(processRoutes({ ...services, renderPage }));
  app.use(privacyRoutes({ ...services, renderPage }));
  app.use(notificationRoutes({ ...services, renderPage }));
  app.use(reassignRoutes({ ...services, renderPage }));
  app.use(reportRoutes({ ...services, renderPage }));
  app.use(staffRoutes({ staff: services.staff, renderPage }));

  app.use((_req, _res, next) => next(new NotFoundError()));
  app.use(errorHandler(renderPage, opts.log ?? console.error));
  return app;
}
