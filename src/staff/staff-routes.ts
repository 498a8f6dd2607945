// /staf: staff administration pages for the administering role (process owner): the list with
// each person's groups, the invitation form (system role and groups), deactivate / reactivate /
// reset-password buttons, and the staff audit log; one person's groups: staff-person-routes.ts.
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../auth/guards.js';
import { AppError, ValidationError } from '../errors.js';
import { withArgs } from '../web/i18n.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { pageNumber } from '../web/query-params.js';
import { auditRow } from './staff-audit-view.js';
import { staffPersonRoutes } from './staff-person-routes.js';
import { INVITABLE_ROLES, roleLabel, STAFF_ADMIN_ROLES } from './staff-roles.js';
import { MAX_NAME, type StaffService } from './staff-service.js';

const FIELD_LABELS: Record<string, string> = { nama: 'field.displayName', email: 'field.email', peran: 'staff.role', grup: 'staff.groups' };
type FormValues = Record<string, string> & { grup?: string[] };

export function staffRoutes(deps: { staff: StaffService; renderPage: RenderPage }): Router {
  const { staff, renderPage } = deps;
  const router = Router();
  const guard = requireRole(...STAFF_ADMIN_ROLES);

  async function show(req: Request, res: Response, extra: { values?: FormValues; errors?: Record<string, string>; problem?: string } = {}, status = 200) {
    const [list, log, groups] = await Promise.all([staff.page(pageNumber(req.query.halaman)), staff.auditPage(pageNumber(req.query.riwayat)), staff.groups()]);
    const errors = extra.errors ?? {};
    const values = extra.values ?? {};
    renderPage(req, res, 'staff/index', {
      title: 'staff.title',
      rows: list.rows.map((r) => ({
        id: r.user.id, name: r.user.displayName, email: r.user.email, role: roleLabel(r.user.role), state: r.state,
        stateLabel: `staff.state.${r.state}`, tasks: r.tasks, self: r.user.id === req.user?.id, groups: r.groups,
      })),
      total: list.total,
      paging: list.pages > 1 ? {
        page: list.page, pages: list.pages,
        prev: list.page > 1 ? `/staf?halaman=${list.page - 1}` : null,
        next: list.page < list.pages ? `/staf?halaman=${list.page + 1}` : null,
      } : null,
      log: log.entries.map(auditRow),
      logNewer: log.page > 1 ? `/staf?riwayat=${log.page - 1}#riwayat` : null,
      logOlder: log.older ? `/staf?riwayat=${log.page + 1}#riwayat` : null,
      roles: INVITABLE_ROLES.map((r) => ({ value: r, label: roleLabel(r), selected: values.peran === r })),
      groupOptions: groups.map((g) => ({ value: g.id, label: `${g.name} (${g.id})`, literal: true })),
      chosenGroups: values.grup ?? [],
      values, errors, maxName: MAX_NAME, problem: extra.problem,
      errorList: Object.entries(errors).map(([field, message]) => ({ field, message, label: FIELD_LABELS[field] ?? field })),
    }, status);
  }

  /** Runs a staff action; a refusal (4xx) re-renders the page with its message, else 303 to /staf with a flash. */
  const action = (run: (req: Request) => Promise<string>) => asyncRoute(async (req, res) => {
    let flash: string;
    try {
      flash = await run(req);
    } catch (err) {
      if (err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 404 && err.status !== 403) {
        return show(req, res, { problem: err.code }, err.status);
      }
      throw err;
    }
    setFlash(req, flash);
    res.redirect(303, '/staf');
  });

  router.get('/staf', guard, asyncRoute(async (req, res) => show(req, res)));

  router.post('/staf/undang', guard, asyncRoute(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: FormValues = Object.fromEntries(['nama', 'email', 'peran'].map((k) => [k, typeof body[k] === 'string' ? (body[k] as string).slice(0, 1000) : '']));
    values.grup = (Array.isArray(body.grup) ? body.grup : [body.grup]).filter((g): g is string => typeof g === 'string').slice(0, 200);
    try {
      const user = await staff.invite(req.user!, body);
      setFlash(req, withArgs('staff.flash.invited', user.email));
    } catch (err) {
      if (err instanceof ValidationError) return show(req, res, { values, errors: err.fieldErrors }, 422);
      throw err;
    }
    res.redirect(303, '/staf');
  }));

  router.post('/staf/:id/nonaktifkan', guard, action(async (req) => {
    const { released } = await staff.deactivate(req.user!, String(req.params.id));
    return withArgs('staff.flash.deactivated', String(released));
  }));
  router.post('/staf/:id/aktifkan', guard, action(async (req) => {
    await staff.reactivate(req.user!, String(req.params.id));
    return 'staff.flash.reactivated';
  }));
  router.post('/staf/:id/atur-ulang-sandi', guard, action(async (req) => {
    await staff.resetPassword(req.user!, String(req.params.id));
    return 'staff.flash.resetSent';
  }));
  router.use(staffPersonRoutes({ staff, renderPage, guard }));

  return router;
}
