// The development mailbox (GET /kotak-surat, process owners): the outbox newest first with its
// delivery state. mailbox-scope.ts decides whose messages are listed ('everyone' in development, the
// reader's own in test) and 'off' (production) leaves the page out (404). Bodies are shown only
// for channels delivered to this mailbox (no SMTP/webhook), never for messages that went to a real
// recipient.
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import type { Channel, Store, UserRecord } from '../store/ports.js';
import { asyncRoute, type RenderPage } from '../web/page.js';
import { pageNumber } from '../web/query-params.js';
import type { MailboxScope } from './mailbox-scope.js';

const PAGE_SIZE = 50;

export function mailboxRoutes(deps: { store: Store; renderPage: RenderPage; devChannels: readonly Channel[]; scope: MailboxScope }): Router {
  const { store, renderPage, devChannels, scope } = deps;
  const router = Router();
  if (scope === 'off') return router;

  router.get('/kotak-surat', requireRole('process-owner'), asyncRoute(async (req, res) => {
    const pageNo = pageNumber(req.query.halaman);
    const whose = scope === 'own' ? { userId: req.user!.id } : {};
    const messages = await store.listMessages({ ...whose, limit: PAGE_SIZE + 1, offset: (pageNo - 1) * PAGE_SIZE });
    const ids = [...new Set(messages.map((m) => m.userId).filter((x): x is string => Boolean(x)))];
    const users = new Map((await Promise.all(ids.map((id) => store.getUser(id)))).filter((u): u is UserRecord => Boolean(u)).map((u) => [u.id, u]));
    renderPage(req, res, 'notifications/mailbox', {
      title: 'mailbox.title',
      devChannels: devChannels.map((c) => `channel.${c}`),
      ownOnly: scope === 'own',
      rows: messages.slice(0, PAGE_SIZE).map((m) => ({
        ...m,
        userEmail: m.userId ? (users.get(m.userId)?.email ?? null) : null,
        showBody: devChannels.includes(m.channel),
      })),
      prev: pageNo > 1 ? pageNo - 1 : null,
      next: messages.length > PAGE_SIZE ? pageNo + 1 : null,
    });
  }));

  return router;
}
