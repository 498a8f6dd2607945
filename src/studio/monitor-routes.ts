// Process view for owners: the diagram (bpmn-js viewer) with open / overdue counts per step, a
// server-rendered table of the same counts, and the list of cases waiting at one step.
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { MonitorService } from './monitor-service.js';

export function monitorRoutes(deps: { store: Store; definitions: DefinitionService; renderPage: RenderPage; now?: () => Date }, processKey: string): Router {
  const router = Router();
  const owner = requireRole('process-owner');
  const monitor = new MonitorService(deps, processKey);

  router.get('/proses/pantau', owner, asyncRoute(async (req, res) => {
    const { version, steps } = await monitor.counts();
    deps.renderPage(req, res, 'studio/monitor', { title: 'monitor.title', version, steps });
  }));

  router.get('/proses/pantau/data.json', owner, asyncRoute(async (_req, res) => {
    res.json(await monitor.counts());
  }));

  router.get('/proses/pantau/langkah/:elementId', owner, asyncRoute(async (req, res) => {
    const elementId = String(req.params.elementId);
    const { steps } = await monitor.counts();
    const step = steps.find((s) => s.elementId === elementId);
    if (!step) throw new NotFoundError();
    const overdueOnly = req.query.terlambat === '1';
    const tasks = await monitor.tasksAt(elementId, overdueOnly);
    deps.renderPage(req, res, 'studio/step-cases', { title: 'monitor.step.title', step, tasks, overdueOnly });
  }));
  return router;
}
