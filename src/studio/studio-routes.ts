// The modeler of one process (process owners), mounted under /proses/:key: the page, and JSON
// endpoints for opening, validating, saving a draft, uploading, deploying and dismissing import notes; discarding and
// deploying the saved draft also work as plain forms. JSON requests carry the CSRF token in
// `x-csrf-token`. The process comes from the URL (processKeyOf), checked by processGuard.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { requireRole } from '../auth/guards.js';
import { DeployRefusedError } from '../definitions/deploy-refused-error.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { processKeyOf } from '../definitions/process-guard.js';
import { processPaths } from '../definitions/process-key.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, langOf, setFlash, type RenderPage } from '../web/page.js';
import { MAX_DEFINITION_BYTES, type DefinitionProblem } from '../workflow/index.js';
import { localizedProblems } from './problem-messages.js';
import { importNotes, noteIds } from '../definitions/sop-import-notes.js';
import { StudioService } from './studio-service.js';

export interface StudioDeps {
  store: Store;
  definitions: DefinitionService;
  renderPage: RenderPage;
  now?: () => Date;
}

const xmlOf = (req: Request): string => (typeof req.body?.xml === 'string' ? req.body.xml : '');
const userId = (req: Request): string | null => req.user?.id ?? null;

export function studioRoutes(deps: StudioDeps): Router {
  const router = Router({ mergeParams: true });
  const owner = requireRole('process-owner');
  const studioOf = (res: Response) => new StudioService(deps, processKeyOf(res));
  // NOTE: the XML travels as JSON; the limit leaves room for JSON escaping of a 1 MiB file.
  const json = express.json({ limit: Math.ceil(MAX_DEFINITION_BYTES * 1.5) });

  router.get('/studio', owner, asyncRoute(async (req, res) => {
    const processKey = processKeyOf(res);
    const doc = await studioOf(res).open();
    deps.renderPage(req, res, 'studio/modeler', {
      title: 'studio.title', doc, processKey, paths: processPaths(processKey), maxBytes: MAX_DEFINITION_BYTES,
      forms: JSON.stringify(deps.definitions.formKeys()),
      groups: JSON.stringify((await deps.store.listGroups()).map((g) => ({ id: g.id, name: g.name }))), // the panel adds 'pemohon'
    });
  }));

  // the draft's import notes come worded in the owner's language (src/definitions/sop-import-notes.ts)
  router.get('/studio/xml', owner, asyncRoute(async (req, res) => {
    const { importProblems, ...doc } = await studioOf(res).open();
    res.json({ ...doc, importNotes: importNotes(importProblems, langOf(req)) });
  }));

  // Import notes the owner fixed (then saved) or marked done leave the draft.
  router.post('/studio/impor/selesai', owner, json, asyncRoute(async (req, res) => {
    const ids = noteIds(req.body?.ids);
    if (!ids) return void res.status(422).json({ dismissed: [] });
    await deps.store.dismissProcessDraftProblems(processKeyOf(res), ids);
    res.json({ dismissed: ids });
  }));

  router.get('/studio/draf.bpmn', owner, asyncRoute(async (_req, res) => {
    const doc = await studioOf(res).open();
    res.attachment(`${processKeyOf(res)}-${doc.source === 'draft' ? 'draf' : `v${doc.version}`}.bpmn`).type('application/xml').send(doc.xml);
  }));

  // A file that cannot be read at all is refused (422) with the reason; one that can is 200 with its problems.
  router.post('/studio/validasi', owner, json, asyncRoute(async (req, res) => {
    const { problems, readable } = await studioOf(res).check(xmlOf(req));
    res.status(readable ? 200 : 422).json({ problems: localizedProblems(problems, langOf(req), processKeyOf(res)) });
  }));

  router.post('/studio/draf', owner, json, asyncRoute(async (req, res) => {
    const saved = await studioOf(res).saveDraft(xmlOf(req), userId(req));
    res.status(saved.savedAt ? 200 : 422).json({ savedAt: saved.savedAt, problems: localizedProblems(saved.problems, langOf(req), processKeyOf(res)) });
  }));

  // An upload (e.g. from the Camunda desktop modeler) becomes the draft if it can be read at all,
  // as imported (foreign prefixes renamed: `xml` is what the modeler opens); it never touches the deployed versions.
  router.post('/studio/unggah', owner, json, asyncRoute(async (req, res) => {
    const saved = await studioOf(res).saveDraft(xmlOf(req), userId(req));
    const problems = localizedProblems(saved.problems, langOf(req), processKeyOf(res));
    res.status(saved.savedAt ? 200 : 422).json({ ...saved, problems });
  }));

  router.post('/studio/buang', owner, asyncRoute(async (req, res) => {
    const studio = studioOf(res);
    await studio.discardDraft();
    setFlash(req, 'studio.flash.discarded');
    // a new SOP that was never deployed has nothing left to open: back to the catalogue
    res.redirect(303, (await studio.hasVersion()) ? processPaths(studio.processKey).studio : '/proses');
  }));

  router.post('/studio/deploy', owner, json, asyncRoute(async (req, res) => {
    const studio = studioOf(res);
    const paths = processPaths(studio.processKey);
    const comment = typeof req.body?.comment === 'string' ? req.body.comment.slice(0, 500) : '';
    const asJson = req.is('application/json') === 'application/json';
    const xml = asJson ? xmlOf(req) : await studio.draftXml();
    if (xml === null) {
      setFlash(req, 'studio.flash.noDraft', 'warn');
      return res.redirect(303, paths.studio);
    }
    try {
      const def = await studio.deploy(xml, comment, userId(req));
      setFlash(req, 'studio.flash.deployed');
      if (asJson) res.status(201).json({ id: def.id, version: def.version, location: paths.page });
      else res.redirect(303, paths.page);
    } catch (err) {
      if (!(err instanceof DeployRefusedError)) throw err;
      const problems = localizedProblems(err.problems, langOf(req), processKeyOf(res));
      if (asJson) res.status(422).json({ problems });
      else deps.renderPage(req, res, 'studio/refused', { title: 'studio.refused.title', problems, paths }, 422);
    }
  }));

  router.use('/studio', (err: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      const tooLarge: DefinitionProblem = { elementId: null, severity: 'error', rule: 'alur', code: 'request-too-large', args: { max: String(MAX_DEFINITION_BYTES) }, message: `the file is larger than ${MAX_DEFINITION_BYTES} bytes` };
      return res.status(413).json({ problems: localizedProblems([tooLarge], langOf(req)) });
    }
    if (err.type === 'entity.parse.failed') {
      const notJson: DefinitionProblem = { elementId: null, severity: 'error', rule: 'alur', code: 'request-not-json', message: 'the request is not valid JSON' };
      return res.status(400).json({ problems: localizedProblems([notJson], langOf(req)) });
    }
    next(err);
  });
  return router;
}
