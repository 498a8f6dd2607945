// The applicant's view of their own case, in their words: the nomor permohonan, where the case is and
// who has it ("sedang diperiksa petugas"), "Langkah Anda" (their steps with a state each), the end
// page's text and receipt, and a short history in sentences. No process version, hashes, staff
// names, time standards or raw audit rows (staff see those on their page: case-page.ts).
import type { DefinitionService } from '../definitions/definition-service.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { APPLICANT_GROUP, type AuditEvent, type CaseRecord, type DocumentRecord, type Store, type TaskRecord } from '../store/ports.js';
import { reviewSections } from '../tasks/task-page.js';
import { pendingReturn, returnView } from './returns.js';
import type { ServiceGuide } from './service-guide.js';
import { startFormOfDefinition } from './start-form.js';
import { statusKey } from './case-page.js';

/** A state of one of the applicant's steps (GOV.UK task list): its tag's text is `mine.state.<state>`. */
export type MyStepState = 'todo' | 'draft' | 'waiting' | 'returned' | 'done' | 'skipped';

export interface MyStep {
  name: string;
  state: MyStepState;
  /** The open task and its page, when the applicant can act on it now. */
  taskId: string | null;
  href: string | null;
}

/** Where the case is, in words: `situation.<kind>` with the step's name. */
export type Situation = 'yours' | 'queue' | 'held' | 'completed' | 'withdrawn' | 'closed' | 'failed';

/** Audit types the applicant's history tells, each as one sentence (`mine.history.<type>`, `.staff` when staff did it). */
const TOLD = new Set(['case.started', 'task.completed', 'case.returned', 'document.uploaded', 'account.activated', 'case.completed', 'contact.verified', 'case.withdrawn', 'case.closed', 'data.exported']);

export interface ApplicantPageDeps {
  store: Store;
  definitions: DefinitionService;
  formRegistry: FormRegistry;
  guide: ServiceGuide;
}

/** The steps of the applicant, with the state each has now (see MyStepState). */
export function myStepStates(specs: Array<{ id: string; name: string }>, c: CaseRecord, open: TaskRecord[], done: TaskRecord[], audit: AuditEvent[], drafts: Set<string>): MyStep[] {
  return specs.map((spec) => {
    const task = open.find((t) => t.elementId === spec.id && t.groupId === APPLICANT_GROUP);
    if (task) {
      const state: MyStepState = pendingReturn(task, audit) ? 'returned' : drafts.has(task.id) ? 'draft' : 'todo';
      return { name: spec.name, state, taskId: task.id, href: `/tugas/${task.id}` };
    }
    const finished = done.some((t) => t.elementId === spec.id);
    return { name: spec.name, state: finished ? 'done' : c.status === 'running' ? 'waiting' : 'skipped', taskId: null, href: null };
  });
}

export async function applicantPageModel(deps: ApplicantPageDeps, c: CaseRecord) {
  const { store, definitions } = deps;
  const [open, done, audit, documents, def] = await Promise.all([
    store.listTasks({ caseId: c.id, status: 'open', limit: 100 }),
    store.listTasks({ caseId: c.id, status: 'completed', limit: 1000 }),
    store.listAudit(c.id),
    store.listDocuments(c.id),
    definitions.byId(c.definitionId),
  ]);
  const [model, mine, startForm] = await Promise.all([definitions.model(def), deps.guide.applicantSteps(def), startFormOfDefinition(def)]);
  const drafts = new Set<string>();
  for (const t of open.filter((x) => x.groupId === APPLICANT_GROUP)) if (await store.getDraft(t.id, c.applicantId)) drafts.add(t.id);

  const ordered = [...model.userTasks].sort((a, b) => (a.sop.stepNo ?? 0) - (b.sop.stepNo ?? 0));
  const current = open[0];
  const position = current ? ordered.findIndex((s) => s.id === current.elementId) + 1 : 0;
  const returned = current && current.groupId === APPLICANT_GROUP ? pendingReturn(current, audit) : undefined;
  const texts = deps.guide.texts(c.processKey);
  const systems = audit.filter((e) => e.type === 'account.activated').flatMap((e) => (Array.isArray(e.data.systems) ? e.data.systems.map(String) : []));
  const ended = audit.filter((e) => e.type === 'case.completed' || e.type === 'case.withdrawn' || e.type === 'case.closed').at(-1);
  return {
    title: 'mine.title',
    case: { id: c.id, caseNumber: c.caseNumber ?? null, createdAt: c.createdAt, status: c.status },
    processName: def.name,
    statusKey: statusKey(c, open, done, audit, deps.formRegistry),
    situation: situationOf(c, current),
    step: current ? { name: current.name, position, total: ordered.length, dueAt: current.dueAt } : null,
    total: ordered.length,
    returned: returned ? returnView(returned, deps.formRegistry) : null,
    steps: myStepStates(mine, c, open, done, audit, drafts),
    startData: startForm ? reviewSections([startForm], c, [], new Map(), new Map()).sections : [],
    documents: documents.map((d: DocumentRecord) => ({ id: d.id, originalName: d.originalName, size: d.size, createdAt: d.createdAt })),
    end: c.status === 'completed'
      ? { title: texts.completedTitle, text: texts.completedText, systems: systems.map((s) => ({ name: s, login: texts.systemLogin?.[s] ?? null })), at: ended?.at ?? c.updatedAt }
      : null,
    endedAt: ended?.at ?? null,
    endReason: ended && ended.type !== 'case.completed' ? String(ended.data.reason ?? '') : '',
    canWithdraw: c.status === 'running',
    history: audit.filter((e) => TOLD.has(e.type)).map((e) => ({
      at: e.at,
      text: `mine.history.${e.type}${e.actorId && e.actorId !== c.applicantId ? '.staff' : ''}`,
      step: typeof e.data.step === 'string' ? e.data.step : (typeof e.data.name === 'string' ? e.data.name : ''),
    })),
  };
}

function situationOf(c: CaseRecord, current: TaskRecord | undefined): Situation {
  if (c.status !== 'running') return c.status;
  if (!current) return 'queue'; // between steps (e.g. a timer): with the office
  if (current.groupId === APPLICANT_GROUP) return 'yours';
  return current.assigneeId ? 'held' : 'queue';
}
