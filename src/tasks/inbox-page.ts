// View model of the inboxes: an applicant's "Tugas Saya" (own open 'pemohon' tasks); staff "Tugas
// Saya" (taken by me) and "Antrian" (unassigned in any of my groups) with filters (process, a step of one process, state,
// search), sortable columns and paging on the server, each row's process, waiting time and time left
// against the Mutu Baku Waktu by urgency, the case's subject (a pack's short fact, e.g. a masked NIK),
// and Alihkan only where someone else could receive the task.
import { APPLICANT_GROUP, type Store, type TaskQuery, type TaskRecord, type UserRecord } from '../store/ports.js';
import type { Actor } from '../cases/task-access.js';
import {
  filterQueryString, isFiltered, PAGE_SIZE, parseFilters, parseProcess, sharedQuery, sortQuery, SORTS, stateQuery, statesOf,
  type InboxFilters, type InboxView,
} from './inbox-filters.js';
import { processesForGroups, processNames, stepsForGroups, type ProcessOption, type StepOption } from './process-steps.js';
import { NO_CASE_SUBJECT, subjectHeading, type CaseSubject, type CaseSubjectOf } from './case-subject.js';
import { rowTimes, sortHeaders } from './inbox-columns.js';
import type { AssignmentService } from './assignment-service.js';

const PATHS: Record<InboxView, string> = { queue: '/kotak-masuk', mine: '/tugas' };

export async function inboxModel(
  store: Store, user: Actor, view: InboxView, query: Record<string, unknown>, now: Date, caseSubject: CaseSubjectOf = NO_CASE_SUBJECT,
  assignments?: Pick<AssignmentService, 'othersCanReceive'>,
) {
  const staff = user.role !== 'applicant';
  const groupIds = [...user.groups];
  const processes = staff ? await processesForGroups(store, groupIds) : [];
  const process = parseProcess(query, processes.map((p) => p.key));
  // the step filter lists the steps of one process: the chosen one, or the only one there is
  const stepProcess = process || (processes.length === 1 ? processes[0]!.key : '');
  const steps = stepProcess ? await stepsForGroups(store, groupIds, stepProcess) : [];
  const f = parseFilters(staff ? query : { halaman: query.halaman }, view, steps.map((s) => s.elementId), process, stepProcess);
  const scope: Record<InboxView, TaskQuery> = {
    // NOTE: through the reader's groups, so the query is served by the (status, groupId, assigneeId, …) index in
    // order; a task they hold is always of one of their groups (leaving a group returns its held tasks: src/staff)
    mine: staff ? { groupIds, assigneeId: user.id } : { groupIds: [APPLICANT_GROUP], applicantId: user.id },
    queue: { groupIds, assigneeId: null },
  };
  const shared = sharedQuery(f);
  const selected: TaskQuery = { ...scope[view], ...shared, ...stateQuery(f, now) };
  const [total, mineCount, queueCount, failed] = await Promise.all([
    store.countTasks(selected),
    staff ? store.countTasks({ ...scope.mine, ...shared }) : Promise.resolve(0),
    staff ? store.countTasks({ ...scope.queue, ...shared }) : Promise.resolve(0),
    staff ? store.listCasesByStatus('failed', 20) : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const tasks = await store.listTasks({ ...selected, ...sortQuery(f), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [names, subjects, processNameOf, receivers] = await Promise.all([
    assigneeNames(store, tasks),
    staff ? caseSubjects(store, tasks, caseSubject) : new Map<string, CaseSubject>(),
    rowProcessNames(store, tasks, processes),
    staff && assignments ? assignments.othersCanReceive(tasks.map((t) => t.groupId), user) : Promise.resolve(new Map<string, boolean>()),
  ]);
  const tabQuery = filterQueryString(f, { withState: false });
  const heading = view === 'queue' ? 'inbox.kotakMasuk' : 'inbox.tugasSaya';
  return {
    title: heading,
    heading,
    staff,
    view,
    // the working page of staff uses the screen's width (one task per line)
    wide: staff,
    processFilter: f.process,
    sortHeaders: sortHeaders(f, PATHS[view]),
    subjectLabel: subjectHeading(subjects.values()),
    tabs: staff
      ? [
          { href: `${PATHS.queue}${tabQuery}`, label: 'inbox.antrian', count: queueCount, current: view === 'queue' },
          { href: `${PATHS.mine}${tabQuery}`, label: 'inbox.tugasSaya', count: mineCount, current: view === 'mine' },
        ]
      : null,
    filters: staff ? filterForm(f, view, processes, steps) : null,
    summary: { total, from: total ? (page - 1) * PAGE_SIZE + 1 : 0, to: (page - 1) * PAGE_SIZE + tasks.length, filtered: isFiltered(f) },
    paging: pages > 1 ? pagingLinks(f, view, page, pages) : null,
    rows: tasks.map((t) => ({
      ...t,
      ...rowTimes(t, now),
      subject: subjects.get(t.caseId)?.value ?? null,
      processName: processNameOf.get(t.processKey) ?? t.processKey,
      assigneeName: t.assigneeId ? names.get(t.assigneeId) : null,
      canTake: staff && !t.assigneeId,
      // NOTE: without the assignment service (no staff) nobody is known to receive it: not offered
      canReassign: staff && (!t.assigneeId || t.assigneeId === user.id) && receivers.get(t.groupId) === true,
    })),
    canBulkTake: staff && view === 'queue' && tasks.length > 0,
    failed: failed.map((c) => ({ id: c.id, applicantName: c.applicantName, updatedAt: c.updatedAt, error: c.error })),
  };
}

function filterForm(f: InboxFilters, view: InboxView, processes: ProcessOption[], steps: StepOption[]) {
  const other: InboxView = view === 'queue' ? 'mine' : 'queue';
  return {
    action: PATHS[view],
    search: f.search,
    processes: processes.map((p) => ({ ...p, selected: p.key === f.process })),
    steps: steps.map((s) => ({ ...s, selected: s.elementId === f.step })),
    // several processes and none chosen: steps are per process, so none are offered yet
    chooseProcessFirst: !f.stepProcess,
    states: statesOf(view).map((value) => ({ value, label: `inbox.state.${value}`, selected: value === f.state })),
    sorts: SORTS.map((value) => ({ value, label: `inbox.sort.${value}`, selected: value === f.sort })),
    // e.g. "baru" asked for in Tugas Saya: say why it is ignored and where such tasks are
    ignoredState: f.ignoredState
      ? { label: `inbox.state.${f.ignoredState}`, note: `inbox.ignored.${view}`, href: `${PATHS[other]}${filterQueryString({ ...f, state: f.ignoredState }, {})}` }
      : null,
    reset: isFiltered(f) ? PATHS[view] : null,
  };
}

function pagingLinks(f: InboxFilters, view: InboxView, page: number, pages: number) {
  const href = (p: number) => `${PATHS[view]}${filterQueryString(f, { page: p })}`;
  return {
    page,
    pages,
    prev: page > 1 ? href(page - 1) : null,
    next: page < pages ? href(page + 1) : null,
    links: Array.from({ length: pages }, (_, i) => i + 1)
      .filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 2)
      .map((p) => ({ page: p, href: href(p), current: p === page })),
  };
}

/** The process name of each row: from the deployed processes already read, else the latest definition. */
async function rowProcessNames(store: Store, tasks: TaskRecord[], processes: ProcessOption[]): Promise<Map<string, string>> {
  const known = new Map(processes.map((p) => [p.key, p.name]));
  const missing = tasks.map((t) => t.processKey).filter((k) => k && !known.has(k));
  for (const [k, name] of missing.length ? await processNames(store, missing) : []) known.set(k, name);
  return known;
}

async function assigneeNames(store: Store, tasks: TaskRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(tasks.map((t) => t.assigneeId).filter((x): x is string => Boolean(x)))];
  const users = await Promise.all(ids.map((id) => store.getUser(id)));
  return new Map(users.filter((u): u is UserRecord => Boolean(u)).map((u) => [u.id, u.displayName]));
}

/** The subject of each row's case (its process pack's choice; lists never show personal data in full). */
async function caseSubjects(store: Store, tasks: TaskRecord[], subjectOf: CaseSubjectOf): Promise<Map<string, CaseSubject>> {
  const ids = [...new Set(tasks.map((t) => t.caseId))];
  const cases = await Promise.all(ids.map((id) => store.getCase(id)));
  const out = new Map<string, CaseSubject>();
  for (const c of cases) {
    const subject = c ? subjectOf(c) : null;
    if (c && subject) out.set(c.id, subject);
  }
  return out;
}
