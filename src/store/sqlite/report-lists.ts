// The reports' paged lists in the SQLite store, read by the report reader (off the main thread):
// completed tasks and ended cases of a period with their facts, and the open tasks of a process.
import { MAX_FACTS_PAGE, MAX_OPEN_REPORT_TASKS, type CaseFacts, type FactsPageQuery, type TaskFacts, type TaskRecord } from '../ports.js';
import { pageOf } from '../task-paging.js';
import type { ReportReader } from './report-reader.js';
import { taskSelect } from './statements.js';
import { auditCaseIs, auditTaskIs, auditTime, auditType } from './audit-compaction.js';
import { factTime, readFact } from './task-facts-packed.js';
import { unpackId } from './packed-ids.js';

const iso = (at: string): string => new Date(at).toISOString();
const taskCols = taskSelect('t.'); // completedAt, completedBy packed
const FACT_COLS = `${readFact('takenAt', 'f_takenAt', 'f.')}, f.elapsedMs AS f_elapsedMs, f.waitMs AS f_waitMs, f.handlingMs AS f_handlingMs, ` + // packed
  'f.standardMs AS f_standardMs, f.met AS f_met, f.returnReasons AS f_returnReasons, f.caseReturns AS f_caseReturns, ' +
  `${readFact('previousAt', 'f_previousAt', 'f.')}, f.previousCaseReturns AS f_previousCaseReturns`;

type FactCols = {
  f_takenAt: string | null; f_elapsedMs: number; f_waitMs: number | null; f_handlingMs: number | null; f_standardMs: number; f_met: number;
  f_returnReasons: string | null; f_caseReturns: number; f_previousAt: string | null; f_previousCaseReturns: number | null;
};

function page(q: FactsPageQuery, what: string): { limit: number; offset: number } {
  const p = pageOf(q, what, MAX_FACTS_PAGE);
  if (p.limit > MAX_FACTS_PAGE) throw new RangeError(`${what} limit must be at most ${MAX_FACTS_PAGE}: ${p.limit}`);
  return p;
}

export function createReportLists(reader: ReportReader) {
  return {
    async listTaskFacts(q: FactsPageQuery): Promise<Array<{ task: TaskRecord; facts: TaskFacts }>> {
      const { limit, offset } = page(q, 'task facts');
      const [from, to] = [iso(q.from), iso(q.to)];
      // the steps that have facts in the period come from report_days: the primary key starts with the step
      const [rows] = await reader.read([{
        sql: `SELECT ${taskCols}, ${FACT_COLS} FROM task_facts f JOIN tasks t ON t.id = ${unpackId('f.taskId')} WHERE f.processKey = ? ` +
          "AND f.elementId IN (SELECT DISTINCT substr(series, 6) FROM report_days WHERE processKey = ? AND day >= ? AND day <= ? AND substr(series, 1, 5) = 'step:') " +
          'AND f.completedAt >= ? AND f.completedAt < ? ORDER BY f.elementId, f.completedAt, f.taskId LIMIT ? OFFSET ?',
        params: [q.processKey, q.processKey, from.slice(0, 10), to.slice(0, 10), factTime(from), factTime(to), limit, offset], // completedAt in ms
      }]);
      return (rows as Array<TaskRecord & FactCols>).map((r) => {
        const { f_takenAt, f_elapsedMs, f_waitMs, f_handlingMs, f_standardMs, f_met, f_returnReasons, f_caseReturns, f_previousAt, f_previousCaseReturns, ...task } = r;
        return {
          task,
          facts: {
            taskId: task.id, caseId: task.caseId, processKey: task.processKey, elementId: task.elementId, name: task.name, stepNo: task.stepNo,
            groupId: task.groupId, completedAt: task.completedAt!, completedBy: task.completedBy, takenAt: f_takenAt, elapsedMs: f_elapsedMs,
            waitMs: f_waitMs, handlingMs: f_handlingMs, standardMs: f_standardMs, met: f_met === 1,
            returnReasons: f_returnReasons ? (JSON.parse(f_returnReasons) as string[]) : null, caseReturns: f_caseReturns,
            previousAt: f_previousAt, previousCaseReturns: f_previousCaseReturns,
          },
        };
      });
    },

    async listCaseFacts(q: FactsPageQuery): Promise<Array<CaseFacts & { applicantName: string; definitionVersion: number }>> {
      const { limit, offset } = page(q, 'case facts');
      const [rows] = await reader.read([{
        sql: 'SELECT f.caseId, f.processKey, f.createdAt, f.endedAt, f.totalMs, f.agencyMs, f.applicantMs, f.standardMs, f.met, f.returns, ' +
          'c.applicantName, c.definitionVersion FROM case_facts f JOIN cases c ON c.id = f.caseId ' +
          'WHERE f.processKey = ? AND f.endedAt >= ? AND f.endedAt < ? ORDER BY f.endedAt, f.caseId LIMIT ? OFFSET ?',
        params: [q.processKey, iso(q.from), iso(q.to), limit, offset],
      }]);
      return (rows as Array<Omit<CaseFacts, 'met'> & { met: number; applicantName: string; definitionVersion: number }>).map((r) => ({ ...r, met: r.met === 1 }));
    },

    async listOpenReportTasks(q: { processKey: string; caseCreatedBefore: string; limit: number }): Promise<Array<{ task: TaskRecord; definitionId: string; takenAt: string | null }>> {
      const { limit } = pageOf({ limit: q.limit }, 'open report tasks', MAX_OPEN_REPORT_TASKS);
      if (limit > MAX_OPEN_REPORT_TASKS) throw new RangeError(`open report tasks limit must be at most ${MAX_OPEN_REPORT_TASKS}: ${limit}`);
      const [rows] = await reader.read([{
        sql: `SELECT ${taskCols}, c.definitionId AS c_definitionId, ` +
          `(SELECT ${auditTime('min(a.at)')} FROM audit a WHERE ${auditCaseIs('t.caseId')} AND ${auditTaskIs('t.id')} AND a.type = ${auditType("'task.taken'")}) AS a_takenAt ` + // packed
          'FROM tasks t JOIN cases c ON c.id = t.caseId ' +
          "WHERE t.status = 'open' AND t.processKey = ? AND c.createdAt < ? ORDER BY t.createdAt, t.id LIMIT ?",
        params: [q.processKey, iso(q.caseCreatedBefore), limit],
      }]);
      return (rows as Array<TaskRecord & { c_definitionId: string; a_takenAt: string | null }>).map(({ c_definitionId, a_takenAt, ...task }) => ({ task, definitionId: c_definitionId, takenAt: a_takenAt }));
    },
  };
}
