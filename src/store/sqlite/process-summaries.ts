// The process catalogue for the SQLite store: every process key with a deployed version or a studio
// draft, its latest version (without the XML), and per process the running cases and their overdue
// open tasks, counted from indexes (cases_running, tasks_case) without loading cases.
import type { DefinitionRecord, ProcessSummary } from '../ports.js';
import type { Database } from './database.js';

type LatestRow = Omit<DefinitionRecord, 'xml'>;

export const PROCESS_KEYS_SQL = 'SELECT DISTINCT processKey FROM definitions ORDER BY processKey LIMIT ?';
export const DRAFT_KEYS_SQL = 'SELECT processKey, savedAt FROM process_drafts ORDER BY processKey LIMIT ?';
export const LATEST_SUMMARY_SQL =
  'SELECT id, processKey, version, name, createdAt, createdBy, comment FROM definitions WHERE processKey = ? ORDER BY version DESC LIMIT 1';
export const RUNNING_CASES_SQL = "SELECT count(*) FROM cases WHERE status = 'running' AND processKey = ?";
export const OVERDUE_TASKS_SQL =
  "SELECT count(*) FROM cases c JOIN tasks t ON t.caseId = c.id AND t.status = 'open' AND t.dueAt < @now " +
  "WHERE c.status = 'running' AND c.processKey = @processKey";

export function createProcessSummaries(db: Database) {
  const st = {
    keys: db.prepare<[number], string>(PROCESS_KEYS_SQL).pluck(),
    drafts: db.prepare<[number], { processKey: string; savedAt: string }>(DRAFT_KEYS_SQL),
    latest: db.prepare<[string], LatestRow>(LATEST_SUMMARY_SQL),
    running: db.prepare<[string], number>(RUNNING_CASES_SQL).pluck(),
    overdue: db.prepare<{ now: string; processKey: string }, number>(OVERDUE_TASKS_SQL).pluck(),
  };
  const listLatestDefinitions = (limit = 200): LatestRow[] => st.keys.all(limit).flatMap((key) => st.latest.get(key) ?? []);
  const listProcessSummaries = (now: string, limit = 200): ProcessSummary[] => {
    const drafts = new Map(st.drafts.all(limit).map((d) => [d.processKey, d.savedAt]));
    const keys = [...new Set([...st.keys.all(limit), ...drafts.keys()])].sort().slice(0, limit);
    return keys.map((processKey) => ({
      processKey,
      latest: st.latest.get(processKey) ?? null,
      draftSavedAt: drafts.get(processKey) ?? null,
      runningCases: st.running.get(processKey) as number,
      overdueTasks: st.overdue.get({ now, processKey }) as number,
    }));
  };
  return { listProcessSummaries, listLatestDefinitions };
}
