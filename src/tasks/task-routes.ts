// Task routes: inboxes (Tugas Saya, Kotak Masuk), the task page, completing a task (with
// uploads) or saving it as a draft ("Simpan Draf", `_action=draf`), taking (one, several, the next)
// and releasing; after a staff decision the next task opens, not the inbox.
import { Router, type Request, type Response } from 'express';
import { requireGroupWorker, requireLogin, requireRole } from '../auth/guards.js';
import type { CaseService, StoredUpload } from '../cases/case-service.js';
import { assertMayAct } from '../cases/task-access.js';
import { DraftService } from '../cases/draft-service.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { FormRejected } from '../forms/form-warnings.js';
import { APPLICANT_GROUP, type CaseRecord, type Store, type TaskRecord } from '../store/ports.js';
import type { FormDef } from '../forms/form-types.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { csrfCheck } from '../web/security.js';
import { checkUploads, UploadRejected, uploadMiddleware, uploadRoute, type UploadOutcome } from '../web/uploads.js';
import type { AssignmentService } from './assignment-service.js';
import type { CaseSubjectOf } from './case-subject.js';
import { inboxModel } from './inbox-page.js';
import { taskPageModel } from './task-page.js';
import { nextAfterDecision, takeMany, takeNext, type TakeResult } from './work-queue.js';

declare module 'express-session' {
  interface SessionData {
    /** What a bulk take did to each task, shown once on Tugas Saya. */
    bulkTake?: TakeResult[];
  }
}

/** The task ids a bulk take form sends (`tugas`, one or many). */
function idsOf(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}

export interface TaskRouteDeps {
  store: Store;
  cases: CaseService;
  assignments: AssignmentService;
  renderPage: RenderPage;
  uploadDir: string;
  now: () => Date;
  formRegistry: FormRegistry;
  /** What the inboxes show beside the applicant (from the process packs). */
  caseSubject?: CaseSubjectOf;
}

export const MULTIPART_ROUTE = /^\/tugas\/[^/]+$/;

export function taskRoutes(deps: TaskRouteDeps): Router {
  const { store, cases, assignments, renderPage, now } = deps;
  const drafts = new DraftService({ store, cases, now });
  const modelForms = (c: CaseRecord) => cases.modelFormsWithData(c);
  const router = Router();

  const loadTask = async (req: Request): Promise<TaskRecord> => {
    const task = await store.getTask(String(req.params.id));
    if (!task) throw new NotFoundError();
    assertMayAct(task, req.user!);
    return task;
  };

  router.get('/tugas', requireLogin, asyncRoute(async (req, res) => {
    const bulkTake = req.session.bulkTake;
    if (bulkTake) delete req.session.bulkTake;
    const model = await inboxModel(store, req.user!, 'mine', req.query, now(), deps.caseSubject, assignments);
    renderPage(req, res, 'tasks/inbox', { ...model, ...(bulkTake ? { bulkTake: bulkResultView(bulkTake) } : {}) });
  }));

  router.get('/kotak-masuk', requireGroupWorker, asyncRoute(async (req, res) => {
    renderPage(req, res, 'tasks/inbox', await inboxModel(store, req.user!, 'queue', req.query, now(), deps.caseSubject, assignments));
  }));

  // NOTE: under /kotak-masuk, not /tugas/:id (that path is the multipart completion of one task)
  router.post('/kotak-masuk/ambil', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    const ids = idsOf((req.body as Record<string, unknown> | undefined)?.tugas);
    if (ids.length === 0) {
      setFlash(req, 'bulk.none', 'warn');
      return res.redirect(303, '/kotak-masuk');
    }
    req.session.bulkTake = await takeMany(assignments, store, req.user!, ids);
    res.redirect(303, '/tugas');
  }));

  router.post('/kotak-masuk/berikutnya', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    const process = (req.body as Record<string, unknown> | undefined)?.proses;
    const task = await takeNext(assignments, store, req.user!, typeof process === 'string' ? process : '');
    if (!task) {
      setFlash(req, 'next.none', 'warn');
      return res.redirect(303, '/kotak-masuk');
    }
    setFlash(req, 'next.taken');
    res.redirect(303, `/tugas/${task.id}`);
  }));

  router.get('/tugas/:id', requireLogin, asyncRoute(async (req, res) => {
    const task = await loadTask(req);
    const form = await cases.formOf(task);
    const staged = req.session.staged?.[task.id];
    const draft = await drafts.load(task, req.user!);
    renderPage(req, res, 'tasks/task', await taskPageModel(store, { task, form, forms: deps.formRegistry, modelForms, viewer: req.user!, now: now(), draft, ...(staged ? { staged } : {}) }));
  }));

  // NOTE: the task and its form are loaded (and the viewer authorised) before multer parses the
  // body, so nothing is written for a refused request and only the form's file fields are taken.
  const loadTaskForm = asyncRoute(async (req, res, next) => {
    const task = await loadTask(req);
    const form = await cases.formOf(task);
    res.locals.taskForm = { task, form };
    req.fileFields = form.fields.filter((f) => f.type === 'file').map((f) => f.name);
    next();
  });

  /** Stored names of the documents of the task's case (files recorded after all, kept on an error). */
  const recordedFiles = async (_req: Request, res: Response): Promise<ReadonlySet<string>> => {
    const taskForm = res.locals.taskForm as { task: TaskRecord } | undefined;
    return new Set(taskForm ? (await store.listDocuments(taskForm.task.caseId)).map((d) => d.storedName) : []);
  };

  router.post('/tugas/:id', requireLogin, loadTaskForm, uploadMiddleware(deps.uploadDir), csrfCheck, ...uploadRoute(async (req, res) => {
    const user = req.user!;
    const { task, form } = res.locals.taskForm as { task: TaskRecord; form: FormDef };
    const draft = await drafts.load(task, user);
    const rerender = async (errors: Record<string, string>, keep: StoredUpload[], staged?: StoredUpload[], warnings?: FormRejected['warnings']): Promise<UploadOutcome> => {
      const model = await taskPageModel(store, {
        task, form, forms: deps.formRegistry, modelForms, viewer: user, now: now(), values: req.body ?? {}, errors, draft, ...(staged ? { staged } : {}), ...(warnings ? { warnings } : {}),
      });
      return { keep, respond: () => renderPage(req, res, 'tasks/task', model, 422) };
    };

    // NOTE: accepted files, newest first: this request's, then those kept in the session after a
    // failed submission, then those kept with the draft
    const staged = [...(req.session.staged?.[task.id] ?? []), ...(draft?.staged ?? [])];
    let uploads: StoredUpload[];
    try {
      if (req.uploadError) throw req.uploadError;
      uploads = await checkUploads(req);
    } catch (err) {
      if (!(err instanceof UploadRejected)) throw err;
      return rerender({ [err.field || req.fileFields?.[0] || '_upload']: err.reason }, [], staged);
    }
    const files = [...uploads, ...staged].filter((f, i, all) => all.findIndex((g) => g.field === f.field) === i);
    const asDraft = req.body?._action === 'draf';
    try {
      if (asDraft) await drafts.save(task.id, user, req.body ?? {}, files);
      else await cases.completeTask(task.id, user, req.body ?? {}, files);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      if (files.length > 0) stage(req, task.id, files);
      return rerender(err.fieldErrors, files, files, err instanceof FormRejected ? err.warnings : undefined);
    }
    if (req.session.staged) delete req.session.staged[task.id];
    if (asDraft) {
      setFlash(req, 'flash.draftSaved');
      return { keep: files, respond: () => res.redirect(303, `/tugas/${task.id}`) };
    }
    if (user.role === 'applicant' || task.groupId === APPLICANT_GROUP) {
      setFlash(req, 'flash.taskCompleted');
      // the applicant's confirmation (nomor permohonan, what happens next: src/cases/submitted-page.ts)
      return { keep: files, respond: () => res.redirect(303, `/kasus/${task.caseId}/terkirim`) };
    }
    // staff go on with their next task (held first, else the most urgent waiting), not the inbox
    const next = await nextAfterDecision(store, user);
    setFlash(req, next ? (next.held ? 'next.afterDecision.mine' : 'next.afterDecision.queue') : 'next.afterDecision.none');
    return { keep: files, respond: () => res.redirect(303, next ? `/tugas/${next.task.id}` : '/kotak-masuk') };
  }, recordedFiles));

  router.post('/tugas/:id/ambil', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    const task = await assignments.take(String(req.params.id), req.user!);
    setFlash(req, 'flash.taken');
    res.redirect(303, `/tugas/${task.id}`);
  }));

  router.post('/tugas/:id/lepas', requireRole('staff', 'process-owner'), asyncRoute(async (req, res) => {
    await assignments.release(String(req.params.id), req.user!);
    setFlash(req, 'flash.released');
    res.redirect(303, '/kotak-masuk');
  }));

  return router;
}

/** Accepted files of a submission that failed validation are kept for the next try. */
function stage(req: Request, taskId: string, files: StoredUpload[]): void {
  req.session.staged = { ...(req.session.staged ?? {}), [taskId]: files };
}

/** The bulk take's report: each task with its outcome, and how many were taken. */
function bulkResultView(results: TakeResult[]) {
  return {
    taken: results.filter((r) => r.outcome === 'taken').length,
    rows: results.map((r) => ({ ...r, label: `bulk.${r.outcome === 'held' ? 'heldByOther' : r.outcome}`, ok: r.outcome === 'taken' || r.outcome === 'mine' })),
  };
}
