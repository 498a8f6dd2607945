// Routes of the notifications feature (contact verification, development mailbox).
// SCAFFOLD: filled in by the notifications work (issue 3); mounted by app.ts.
import { Router } from 'express';
import type { Services } from '../composition.js';
import type { RenderPage } from '../web/page.js';

export function notificationRoutes(_deps: Services & { renderPage: RenderPage }): Router {
  return Router();
}
