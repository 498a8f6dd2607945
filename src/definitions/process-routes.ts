// Process owner pages: the deployed versions of the SOP process and its steps with Mutu Baku,
// and the BPMN file of any version.
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import { SHIPPED_PROCESS_KEY } from '../cases/case-service.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import type { DefinitionService } from './definition-service.js';

export function processRoutes(deps: { store: Store; definitions: DefinitionService; renderPage: RenderPage }): Router {
  const { store, definitions, renderPage } = deps;
  const router = Router();
  const owner = requireRole('process-owner');

  router.get('/proses', owner, asyncRoute(async (req, res) => {
    const versions = await store.listDefinitions(SHIPPED_PROCESS_KEY);
    const latest = versions[0];
    const model = latest ? await definitions.model(latest) : null;
    renderPage(req, res, 'processes/list', {
      title: 'process.title',
      versions,
      steps: model ? [...model.userTasks].sort((a, b) => (a.sop.stepNo ?? 0) - (b.sop.stepNo ?? 0)) : [],
    });
  }));

  router.get('/proses/versi/:id.bpmn', owner, asyncRoute(async (req, res) => {
    const def = await store.getDefinition(String(req.params.id));
    if (!def) throw new NotFoundError();
    res.attachment(`${def.processKey}-v${def.version}.bpmn`).type('application/xml').send(def.xml);
  }));

  return router;
}
