// The official SOP document (under /proses/:key) of a deployed version (default: the latest): HTML that prints on A4
// landscape, and the same as a PDF.
import { Router, type Request } from 'express';
import { requireRole } from '../auth/guards.js';
import { NotFoundError } from '../errors.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { processKeyOf } from '../definitions/process-guard.js';
import { processPaths } from '../definitions/process-key.js';
import type { DefinitionRecord } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { readSopDocument } from '../workflow/index.js';
import { sopPdf } from './sop-pdf.js';
import { sopView } from './sop-view.js';

export function sopRoutes(deps: { definitions: DefinitionService; renderPage: RenderPage }): Router {
  const router = Router({ mergeParams: true });
  const owner = requireRole('process-owner');
  /** ?versi=<id> of this process (drafts and other keys are not versions), else the latest. */
  const versionOf = async (req: Request, processKey: string): Promise<DefinitionRecord> => {
    if (typeof req.query.versi !== 'string' || !req.query.versi) return deps.definitions.latest(processKey);
    const def = await deps.definitions.byId(req.query.versi);
    if (def.processKey !== processKey) throw new NotFoundError('error.noDefinition');
    return def;
  };

  router.get('/sop', owner, asyncRoute(async (req, res) => {
    const def = await versionOf(req, processKeyOf(res));
    const doc = await readSopDocument(def.xml);
    deps.renderPage(req, res, 'studio/sop', { title: 'sop.title', def, sop: sopView(doc, { version: def.version, deployedAt: def.createdAt }), paths: processPaths(def.processKey) });
  }));

  router.get('/sop.pdf', owner, asyncRoute(async (req, res) => {
    const def = await versionOf(req, processKeyOf(res));
    const pdf = await sopPdf(await readSopDocument(def.xml), { version: def.version, deployedAt: def.createdAt });
    res.attachment(`SOP-${def.processKey}-v${def.version}.pdf`).type('application/pdf').send(pdf);
  }));
  return router;
}
