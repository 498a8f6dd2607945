// Pages for an applicant whose e-mail or WhatsApp is not yet verified carry a notice naming what is
// missing, with a link to /verifikasi (views/partials/contact-notice.hbs, in the layout).
import type { Request, Response } from 'express';
import type { RenderPage } from '../web/page.js';
import { missingContacts } from './verification-service.js';

export function withContactNotice(renderPage: RenderPage): RenderPage {
  return (req: Request, res: Response, view: string, context: Record<string, unknown> = {}, status = 200) => {
    const user = req.user;
    const missing = user?.role === 'applicant' && !view.startsWith('notifications/') ? missingContacts(user) : [];
    renderPage(req, res, view, missing.length > 0 ? { contactNotice: { missing }, ...context } : context, status);
  };
}
