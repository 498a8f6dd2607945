// Routes of the notifications feature: contact verification and the development mailbox.
import { Router } from 'express';
import type { Services } from '../composition.js';
import type { RenderPage } from '../web/page.js';
import { mailboxRoutes } from './mailbox-routes.js';
import { verificationRoutes } from './verification-routes.js';

export function notificationRoutes(deps: Services & { renderPage: RenderPage }): Router {
  const router = Router();
  router.use(verificationRoutes(deps));
  router.use(mailboxRoutes({ store: deps.store, renderPage: deps.renderPage, devChannels: deps.devChannels, scope: deps.mailbox }));
  return router;
}
