// Versions of a process for its owners (under /proses/:key): a readable diff between any two versions, and rollback
// (deploys an earlier version again, as a new version).
import { Router } from 'express';
import { requireRole } from '../auth/guards.js';
import { NotFoundError } from '../errors.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { diffDefinitions, type FieldChange } from '../workflow/index.js';
import type { DefinitionService } from './definition-service.js';
import { processKeyOf } from './process-guard.js';
import { processPaths } from './process-key.js';

const SOP_FIELDS = new Set(['name', 'documentation', 'condition', 'default', 'role', 'form', 'formFields', 'langkah', 'uraian', 'requirements', 'time', 'output', 'keterangan']);

export function versionRoutes(deps: { definitions: DefinitionService; renderPage: RenderPage }): Router {
  const router = Router({ mergeParams: true });
  const owner = requireRole('process-owner');
  const versionOf = async (id: unknown, processKey: string) => {
    const def = typeof id === 'string' && id ? await deps.definitions.byId(id) : null;
    if (!def || def.processKey !== processKey) throw new NotFoundError('error.noDefinition');
    return def;
  };

  router.get('/beda', owner, asyncRoute(async (req, res) => {
    const key = processKeyOf(res);
    const [before, after] = [await versionOf(req.query.dari, key), await versionOf(req.query.ke, key)];
    const raw = await diffDefinitions(before.xml, after.xml);
    // SOP fields have labels; other BPMN attributes (e.g. conditionExpression) show their own name
    const labelled = (c: FieldChange) => ({ ...c, labelKey: SOP_FIELDS.has(c.field) ? `diff.field.${c.field}` : null });
    const diff = { ...raw, changed: raw.changed.map((e) => ({ ...e, changes: e.changes.map(labelled) })) };
    const empty = !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.layoutChanged.length && !diff.identity.length;
    deps.renderPage(req, res, 'processes/diff', { title: 'diff.title', before, after, diff, empty, paths: processPaths(key) });
  }));

  router.post('/versi/:id/rollback', owner, asyncRoute(async (req, res) => {
    const key = processKeyOf(res);
    const old = await versionOf(req.params.id, key);
    const comment = typeof req.body?.comment === 'string' ? req.body.comment.slice(0, 500) : '';
    await deps.definitions.rollback(old.id, req.user?.id ?? null, comment);
    setFlash(req, 'diff.flash.rolledBack');
    res.redirect(303, processPaths(key).page);
  }));
  return router;
}
