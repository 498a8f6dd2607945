// Process view for owners (under /proses/:key): the diagram (bpmn-js viewer) with open / overdue counts per step, a
// server-rendered table of the same counts, and the list of cases waiting at one step.
import { Router, type Response } from 'express';
import { requireRole } from '../auth/guards.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { processKeyOf } from '../definitions/process-guard.js';
import { processPaths } from '../definitions/process-key.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { MonitorService } from './monitor-service.js';

export function monitorRoutes(deps: { store: Store; definitions: DefinitionService; renderPage: RenderPage; now?: () => Date }): Router {
  const router = Router({ mergeParams: true });
  const owner = requireRole('process-owner');
  const monitorOf = (res: Response) => new MonitorService(deps, processKeyOf(res));

  router.get('/pantau', owner, asyncRoute(async (req, res) => {
    const { version, steps } = await monitorOf(res).counts();
    deps.renderPage(req, res, 'studio/monitor', { title: 'monitor.title', version, steps, paths: processPaths(processKeyOf(res)) });
  }));

  router.get('/pantau/data.json', owner, asyncRoute(async (_req, res) => {
    res.json(await monitorOf(res).counts());
  }));

  router.get('/pantau/langkah/:elementId', owner, asyncRoute(async (req, res) => {
    const monitor = monitorOf(res);
    const elementId = String(req.params.elementId);
    const { steps } = await monitor.counts();
    const step = steps.find((s) => s.elementId === elementId);
    if (!step) throw new NotFoundError();
    const overdueOnly = req.query.terlambat === '1';
    const tasks = await monitor.tasksAt(elementId, overdueOnly);
    deps.renderPage(req, res, 'studio/step-cases', { title: 'monitor.step.title', step, tasks, overdueOnly, paths: processPaths(monitor.processKey) });
  }));
  return router;
}
