// The store's part of the compliance reports (src/compliance): timing facts recorded with the change
// that completes a task or ends a case, and the figures of a period the database aggregates from them.
import type { TaskRecord } from './ports.js';

/** One completed task, timed on its process version's clock when it was completed. */
export interface TaskFacts {
  taskId: string;
  caseId: string;
  processKey: string;
  elementId: string;
  /** The step as the task named it (a step no longer in the latest model is listed by these). */
  name: string;
  stepNo: number | null;
  groupId: string;
  completedAt: string;
  completedBy: string | null;
  /** The first take ('task.taken'), if before the completion. */
  takenAt: string | null;
  elapsedMs: number; // counted time from creation to completion
  waitMs: number | null; // creation to first take
  handlingMs: number | null; // first take to completion
  standardMs: number;
  met: boolean; // elapsedMs <= standardMs
  /** This completion returned the case ('case.returned'): its reason codes (or its reason text); else null. */
  returnReasons: string[] | null;
  /** Returns of the case up to and including this completion. */
  caseReturns: number;
  /** The case's previous completion of the same step (null for its first) and the case's returns up to it. */
  previousAt: string | null;
  previousCaseReturns: number | null;
}

/** One case that ended ('completed'), timed on its version's clock when it ended. */
export interface CaseFacts {
  caseId: string;
  processKey: string;
  createdAt: string;
  endedAt: string; // the last task's completion
  totalMs: number; // counted time from start to end
  agencyMs: number; // held by staff groups (the union of their tasks' open intervals)
  applicantMs: number; // held by the applicant
  standardMs: number; // sum of the version's time standards
  met: boolean; // totalMs <= standardMs
  returns: number;
}

/** Facts written with a CaseChange (tasks it completes, the case if it ends), in its transaction. */
export interface ReportFactsChange {
  tasks: TaskFacts[];
  case?: CaseFacts;
}

/** count / within / median / P90 (nearest rank) of durations, as src/compliance/stats.ts defines them. */
export interface FigureSummary {
  count: number;
  within: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ReportFiguresQuery {
  processKey: string;
  from: string; // inclusive
  to: string; // exclusive
  /** Consecutive sub-ranges of [from, to) with a row each (the calendar months), in order. */
  months: Array<{ key: string; from: string; to: string }>;
  /** The deciding steps (element ids) when no completion of the period returned a case. */
  returnSteps: string[];
}

export interface StepFigures extends FigureSummary {
  elementId: string;
  name: string;
  stepNo: number | null;
  groupId: string;
  standardMs: number;
  waitMedianMs: number | null;
  handlingMedianMs: number | null;
  returns: number; // completions that returned the case
}

export interface StaffFigures extends FigureSummary {
  userId: string;
  waitMedianMs: number | null;
  handlingMedianMs: number | null;
}

export interface MonthFigures extends FigureSummary {
  key: string;
  casesStarted: number;
  casesEnded: number;
  endToEndMedianMs: number | null;
  steps: Array<{ elementId: string; count: number; within: number }>;
}

/**
 * The figures of a period. Tasks count when COMPLETED in it (steps by element id, in order of
 * element id; staff: non-applicant steps by who completed them), cases when they ENDED in it.
 */
export interface ReportFigures {
  steps: StepFigures[];
  staff: StaffFigures[];
  months: MonthFigures[];
  cases: FigureSummary & { agencyMedianMs: number | null; applicantMedianMs: number | null; agencyTotalMs: number; applicantTotalMs: number };
  returns: {
    /** steps with a return in the period, else the query's returnSteps */
    steps: string[];
    decisions: number; // completions of those steps in the period
    returns: number; // completions (of any step) that returned a case in the period
    /**
     * cases that completed those steps in the period (per step: a case that completed two of them
     * counts at each), and their returns up to their last such completion
     */
    cases: number;
    caseReturns: number;
    distribution: [number, number, number, number]; // cases with 0, 1, 2, 3+ returns
    /** reasons of the period's returns, most frequent first (then by reason), at most 100 */
    reasons: Array<{ reason: string; count: number }>;
  };
}

export interface FactsPageQuery {
  processKey: string;
  from: string;
  to: string;
  limit: number; // at most 10,000
  offset: number;
}

/** The store's report methods (part of Store). */
export interface ReportFactsStore {
  /** The figures of a period, aggregated by the store from the recorded facts. */
  reportFigures(query: ReportFiguresQuery): Promise<ReportFigures>;
  /** Tasks completed in the period with their facts, by step (element id), completion time, id; one page. */
  listTaskFacts(query: FactsPageQuery): Promise<Array<{ task: TaskRecord; facts: TaskFacts }>>;
  /** Cases ended in the period with their facts, by end time, id; one page. */
  listCaseFacts(query: FactsPageQuery): Promise<Array<CaseFacts & { applicantName: string; definitionVersion: number }>>;
  /**
   * Open tasks of a process whose case was created before `caseCreatedBefore`, oldest first, at most
   * `limit`, with their case's version and their first take ('task.taken'), if any.
   */
  listOpenReportTasks(query: { processKey: string; caseCreatedBefore: string; limit: number }): Promise<Array<{ task: TaskRecord; definitionId: string; takenAt: string | null }>>;
  /**
   * Cases whose facts are missing: a change completed a task or ended the case without them (e.g. a
   * BPMN timer), or the case is older than the facts. `mark` changes whenever the case is listed again.
   */
  listReportBacklog(limit: number): Promise<Array<{ caseId: string; mark: number }>>;
  /** Facts computed afterwards (facts already recorded are kept as they are); clears the backlog entries whose mark is unchanged. */
  saveReportFacts(batch: { tasks: TaskFacts[]; cases: CaseFacts[]; done: Array<{ caseId: string; mark: number }> }): Promise<void>;
}

/** Largest page of listTaskFacts / listCaseFacts. */
export const MAX_FACTS_PAGE = 10_000;
/** Largest listOpenReportTasks. */
export const MAX_OPEN_REPORT_TASKS = 10_000;
/** Most reasons reportFigures lists. */
export const MAX_REPORT_REASONS = 100;
