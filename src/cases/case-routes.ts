// Case routes: the applicant's application status, the case page, and authorised document download
// (`?tampil=1`: shown inline, for the preview beside the data to check).
import { resolve, sep } from 'node:path';
import { Router, type Request, type Response } from 'express';
import { requireLogin, requireRole } from '../auth/guards.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { CaseRecord, Store } from '../store/ports.js';
import { withoutUnsafeChars } from '../web/file-names.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import type { CaseClosing } from './case-closing.js';
import { casePageModel, mayViewCase, mayViewDocuments } from './case-page.js';
import { applicantPageModel } from './applicant-page.js';
import { submittedModel } from './submitted-page.js';
import type { ServiceGuide } from './service-guide.js';

/** The requests listed on /permohonan (newest first); the data export has its own, larger bound. */
const MY_CASES_LIMIT = 100;

export interface CaseRouteDeps {
  store: Store;
  definitions: DefinitionService;
  formRegistry: FormRegistry;
  guide: ServiceGuide;
  closing: CaseClosing;
  renderPage: RenderPage;
  uploadDir: string;
  now: () => Date;
}

export function caseRoutes(deps: CaseRouteDeps): Router {
  const { store, definitions, renderPage } = deps;
  const router = Router();

  /** The case of the URL, if the viewer may see it (404/403). */
  const viewable = async (req: Request): Promise<CaseRecord> => {
    const c = await store.getCase(String(req.params.id));
    if (!c) throw new NotFoundError();
    if (!mayViewCase(c, req.user!)) throw new ForbiddenError();
    return c;
  };

  // an applicant's requests of every process: one goes straight to its page, else the list (none: a link to the services)
  router.get('/permohonan', requireRole('applicant'), asyncRoute(async (req, res) => {
    const cases = await store.listCasesByApplicant(req.user!.id, MY_CASES_LIMIT);
    if (cases.length === 1) return res.redirect(303, `/kasus/${cases[0]!.id}`);
    const names = new Map((await store.listLatestDefinitions()).map((d) => [d.processKey, d.name || d.processKey]));
    renderPage(req, res, 'cases/mine', {
      title: 'cases.mine.title',
      cases: cases.map((c) => ({ id: c.id, caseNumber: c.caseNumber ?? '', process: names.get(c.processKey) ?? c.processKey, createdAt: c.createdAt, state: `cases.state.${c.status}` })),
    });
  }));

  // the applicant sees their own case in their words; staff see the whole record
  router.get('/kasus/:id', requireLogin, asyncRoute(async (req, res) => {
    if (req.user!.role === 'applicant') return renderPage(req, res, 'cases/applicant', await applicantPageModel(deps, await viewable(req)));
    const model = await casePageModel(store, definitions, deps.formRegistry, String(req.params.id), req.user!, deps.now());
    const closable = (await deps.closing.mayClose(model.case, req.user!)) && deps.closing.closability(model.case, await deps.closing.openTasks(model.case)).allowed;
    renderPage(req, res, 'cases/case', { ...model, closable });
  }));

  // the applicant withdraws their case (a confirmation first); staff close one abandoned at the applicant's step
  const closingPage = (kind: 'withdraw' | 'close') => async (req: Request, res: Response, values: Record<string, unknown> = {}, errors: Record<string, string> = {}, status = 200) => {
    const c = await viewable(req);
    const state = deps.closing.closability(c, await deps.closing.openTasks(c));
    renderPage(req, res, 'cases/closing', {
      showForm: kind === 'withdraw' || state.allowed,
      title: `${kind}.title`, kind, withdraw: kind === 'withdraw', case: c, rev: values.rev ?? c.rev, reason: values.reason ?? '', errors,
      errorList: Object.entries(errors).map(([field, message]) => ({ field, label: `${kind}.reason`, message })),
      state, abandonDays: deps.closing.abandonDays,
    }, status);
  };
  const closingPost = (kind: 'withdraw' | 'close') => asyncRoute(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const input = { rev: body.rev, reason: body.reason };
    try {
      if (kind === 'withdraw') await deps.closing.withdraw(String(req.params.id), req.user!, input);
      else await deps.closing.closeAbandoned(String(req.params.id), req.user!, input);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return closingPage(kind)(req, res, body, err.fieldErrors, 422);
    }
    setFlash(req, kind === 'withdraw' ? 'flash.withdrawn' : 'flash.closed');
    res.redirect(303, `/kasus/${String(req.params.id)}`);
  });
  router.get('/kasus/:id/tarik', requireRole('applicant'), asyncRoute(async (req, res) => closingPage('withdraw')(req, res)));
  router.post('/kasus/:id/tarik', requireRole('applicant'), closingPost('withdraw'));
  router.get('/kasus/:id/tutup', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    if (!(await deps.closing.mayClose(await viewable(req), req.user!))) throw new ForbiddenError();
    await closingPage('close')(req, res);
  }));
  router.post('/kasus/:id/tutup', requireRole('staff', 'process-owner'), closingPost('close'));

  // after the applicant's submission: the nomor permohonan, what happens next and how long
  router.get('/kasus/:id/terkirim', requireRole('applicant'), asyncRoute(async (req, res) => {
    renderPage(req, res, 'cases/submitted', await submittedModel(deps, await viewable(req)));
  }));

  router.get('/dokumen/:id', requireLogin, asyncRoute(async (req, res) => {
    const doc = await store.getDocument(String(req.params.id));
    if (!doc) throw new NotFoundError();
    const c = await store.getCase(doc.caseId);
    if (!c || !mayViewDocuments(c, req.user!)) throw new ForbiddenError();
    const root = resolve(deps.uploadDir);
    const path = resolve(root, doc.storedName);
    if (!path.startsWith(root + sep)) throw new NotFoundError();
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Cache-Control', 'private, no-store');
    // NOTE: documents are stored as uploaded (a PDF may carry JavaScript): shown or downloaded, they
    // come with a policy that runs no script
    res.set('Content-Security-Policy', DOCUMENT_CSP);
    res.set('Content-Disposition', contentDisposition(doc.originalName, req.query.tampil === '1' ? 'inline' : 'attachment'));
    res.type(doc.mime);
    res.sendFile(path, (err) => {
      if (err && !res.headersSent) res.status(404).end();
    });
  }));

  return router;
}

/**
 * NOTE: a PDF shown inline is rendered by the browser's viewer inside a page the browser builds;
 * some Chrome versions apply the response's CSP to that page and stayed blank under the app CSP
 * (object-src 'none', no inline styles). This policy allows only that, runs no script at all, and
 * lets only Alur's own pages frame the document.
 */
const DOCUMENT_CSP = "default-src 'none'; object-src 'self'; img-src 'self' data: blob:; style-src 'unsafe-inline'; frame-ancestors 'self'";

function contentDisposition(storedName: string, type: 'inline' | 'attachment'): string {
  const name = withoutUnsafeChars(storedName);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
