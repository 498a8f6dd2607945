// "SOP baru" (process owners): the form (name, and the process id proposed from it, editable) and
// its post: a wrong value re-renders with 422, the reason and everything typed; success opens the
// studio on the new process's draft. The page's second form imports an SOP document (sop-import-routes.ts).
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { NEW_SOP_NAME_MAX, NewSopService, slugFromName } from './new-sop.js';
import { renderNewSop } from './new-sop-page.js';
import type { ProcessCatalog } from './process-catalog.js';
import { PROCESS_KEY_MAX, processPaths } from './process-key.js';
import { sopImportRoutes } from './sop-import-routes.js';
import type { SopImporter } from './sop-import.js';

const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.trim().slice(0, max * 2) : '');

export function newSopRoutes(deps: { store: Store; catalog: ProcessCatalog; renderPage: RenderPage; now?: () => Date; importer?: SopImporter }): Router {
  const router = Router();
  const owner = requireRole('process-owner');
  const service = new NewSopService(deps);

  router.get('/proses/baru', owner, (req, res) => renderNewSop(deps.renderPage, req, res, {}));

  router.post('/proses/baru', owner, asyncRoute(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const name = text(body.nama, NEW_SOP_NAME_MAX);
    // an empty id takes the one proposed from the name (the page proposes it as you type, with script)
    const key = text(body.id, PROCESS_KEY_MAX) || slugFromName(name);
    const input = { name, key };
    const errors = await service.create(input, req.user?.id ?? null);
    if (Object.keys(errors).length) return renderNewSop(deps.renderPage, req, res, { values: input, errors }, 422);
    setFlash(req, 'newSop.flash.created');
    res.redirect(303, processPaths(key).studio);
  }));

  router.use(sopImportRoutes(deps)); // "Impor dokumen SOP": the same page's second form
  return router;
}
