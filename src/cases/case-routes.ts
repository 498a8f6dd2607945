// Case routes: the PPBJ's application status, the case page, and authorised document download.
import { resolve, sep } from 'node:path';
import { Router } from 'express';
import { requireLogin, requireRole } from '../auth/guards.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { casePageModel, mayViewDocuments } from './case-page.js';

export function caseRoutes(deps: { store: Store; definitions: DefinitionService; renderPage: RenderPage; uploadDir: string }): Router {
  const { store, definitions, renderPage } = deps;
  const router = Router();

  router.get('/permohonan', requireRole('ppbj'), asyncRoute(async (req, res) => {
    const [latest] = await store.listCasesByApplicant(req.user!.id);
    if (!latest) throw new NotFoundError();
    res.redirect(303, `/kasus/${latest.id}`);
  }));

  router.get('/kasus/:id', requireLogin, asyncRoute(async (req, res) => {
    renderPage(req, res, 'cases/case', await casePageModel(store, definitions, String(req.params.id), req.user!));
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
    res.attachment(doc.originalName);
    res.type(doc.mime);
    res.sendFile(path, (err) => {
      if (err && !res.headersSent) res.status(404).end();
    });
  }));

  return router;
}
