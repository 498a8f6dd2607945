// The open tasks at one step of one process, for the SQLite store (the process view). Tasks do not
// carry their process: the statement reads the step's open tasks through tasks_step, in page order,
// and keeps those whose case (by primary key) is of the process. CROSS JOIN keeps that order of reading.
import type { StepTaskQuery, TaskRecord } from '../ports.js';
import type { Database } from './database.js';
import { taskSelect } from './statements.js';

const T = taskSelect('t.');
const FROM =
  "FROM tasks t CROSS JOIN cases c WHERE t.status = 'open' AND t.elementId = @elementId AND c.id = t.caseId AND c.processKey = @processKey";
export const STEP_TASKS_SQL = `SELECT ${T} ${FROM} ORDER BY t.dueAt, t.createdAt, t.id LIMIT @limit`;
export const STEP_TASKS_DUE_SQL = `SELECT ${T} ${FROM} AND t.dueAt < @dueBefore ORDER BY t.dueAt, t.createdAt, t.id LIMIT @limit`;
export const COUNT_STEP_TASKS_SQL = `SELECT count(*) ${FROM}`;
export const COUNT_STEP_TASKS_DUE_SQL = `SELECT count(*) ${FROM} AND t.dueAt < @dueBefore`;

export function createStepTasks(db: Database) {
  const st = {
    list: db.prepare<Record<string, unknown>, TaskRecord>(STEP_TASKS_SQL),
    listDue: db.prepare<Record<string, unknown>, TaskRecord>(STEP_TASKS_DUE_SQL),
    count: db.prepare<Record<string, unknown>, number>(COUNT_STEP_TASKS_SQL).pluck(),
    countDue: db.prepare<Record<string, unknown>, number>(COUNT_STEP_TASKS_DUE_SQL).pluck(),
  };
  return {
    listStepTasks(q: StepTaskQuery): TaskRecord[] {
      const p = { processKey: q.processKey, elementId: q.elementId, limit: q.limit ?? 200 };
      return q.dueBefore === undefined ? st.list.all(p) : st.listDue.all({ ...p, dueBefore: q.dueBefore });
    },
    countStepTasks(q: StepTaskQuery): number {
      const p = { processKey: q.processKey, elementId: q.elementId };
      return (q.dueBefore === undefined ? st.count.get(p) : st.countDue.get({ ...p, dueBefore: q.dueBefore })) as number;
    },
  };
}
