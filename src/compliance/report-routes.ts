// Reports for process owners and staff: the compliance page (server-drawn charts and tables),
// per-step compliance as JSON for the diagram, every table as CSV, one case's timing, and the
// printable Tabel 7 per semester. Settings pages: settings-routes.ts.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../auth/guards.js';
import type { Services } from '../composition.js';
import { NotFoundError } from '../errors.js';
import { translate } from '../web/i18n.js';
import { asyncRoute, langOf, type RenderPage } from '../web/page.js';
import { GOOD_SHARE } from './report-figures.js';
import type { Table } from '../csv.js';
import { caseTable, csvChunks, csvTable, isCsvTable, isPartedTable, taskTable } from './report-csv.js';
import type { CaseRow } from './report-figures.js';
import type { ExportPart } from './report-service.js';
import type { TaskTiming } from './task-timing.js';
import { reportPageModel } from './report-page.js';
import { periodFrom, recentSemesters, semesterFrom } from './period.js';
import { casePageModel } from './case-page.js';
import { tabel7PageModel } from './tabel7-page.js';
import { settingsRoutes } from './settings-routes.js';
import { ProcessCatalog } from '../definitions/process-catalog.js';
import { processPaths } from '../definitions/process-key.js';
import { processOf } from './report-process.js';

/** Writes a CSV table piece by piece (csvChunks), so encoding thousands of rows never blocks other requests. */
async function sendCsv(res: Response, header: string[], rows: Iterable<Table['rows']> | AsyncIterable<Table['rows']>): Promise<void> {
  for await (const chunk of csvChunks(header, rows)) res.write(chunk);
  res.end();
}

/** ?halaman=N (1, 2, …) → part N - 1; absent: the first; anything else is no part (404). */
function partOf(value: unknown): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value) || !Number.isSafeInteger(n)) throw new NotFoundError();
  return n - 1;
}

/** ?ambang=80 → 0.8 (50–100 %), else the default. */
function goodShareOf(req: Request): number {
  const n = Number(req.query.ambang);
  return Number.isInteger(n) && n >= 50 && n <= 100 ? n / 100 : GOOD_SHARE;
}

export function reportRoutes(deps: Services & { renderPage: RenderPage }): Router {
  const { compliance, renderPage, now } = deps;
  const router = Router();
  const readers = requireRole('process-owner', 'staff');

  const catalog = new ProcessCatalog(deps.store, now);

  async function reportFor(req: Request) {
    const processKey = await processOf(req, deps.store);
    const period = periodFrom(req.query, await compliance.settings.calendar(), now());
    const report = await compliance.reports.report({ processKey, from: period.from, to: period.to }, goodShareOf(req));
    return { period, report, processKey };
  }

  /** The process choice of the report pages: every deployed process, this one selected. */
  const choices = async (processKey: string) => (await catalog.deployed()).map((p) => ({ ...p, selected: p.key === processKey }));


  router.get('/laporan', readers, asyncRoute(async (req, res) => {
    const { period, report, processKey } = await reportFor(req);
    await nextTurn(); // shaping the page (charts) and rendering it: each a turn of its own
    const model = reportPageModel(report, period, langOf(req));
    const processes = await choices(processKey);
    await nextTurn();
    renderPage(req, res, 'reports/index', {
      ...model, query: `proses=${processKey}&${model.query}`, paths: processPaths(processKey), processes,
      canEdit: req.user!.role === 'process-owner',
    });
  }));

  router.get('/laporan/kepatuhan.json', readers, asyncRoute(async (req, res) => {
    const period = periodFrom(req.query, await compliance.settings.calendar(), now());
    res.set('Cache-Control', 'private, no-store');
    res.json(await compliance.reports.stepCompliance({ processKey: await processOf(req, deps.store), from: period.from, to: period.to }, goodShareOf(req)));
  }));

  router.get('/laporan/unduh/:file', readers, asyncRoute(async (req, res) => {
    const name = String(req.params.file).replace(/\.csv$/, '');
    if (!String(req.params.file).endsWith('.csv') || !isCsvTable(name)) throw new NotFoundError();
    const processKey = await processOf(req, deps.store);
    const period = periodFrom(req.query, await compliance.settings.calendar(), now());
    const query = { processKey, from: period.from, to: period.to };
    const lang = langOf(req);
    const t = (key: string) => translate(lang, key);
    let file = `laporan-${name}-${period.dari}-${period.sampai}`;
    res.set('Cache-Control', 'private, no-store');
    if (!isPartedTable(name)) {
      const table = csvTable(name, await compliance.reports.report(query, goodShareOf(req)), t);
      res.attachment(`${file}.csv`).type('text/csv; charset=utf-8');
      await sendCsv(res, table.header, [table.rows]);
      return;
    }
    // the case and task exports come in parts of CSV_PART_ROWS rows: ?halaman=2, 3, … (a Link header names the next),
    // each read, encoded and written a few hundred rows at a time
    const part = partOf(req.query.halaman);
    const rowsOf = (batch: unknown[]) => (name === 'kasus' ? caseTable(batch as CaseRow[], t) : taskTable(batch as TaskTiming[], t)).rows;
    const exported: ExportPart<unknown> = name === 'kasus' ? await compliance.reports.casePart(query, part) : await compliance.reports.taskPart(query, part);
    const chunks = exported.chunks();
    const first = await chunks.next();
    if (part > 0 && (first.done || first.value.length === 0)) throw new NotFoundError();
    if (exported.more) res.links({ next: `/laporan/unduh/${name}.csv?proses=${processKey}&dari=${period.dari}&sampai=${period.sampai}&halaman=${part + 2}` });
    if (part > 0) file += `-${part + 1}`;
    res.attachment(`${file}.csv`).type('text/csv; charset=utf-8');
    const header = (name === 'kasus' ? caseTable([], t) : taskTable([], t)).header;
    await sendCsv(res, header, (async function* () {
      if (first.done) return;
      yield rowsOf(first.value);
      for await (const batch of chunks) yield rowsOf(batch);
    })());
  }));

  router.get('/laporan/kasus/:id', readers, asyncRoute(async (req, res) => {
    const timing = await compliance.reports.caseTiming(String(req.params.id));
    renderPage(req, res, 'reports/case', casePageModel(timing, langOf(req)));
  }));

  router.get(['/laporan/tabel-7', '/laporan/tabel-7.csv'], readers, asyncRoute(async (req, res) => {
    const calendar = await compliance.settings.calendar();
    const semester = semesterFrom(req.query.semester, calendar, now());
    const processKey = await processOf(req, deps.store);
    const report = await compliance.reports.report({ processKey, from: semester.from, to: semester.to }, goodShareOf(req));
    const lang = langOf(req);
    const def = await deps.definitions.latest(processKey);
    const model = await tabel7PageModel({ report, semester, lang, xml: def.xml, choices: recentSemesters(calendar, now()) });
    if (req.path.endsWith('.csv')) {
      res.attachment(`tabel-7-${semester.key}.csv`).type('text/csv; charset=utf-8');
      await sendCsv(res, model.csv.header, [model.csv.rows]);
      return;
    }
    const processes = await choices(processKey);
    await nextTurn();
    renderPage(req, res, 'reports/tabel-7', { ...model, paths: processPaths(processKey), processes });
  }));

  router.use(settingsRoutes(deps));
  return router;
}
