// /staf/:id: one staff account's page for the process owner: its system role, status and groups,
// forms to add and remove a group membership (POST, CSRF, audited, idempotent), and its history.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { AppError } from '../errors.js';
import { withArgs } from '../web/i18n.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { auditRow } from './staff-audit-view.js';
import { roleLabel } from './staff-roles.js';
import type { StaffService } from './staff-service.js';

export const personPath = (id: string): string => `/staf/${encodeURIComponent(id)}`;

export function staffPersonRoutes(deps: { staff: StaffService; renderPage: RenderPage; guard: RequestHandler }): Router {
  const { staff, renderPage, guard } = deps;
  const router = Router();

  async function show(req: Request, res: Response, extra: { problem?: string; chosen?: string } = {}, status = 200) {
    const id = String(req.params.id);
    const [p, history] = await Promise.all([staff.person(id), staff.history(id)]);
    renderPage(req, res, 'staff/person', {
      title: 'staff.person.title',
      person: {
        id: p.user.id, path: personPath(p.user.id), name: p.user.displayName, email: p.user.email, role: roleLabel(p.user.role),
        state: p.state, stateLabel: `staff.state.${p.state}`, tasks: p.tasks,
      },
      groups: p.groups,
      others: p.others.map((g) => ({ id: g.id, name: g.name, selected: g.id === extra.chosen })),
      log: history.map(auditRow),
      problem: extra.problem,
    }, status);
  }

  /** Adds or removes one membership; a refusal (4xx but 403/404) re-renders the page with its message, else 303 back. */
  const change = (add: boolean) => asyncRoute(async (req, res) => {
    const id = String(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    let flash: string;
    try {
      const { changed, group, released } = await staff.changeGroup(req.user!, id, body.grup, add);
      flash = !changed ? withArgs('staff.flash.groupUnchanged', group.name)
        : add ? withArgs('staff.flash.groupAdded', group.name)
        : withArgs('staff.flash.groupRemoved', group.name, String(released));
    } catch (err) {
      if (err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 404 && err.status !== 403) {
        return show(req, res, { problem: err.code, chosen: typeof body.grup === 'string' ? body.grup : undefined }, err.status);
      }
      throw err;
    }
    setFlash(req, flash);
    res.redirect(303, personPath(id));
  });

  router.get('/staf/:id', guard, asyncRoute(async (req, res) => show(req, res)));
  router.post('/staf/:id/grup/tambah', guard, change(true));
  router.post('/staf/:id/grup/hapus', guard, change(false));
  return router;
}
