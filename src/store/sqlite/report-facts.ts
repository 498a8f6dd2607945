// Writes of the report facts in the SQLite store: facts a case change brings (in its transaction),
// facts computed afterwards for the backlog, and the backlog of cases whose facts are missing.
import type { CaseChange, CaseFacts, TaskFacts } from '../ports.js';
import type { Database } from './database.js';
import { DayDeltas, prepareDays } from './report-days.js';
import { packFact } from './task-facts-packed.js';

const TASK = [
  'processKey', 'elementId', 'completedAt', 'taskId', 'caseId', 'groupId', 'completedBy', 'takenAt',
  'elapsedMs', 'waitMs', 'handlingMs', 'standardMs', 'met', 'returnReasons', 'caseReturns', 'previousAt', 'previousCaseReturns',
];
const CASE = ['processKey', 'endedAt', 'caseId', 'createdAt', 'totalMs', 'agencyMs', 'applicantMs', 'standardMs', 'met', 'returns'];
// task_facts keeps its times and ids packed (task-facts-packed.ts); case_facts as given
const insertSql = (table: string, cols: string[], pack = (_col: string, expr: string) => expr) =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => pack(c, `@${c}`)).join(', ')}) ON CONFLICT DO NOTHING`;

const whole = (ms: number | null, what: string): number | null => {
  if (ms !== null && !Number.isSafeInteger(ms)) throw new RangeError(`${what} must be a whole number of ms: ${ms}`);
  return ms;
};

export function taskFactsRow(f: TaskFacts) {
  return {
    processKey: f.processKey, elementId: f.elementId, completedAt: f.completedAt, taskId: f.taskId, caseId: f.caseId, groupId: f.groupId,
    completedBy: f.completedBy, takenAt: f.takenAt, elapsedMs: whole(f.elapsedMs, 'elapsedMs'), waitMs: whole(f.waitMs, 'waitMs'),
    handlingMs: whole(f.handlingMs, 'handlingMs'), standardMs: whole(f.standardMs, 'standardMs'), met: f.met ? 1 : 0,
    returnReasons: f.returnReasons ? JSON.stringify(f.returnReasons) : null, caseReturns: f.caseReturns,
    previousAt: f.previousAt, previousCaseReturns: f.previousCaseReturns,
  };
}

function caseFactsRow(c: CaseFacts) {
  for (const k of ['totalMs', 'agencyMs', 'applicantMs', 'standardMs'] as const) whole(c[k], k);
  return { ...c, met: c.met ? 1 : 0 };
}

/** Ids of the tasks a change completes (not cancels), with their case. */
function completedBy(change: CaseChange): Array<{ taskId: string; caseId: string }> {
  return [
    ...(change.completeTasks ?? []).filter((t) => (t.status ?? 'completed') === 'completed').map((t) => ({ taskId: t.taskId, caseId: change.case.id })),
    ...(change.openTasks ?? []).filter((t) => t.status === 'completed').map((t) => ({ taskId: t.id, caseId: t.caseId })),
  ];
}

export function createReportFacts(db: Database) {
  const applyDeltas = prepareDays(db);
  const st = {
    insertTask: db.prepare(insertSql('task_facts', TASK, packFact)),
    insertCase: db.prepare(insertSql('case_facts', CASE)),
    enqueue: db.prepare<[string]>('INSERT INTO report_backlog (caseId, mark) VALUES (?, 1) ON CONFLICT (caseId) DO UPDATE SET mark = mark + 1'),
    backlog: db.prepare<[number], { caseId: string; mark: number }>('SELECT caseId, mark FROM report_backlog ORDER BY caseId LIMIT ?'),
    clear: db.prepare<[string, number]>('DELETE FROM report_backlog WHERE caseId = ? AND mark = ?'),
  };

  /** Inserts the facts not recorded yet and adds exactly those to report_days. */
  function record(tasks: TaskFacts[], cases: CaseFacts[]): void {
    const deltas = new DayDeltas();
    for (const f of tasks) if (st.insertTask.run(taskFactsRow(f)).changes > 0) deltas.addTask(f);
    for (const c of cases) if (st.insertCase.run(caseFactsRow(c)).changes > 0) deltas.addCase(c);
    applyDeltas(deltas);
  }

  const save = db.transaction((batch: { tasks: TaskFacts[]; cases: CaseFacts[]; done: Array<{ caseId: string; mark: number }> }) => {
    record(batch.tasks, batch.cases);
    for (const d of batch.done) st.clear.run(d.caseId, d.mark);
  });

  return {
    /** Inside applyCaseChange's transaction: the change's facts, and the backlog for what came without them. */
    recordChange(change: CaseChange): void {
      const given = new Set((change.facts?.tasks ?? []).map((f) => f.taskId));
      record(change.facts?.tasks ?? [], change.facts?.case ? [change.facts.case] : []);
      const missing = new Set(completedBy(change).filter((t) => !given.has(t.taskId)).map((t) => t.caseId));
      if (change.case.status === 'completed' && !change.facts?.case) missing.add(change.case.id);
      for (const caseId of missing) st.enqueue.run(caseId);
    },
    listReportBacklog(limit: number) {
      if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`backlog limit must be an integer >= 0: ${limit}`);
      return st.backlog.all(limit);
    },
    saveReportFacts(batch: { tasks: TaskFacts[]; cases: CaseFacts[]; done: Array<{ caseId: string; mark: number }> }): void {
      save.immediate(batch);
    },
  };
}

export type ReportFactsWriter = ReturnType<typeof createReportFacts>;
