// Reassigning an Admin PPE task to another Admin PPE with a reason.
// SCAFFOLD: filled in by the inbox work (issue 3); mounted by app.ts.
import { Router } from 'express';
import type { Services } from '../composition.js';
import type { RenderPage } from '../web/page.js';

export function reassignRoutes(_deps: Services & { renderPage: RenderPage }): Router {
  return Router();
}
