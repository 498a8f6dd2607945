// Reassigning a group's task to another active member of the group with a reason ("Alihkan"): its
// own small page, linked from the inbox row and the case page. Applicants and non-members are refused.
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import type { Services } from '../composition.js';
import { ValidationError } from '../errors.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { reassignPageModel } from './reassign-page.js';

export function reassignRoutes(deps: Services & { renderPage: RenderPage }): Router {
  const { store, assignments, renderPage, now, caseSubject } = deps;
  const router = Router();

  router.get('/tugas/:id/alihkan', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    const task = await assignments.reassignable(String(req.params.id), req.user!);
    const candidates = await assignments.candidatesWithLoad(task, req.user!);
    renderPage(req, res, 'tasks/reassign', await reassignPageModel(store, { task, candidates, now: now(), caseSubject }));
  }));

  router.post('/tugas/:id/alihkan', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    let handed: { from: string | null };
    try {
      handed = await assignments.reassign(String(req.params.id), req.user!, { to: body.ke, reason: body.alasan, expectedHolder: body.dari });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const task = await assignments.reassignable(String(req.params.id), req.user!);
      const candidates = await assignments.candidatesWithLoad(task, req.user!);
      const model = await reassignPageModel(store, { task, candidates, now: now(), values: body, errors: err.fieldErrors, caseSubject });
      return renderPage(req, res, 'tasks/reassign', model, 422);
    }
    setFlash(req, 'flash.reassigned');
    res.redirect(303, handed.from ? '/tugas' : '/kotak-masuk');
  }));

  return router;
}
