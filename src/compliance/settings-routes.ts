// Process-owner pages that decide which time counts: the working calendar (time zone, working hours,
// public holidays) and, per process version (`?proses=<key>`, default the first process in the catalogue), calendar or working time and the escalation role of
// each step. A wrong value re-renders with 422 and everything typed; success redirects with 303.
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../auth/guards.js';
import { processPaths } from '../definitions/process-key.js';
import { processOf } from './report-process.js';
import type { Services } from '../composition.js';
import { NotFoundError } from '../errors.js';
import { APPLICANT_GROUP } from '../store/ports.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { calendarFormValues, parseCalendarForm, WEEKDAYS } from './calendar-input.js';

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

/** The groups a late step of this model may be escalated to: its staff groups (never the applicant). */
const escalationGroups = (groups: Array<{ id: string; name: string }>) => groups.filter((g) => g.id !== APPLICANT_GROUP);

export function settingsRoutes(deps: Services & { renderPage: RenderPage }): Router {
  const { compliance, definitions, store, renderPage } = deps;
  const router = Router();
  const owner = requireRole('process-owner');

  function calendarPage(req: Request, res: Response, values: Record<string, unknown>, errors: Record<string, string> = {}, status = 200) {
    const days = WEEKDAYS.map((day) => ({
      day, label: `calendar.day.${day}`, start: values[`mulai${day}`] ?? '', end: values[`selesai${day}`] ?? '', error: errors[`mulai${day}`],
    }));
    const label = (field: string) => (field.startsWith('mulai') ? `calendar.day.${field.slice(5)}` : field === 'libur' ? 'calendar.holidays' : 'calendar.timeZone');
    const errorList = Object.entries(errors).map(([field, message]) => ({ field, label: label(field), message }));
    renderPage(req, res, 'reports/calendar', { title: 'calendar.title', values, days, errors, errorList }, status);
  }

  router.get('/laporan/kalender', owner, asyncRoute(async (req, res) => {
    calendarPage(req, res, calendarFormValues(await compliance.settings.calendarSpec()));
  }));

  router.post('/laporan/kalender', owner, asyncRoute(async (req, res) => {
    const { calendar, errors } = parseCalendarForm(body(req));
    if (Object.keys(errors).length > 0) return calendarPage(req, res, body(req), errors, 422);
    await compliance.settings.saveCalendar(calendar, req.user!);
    setFlash(req, 'calendar.saved');
    res.redirect(303, '/laporan/kalender');
  }));

  /** A version of the process (`proses`, default the first in the catalogue): `versi` = its number, else the latest. */
  async function versionOf(processKey: string, value: unknown) {
    const versions = await store.listDefinitions(processKey);
    const wanted = Number(value);
    const def = Number.isInteger(wanted) && value !== undefined && value !== '' ? versions.find((v) => v.version === wanted) : versions[0];
    if (!def) throw new NotFoundError();
    return { def, versions };
  }

  router.get('/laporan/pengaturan', owner, asyncRoute(async (req, res) => {
    const { def, versions } = await versionOf(await processOf(req, store), req.query.versi);
    const [model, settings] = [await definitions.model(def), await compliance.settings.processSettings(def.id)];
    renderPage(req, res, 'reports/settings', {
      title: 'timeSettings.title', def, settings, paths: processPaths(def.processKey),
      versions: versions.map((v) => ({ version: v.version, selected: v.id === def.id })),
      working: settings.timeBasis === 'working',
      steps: model.userTasks.map((s) => ({
        id: s.id, label: s.sop.stepNo ? `${s.sop.stepNo}. ${s.name}` : s.name, standard: s.timeStandard,
        groups: escalationGroups(model.groups).map((g) => ({ ...g, selected: settings.escalateTo[s.id] === g.id })),
      })),
    });
  }));

  router.post('/laporan/pengaturan', owner, asyncRoute(async (req, res) => {
    const b = body(req);
    const { def } = await versionOf(await processOf(req, store), b.versi);
    const model = await definitions.model(def);
    const offered = new Set(escalationGroups(model.groups).map((g) => g.id));
    const escalateTo: Record<string, string> = {};
    for (const s of model.userTasks) {
      const group = b[`eskalasi_${s.id}`];
      if (typeof group === 'string' && offered.has(group)) escalateTo[s.id] = group;
    }
    await compliance.settings.saveProcessSettings(def.id, { timeBasis: b.waktu === 'working' ? 'working' : 'calendar', escalateTo }, req.user!);
    setFlash(req, 'timeSettings.saved');
    res.redirect(303, `${processPaths(def.processKey).timeSettings}&versi=${def.version}`);
  }));

  return router;
}
