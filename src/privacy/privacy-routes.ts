// The privacy notice page, and the applicant's download of their own data (UU 27/2022 access right).
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { PRIVACY_NOTICE_VERSION, PRIVACY_SECTIONS } from './privacy-notice.js';

/** The requests in one data export: every case an applicant can have made (case starts are rate-limited). */
const EXPORT_CASES_LIMIT = 1000;

export function privacyRoutes(deps: { store: Store; renderPage: RenderPage; now: () => Date }): Router {
  const { store, renderPage } = deps;
  const router = Router();

  router.get('/privasi', (req, res) => renderPage(req, res, 'privacy/notice', { title: 'privacy.title', version: PRIVACY_NOTICE_VERSION, sections: PRIVACY_SECTIONS }));

  router.get('/permohonan/data.json', requireRole('applicant'), asyncRoute(async (req, res) => {
    const user = req.user!;
    const cases = await store.listCasesByApplicant(user.id, EXPORT_CASES_LIMIT);
    const at = deps.now().toISOString();
    const export_ = {
      exportedAt: at,
      account: {
        email: user.email, whatsapp: user.whatsapp, displayName: user.displayName, status: user.status, createdAt: user.createdAt,
        emailVerifiedAt: user.emailVerifiedAt, whatsappVerifiedAt: user.whatsappVerifiedAt,
        privacyNoticeVersion: user.privacyNoticeVersion, privacyAcknowledgedAt: user.privacyAcknowledgedAt,
      },
      applications: await Promise.all(cases.map(async (c) => ({
        id: c.id, process: c.processKey, status: c.status, processVersion: c.definitionVersion, createdAt: c.createdAt, updatedAt: c.updatedAt,
        data: c.data,
        documents: (await store.listDocuments(c.id)).map(({ storedName: _s, ...d }) => d),
        processingHistory: (await store.listAudit(c.id)).map(({ id: _i, caseId: _c, ...e }) => e),
      }))),
    };
    await store.appendAudit(cases.map((c) => ({ id: randomUUID(), caseId: c.id, at, actorId: user.id, actorName: user.displayName, type: 'data.exported' as const, taskId: null, data: {} })));
    res.set('Cache-Control', 'private, no-store');
    res.attachment(`data-saya-${at.slice(0, 10)}.json`).type('application/json').send(JSON.stringify(export_, null, 2));
  }));

  return router;
}
