// Process owner pages. /proses is the catalogue of every process of the office; /proses/baru makes
// a new SOP (a studio draft); under /proses/:key each process has its page (steps with Mutu Baku,
// versions), the BPMN file of any version, diff and rollback, the modeler, the SOP document and the
// process view. The URLs of before (one process) answer with redirects given by a pack (its routes).
// Both the catalogue and a process's page warn of the groups its latest version needs that have
// no active member (src/staff/group-warnings.ts).
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import { NotFoundError } from '../errors.js';
import { definitionWarnings, modelWarnings, type NeededGroup } from '../staff/group-warnings.js';
import type { Store } from '../store/ports.js';
import { monitorRoutes } from '../studio/monitor-routes.js';
import { sopRoutes } from '../studio/sop-routes.js';
import { studioRoutes } from '../studio/studio-routes.js';
import { withArgs } from '../web/i18n.js';
import { xsdConformingXml } from '../workflow/xsd-conform.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import type { DefinitionService } from './definition-service.js';
import { newSopRoutes } from './new-sop-routes.js';
import { draftProcessName, ProcessCatalog } from './process-catalog.js';
import { processGuard, processKeyOf } from './process-guard.js';
import { processPaths } from './process-key.js';
import { versionRoutes } from './version-routes.js';

/** A warning as the views show it: "Grup kepala-seksi (Kepala Seksi) tidak punya anggota aktif". */
const warningViews = (groups: NeededGroup[]) => groups.map((g) => ({ id: g.id, name: g.name, message: withArgs('groupWarning.noActiveMember', g.id, g.name) }));

export function processRoutes(deps: { store: Store; definitions: DefinitionService; renderPage: RenderPage; now?: () => Date }): Router {
  const { store, definitions, renderPage } = deps;
  const router = Router();
  const owner = requireRole('process-owner');
  const catalog = new ProcessCatalog(store, deps.now);

  router.get('/proses', owner, asyncRoute(async (req, res) => {
    const processes = await catalog.list();
    const deployed = processes.map((p) => p.definitionId).filter((id): id is string => id !== null);
    const warnings = await definitionWarnings(store, definitions, deployed);
    renderPage(req, res, 'processes/catalog', {
      title: 'catalog.title',
      processes: processes.map((p) => ({ ...p, groupWarnings: warningViews(p.definitionId ? warnings.get(p.definitionId) ?? [] : []) })),
    });
  }));

  router.use(newSopRoutes({ ...deps, catalog }));

  const one = Router({ mergeParams: true });
  one.get('/', owner, asyncRoute(async (req, res) => {
    const key = processKeyOf(res);
    const records = await store.listDefinitions(key);
    const latest = records[0];
    const model = latest ? await definitions.model(latest) : null;
    const draft = await store.getProcessDraft(key);
    const names = new Map<string, string>();
    for (const id of new Set(records.map((r) => r.createdBy).filter((id): id is string => !!id))) {
      names.set(id, (await store.getUser(id))?.displayName ?? id);
    }
    renderPage(req, res, 'processes/process', {
      title: 'process.title', processKey: key, paths: processPaths(key), reportsQuery: `proses=${key}`,
      name: latest?.name ?? (draft ? draftProcessName(draft.xml, key) : null) ?? key,
      draftSavedAt: draft?.savedAt ?? null,
      versions: records.map((r) => ({ ...r, by: r.createdBy ? names.get(r.createdBy) : null, isLatest: r === latest })),
      previous: records[1] ?? null,
      latest,
      steps: model ? [...model.userTasks].sort((a, b) => (a.sop.stepNo ?? 0) - (b.sop.stepNo ?? 0)) : [],
      groupWarnings: warningViews(model ? await modelWarnings(store, model) : []),
    });
  }));

  one.get('/versi/:id.bpmn', owner, asyncRoute(async (req, res) => {
    const def = await store.getDefinition(String(req.params.id));
    if (!def || def.processKey !== processKeyOf(res)) throw new NotFoundError();
    // a version deployed from an older Alur file is handed out valid against the BPMN 2.0 XSD
    res.attachment(`${def.processKey}-v${def.version}.bpmn`).type('application/xml').send(await xsdConformingXml(def.xml));
  }));

  one.use(versionRoutes(deps));
  one.use(studioRoutes(deps));
  one.use(sopRoutes(deps));
  one.use(monitorRoutes(deps));
  // the owner check comes first: who may not see processes does not learn which exist
  router.use('/proses/:key', owner, processGuard(store), one);
  return router;
}
