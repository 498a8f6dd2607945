// The modeler (process owners): the page, and JSON endpoints for opening, validating, saving a
// draft, uploading and deploying; discarding and deploying the saved draft also work as plain
// forms. JSON requests carry the CSRF token in `x-csrf-token`.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { requireRole } from '../auth/guards.js';
import { DeployRefusedError } from '../definitions/deploy-refused-error.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { PPBJ_FORMS } from '../forms/ppbj-forms.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, langOf, setFlash, type RenderPage } from '../web/page.js';
import { MAX_DEFINITION_BYTES } from '../workflow/index.js';
import { localizedProblems } from './problem-messages.js';
import { StudioService } from './studio-service.js';

export interface StudioDeps {
  store: Store;
  definitions: DefinitionService;
  renderPage: RenderPage;
  now?: () => Date;
}

const xmlOf = (req: Request): string => (typeof req.body?.xml === 'string' ? req.body.xml : '');
const userId = (req: Request): string | null => req.user?.id ?? null;

export function studioRoutes(deps: StudioDeps, processKey: string): Router {
  const router = Router();
  const owner = requireRole('process-owner');
  const studio = new StudioService(deps, processKey);
  // NOTE: the XML travels as JSON; the limit leaves room for JSON escaping of a 1 MiB file.
  const json = express.json({ limit: Math.ceil(MAX_DEFINITION_BYTES * 1.5) });

  router.get('/proses/studio', owner, asyncRoute(async (req, res) => {
    const doc = await studio.open();
    deps.renderPage(req, res, 'studio/modeler', {
      title: 'studio.title', doc, processKey, maxBytes: MAX_DEFINITION_BYTES,
      forms: JSON.stringify(PPBJ_FORMS.map((f) => f.key)),
    });
  }));

  router.get('/proses/studio/xml', owner, asyncRoute(async (_req, res) => {
    res.json(await studio.open());
  }));

  router.get('/proses/studio/draf.bpmn', owner, asyncRoute(async (_req, res) => {
    const doc = await studio.open();
    res.attachment(`${processKey}-${doc.source === 'draft' ? 'draf' : `v${doc.version}`}.bpmn`).type('application/xml').send(doc.xml);
  }));

  // A file that cannot be read at all is refused (422) with the reason; one that can is 200 with its problems.
  router.post('/proses/studio/validasi', owner, json, asyncRoute(async (req, res) => {
    const { problems, readable } = await studio.check(xmlOf(req));
    res.status(readable ? 200 : 422).json({ problems: localizedProblems(problems, langOf(req)) });
  }));

  router.post('/proses/studio/draf', owner, json, asyncRoute(async (req, res) => {
    const saved = await studio.saveDraft(xmlOf(req), userId(req));
    res.status(saved.savedAt ? 200 : 422).json({ ...saved, problems: localizedProblems(saved.problems, langOf(req)) });
  }));

  // An upload (e.g. from the Camunda desktop modeler) becomes the draft if it can be read at all;
  // it never touches the deployed versions.
  router.post('/proses/studio/unggah', owner, json, asyncRoute(async (req, res) => {
    const saved = await studio.saveDraft(xmlOf(req), userId(req));
    const problems = localizedProblems(saved.problems, langOf(req));
    res.status(saved.savedAt ? 200 : 422).json({ ...saved, problems, xml: saved.savedAt ? xmlOf(req) : null });
  }));

  router.post('/proses/studio/buang', owner, asyncRoute(async (req, res) => {
    await studio.discardDraft();
    setFlash(req, 'studio.flash.discarded');
    res.redirect(303, '/proses/studio');
  }));

  router.post('/proses/studio/deploy', owner, json, asyncRoute(async (req, res) => {
    const comment = typeof req.body?.comment === 'string' ? req.body.comment.slice(0, 500) : '';
    const asJson = req.is('application/json') === 'application/json';
    const xml = asJson ? xmlOf(req) : await studio.draftXml();
    if (xml === null) {
      setFlash(req, 'studio.flash.noDraft', 'warn');
      return res.redirect(303, '/proses/studio');
    }
    try {
      const def = await studio.deploy(xml, comment, userId(req));
      setFlash(req, 'studio.flash.deployed');
      if (asJson) res.status(201).json({ id: def.id, version: def.version, location: '/proses' });
      else res.redirect(303, '/proses');
    } catch (err) {
      if (!(err instanceof DeployRefusedError)) throw err;
      const problems = localizedProblems(err.problems, langOf(req));
      if (asJson) res.status(422).json({ problems });
      else deps.renderPage(req, res, 'studio/refused', { title: 'studio.refused.title', problems }, 422);
    }
  }));

  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  router.use('/proses/studio', (err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      return res.status(413).json({ problems: [{ elementId: null, severity: 'error', rule: 'alur', message: `the file is larger than ${MAX_DEFINITION_BYTES} bytes` }] });
    }
    if (err.type === 'entity.parse.failed') return res.status(400).json({ problems: [{ elementId: null, severity: 'error', rule: 'alur', message: 'the request is not valid JSON' }] });
    next(err);
  });
  return router;
}
