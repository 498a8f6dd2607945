// The link that proves a new contact typed in a form (contact-change.ts): GET /verifikasi/kontak/:channel/:token?ke=<contact>.
// It works with or without a login (the token is enough) and says what changed and what to do next.
import { Router } from 'express';
import { asyncRoute, type RenderPage } from '../web/page.js';
import type { ContactChanges } from './contact-change.js';

export function contactChangeRoutes(deps: { contacts: ContactChanges; renderPage: RenderPage }): Router {
  const router = Router();
  router.get('/verifikasi/kontak/:channel/:token', asyncRoute(async (req, res) => {
    const channel = req.params.channel === 'whatsapp' ? 'whatsapp' : req.params.channel === 'email' ? 'email' : null;
    const target = typeof req.query.ke === 'string' ? req.query.ke : '';
    const { outcome } = channel ? await deps.contacts.confirm(channel, String(req.params.token), target) : { outcome: 'none' as const };
    const status = outcome === 'verified' ? 200 : outcome === 'none' ? 404 : outcome === 'taken' ? 409 : 410;
    deps.renderPage(req, res, 'cases/contact-change', { title: 'contactChange.title', outcome, channel, target: outcome === 'verified' ? target : '', loggedIn: Boolean(req.user) }, status);
  }));
  return router;
}
