// The receipt (Bukti) of a completed case: GET /kasus/:id/bukti.pdf for its applicant and staff, and
// the public verification page GET /bukti/:code, which says whether a receipt is genuine and shows
// no personal data beyond the applicant's name and the service.
import { Router } from 'express';
import { requireLogin } from '../auth/guards.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { NotFoundError, ForbiddenError } from '../errors.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { mayViewCase, statusKey } from '../cases/case-page.js';
import type { Links } from '../notifications/messages.js';
import type { CaseRecord, Store } from '../store/ports.js';
import { translate } from '../web/i18n.js';
import type { OfficeInfo } from '../web/office.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { caseOfReceipt, receiptCode } from './receipt-code.js';
import { receiptPdf } from './receipt-pdf.js';

export interface ReceiptRouteDeps {
  store: Store;
  definitions: DefinitionService;
  formRegistry: FormRegistry;
  links: Links;
  office: OfficeInfo;
  renderPage: RenderPage;
}

/** The link a receipt's QR code holds. */
export const verifyPath = (code: string): string => `/bukti/${encodeURIComponent(code)}`;

export function receiptRoutes(deps: ReceiptRouteDeps): Router {
  const { store } = deps;
  const router = Router();

  /** What a receipt states: the result (the end status, e.g. 'Aktif'), when it ended, the systems. */
  const factsOf = async (c: CaseRecord) => {
    const [done, audit, def] = await Promise.all([store.listTasks({ caseId: c.id, status: 'completed', limit: 1000 }), store.listAudit(c.id), deps.definitions.byId(c.definitionId)]);
    const ended = audit.filter((e) => e.type === 'case.completed').at(-1);
    const systems = audit.filter((e) => e.type === 'account.activated').flatMap((e) => (Array.isArray(e.data.systems) ? e.data.systems.map(String) : []));
    return { processName: def.name, result: statusKey(c, [], done, audit, deps.formRegistry), completedAt: ended?.at ?? c.updatedAt, systems };
  };

  router.get('/kasus/:id/bukti.pdf', requireLogin, asyncRoute(async (req, res) => {
    const c = await store.getCase(String(req.params.id));
    if (!c) throw new NotFoundError();
    if (!mayViewCase(c, req.user!)) throw new ForbiddenError();
    const code = receiptCode(c);
    if (c.status !== 'completed' || !code) throw new NotFoundError('receipt.notReady');
    const f = await factsOf(c);
    const pdf = await receiptPdf({
      office: deps.office.name, processName: f.processName, caseNumber: c.caseNumber!, applicantName: c.applicantName,
      submittedAt: c.createdAt, completedAt: f.completedAt, result: translate('id', f.result), systems: f.systems,
      verifyUrl: deps.links.to(verifyPath(code)),
    });
    res.set('Cache-Control', 'private, no-store');
    res.attachment(`bukti-${c.caseNumber}.pdf`).type('application/pdf').send(pdf);
  }));

  router.get('/bukti/:code', asyncRoute(async (req, res) => {
    const c = await caseOfReceipt(store, String(req.params.code));
    if (!c || c.status !== 'completed') {
      return deps.renderPage(req, res, 'cases/receipt-verify', { title: 'receipt.title', genuine: false }, 404);
    }
    const f = await factsOf(c);
    deps.renderPage(req, res, 'cases/receipt-verify', {
      title: 'receipt.title', genuine: true, caseNumber: c.caseNumber, processName: f.processName, applicantName: c.applicantName,
      result: f.result, completedAt: f.completedAt,
    });
  }));

  return router;
}
