// Compliance settings (working calendar, per-version time settings) and the plain reads the
// reports aggregate, for the SQLite store. Lists of ids travel as one JSON parameter (json_each),
// so any number of cases is one statement.
import type {
  AuditEvent,
  AuditType,
  CaseSummary,
  CaseSummaryQuery,
  ProcessTimeSettings,
  TaskRecord,
  WorkingCalendarRecord,
} from '../ports.js';
import type { Database } from './database.js';
import { AUDIT_READ, auditFromCompactRow, auditType, type CompactAuditRow } from './audit-compaction.js';
import { packId, unpackId } from './packed-ids.js';
import { cols, taskSelect } from './statements.js';

const SUMMARY = [
  'id', 'definitionId', 'processKey', 'definitionVersion', 'applicantId', 'applicantName', 'status', 'rev', 'error', 'createdAt', 'updatedAt',
];

type CalendarRow = { timeZone: string; hours: string; holidays: string; updatedAt: string; updatedBy: string | null };
type SettingsRow = { definitionId: string; timeBasis: string; escalateTo: string; updatedAt: string; updatedBy: string | null };

export function createCompliance(db: Database) {
  const st = {
    getCalendar: db.prepare<[], CalendarRow>('SELECT timeZone, hours, holidays, updatedAt, updatedBy FROM working_calendar WHERE id = 1'),
    saveCalendar: db.prepare<CalendarRow>(
      'INSERT INTO working_calendar (id, timeZone, hours, holidays, updatedAt, updatedBy) ' +
        'VALUES (1, @timeZone, @hours, @holidays, @updatedAt, @updatedBy) ON CONFLICT (id) DO UPDATE SET ' +
        'timeZone = excluded.timeZone, hours = excluded.hours, holidays = excluded.holidays, ' +
        'updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy',
    ),
    getSettings: db.prepare<[string], SettingsRow>(
      'SELECT definitionId, timeBasis, escalateTo, updatedAt, updatedBy FROM process_time_settings WHERE definitionId = ?',
    ),
    saveSettings: db.prepare<SettingsRow>(
      'INSERT INTO process_time_settings (definitionId, timeBasis, escalateTo, updatedAt, updatedBy) ' +
        'VALUES (@definitionId, @timeBasis, @escalateTo, @updatedAt, @updatedBy) ON CONFLICT (definitionId) DO UPDATE SET ' +
        'timeBasis = excluded.timeBasis, escalateTo = excluded.escalateTo, updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy',
    ),
    // two statements, not `(@processKey IS NULL OR …)`, which no index serves
    casesOf: db.prepare<{ processKey: string; createdBefore: string; activeFrom: string }, CaseSummary>(
      `SELECT ${cols(SUMMARY)} FROM cases WHERE processKey = @processKey AND createdAt < @createdBefore ` +
        "AND (updatedAt >= @activeFrom OR status = 'running') ORDER BY createdAt, rowid",
    ),
    cases: db.prepare<{ createdBefore: string; activeFrom: string }, CaseSummary>(
      `SELECT ${cols(SUMMARY)} FROM cases WHERE createdAt < @createdBefore ` +
        "AND (updatedAt >= @activeFrom OR status = 'running') ORDER BY createdAt, rowid",
    ),
    tasks: db.prepare<[string], TaskRecord>(
      `SELECT ${taskSelect()} FROM tasks WHERE caseId IN (SELECT value FROM json_each(?)) ORDER BY createdAt, id`,
    ),
    audit: db.prepare<[string, string], CompactAuditRow>(
      `SELECT ${AUDIT_READ.columns} FROM ${AUDIT_READ.from} WHERE a.caseId IN (SELECT ${packId('value')} FROM json_each(?)) ` +
        // by time; equal times by case, then insertion order (the MongoDB store numbers events per case)
        `AND a.type IN (SELECT ${auditType('value')} FROM json_each(?)) ORDER BY a.at, ${unpackId('a.caseId')}, a.seq`,
    ),
  };

  return {
    getWorkingCalendar(): WorkingCalendarRecord | null {
      const row = st.getCalendar.get();
      return row ? { ...row, hours: JSON.parse(row.hours), holidays: JSON.parse(row.holidays) } : null;
    },
    saveWorkingCalendar(c: WorkingCalendarRecord): void {
      st.saveCalendar.run({ ...c, hours: JSON.stringify(c.hours), holidays: JSON.stringify(c.holidays) });
    },
    getProcessTimeSettings(definitionId: string): ProcessTimeSettings | null {
      const row = st.getSettings.get(definitionId);
      return row ? { ...row, timeBasis: row.timeBasis as ProcessTimeSettings['timeBasis'], escalateTo: JSON.parse(row.escalateTo) } : null;
    },
    saveProcessTimeSettings(s: ProcessTimeSettings): void {
      st.saveSettings.run({ ...s, escalateTo: JSON.stringify(s.escalateTo) });
    },
    listCaseSummaries(q: CaseSummaryQuery): CaseSummary[] {
      const range = { createdBefore: q.createdBefore, activeFrom: q.activeFrom };
      return q.processKey === undefined ? st.cases.all(range) : st.casesOf.all({ ...range, processKey: q.processKey });
    },
    listTasksOfCases(caseIds: string[]): TaskRecord[] {
      return caseIds.length ? st.tasks.all(JSON.stringify(caseIds)) : [];
    },
    listAuditOfCases(caseIds: string[], types: AuditType[]): AuditEvent[] {
      if (!caseIds.length || !types.length) return [];
      return st.audit.all(JSON.stringify(caseIds), JSON.stringify(types)).map(auditFromCompactRow);
    },
  };
}
