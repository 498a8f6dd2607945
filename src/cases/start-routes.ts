// Routes that start a case: the public catalogue (/layanan), an applicant's start form
// (/layanan/:key/mulai), and staff's "Permohonan baru" (/permohonan-baru, /proses/:key/permohonan-baru).
// Every route is authorised again by the start service; a refused form answers 422 with the typed values.
import { Router, type Request, type Response } from 'express';
import { requireLogin } from '../auth/guards.js';
import { FormRejected } from '../forms/form-warnings.js';
import type { RateLimits } from '../auth/rate-limits.js';
import { refuseLimited } from '../web/security.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { catalogueView, startPageModel } from './start-page.js';
import type { StartMode, StartService } from './start-service.js';
import type { ServiceGuide } from './service-guide.js';
import { literal } from '../web/i18n.js';

const keyOf = (req: Request): string => String(req.params.key);

export function startRoutes(deps: { starts: StartService; guide: ServiceGuide; renderPage: RenderPage; limits: RateLimits }): Router {
  const { starts, renderPage } = deps;
  const router = Router();

  router.get('/layanan', asyncRoute(async (req, res) => {
    renderPage(req, res, 'services/catalogue', { title: 'services.title', services: await publicServices(starts, req) });
  }));

  // the start page of a public service, open to visitors: what it is for, who may apply, what to prepare, how long
  router.get('/layanan/:key', asyncRoute(async (req, res) => {
    const guide = await deps.guide.startGuide(keyOf(req));
    const [entry] = catalogueView([guide.process], req.user, new Set(starts.packStartPath(guide.process.processKey) ? [guide.process.startPath] : []));
    renderPage(req, res, 'services/guide', {
      title: literal(guide.process.name), process: guide.process, startHref: entry!.startHref,
      prepare: guide.prepare, audience: guide.audience, steps: guide.steps.map((s) => ({ name: s.name, stepNo: s.sop.stepNo })),
      staffViewer: Boolean(req.user && req.user.role !== 'applicant'),
    });
  }));

  router.get('/permohonan-baru', requireLogin, asyncRoute(async (req, res) => {
    renderPage(req, res, 'services/staff-list', { title: 'start.staffListTitle', services: await starts.staffStartable(req.user!) });
  }));

  const page = (mode: StartMode) => asyncRoute(async (req, res) => {
    const pack = mode === 'applicant' ? starts.packStartPath(keyOf(req)) : null;
    if (pack) return res.redirect(303, pack); // a pack starts this process its own way (e.g. a sign-up page)
    const { process, form } = await starts.startPage(keyOf(req), req.user!, mode);
    renderPage(req, res, 'services/start', startPageModel(process, form, mode, defaultsOf(form.fields)));
  });
  const submit = (mode: StartMode) => asyncRoute(async (req, res) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    // NOTE: counted before the start, so parallel posts cannot pass together; a refusal keeps every value typed
    const verdict = await deps.limits.hit(['caseStart', req.user!.id]);
    if (!verdict.allowed) return rerender(req, res, mode, raw, {}, 429, refuseLimited(res, 'limits.caseStart', verdict.retryAfterS));
    try {
      const c = await starts.start(keyOf(req), req.user!, raw, mode);
      res.redirect(303, mode === 'applicant' ? `/kasus/${c.id}/terkirim` : `/kasus/${c.id}`); // the applicant's confirmation
    } catch (err) {
      if (!(err instanceof FormRejected)) throw err;
      await rerender(req, res, mode, raw, err.fieldErrors);
    }
  });
  async function rerender(req: Request, res: Response, mode: StartMode, raw: Record<string, unknown>, errors: Record<string, string>, status = 422, limitError?: string) {
    const { process, form } = await starts.startPage(keyOf(req), req.user!, mode);
    renderPage(req, res, 'services/start', { ...startPageModel(process, form, mode, raw, errors), limitError }, status);
  }

  router.get('/layanan/:key/mulai', requireLogin, page('applicant'));
  router.post('/layanan/:key/mulai', requireLogin, submit('applicant'));
  router.get('/proses/:key/permohonan-baru', requireLogin, page('staff'));
  router.post('/proses/:key/permohonan-baru', requireLogin, submit('staff'));
  return router;
}

/** The public catalogue as the viewer sees it (visitors log in before starting). */
export async function publicServices(starts: StartService, req: Request) {
  const entries = await starts.publicCatalogue();
  const packPaths = new Set(entries.map((e) => starts.packStartPath(e.processKey)).filter((p): p is string => p !== null));
  return catalogueView(entries, req.user, packPaths);
}

function defaultsOf(fields: Array<{ name: string; defaultValue?: string }>): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue!]));
}
