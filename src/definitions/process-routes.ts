// Process owner pages: the deployed versions of the SOP process (who, when, comment) and its
// steps with Mutu Baku, the BPMN file of any version, and the routers of versions (diff,
// rollback), the modeler, the SOP document and the process view.
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import { SHIPPED_PROCESS_KEY } from '../cases/case-service.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/ports.js';
import { monitorRoutes } from '../studio/monitor-routes.js';
import { sopRoutes } from '../studio/sop-routes.js';
import { studioAssets } from '../studio/static-assets.js';
import { studioRoutes } from '../studio/studio-routes.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import type { DefinitionService } from './definition-service.js';
import { versionRoutes } from './version-routes.js';

export function processRoutes(deps: { store: Store; definitions: DefinitionService; renderPage: RenderPage; now?: () => Date }): Router {
  const { store, definitions, renderPage } = deps;
  const router = Router();
  const owner = requireRole('process-owner');

  router.get('/proses', owner, asyncRoute(async (req, res) => {
    const records = await store.listDefinitions(SHIPPED_PROCESS_KEY);
    const latest = records[0];
    const model = latest ? await definitions.model(latest) : null;
    const names = new Map<string, string>();
    for (const id of new Set(records.map((r) => r.createdBy).filter((id): id is string => !!id))) {
      names.set(id, (await store.getUser(id))?.displayName ?? id);
    }
    renderPage(req, res, 'processes/list', {
      title: 'process.title',
      versions: records.map((r) => ({ ...r, by: r.createdBy ? names.get(r.createdBy) : null, isLatest: r === latest })),
      previous: records[1] ?? null,
      latest,
      steps: model ? [...model.userTasks].sort((a, b) => (a.sop.stepNo ?? 0) - (b.sop.stepNo ?? 0)) : [],
    });
  }));

  router.get('/proses/versi/:id.bpmn', owner, asyncRoute(async (req, res) => {
    const def = await store.getDefinition(String(req.params.id));
    if (!def) throw new NotFoundError();
    res.attachment(`${def.processKey}-v${def.version}.bpmn`).type('application/xml').send(def.xml);
  }));

  router.use(studioAssets());
  router.use(versionRoutes(deps, SHIPPED_PROCESS_KEY));
  router.use(studioRoutes(deps, SHIPPED_PROCESS_KEY));
  router.use(sopRoutes(deps, SHIPPED_PROCESS_KEY));
  router.use(monitorRoutes(deps, SHIPPED_PROCESS_KEY));
  return router;
}
